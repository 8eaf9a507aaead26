/* rubric-search-private.h — what the benchmark needs of the search index
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rubric-search.h"

G_BEGIN_DECLS

/* One index over the questions of several kits, in the order given (and
 * rubric_search_index_get_kit() returns the first). A kit holds at most
 * 5,000 questions (100 topics of 50), so this is how build-aux/bench kit
 * measures a search over 10,000. Not public API. */
RubricSearchIndex *rubric_search_index_new_for_kits (RubricKit * const *kits,
                                                     guint              n_kits);

G_END_DECLS
