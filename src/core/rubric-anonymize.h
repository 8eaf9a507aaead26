/* rubric-anonymize.h — names and other identifying terms out of a text
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _RubricAnonymizer RubricAnonymizer;

RubricAnonymizer   *rubric_anonymizer_new             (void);
void                rubric_anonymizer_free            (RubricAnonymizer *self);
void                rubric_anonymizer_add_person      (RubricAnonymizer *self,
                                                       const char       *name,
                                                       const char       *alias);
void                rubric_anonymizer_add_term        (RubricAnonymizer *self,
                                                       const char       *term,
                                                       const char       *replacement);
char               *rubric_anonymizer_apply           (RubricAnonymizer *self,
                                                       const char       *text);
guint               rubric_anonymizer_get_n_replaced  (RubricAnonymizer *self);
const char * const *rubric_anonymizer_get_remaining   (RubricAnonymizer *self);

char               *rubric_anonymize_candidate_alias  (const char       *session_id);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RubricAnonymizer, rubric_anonymizer_free)

G_END_DECLS
