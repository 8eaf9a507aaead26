/* pdf-test-utils.h — what the PDF tests read a PDF back with
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

char            *pdf_test_run_argv               (const char * const *argv);
char            *pdf_test_normalize              (const char         *text);
char            *pdf_test_text                   (const char         *path);
void             pdf_test_assert_contains        (const char         *text,
                                                  const char         *needle);
char            *pdf_test_text_font_family       (void);
GHashTable      *pdf_test_fonts                  (const char         *path);
void             pdf_test_finish                 (cairo_t            *cr,
                                                  cairo_surface_t    *surface);
char            *pdf_test_reference_pdf          (const char         *family,
                                                  const char         *text,
                                                  const char         *name);
cairo_surface_t *pdf_test_render_page            (const char         *path,
                                                  int                 page);
void             pdf_test_assert_text_font_only  (const char         *path,
                                                  const char         *text,
                                                  const char         *reference);
void             pdf_test_assert_panel_pdf       (const char         *path,
                                                  const char         *text,
                                                  const char         *reference);

G_END_DECLS
