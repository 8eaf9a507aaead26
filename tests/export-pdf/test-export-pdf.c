/* test-export-pdf.c — the PDF summary, read back with poppler's tools
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each PDF is kept in the build folder (tests/export-pdf/NAME.pdf) to look at,
 * page 1 of digits.pdf also as digits.pdf-page1.png. pdftotext, pdfinfo,
 * pdffonts and pdftoppm (poppler-utils) must be installed: without them
 * the tests fail rather than skip.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <cairo-pdf.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "rubric-anonymize.h"
#include "rubric-export-private.h"
#include "pdf-test-utils.h"
#include "rubric-core-test-utils.h"

#define run_argv pdf_test_run_argv
#define text_font_family pdf_test_text_font_family
#define pdf_fonts pdf_test_fonts
#define reference_pdf pdf_test_reference_pdf
#define render_page pdf_test_render_page
#define assert_text_font_only pdf_test_assert_text_font_only

static RubricKit *kit;

/* ------------------------------------------------------------- helpers */

static RubricKit *
load_kit (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "kits", "django-senior.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  RubricKit *result = rubric_kit_new_from_file (file, NULL, &error);

  g_assert_no_error (error);
  return result;
}

/* A session from FOLDER of tests/. */
static RubricSession *
load_session (const char *folder,
              const char *name)
{
  return rubric_test_load_session (kit, folder, name);
}

static RubricSession *
load_fixture (const char *name)
{
  return load_session ("export-pdf", name);
}

static gboolean
bytes_contain (const char *data,
               gsize       size,
               const char *needle,
               gsize       length)
{
  for (gsize i = 0; i + length <= size; i++)
    if (memcmp (data + i, needle, length) == 0)
      return TRUE;
  return FALSE;
}

static void
store_result_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GAsyncResult **slot = user_data;

  *slot = g_object_ref (result);
}

static GBytes *
export_pdf (RubricSession     *session,
            RubricExportFlags  flags)
{
  g_autoptr(GError) error = NULL;
  GBytes *bytes = rubric_export_to_bytes (session, kit, RUBRIC_EXPORT_FORMAT_PDF, flags, &error);
  const char *data;
  gsize size;

  g_assert_no_error (error);
  g_assert_nonnull (bytes);
  data = g_bytes_get_data (bytes, &size);
  g_assert_cmpuint (size, >, 1000);
  g_assert_true (memcmp (data, "%PDF-", 5) == 0);
  g_assert_true (bytes_contain (data + size - 16, 16, "%%EOF", 5));

  return bytes;
}

/* Keeps the PDF in the build folder; returns its path. */
static char *
save_pdf (GBytes     *bytes,
          const char *name)
{
  g_autofree char *file = g_strconcat (name, ".pdf", NULL);
  char *path = g_test_build_filename (G_TEST_BUILT, "export-pdf", file, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);
  return path;
}

/* Runs a poppler tool; a missing tool fails the test. */
static char *
run_tool (const char *tool,
          const char *option,
          const char *path,
          const char *output)
{
  g_autofree char *program = g_find_program_in_path (tool);
  const char *argv[6] = { NULL, };
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  int status = 0;
  int n = 0;

  if (program == NULL)
    g_error ("%s is not installed: the PDF tests need poppler-utils", tool);

  argv[n++] = program;
  if (option != NULL)
    argv[n++] = option;
  argv[n++] = path;
  if (output != NULL)
    argv[n++] = output;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("%s %s failed: %s", tool, path, err);
  g_assert_true (g_utf8_validate (out, -1, NULL));

  return out;
}

/* The text of the PDF in drawing order, without the page footers, with
 * white space collapsed: a note that continues on the next page reads
 * as one. The footer is the last thing drawn on a page. */
static char *
pdf_text (const char *path)
{
  g_autofree char *raw = run_tool ("pdftotext", "-raw", path, "-");
  g_autoptr(GRegex) footer = g_regex_new ("Interview summary · [^\\n]*?\\s*Page \\d+ of \\d+\\s*\\f?",
                                          0, 0, NULL);
  g_autoptr(GRegex) hyphen = g_regex_new ("-\\n", 0, 0, NULL);
  g_autofree char *text = g_regex_replace_literal (footer, raw, -1, 0, " ", 0, NULL);
  g_autofree char *joined = NULL;

  /* "django-debug-toolbar" broken after a hyphen reads whole again. */
  joined = g_regex_replace_literal (hyphen, text, -1, 0, "-", 0, NULL);
  return pdf_test_normalize (joined);
}

/* The text in reading order, as poppler puts right-to-left lines back in
 * logical order, without the bidi controls it adds around them. */
static char *
pdf_reading_text (const char *path)
{
  g_autofree char *raw = run_tool ("pdftotext", NULL, path, "-");
  g_autoptr(GRegex) controls = g_regex_new ("[\\x{200E}\\x{200F}\\x{202A}-\\x{202E}\\x{2066}-\\x{2069}]",
                                            0, 0, NULL);
  g_autofree char *text = g_regex_replace_literal (controls, raw, -1, 0, "", 0, NULL);

  return pdf_test_normalize (text);
}

/* Whether fontconfig has a font for C, so that it is drawn as text, not
 * as a box with its code point. */
static gboolean
have_font_for (gunichar c)
{
  PangoFontMap *map = pango_cairo_font_map_get_default ();
  PangoContext *context = pango_font_map_create_context (map);
  g_autoptr(PangoFontDescription) description = pango_font_description_from_string ("sans-serif 10");
  PangoFontset *fontset = pango_font_map_load_fontset (map, context, description,
                                                       pango_language_get_default ());
  PangoFont *font = pango_fontset_get_font (fontset, c);
  gboolean has = font != NULL && pango_font_has_char (font, c);

  g_clear_object (&font);
  g_object_unref (fontset);
  g_object_unref (context);
  return has;
}

static char *
pdf_info (const char *path)
{
  return run_tool ("pdfinfo", "-isodates", path, NULL);
}

