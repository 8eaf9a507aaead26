/* rubric-core-test-utils.h — fixtures the core's tests share (no display)
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rubric-kit.h"
#include "rubric-session.h"
#include "rubric-study.h"

G_BEGIN_DECLS

char                *rubric_test_read_data        (const char    *name,
                                                  gsize         *length);
RubricKit           *rubric_test_load_kit         (const char    *name);
RubricKit           *rubric_test_load_shipped_kit (void);
RubricSession       *rubric_test_load_session     (RubricKit     *kit,
                                                  const char    *folder,
                                                  const char    *name);
void                 rubric_test_store_result_cb  (GObject       *object,
                                                  GAsyncResult  *result,
                                                  gpointer       user_data);
GAsyncResult        *rubric_test_wait_for         (GAsyncResult **slot);
RubricStudyProgress *rubric_test_load_progress    (const char    *kit_id);
void                 rubric_test_remove_tree      (const char    *path);
void                 rubric_test_write_file       (const char    *path,
                                                  const char    *text);
char                *rubric_test_read_file        (const char    *path);
void                 rubric_test_clean_data_home  (const char    *data_home);

G_END_DECLS
