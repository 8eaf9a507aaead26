/* rubric-seal.h — what a sealed scorecard's hash is taken over
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "rubric-session.h"

G_BEGIN_DECLS

/* The one way Rubric seals: SHA-256 over canonical form 1 (docs/seal.md). */
#define RUBRIC_SEAL_ALGORITHM "sha256-canonical-1"

char       *rubric_seal_dup_canonical (RubricSession  *session);
char       *rubric_seal_dup_hash      (RubricSession  *session);
GHashTable *rubric_seal_dup_parts     (RubricSession  *session);

G_END_DECLS
