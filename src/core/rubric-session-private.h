/* rubric-session-private.h — loading a session from JSON already parsed
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "rubric-session.h"

G_BEGIN_DECLS

/* Like rubric_session_new_from_bytes() for @root, which rubric_json_parse()
 * made: for `rubric --check`, which parses a file once to see what it is.
 * Not public API. */
RubricSession *rubric_session_new_from_json (JsonNode   *root,
                                             RubricKit  *kit,
                                             GError    **error);

G_END_DECLS
