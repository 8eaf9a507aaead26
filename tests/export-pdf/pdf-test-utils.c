/* pdf-test-utils.c — what the PDF tests read a PDF back with: poppler's
 * tools, and a reference PDF of the text font alone
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shared by the candidate summary's PDF tests (test-export-pdf.c) and the
 * debrief's (test-debrief.c). pdftotext, pdffonts and pdftoppm
 * (poppler-utils) must be installed: without them the tests fail rather
 * than skip.
 */

#include "config.h"

#include <cairo-pdf.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "rubric-export-private.h"
#include "pdf-test-utils.h"

/* Runs a program with ARGV (NULL-terminated, argv[0] looked up in PATH)
 * and returns its standard output; a missing program or a failure fails
 * the test. */
char *
pdf_test_run_argv (const char * const *argv)
{
  g_autofree char *program = g_find_program_in_path (argv[0]);
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  int status = 0;

  if (program == NULL)
    g_error ("%s is not installed: the PDF tests need poppler-utils", argv[0]);
  g_ptr_array_add (args, program);
  for (guint i = 1; argv[i] != NULL; i++)
    g_ptr_array_add (args, (char *) argv[i]);
  g_ptr_array_add (args, NULL);

  g_spawn_sync (NULL, (char **) args->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("%s failed: %s", argv[0], err);
  return out;
}

/* The family Pango takes the PDF's letters from: the first of the
 * writer's families that is installed. */
char *
pdf_test_text_font_family (void)
{
  PangoFontMap *map = pango_cairo_font_map_get_default ();
  g_autoptr(GObject) context = G_OBJECT (pango_font_map_create_context (map));
  g_autoptr(PangoFontDescription) description = pango_font_description_new ();
  g_autoptr(GObject) fontset = NULL;
  g_autoptr(PangoFont) font = NULL;
  g_autoptr(PangoFontDescription) described = NULL;

  pango_font_description_set_family (description, RUBRIC_EXPORT_PDF_FONT_FAMILIES);
  pango_font_description_set_size (description, 10 * PANGO_SCALE);
  fontset = G_OBJECT (pango_font_map_load_fontset (map, PANGO_CONTEXT (context), description,
                                                   pango_language_get_default ()));
  font = pango_fontset_get_font (PANGO_FONTSET (fontset), (guint) 'a');
  g_assert_nonnull (font);
  described = pango_font_describe (font);
  return g_strdup (pango_font_description_get_family (described));
}

/* The fonts of a PDF as pdffonts lists them, each as "KIND NAME": KIND
 * is CFF, TrueType or Type3 (how a colour emoji font is embedded), NAME
 * its PostScript name without the subset tag, "CairoFont" for the fonts
 * cairo names by number (instances of a variable font). Unembedded
 * fonts fail the test. */
GHashTable *
pdf_test_fonts (const char *path)
{
  const char *argv[] = { "pdffonts", path, NULL };
  g_autofree char *out = pdf_test_run_argv (argv);
  g_auto(GStrv) lines = g_strsplit (out, "\n", -1);
  GHashTable *fonts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GRegex) row = g_regex_new ("^(?:[A-Z]{6}\\+)?(\\S+|\\[none\\])\\s+"
                                       "(CID Type 0C|CID Type 0|Type 1C|Type 1|Type 3|CID TrueType|TrueType|\\S+)"
                                       "\\s+\\S+\\s+(yes|no)\\s", 0, 0, NULL);

  g_assert_true (g_str_has_prefix (lines[1], "-----"));
  for (guint i = 2; lines[i] != NULL; i++)
    {
      g_autoptr(GMatchInfo) match = NULL;
      g_autofree char *name = NULL;
      g_autofree char *type = NULL;
      g_autofree char *embedded = NULL;
      const char *kind;

      if (*lines[i] == '\0')
        continue;
      if (!g_regex_match (row, lines[i], 0, &match))
        g_error ("pdffonts wrote a line this test does not know: %s", lines[i]);
      name = g_match_info_fetch (match, 1);
      type = g_match_info_fetch (match, 2);
      embedded = g_match_info_fetch (match, 3);
      if (!g_str_equal (embedded, "yes"))
        g_error ("%s is not embedded in %s", lines[i], path);

      if (g_str_has_prefix (name, "CairoFont-"))
        name[strlen ("CairoFont")] = '\0';
      if (strstr (type, "TrueType") != NULL)
        kind = "TrueType";
      else if (g_str_equal (type, "Type 3"))
        kind = "Type3";
      else
        kind = "CFF";
      g_hash_table_add (fonts, g_strconcat (kind, " ", name, NULL));
    }
  return fonts;
}

/* A PDF of TEXT in FAMILY alone, in each weight and style the writer
 * uses: what the text font gives in a PDF. */
