/* rubric-kit-private.h — loading a kit from JSON already parsed
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "rubric-kit.h"

G_BEGIN_DECLS

/* Like rubric_kit_new_from_bytes() for @root, which rubric_json_parse()
 * made of @bytes: for `rubric --check`, which parses a file once to see
 * what it is. The loader reads @bytes again (its own pass over them is
 * quicker than a walk of @root). Not public API. */
RubricKit *rubric_kit_new_from_json (JsonNode  *root,
                                     GBytes    *bytes,
                                     GError   **error);

gboolean   _rubric_kit_holds_source (RubricKit *self);

G_END_DECLS
