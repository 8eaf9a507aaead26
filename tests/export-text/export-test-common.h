/* export-test-common.h — what the tests of the text export formats share
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rubric-export.h"
#include "rubric-kit.h"
#include "rubric-session.h"

G_BEGIN_DECLS

/* The text formats, in the order the tests go through them. */
extern const RubricExportFormat export_test_formats[4];

void        export_test_init              (int                 *argc,
                                           char              ***argv);
RubricKit  *export_test_load_kit          (void);
RubricSession *export_test_load_session   (const char          *name,
                                           RubricKit           *kit);
char       *export_test_export            (RubricSession       *session,
                                           RubricKit           *kit,
                                           RubricExportFormat   format,
                                           RubricExportFlags    flags);
const char *export_test_format_name       (RubricExportFormat   format);

char       *export_test_clean             (const char          *text);
char       *export_test_unescape_markdown (const char          *markdown);
char       *export_test_unescape_html     (const char          *html);
char       *export_test_squeeze           (const char          *text);
GPtrArray  *export_test_parse_csv         (const char          *csv,
                                           GError             **error);
guint       export_test_text_width        (const char          *text);

gboolean    export_test_has_text          (RubricExportFormat   format,
                                           const char          *output,
                                           const char          *text);
void        export_test_assert_has_text   (RubricExportFormat   format,
                                           const char          *output,
                                           const char          *text);

G_END_DECLS