/* The PDF's bookmarks, one a line, as pdftohtml's XML lists them. */
static char *
pdf_outline (const char *path)
{
  g_autofree char *base = g_strconcat (path, "-outline", NULL);
  g_autofree char *xml_path = g_strconcat (base, ".xml", NULL);
  g_autofree char *out = run_tool ("pdftohtml", "-xml", path, base);
  g_autofree char *xml = NULL;
  g_autoptr(GRegex) item = g_regex_new ("<item[^>]*>([^<]*)</item>", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  GString *outline = g_string_new (NULL);

  g_assert_true (g_file_get_contents (xml_path, &xml, NULL, NULL));
  g_regex_match (item, xml, 0, &match);
  while (g_match_info_matches (match))
    {
      g_autofree char *title = g_match_info_fetch (match, 1);

      g_string_append_printf (outline, "%s\n", title);
      g_match_info_next (match, NULL);
    }
  g_unlink (xml_path);
  return g_string_free (outline, FALSE);
}

static int
pdf_pages (const char *info)
{
  const char *pages = strstr (info, "\nPages:");

  g_assert_nonnull (pages);
  return atoi (pages + strlen ("\nPages:"));
}

static void
assert_not_contains (const char *text,
                     const char *needle)
{
  if (strstr (text, needle) != NULL)
    g_error ("“%s” should not be in the PDF's text", needle);
}

/* NEEDLE is nowhere in the bytes, as UTF-8 or as UTF-16 (how PDF strings
 * hold text that is not ASCII), in either case of hexadecimal. */
static void
assert_bytes_lack (GBytes     *bytes,
                   const char *needle)
{
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);
  g_autofree gunichar2 *utf16 = NULL;
  g_autoptr(GString) big_endian = g_string_new (NULL);
  g_autoptr(GString) hex = g_string_new (NULL);
  glong n;

  g_assert_false (bytes_contain (data, size, needle, strlen (needle)));

  utf16 = g_utf8_to_utf16 (needle, -1, NULL, &n, NULL);
  for (glong i = 0; i < n; i++)
    {
      g_string_append_c (big_endian, utf16[i] >> 8);
      g_string_append_c (big_endian, utf16[i] & 0xff);
      g_string_append_printf (hex, "%04X", utf16[i]);
    }
  g_assert_false (bytes_contain (data, size, big_endian->str, big_endian->len));
  g_assert_false (bytes_contain (data, size, hex->str, hex->len));
  {
    g_autofree char *lower = g_ascii_strdown (hex->str, -1);

    g_assert_false (bytes_contain (data, size, lower, hex->len));
  }
}

static void
assert_answers_read_back (const char    *text,
                          RubricSession *session)
{
  GListModel *answers = rubric_session_get_answers (session);

  for (guint i = 0; i < g_list_model_get_n_items (answers); i++)
    {
      g_autoptr(RubricAnswer) answer = g_list_model_get_item (answers, i);

      if (*rubric_answer_get_notes (answer) != '\0')
        pdf_test_assert_contains (text, rubric_answer_get_notes (answer));
    }
}

static void
assert_topics_read_back (const char *text)
{
  GListModel *topics = rubric_kit_get_topics (kit);

  for (guint i = 0; i < g_list_model_get_n_items (topics); i++)
    {
      g_autoptr(RubricTopic) topic = g_list_model_get_item (topics, i);

      pdf_test_assert_contains (text, rubric_topic_get_title (topic));
    }
}






typedef struct
{
  double x0, y0, x1, y1;   /* points, from the top left */
} Box;

/* Where WORD is on page PAGE, as pdftotext -bbox finds it: FALSE when it
 * is not one word there. */
static gboolean
find_word (const char *path,
           int         page,
           const char *word,
           Box        *box)
{
  g_autofree char *number = g_strdup_printf ("%d", page);
  const char *argv[] = { "pdftotext", "-bbox", "-f", number, "-l", number, path, "-", NULL };
  g_autofree char *out = run_argv (argv);
  g_autofree char *escaped = g_regex_escape_string (word, -1);
  g_autofree char *pattern = g_strdup_printf ("<word xMin=\"([0-9.]+)\" yMin=\"([0-9.]+)\" "
                                              "xMax=\"([0-9.]+)\" yMax=\"([0-9.]+)\">%s</word>", escaped);
  g_autoptr(GRegex) regex = g_regex_new (pattern, 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  double *v[] = { &box->x0, &box->y0, &box->x1, &box->y1 };

  if (!g_regex_match (regex, out, 0, &match))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (v); i++)
    {
      g_autofree char *value = g_match_info_fetch (match, i + 1);

      *v[i] = g_ascii_strtod (value, NULL);
    }
  return TRUE;
}


/* The darkest pixel of BOX (in points) on PAGE at 150 dpi, 0–255. Text
 * in the ink colour has near-black pixels at its core; digits from a
 * colour emoji font are grey and blurred all over. */
static int
darkest_in (cairo_surface_t *page,
            const Box       *box)
{
  const double scale = 150.0 / 72.0;
  int width = cairo_image_surface_get_width (page);
  int height = cairo_image_surface_get_height (page);
  int stride = cairo_image_surface_get_stride (page);
  const guint8 *data;
  int darkest = 255;

  cairo_surface_flush (page);
  data = cairo_image_surface_get_data (page);
  for (int y = MAX ((int) (box->y0 * scale), 0); y < MIN ((int) (box->y1 * scale + 1), height); y++)
    for (int x = MAX ((int) (box->x0 * scale), 0); x < MIN ((int) (box->x1 * scale + 1), width); x++)
      {
        guint32 pixel = *(const guint32 *) (data + y * stride + x * 4);
        int r = pixel >> 16 & 0xff, g = pixel >> 8 & 0xff, b = pixel & 0xff;

        darkest = MIN (darkest, (r * 299 + g * 587 + b * 114) / 1000);
      }
  return darkest;
}

/* -------------------------------------------------------------- tests */

static void
test_page_size (void)
{
  const int a4_widths[] = { 210, 0, -1, 215, 217, 297 };
  double width, height;

  rubric_export_pdf_page_size_for_width_mm (216, &width, &height);
  g_assert_cmpfloat_with_epsilon (width, 612.0, 0.01);
  g_assert_cmpfloat_with_epsilon (height, 792.0, 0.01);

  for (guint i = 0; i < G_N_ELEMENTS (a4_widths); i++)
    {
      rubric_export_pdf_page_size_for_width_mm (a4_widths[i], &width, &height);
      g_assert_cmpfloat_with_epsilon (width, 595.276, 0.01);
      g_assert_cmpfloat_with_epsilon (height, 841.89, 0.01);
    }
}

/* The real export under LC_PAPER: A4 in C.UTF-8 (the only locale some
 * build roots have); Letter and A4 by en_US and de_DE when installed. */