char *
pdf_test_reference_pdf (const char *family,
               const char *text,
               const char *name)
{
  g_autofree char *file = g_strconcat (name, ".pdf", NULL);
  char *path = g_test_build_filename (G_TEST_BUILT, "export-pdf", file, NULL);
  cairo_surface_t *surface = cairo_pdf_surface_create (path, 595, 842);
  cairo_t *cr = cairo_create (surface);
  const PangoWeight weights[] = { PANGO_WEIGHT_NORMAL, PANGO_WEIGHT_SEMIBOLD, PANGO_WEIGHT_BOLD };

  for (guint w = 0; w < G_N_ELEMENTS (weights); w++)
    for (PangoStyle style = PANGO_STYLE_NORMAL; style <= PANGO_STYLE_ITALIC; style += PANGO_STYLE_ITALIC)
      {
        g_autoptr(PangoLayout) layout = pango_cairo_create_layout (cr);
        g_autoptr(PangoFontDescription) description = pango_font_description_new ();

        pango_font_description_set_family (description, family);
        pango_font_description_set_weight (description, weights[w]);
        pango_font_description_set_style (description, style);
        pango_font_description_set_size (description, 8 * PANGO_SCALE);
        pango_layout_set_font_description (layout, description);
        pango_layout_set_width (layout, 500 * PANGO_SCALE);
        pango_layout_set_text (layout, text, -1);
        cairo_move_to (cr, 40, 40);
        pango_cairo_show_layout (cr, layout);
        cairo_show_page (cr);
      }

  pdf_test_finish (cr, surface);
  return path;
}

/* Page PAGE at 150 dpi, as pdftoppm draws it. */
cairo_surface_t *
pdf_test_render_page (const char *path,
             int         page)
{
  g_autofree char *number = g_strdup_printf ("%d", page);
  g_autofree char *prefix = g_strdup_printf ("%s-page%d", path, page);
  g_autofree char *png = g_strconcat (prefix, ".png", NULL);
  const char *argv[] = { "pdftoppm", "-r", "150", "-f", number, "-l", number, "-singlefile", "-png", path, prefix, NULL };
  g_autofree char *out = pdf_test_run_argv (argv);
  cairo_surface_t *surface = cairo_image_surface_create_from_png (png);

  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_format (surface), !=, CAIRO_FORMAT_A8);
  return surface;
}

/* The PDF at PATH embeds only what the text font gives a PDF of TEXT
 * (its text) drawn by the test itself, as REFERENCE.pdf: no colour emoji
 * font (a Type 3 font of bitmaps), no fallback font. */
void
pdf_test_assert_text_font_only (const char *path,
                       const char *text,
                       const char *reference)
{
  g_autofree char *family = pdf_test_text_font_family ();
  g_autofree char *reference_path = pdf_test_reference_pdf (family, text, reference);
  g_autoptr(GHashTable) allowed = pdf_test_fonts (reference_path);
  g_autoptr(GHashTable) fonts = pdf_test_fonts (path);
  GHashTableIter iter;
  gpointer font;

  g_test_message ("the text font is %s", family);
  g_hash_table_iter_init (&iter, fonts);
  while (g_hash_table_iter_next (&iter, &font, NULL))
    {
      g_assert_false (g_str_has_prefix (font, "Type3"));
      if (!g_hash_table_contains (allowed, font))
        g_error ("the PDF embeds %s, which is not the text font %s", (char *) font, family);
    }
}

/* A panel's PDF (a debrief, a compare): landscape, so that ten columns
 * fit, and drawn in the text font alone. */
void
pdf_test_assert_panel_pdf (const char *path,
                           const char *text,
                           const char *reference)
{
  cairo_surface_t *page = pdf_test_render_page (path, 1);

  g_assert_cmpint (cairo_image_surface_get_width (page), >, cairo_image_surface_get_height (page));
  cairo_surface_destroy (page);
  pdf_test_assert_text_font_only (path, text, reference);
}

/* Collapses every run of white space into one space. */
char *
pdf_test_normalize (const char *text)
{
  g_autoptr(GRegex) space = g_regex_new ("\\s+", 0, 0, NULL);
  g_autofree char *collapsed = g_regex_replace_literal (space, text, -1, 0, " ", 0, NULL);

  return g_strstrip (g_steal_pointer (&collapsed));
}

/* The text of the PDF at PATH in drawing order, with white space
 * collapsed and words broken after a hyphen whole again. */
char *
pdf_test_text (const char *path)
{
  const char *argv[] = { "pdftotext", "-raw", path, "-", NULL };
  g_autofree char *raw = pdf_test_run_argv (argv);
  g_autoptr(GRegex) hyphen = g_regex_new ("-\\n", 0, 0, NULL);
  g_autofree char *joined = g_regex_replace_literal (hyphen, raw, -1, 0, "-", 0, NULL);

  return pdf_test_normalize (joined);
}

/* NEEDLE, its white space collapsed, is in TEXT (from pdf_test_text()). */
void
pdf_test_assert_contains (const char *text,
                          const char *needle)
{
  g_autofree char *normal = pdf_test_normalize (needle);

  if (strstr (text, normal) == NULL)
    {
      /* pdftotext guesses word breaks from glyph positions, and with some
       * fonts splits "11" into "1 1": compare without spaces before failing. */
      g_autofree char *compact_text = g_strdup (text);
      g_autofree char *compact_needle = g_strdup (normal);

      g_strdelimit (compact_text, " ", '\x01');
      g_strdelimit (compact_needle, " ", '\x01');
      {
        GString *a = g_string_new (compact_text);
        GString *b = g_string_new (compact_needle);
        gboolean found;

        g_string_replace (a, "\x01", "", 0);
        g_string_replace (b, "\x01", "", 0);
        found = strstr (a->str, b->str) != NULL;
        g_string_free (a, TRUE);
        g_string_free (b, TRUE);
        if (found)
          return;
      }
      g_error ("“%s” is not in the PDF's text:\n%s", normal, text);
    }
}

/* Destroys CR and finishes SURFACE, a PDF the test draws; a failure of
 * either fails the test. */
void
pdf_test_finish (cairo_t         *cr,
                 cairo_surface_t *surface)
{
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
}
