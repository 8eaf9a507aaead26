/* rubric-export-private.h — the format writers behind rubric-export.h
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each writer renders a RubricSummary; none reads the session, so none can
 * leak what the summary left out. Text from the session is always
 * escaped for the format: it is never markup.
 */

#pragma once

#include "rubric-anonymize.h"
#include "rubric-export.h"

G_BEGIN_DECLS

GBytes *rubric_export_write_markdown (const RubricSummary  *summary);
GBytes *rubric_export_write_html     (const RubricSummary  *summary);
GBytes *rubric_export_write_text     (const RubricSummary  *summary);
GBytes *rubric_export_write_csv      (const RubricSummary  *summary);
GBytes *rubric_export_write_pdf      (const RubricSummary  *summary,
                                      GCancellable         *cancellable,
                                      GError              **error);

/* The PDF's page in points for the locale's paper width in mm (LC_PAPER):
 * US Letter for 216 mm, A4 otherwise. Exposed for the tests. */
void    rubric_export_pdf_page_size_for_width_mm (int     width_mm,
                                                  double *width,
                                                  double *height);

/* The PDF's font families, so that every script finds a font; fontconfig
 * falls back further for anything none of them has, emoji included. No
 * emoji font is named here: one in the list takes digits, '#', '*' and
 * spaces (the colour emoji fonts have keycap glyphs for them), which then
 * come out as grey, blurred, double-width bitmaps. tests/export-pdf checks
 * that an ASCII summary embeds the text font only. */
#define RUBRIC_EXPORT_PDF_FONT_FAMILIES \
  "Cantarell, DejaVu Sans, Noto Sans, Noto Sans Arabic, Noto Sans Hebrew, Noto Sans CJK SC, sans-serif"

char       *rubric_export_clean_text      (const char                  *text);
gboolean    rubric_export_is_blank        (const char                  *text);
void        rubric_export_begin_block     (GString                     *out);
RubricAnonymizer *rubric_export_new_anonymizer (gboolean              anonymize,
                                                const char * const   *redact);
char       *rubric_export_apply_anonymizer (RubricAnonymizer          *anonymizer,
                                            const char                *text);
GStrv       rubric_export_dup_remaining   (RubricAnonymizer            *anonymizer);
char       *rubric_export_candidate_name  (RubricAnonymizer            *anonymizer,
                                           gboolean                     anonymize,
                                           const char                  *name,
                                           const char                  *session_id);

/* The writers' escaping, for the debrief's writers (rubric-debrief-export.c):
 * Markdown inline text (one line), a block of lines after PREFIX, a
 * heading, a list; HTML text of one line, a block that keeps its lines in
 * ELEMENT of CLASS, a list; the head of a document with the stylesheet;
 * a CSV field, with the guard against formulas. Each cleans its text first. */
void        rubric_export_md_inline       (GString                     *out,
                                           const char                  *text);
void        rubric_export_md_block        (GString                     *out,
                                           const char                  *text,
                                           const char                  *prefix);
void        rubric_export_md_heading      (GString                     *out,
                                           int                          level,
                                           const char                  *text);
void        rubric_export_md_items        (GString                     *out,
                                           const char * const          *items);
void        rubric_export_html_line       (GString                     *out,
                                           const char                  *text);
void        rubric_export_html_block      (GString                     *out,
                                           const char                  *element,
                                           const char                  *class,
                                           const char                  *text);
void        rubric_export_html_items      (GString                     *out,
                                           const char * const          *items);
void        rubric_export_html_head       (GString                     *out,
                                           const char                  *title,
                                           const char                  *css);
void        rubric_export_csv_field       (GString                     *out,
                                           const char                  *text,
                                           gboolean                     first);

/* The plain text writer's pieces, for the debrief's plain text
 * (rubric-debrief-export-text.c): lines wrapped at 80 columns, counted in
 * terminal columns; a text on one line; a heading underlined with
 * UNDERLINE; "Label: value" with the value at COLUMN (see
 * rubric_export_text_labels_column()); paragraphs, a "- item" list, and
 * each of them under "Label:"; a table of one-line cells (one column
 * wraps) with a note under any row. Nothing is escaped. */
char       *rubric_export_text_line       (const char                  *text);
guint       rubric_export_text_width      (const char                  *text);
void        rubric_export_text_heading    (GString                     *out,
                                           const char                  *text,
                                           char                         underline);
guint       rubric_export_text_labels_column (const char * const       *labels,
                                              guint                     n);
void        rubric_export_text_field      (GString                     *out,
                                           guint                        indent,
                                           const char                  *label,
                                           guint                        column,
                                           const char                  *value);
void        rubric_export_text_paragraphs (GString                     *out,
                                           const char                  *text,
                                           guint                        indent);
void        rubric_export_text_labelled_text (GString                  *out,
                                              guint                     indent,
                                              const char               *label,
                                              const char               *text);
void        rubric_export_text_items      (GString                     *out,
                                           const char * const          *items,
                                           guint                        indent);
void        rubric_export_text_labelled_items (GString                 *out,
                                               guint                    indent,
                                               const char              *label,
                                               const char * const      *items);
void        rubric_export_text_table      (GString *out, const char * const *headers, guint n_columns,
                                           const char * const *cells, guint n_rows, guint wrap,
                                           const gboolean *right, const char * const *notes);

G_END_DECLS