static void
test_page_size_locale (void)
{
  const struct {
    const char *locale;
    const char *size;
  } cases[] = {
    { "C.UTF-8", "595.276 x 841.89 pts (A4)" },
    { "en_US.UTF-8", "612 x 792 pts (letter)" },
    { "de_DE.UTF-8", "595.276 x 841.89 pts (A4)" },
  };
  g_autoptr(RubricSession) session = load_fixture ("normal.rubric.json");
  g_autofree char *saved = g_strdup (setlocale (LC_PAPER, NULL));

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GBytes) bytes = NULL;
      g_autofree char *name = NULL;
      g_autofree char *path = NULL;
      g_autofree char *info = NULL;

      if (setlocale (LC_PAPER, cases[i].locale) == NULL)
        {
          g_test_message ("no %s locale here: the page size is tested through "
                          "rubric_export_pdf_page_size_for_width_mm()", cases[i].locale);
          continue;
        }
      bytes = export_pdf (session, RUBRIC_EXPORT_FLAGS_NONE);
      setlocale (LC_PAPER, saved);

      name = g_strconcat ("paper-", cases[i].locale, NULL);
      path = save_pdf (bytes, name);
      info = pdf_info (path);
      pdf_test_assert_contains (info, cases[i].size);
    }
}

static void
test_normal (void)
{
  g_autoptr(RubricSession) session = load_fixture ("normal.rubric.json");
  g_autoptr(GBytes) bytes = export_pdf (session, RUBRIC_EXPORT_FLAGS_NONE);
  g_autofree char *path = save_pdf (bytes, "normal");
  g_autofree char *text = pdf_text (path);
  g_autofree char *info = pdf_info (path);
  g_autofree char *raw = run_tool ("pdftotext", "-raw", path, "-");
  g_autofree char *last_page = g_strdup_printf ("Page %d of %d", pdf_pages (info), pdf_pages (info));

  pdf_test_assert_contains (text, "Interview summary");
  pdf_test_assert_contains (text, "Priya Raman");
  pdf_test_assert_contains (text, "Senior Backend Engineer, Payments");
  pdf_test_assert_contains (text, "Sam Lee, Kim Park");
  pdf_test_assert_contains (text, "2026-11-27");
  pdf_test_assert_contains (text, "Yes");
  pdf_test_assert_contains (text, rubric_session_get_summary (session));
  assert_topics_read_back (text);
  assert_answers_read_back (text, session);
  pdf_test_assert_contains (text, rubric_session_get_topic_notes (session, "migrations"));
  pdf_test_assert_contains (text, rubric_session_get_topic_notes (session, "security"));
  pdf_test_assert_contains (text, "4 — Strong");
  pdf_test_assert_contains (text, "Skipped");
  pdf_test_assert_contains (text, "Not asked");
  pdf_test_assert_contains (text, "MAIN QUESTION");
  pdf_test_assert_contains (text, "FOLLOW-UP");

  /* Page 1 has the verdict: recommendation, score, how much was rated,
   * that it is incomplete, the written summary, then the strengths and
   * the concerns, in that order, before the topic table. */
  {
    const char *argv[] = { "pdftotext", "-f", "1", "-l", "1", path, "-", NULL };
    g_autofree char *raw_first = run_argv (argv);
    g_autofree char *first = pdf_test_normalize (raw_first);

    pdf_test_assert_contains (first, "RECOMMENDATION Yes");
    pdf_test_assert_contains (first, "3.7 / 5");
    pdf_test_assert_contains (first, "INCOMPLETE");
    pdf_test_assert_contains (first, "22 of 30 questions rated");
    pdf_test_assert_contains (first, "Priya is a strong senior engineer");
    assert_not_contains (first, "MAIN QUESTION");
    {
      const char *summary = strstr (first, "I recommend moving to the system design round.");
      const char *strengths = strstr (first, "STRENGTHS Postgres at scale from practice");
      const char *second = strstr (first, "Priya measures before she optimises");
      const char *concerns = strstr (first, "CONCERNS Middleware ordering Object-level permissions in DRF");
      const char *table = strstr (first, "TOPIC");

      g_assert_nonnull (summary);
      g_assert_nonnull (strengths);
      g_assert_nonnull (second);
      g_assert_nonnull (concerns);
      g_assert_nonnull (table);
      g_assert_true (summary < strengths && strengths < second && second < concerns && concerns < table);
    }
  }

  /* Every page has its footer. */
  g_assert_cmpint (pdf_pages (info), >=, 2);
  pdf_test_assert_contains (raw, "Page 1 of ");
  pdf_test_assert_contains (raw, last_page);

  /* Neither the private notes nor the kit's answers, unless asked. */
  assert_not_contains (text, "Salary expectations");
  assert_not_contains (text, "Private notes");
  assert_not_contains (text, "Expected answers");
  assert_not_contains (text, "Key points");
}

static const char *
kit_expected (const char *question_id)
{
  return rubric_question_get_expected (rubric_kit_lookup_question (kit, question_id));
}

static void
test_private_and_answers (void)
{
  g_autoptr(RubricSession) session = load_fixture ("normal.rubric.json");
  RubricQuestion *question = rubric_kit_lookup_question (kit, "queries.optimise");
  const char * const *key_points = rubric_question_get_key_points (question);

  /* Only the private notes. */
  {
    g_autoptr(GBytes) bytes = export_pdf (session, RUBRIC_EXPORT_FLAGS_INCLUDE_PRIVATE);
    g_autofree char *path = save_pdf (bytes, "normal-private");
    g_autofree char *text = pdf_text (path);

    pdf_test_assert_contains (text, "Private notes");
    pdf_test_assert_contains (text, "CONTAINS PRIVATE NOTES — NOT FOR THE CANDIDATE");
    pdf_test_assert_contains (text, rubric_session_get_private_notes (session));
    assert_not_contains (text, "Expected answers");
    assert_not_contains (text, kit_expected ("queries.optimise"));
  }

  /* Only the expected answers. */
  {
    g_autoptr(GBytes) bytes = export_pdf (session, RUBRIC_EXPORT_FLAGS_INCLUDE_ANSWERS);
    g_autofree char *path = save_pdf (bytes, "normal-answers");
    g_autofree char *text = pdf_text (path);

    assert_not_contains (text, "Salary expectations");
    pdf_test_assert_contains (text, "Expected answers");
    pdf_test_assert_contains (text, kit_expected ("migrations.deploy"));
    pdf_test_assert_contains (text, kit_expected ("queries.optimise"));
    /* Of the questions asked only: this one was not. */
    g_assert_null (rubric_session_lookup_answer (session, "rest-apis.performance"));
    assert_not_contains (text, kit_expected ("rest-apis.performance"));
    for (guint i = 0; key_points[i] != NULL; i++)
      pdf_test_assert_contains (text, key_points[i]);
    pdf_test_assert_contains (text, "CONTAINS EXPECTED ANSWERS — NOT FOR THE CANDIDATE");
  }

  /* Both. */
  {
    g_autoptr(GBytes) bytes = export_pdf (session, RUBRIC_EXPORT_FLAGS_INCLUDE_ANSWERS |
                                                   RUBRIC_EXPORT_FLAGS_INCLUDE_PRIVATE);
    g_autofree char *path = save_pdf (bytes, "normal-all");
    g_autofree char *text = pdf_text (path);

    pdf_test_assert_contains (text, rubric_session_get_private_notes (session));
    pdf_test_assert_contains (text, kit_expected ("security.csrf"));
    assert_answers_read_back (text, session);
  }
}

static void
test_international (void)
{
  g_autoptr(RubricSession) session = load_fixture ("international.rubric.json");
  g_autoptr(GBytes) bytes = export_pdf (session, RUBRIC_EXPORT_FLAGS_NONE);
  g_autofree char *path = save_pdf (bytes, "international");
  g_autofree char *text = pdf_text (path);
  g_autofree char *reading = pdf_reading_text (path);
  g_autofree char *info = pdf_info (path);

  /* Markup is text. */
  pdf_test_assert_contains (text, "Zoë Ångström <b>x</b>");
  pdf_test_assert_contains (text, "Développeuse & <i>lead</i> &amp; co");
  pdf_test_assert_contains (text, "Markup stays text: <b>x</b> and &amp; and <span foreground=\"red\">red</span> & <i>italic</i>.");
  pdf_test_assert_contains (text, "<b>bold?</b> no: &lt;literal&gt; &amp; plain.");
  pdf_test_assert_contains (text, "Summary with <markup> & entities &amp;");
  pdf_test_assert_contains (info, "Interview summary: Zoë Ångström <b>x</b>");
  pdf_test_assert_contains (text, "Yasmin Haddad");
  assert_topics_read_back (text);

  /* Right-to-left text, shaped, in logical order. */
  pdf_test_assert_contains (reading, "שלום עולם");
  pdf_test_assert_contains (reading, "המועמדת הסבירה את תהליך המיגרציה בצורה ברורה");
  pdf_test_assert_contains (reading, "مرحبا بالعالم");
  pdf_test_assert_contains (reading, "شرحت المرشحة الترحيل بشكل جيد");
  /* Where a run changes direction poppler moves the space: word by word. */
  pdf_test_assert_contains (reading, "עברית");
  pdf_test_assert_contains (reading, "العربية");
  pdf_test_assert_contains (reading, "in one line.");

  /* Emoji and CJK never stop the export, and the text around them is
   * there. Without a font for them (a bare build root), Pango draws boxes
   * with their code points instead, which read back as hexadecimal. */
  pdf_test_assert_contains (text, "Great answer");
  pdf_test_assert_contains (text, "emoji in the notes.");
  pdf_test_assert_contains (text, "Mixed: Django ↔ Postgres;");
  if (have_font_for (0x6570))
    pdf_test_assert_contains (reading, "数据库迁移需要谨慎处理。");
  else
    g_test_message ("no CJK font here: the CJK notes are drawn as boxes");
}

/* About 2 KB of notes, ending in a marker of its own. */
static char *
long_notes (const char *question_id)
{
  static const char * const sentences[] = {
    "The candidate described the trade-offs in detail and gave an example from a previous project.",
    "Follow-up questions showed a good understanding of what happens inside the database.",
    "Some hesitation about the edge cases, but the reasoning was sound and well structured.",
    "Mentioned monitoring, rollbacks and how the team reviews changes before they reach production.",
  };
  g_autoptr(GString) notes = g_string_new (NULL);

  g_string_append_printf (notes, "Notes on %s begin here.", question_id);
  for (guint i = 0; notes->len < 2000; i++)
    {
      /* A paragraph of five sentences. */
      g_string_append (notes, i % 5 == 0 ? "\n\n" : " ");
      g_string_append (notes, sentences[i % G_N_ELEMENTS (sentences)]);
    }
  g_string_append_printf (notes, " End of the notes on %s.", question_id);

  return g_string_free (g_steal_pointer (&notes), FALSE);
}

/* Every question of the kit rated, with about 2 KB of notes. */
static RubricSession *
long_session (void)
{
  RubricSession *session = rubric_session_new (kit);
  GListModel *topics = rubric_kit_get_topics (kit);
  guint n = 0;

  rubric_session_set_candidate_name (session, "Morgan Example");
  rubric_session_set_interviewer (session, "Alex Interviewer");
  rubric_session_set_candidate_role (session, "Senior Django Developer");
  g_assert_true (rubric_session_set_date (session, "2026-11-30"));
  rubric_session_set_recommendation (session, RUBRIC_RECOMMENDATION_STRONG_YES);
  rubric_session_set_summary (session, "A long interview: every question has about two kilobytes of notes.");

  for (guint i = 0; i < g_list_model_get_n_items (topics); i++)
    {
      g_autoptr(RubricTopic) topic = g_list_model_get_item (topics, i);
      GListModel *questions = rubric_topic_get_questions (topic);

      for (guint j = 0; j < g_list_model_get_n_items (questions); j++)
        {
          g_autoptr(RubricQuestion) question = g_list_model_get_item (questions, j);
          RubricAnswer *answer = rubric_session_ensure_answer (session, question);
          g_autofree char *notes = long_notes (rubric_question_get_id (question));

          rubric_answer_set_rating (answer, 1 + n % 5);
          rubric_answer_set_elapsed (answer, 60 + 37 * n);
          rubric_answer_set_notes (answer, notes);
          n++;
        }
    }
  g_assert_cmpuint (n, ==, 30);

  return session;
}

static void
test_long (void)
{
  g_autoptr(RubricSession) session = long_session ();
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *info = NULL;

  bytes = export_pdf (session, RUBRIC_EXPORT_FLAGS_NONE);
  path = save_pdf (bytes, "long");
  text = pdf_text (path);
  info = pdf_info (path);

  g_test_message ("the long summary has %d pages", pdf_pages (info));
  g_assert_cmpint (pdf_pages (info), >=, 3);

  /* Every note whole, across page breaks, the last one to its end. */
  assert_answers_read_back (text, session);
  pdf_test_assert_contains (text, "End of the notes on rest-apis.performance.");
  assert_topics_read_back (text);
}

static gboolean
tick_cb (gpointer user_data)
{
  guint *ticks = user_data;

  (*ticks)++;
  return G_SOURCE_CONTINUE;
}

static GAsyncResult *
wait_for_result (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *slot;
}

/* The Export dialog's way: drawn in a worker thread, written there too.
 * The main loop runs on meanwhile (a window is redrawn, takes keys):
 * counted, not timed: drawn on the main thread, the export of a long
 * session would let a timeout run once at most before it is done. */
static void
test_async (void)
{
  g_autoptr(RubricSession) session = long_session ();
  g_autofree char *path = g_test_build_filename (G_TEST_BUILT, "export-pdf", "async.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *info = NULL;
  gsize length = 0;
  guint ticks = 0;
  guint id = g_timeout_add (1, tick_cb, &ticks);

  g_unlink (path);
  rubric_export_to_file_async (session, kit, RUBRIC_EXPORT_FORMAT_PDF, RUBRIC_EXPORT_FLAGS_NONE,
                               file, NULL, store_result_cb, &result);
  g_assert_true (rubric_export_to_file_finish (wait_for_result (&result), &error));
  g_assert_no_error (error);
  g_source_remove (id);

  g_test_message ("the main loop ran its timeout %u times during the export", ticks);
  g_assert_cmpuint (ticks, >=, 5);
  g_assert_true (g_file_get_contents (path, &text, &length, NULL));
  g_assert_cmpuint (length, >, 1000);
  g_assert_true (g_str_has_prefix (text, "%PDF-"));
  info = pdf_info (path);
  g_assert_cmpint (pdf_pages (info), >=, 3);
}

/* Cancelled, an export leaves no file behind, and an existing one as it
 * was; a cancelled drawing returns nothing. */
static void
test_async_cancel (void)
{
  g_autoptr(RubricSession) session = long_session ();
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = g_dir_make_tmp ("rubric-export-pdf-XXXXXX", &error);
  g_autofree char *new_path = g_build_filename (folder, "new.pdf", NULL);
  g_autofree char *old_path = g_build_filename (folder, "old.pdf", NULL);
  const char *paths[] = { new_path, old_path };
  g_autofree char *old_text = NULL;
  g_autoptr(GDir) dir = NULL;

  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (old_path, "the summary before", -1, NULL));

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autoptr(GFile) file = g_file_new_for_path (paths[i]);
      g_autoptr(GCancellable) cancellable = g_cancellable_new ();
      g_autoptr(GAsyncResult) result = NULL;
      g_autoptr(GError) cancelled = NULL;

      rubric_export_to_file_async (session, kit, RUBRIC_EXPORT_FORMAT_PDF, RUBRIC_EXPORT_FLAGS_NONE,
                                   file, cancellable, store_result_cb, &result);
      /* While the worker draws, or before it starts: either way no file. */
      g_cancellable_cancel (cancellable);
      g_assert_false (rubric_export_to_file_finish (wait_for_result (&result), &cancelled));
      g_assert_error (cancelled, G_IO_ERROR, G_IO_ERROR_CANCELLED);
    }

  g_assert_false (g_file_test (new_path, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_get_contents (old_path, &old_text, NULL, NULL));
  g_assert_cmpstr (old_text, ==, "the summary before");
  /* No temporary file left either. */
  dir = g_dir_open (folder, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (g_dir_read_name (dir), ==, "old.pdf");
  g_assert_null (g_dir_read_name (dir));

  /* The drawing itself stops. */
  {
    g_autoptr(RubricSummary) summary = rubric_summary_new (session, kit, RUBRIC_EXPORT_FLAGS_NONE);
    g_autoptr(GCancellable) cancellable = g_cancellable_new ();
    g_autoptr(GBytes) bytes = NULL;
    g_autoptr(GError) cancelled = NULL;

    g_cancellable_cancel (cancellable);
    bytes = rubric_export_write_pdf (summary, cancellable, &cancelled);
    g_assert_null (bytes);
    g_assert_error (cancelled, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  }

  g_unlink (old_path);
  g_rmdir (folder);
}

/* The preview's way: drawn in a worker thread with Pango and cairo
 * objects of its own, the same bytes as on the main thread; cancelled,
 * nothing, even when the worker was done. */
static void
test_async_bytes (void)
{
  g_autoptr(RubricSession) session = load_fixture ("normal.rubric.json");
  g_autoptr(GBytes) expected = export_pdf (session, RUBRIC_EXPORT_FLAGS_NONE);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GAsyncResult) cancelled_result = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) none = NULL;
  g_autoptr(GError) error = NULL;

  rubric_export_summary_to_bytes_async (rubric_summary_new (session, kit, RUBRIC_EXPORT_FLAGS_NONE),
                                        RUBRIC_EXPORT_FORMAT_PDF, NULL, store_result_cb, &result);
  bytes = rubric_export_summary_to_bytes_finish (wait_for_result (&result), &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (bytes, expected));

  rubric_export_summary_to_bytes_async (rubric_summary_new (session, kit, RUBRIC_EXPORT_FLAGS_NONE),
                                        RUBRIC_EXPORT_FORMAT_MARKDOWN, cancellable, store_result_cb,
                                        &cancelled_result);
  g_cancellable_cancel (cancellable);
  none = rubric_export_summary_to_bytes_finish (wait_for_result (&cancelled_result), &error);
  g_assert_null (none);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

/* A long word with no place to break a line (a pasted token) is laid out
 * in pieces, for speed; it still reads back whole, every character. */
static void
test_unbroken (void)
{
  static const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  g_autoptr(RubricSession) session = rubric_session_new (kit);
  g_autoptr(RubricTopic) topic = g_list_model_get_item (rubric_kit_get_topics (kit), 0);
  g_autoptr(RubricQuestion) question = g_list_model_get_item (rubric_topic_get_questions (topic), 0);
  g_autoptr(GString) token = g_string_new (NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *info = NULL;
  GString *joined = g_string_new (NULL);

  for (guint i = 0; token->len < 8000; i++)
    g_string_append_c (token, alphabet[(i * 7 + i / 62) % (sizeof alphabet - 1)]);
  rubric_answer_set_rating (rubric_session_ensure_answer (session, question), 3);
  rubric_answer_set_notes (rubric_session_ensure_answer (session, question), token->str);

  bytes = export_pdf (session, RUBRIC_EXPORT_FLAGS_NONE);
  path = save_pdf (bytes, "unbroken");
  text = pdf_text (path);
  info = pdf_info (path);

  /* Wrapped, not cut or run off the page: every line break is a space
   * in the text read back. */
  g_assert_cmpint (pdf_pages (info), >=, 2);
  for (const char *p = text; *p != '\0'; p++)
    if (*p != ' ')
      g_string_append_c (joined, *p);
  pdf_test_assert_contains (joined->str, token->str);
  g_assert_null (strstr (text, token->str));
  g_string_free (joined, TRUE);
}

static void
test_anonymized (void)
{
  g_autoptr(RubricSession) session = load_fixture ("normal.rubric.json");
  g_autoptr(GBytes) bytes = export_pdf (session, RUBRIC_EXPORT_FLAGS_ANONYMIZE |
                                                 RUBRIC_EXPORT_FLAGS_INCLUDE_PRIVATE);
  g_autofree char *path = save_pdf (bytes, "anonymized");
  g_autofree char *text = pdf_text (path);
  g_autofree char *info = pdf_info (path);
  /* Short parts of names could turn up by chance in compressed bytes:
   * the bytes are searched for the longer ones. */
  const struct {
    const char *name;
    gboolean in_bytes;
  } names[] = {
    { "Priya Raman", TRUE }, { "Priya", TRUE }, { "Raman", TRUE },
    { "Sam Lee", TRUE }, { "Kim Park", TRUE }, { "Lee", FALSE }, { "Park", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      assert_not_contains (text, names[i].name);
      assert_not_contains (info, names[i].name);
      if (names[i].in_bytes)
        assert_bytes_lack (bytes, names[i].name);
    }

  pdf_test_assert_contains (text, "Candidate ");
  pdf_test_assert_contains (text, "Interviewer A, Interviewer B");
  assert_topics_read_back (text);
  /* The notes that named her name her alias; her strengths too. */
  pdf_test_assert_contains (text, "mentioned that save() and DRF never call full_clean()");
  pdf_test_assert_contains (text, "measures before she optimises");

  g_assert_null (strstr (info, "\nAuthor:"));
  {
    g_autofree char *normal_info = pdf_test_normalize (info);

    pdf_test_assert_contains (normal_info, "Title: Interview summary: Candidate ");
  }
}

/* The leaks of issue 14 in the PDF: its text, its metadata and its
 * bookmarks (the topic titles, one of them stored in the session and
 * naming the candidate). The same session as tests/export-text. */
static void
test_anonymized_hostile (void)
{
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "export-text", "anonymize.rubric.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (fixture);
  g_autoptr(GError) error = NULL;
  g_autoptr(RubricSession) session = rubric_session_new_from_file (file, kit, NULL, &error);
  g_autoptr(GBytes) plain = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *info = NULL;
  g_autofree char *alias = NULL;
  g_autofree char *bookmark = NULL;
  g_autofree char *plain_path = NULL;
  g_autofree char *plain_outline = NULL;
  g_autofree char *outline = NULL;
  const char *names[] = {
    "José", "Jose", "Müller", "Muller", "Mueller", "Łukasz", "Lukasz", "jmueller", "example.com",
    "İlkay", "ILKAY", "Yıldız", "Yildiz", "王小明", "Will May",
  };

  g_assert_no_error (error);
  /* Without anonymising, the stored topic title is a bookmark: the check
   * of the bytes can fail. */
  plain = export_pdf (session, RUBRIC_EXPORT_FLAGS_NONE);
  plain_path = save_pdf (plain, "anonymized-hostile-plain");
  plain_outline = pdf_outline (plain_path);
  pdf_test_assert_contains (plain_outline, "\nQuestions from José Müller-Łukasz\n");

  bytes = export_pdf (session, RUBRIC_EXPORT_FLAGS_ANONYMIZE | RUBRIC_EXPORT_FLAGS_INCLUDE_PRIVATE);
  path = save_pdf (bytes, "anonymized-hostile");
  text = pdf_text (path);
  info = pdf_info (path);
  outline = pdf_outline (path);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      assert_not_contains (text, names[i]);
      assert_not_contains (info, names[i]);
      assert_not_contains (outline, names[i]);
      assert_bytes_lack (bytes, names[i]);
    }

  alias = rubric_anonymize_candidate_alias (rubric_session_get_id (session));
  bookmark = g_strdup_printf ("\nQuestions from %s\n", alias);
  pdf_test_assert_contains (outline, bookmark);
  pdf_test_assert_contains (text, "We will follow up in May.");
  pdf_test_assert_contains (text, "Interviewer A, Interviewer B, Interviewer C");
}

static void
test_metadata (void)
{
  g_autoptr(RubricSession) session = load_fixture ("normal.rubric.json");
  g_autoptr(GBytes) bytes = export_pdf (session, RUBRIC_EXPORT_FLAGS_NONE);
  g_autoptr(GBytes) again = export_pdf (session, RUBRIC_EXPORT_FLAGS_NONE);
  g_autofree char *path = save_pdf (bytes, "metadata");
  g_autofree char *info = pdf_info (path);
  g_autofree char *normal = pdf_test_normalize (info);

  pdf_test_assert_contains (normal, "Title: Interview summary: Priya Raman");
  pdf_test_assert_contains (normal, "Author: Sam Lee, Kim Park");
  pdf_test_assert_contains (normal, "Creator: Rubric");
  pdf_test_assert_contains (normal, "CreationDate: 2026-11-27");

  /* The same session gives the same bytes: no clock in the file. */
  g_assert_true (g_bytes_equal (bytes, again));
}

static void
test_empty (void)
{
  g_autoptr(RubricSession) session = rubric_session_new (kit);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) again = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *info = NULL;

  /* A new session is dated today: take the date away. */
  g_assert_true (rubric_session_set_date (session, ""));
  bytes = export_pdf (session, RUBRIC_EXPORT_FLAGS_NONE);
  again = export_pdf (session, RUBRIC_EXPORT_FLAGS_NONE);
  path = save_pdf (bytes, "empty");
  text = pdf_text (path);
  info = pdf_info (path);

  pdf_test_assert_contains (text, "Unnamed candidate");
  pdf_test_assert_contains (text, "Nothing was rated");
  assert_not_contains (text, "MAIN QUESTION");
  g_assert_cmpint (pdf_pages (info), ==, 1);
  pdf_test_assert_contains (text, "No summary was written.");
  pdf_test_assert_contains (text, "Not rated");
  pdf_test_assert_contains (text, "No decision");
  assert_topics_read_back (text);

  /* No date: no creation date either, rather than the clock's. */
  g_assert_null (strstr (info, "\nCreationDate:"));
  g_assert_null (strstr (info, "\nAuthor:"));
  g_assert_true (g_bytes_equal (bytes, again));
}



/* An ASCII-only summary embeds the text font and nothing else: no colour
 * emoji font (a Type 3 font of bitmaps), no fallback font for digits,
 * '#' or spaces. The fonts are compared with those of a PDF the test
 * draws itself from the same text in the text font alone. */
static void
test_fonts (void)
{
  g_autoptr(RubricSession) session = load_fixture ("normal.rubric.json");
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;

  /* Digits, '#', '*' and '+' in the notes: what the emoji font took. */
  rubric_answer_set_notes (rubric_session_lookup_answer (session, "migrations.deploy"),
                           "Shipped 10k rows/s; fixed an N+1 in #42 * 3 views (2.5 h).");
  bytes = export_pdf (session, RUBRIC_EXPORT_FLAGS_NONE);
  path = save_pdf (bytes, "fonts");
  text = run_tool ("pdftotext", "-raw", path, "-");
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    g_assert_true (*p > 0 || g_utf8_get_char (p) == 0x2014 || g_utf8_get_char (p) == 0xB7);

  assert_text_font_only (path, text, "fonts-reference");
}

/* Page 1 at 150 dpi: the date and the scores are each one word of crisp,
 * ink-dark digits. A colour emoji font drew them as grey, blurred,
 * double-width bitmaps (their darkest pixel 80, the ink's 30) that
 * pdftotext split apart. */
static void
test_digits (void)
{
  g_autoptr(RubricSession) session = load_fixture ("normal.rubric.json");
  g_autoptr(GBytes) bytes = export_pdf (session, RUBRIC_EXPORT_FLAGS_NONE);
  g_autofree char *path = save_pdf (bytes, "digits");
  cairo_surface_t *page = render_page (path, 1);
  /* The date, the overall score, the minutes of "1 h 37 min" and of the
   * topics' "15 min 42 s" and "16 min 00 s", all in the ink colour (the
   * first "22" is in the grey of "22 of 30 questions rated"). */
  const char *words[] = { "2026-11-27", "3.7", "37", "15", "16" };

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    {
      Box box;
      int darkest;

      if (!find_word (path, 1, words[i], &box))
        g_error ("“%s” is not one word on page 1 of %s", words[i], path);
      darkest = darkest_in (page, &box);
      g_test_message ("“%s”: %.1f × %.1f pt, darkest pixel %d", words[i],
                      box.x1 - box.x0, box.y1 - box.y0, darkest);
      /* A line of text, not an emoji-sized box. */
      g_assert_cmpfloat (box.y1 - box.y0, <, 30.0);
      /* Ink (#1e1e1e, 30) at the core. */
      g_assert_cmpint (darkest, <, 0x40);
    }
  cairo_surface_destroy (page);
}


/* A question with notes and time but no rating reads "Not rated", as in
 * every other format, not "Not asked"; the topic table counts it so. */
static void
test_not_rated (void)
{
  g_autoptr(RubricSession) session = rubric_session_new (kit);
  g_autoptr(RubricTopic) topic = g_list_model_get_item (rubric_kit_get_topics (kit), 0);
  g_autoptr(RubricQuestion) question = g_list_model_get_item (rubric_topic_get_questions (topic), 0);
  RubricAnswer *answer = rubric_session_ensure_answer (session, question);
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  const char *notes, *rating;

  rubric_answer_set_notes (answer, "Talked about it, no rating yet.");
  rubric_answer_set_elapsed (answer, 125);
  bytes = export_pdf (session, RUBRIC_EXPORT_FLAGS_NONE);
  path = save_pdf (bytes, "not-rated");
  text = pdf_text (path);

  notes = strstr (text, "Talked about it");
  g_assert_nonnull (notes);
  rating = g_strrstr_len (text, notes - text, "Not rated");
  g_assert_nonnull (rating);
  g_assert_null (g_strstr_len (rating, notes - rating, "Not asked"));
  pdf_test_assert_contains (text, "NOT RATED");
}


/* An interview run with a plan and the evidence checklist: the plan and
 * its topics' times before the questions, each question's points heard
 * and red flags with their times, the unplanned question marked; the
 * times in the text font, crisp and ink-dark. */
static void
test_planned (void)
{
  g_autoptr(RubricSession) session = load_session ("export-text", "planned.rubric.json");
  g_autoptr(RubricSummary) summary = rubric_summary_new (session, kit, RUBRIC_EXPORT_FLAGS_NONE);
  g_autoptr(GBytes) bytes = export_pdf (session, RUBRIC_EXPORT_FLAGS_NONE);
  g_autofree char *path = save_pdf (bytes, "planned");
  g_autofree char *text = pdf_text (path);
  g_autofree char *raw = run_tool ("pdftotext", "-raw", path, "-");
  g_autofree char *info = pdf_info (path);
  const char *questions = strstr (text, "Questions and notes");
  const char *offsets[] = { "2:10", "10:10", "25:00", "41:40" };
  guint found = 0;

  g_assert_nonnull (questions);
  pdf_test_assert_contains (text, "Plan: 45-minute data round · 45 min slot");
  for (guint i = 0; summary->pacing[i] != NULL; i++)
    {
      g_autofree char *line = pdf_test_normalize (summary->pacing[i]);

      g_assert_true (strstr (text, line) != NULL && strstr (text, line) < questions);
    }
  g_assert_true (strstr (text, "PLANNED BUT NOT ASKED") < questions);
  for (guint i = 0; summary->planned_not_asked[i] != NULL; i++)
    {
      g_autofree char *line = pdf_test_normalize (summary->planned_not_asked[i]);

      pdf_test_assert_contains (text, line);
    }
  pdf_test_assert_contains (text, "FOLLOW-UP 2 (ASKED UNPLANNED)");
  pdf_test_assert_contains (text, "MAIN QUESTION (ASKED UNPLANNED)");
  for (guint i = 0; i < summary->topics->len; i++)
    {
      RubricSummaryTopic *topic = g_ptr_array_index (summary->topics, i);

      for (guint j = 0; j < topic->questions->len; j++)
        {
          RubricSummaryQuestion *q = g_ptr_array_index (topic->questions, j);
          GStrv lists[] = { q->heard_lines, q->red_flag_lines };

          for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
            for (guint k = 0; lists[l][k] != NULL; k++)
              {
                g_autofree char *line = pdf_test_normalize (lists[l][k]);

                pdf_test_assert_contains (text, line);
              }
        }
    }
  pdf_test_assert_contains (text, "POINTS HEARD");
  pdf_test_assert_contains (text, "RED FLAGS SHOWN");

  assert_text_font_only (path, raw, "planned-reference");

  /* Each time into the interview is one word of ink-dark digits. */
  for (int page = 1; page <= pdf_pages (info); page++)
    {
      cairo_surface_t *image = render_page (path, page);

      for (guint i = 0; i < G_N_ELEMENTS (offsets); i++)
        {
          Box box;
          int darkest;

          if (!find_word (path, page, offsets[i], &box))
            continue;
          darkest = darkest_in (image, &box);
          g_test_message ("“%s” on page %d: %.1f × %.1f pt, darkest pixel %d", offsets[i], page,
                          box.x1 - box.x0, box.y1 - box.y0, darkest);
          g_assert_cmpfloat (box.y1 - box.y0, <, 30.0);
          g_assert_cmpint (darkest, <, 0x40);
          found++;
        }
      cairo_surface_destroy (image);
    }
  g_assert_cmpuint (found, ==, G_N_ELEMENTS (offsets));
}

/* Bidi overrides and controls reach neither the page nor the metadata:
 * a name ending in U+202E "fdp.exe" read "exe.pdf" in the title, the
 * header and the footer, and the Author held a raw ESC. */
static void
test_controls (void)
{
  g_autoptr(RubricSession) session = rubric_session_new (kit);
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *info = NULL;
  const char *forbidden[] = { "\xe2\x80\xae", "\xe2\x81\xa6", "\x1b", "\x07", "\xc2\x9b" };

  rubric_session_set_candidate_name (session, "Mallory \xe2\x80\xae" "fdp.exe");
  rubric_session_set_interviewer (session, "Sam \x1b[31mLee\x07\xc2\x9b \xe2\x81\xa6" "Kim");
  g_assert_true (rubric_session_set_date (session, "2026-11-27"));
  bytes = export_pdf (session, RUBRIC_EXPORT_FLAGS_NONE);
  path = save_pdf (bytes, "controls");
  text = run_tool ("pdftotext", "-raw", path, "-");
  info = pdf_info (path);

  for (guint i = 0; i < G_N_ELEMENTS (forbidden); i++)
    {
      g_assert_null (strstr (text, forbidden[i]));
      g_assert_null (strstr (info, forbidden[i]));
    }
  pdf_test_assert_contains (info, "Title: Interview summary: Mallory fdp.exe");
  pdf_test_assert_contains (info, "Author: Sam [31mLee Kim");
  pdf_test_assert_contains (text, "Mallory fdp.exe");
}

/* A sealed scorecard says when it was sealed; unsealed to edit, it says
 * it was edited after sealing, under the candidate. */
static void
test_sealed (void)
{
  g_autoptr(RubricSession) session = rubric_session_new (kit);
  g_autoptr(GBytes) sealed_bytes = NULL;
  g_autoptr(GBytes) edited_bytes = NULL;
  g_autofree char *sealed_path = NULL;
  g_autofree char *edited_path = NULL;
  g_autofree char *sealed_text = NULL;
  g_autofree char *edited_text = NULL;
  g_autofree char *sealed_day = NULL;
  g_autofree char *sealed_line = NULL;
  g_autofree char *edited_line = NULL;
  g_autoptr(GDateTime) utc = NULL;

  rubric_session_set_candidate_name (session, "Ada Lovelace");
  rubric_session_seal (session);
  utc = g_date_time_to_utc (rubric_session_get_sealed_at (session));
  sealed_day = g_date_time_format (utc, "%Y-%m-%d");
  sealed_line = g_date_time_format (utc, "Seal: Sealed on %Y-%m-%d at %H:%M UTC");
  sealed_bytes = export_pdf (session, RUBRIC_EXPORT_FLAGS_NONE);
  sealed_path = save_pdf (sealed_bytes, "sealed");
  sealed_text = pdf_text (sealed_path);
  pdf_test_assert_contains (sealed_text, sealed_line);
  g_assert_null (strstr (sealed_text, "Edited after sealing"));

  rubric_session_unseal (session);
  edited_bytes = export_pdf (session, RUBRIC_EXPORT_FLAGS_NONE);
  edited_path = save_pdf (edited_bytes, "edited-after-sealing");
  edited_text = pdf_text (edited_path);
  edited_line = g_strconcat ("Seal: Edited after sealing on ", sealed_day, NULL);
  pdf_test_assert_contains (edited_text, edited_line);
  g_assert_null (strstr (edited_text, "Sealed on"));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  kit = load_kit ();

  g_test_add_func ("/export-pdf/page-size", test_page_size);
  g_test_add_func ("/export-pdf/page-size/locale", test_page_size_locale);
  g_test_add_func ("/export-pdf/normal", test_normal);
  g_test_add_func ("/export-pdf/planned", test_planned);
  g_test_add_func ("/export-pdf/private-and-answers", test_private_and_answers);
  g_test_add_func ("/export-pdf/international", test_international);
  g_test_add_func ("/export-pdf/long", test_long);
  g_test_add_func ("/export-pdf/anonymized", test_anonymized);
  g_test_add_func ("/export-pdf/anonymized-hostile", test_anonymized_hostile);
  g_test_add_func ("/export-pdf/metadata", test_metadata);
  g_test_add_func ("/export-pdf/empty", test_empty);
  g_test_add_func ("/export-pdf/async", test_async);
  g_test_add_func ("/export-pdf/async/cancel", test_async_cancel);
  g_test_add_func ("/export-pdf/async/bytes", test_async_bytes);
  g_test_add_func ("/export-pdf/unbroken", test_unbroken);
  g_test_add_func ("/export-pdf/fonts", test_fonts);
  g_test_add_func ("/export-pdf/digits", test_digits);
  g_test_add_func ("/export-pdf/not-rated", test_not_rated);
  g_test_add_func ("/export-pdf/controls", test_controls);
  g_test_add_func ("/export-pdf/sealed", test_sealed);

  status = g_test_run ();
  g_clear_object (&kit);
  return status;
}
