/* test-guide.c — the interview guide: what it holds with and without a
 * plan, its text never markup, its fonts, and the printed pages
 * (RubricPages) against the exported PDF
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The PDFs are read back with poppler's pdftotext, pdfinfo and pdffonts.
 */

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gstdio.h>
#include <string.h>

#include "pdf-test-utils.h"
#include "rubric-core-test-utils.h"
#include "rubric-export-private.h"
#include "rubric-guide.h"
#include "rubric-pages.h"

static char *tmp_dir;

static char *
save (GBytes     *bytes,
      const char *name)
{
  g_autofree char *file = g_strconcat (name, ".pdf", NULL);
  char *path = g_build_filename (tmp_dir, file, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (bytes);
  g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);
  return path;
}

static char *
pdf_info (const char *path)
{
  const char *argv[] = { "pdfinfo", path, NULL };

  return pdf_test_run_argv (argv);
}

static int
pdf_n_pages (const char *path)
{
  g_autofree char *info = pdf_info (path);
  const char *pages = strstr (info, "\nPages:");

  g_assert_nonnull (pages);
  return atoi (pages + strlen ("\nPages:"));
}

/* The first page's size in points, as pdfinfo says it. */
static void
pdf_page_size (const char *path,
               double     *width,
               double     *height)
{
  g_autofree char *info = pdf_info (path);
  const char *size = strstr (info, "\nPage size:");

  g_assert_nonnull (size);
  g_assert_cmpint (sscanf (size + strlen ("\nPage size:"), "%lf x %lf", width, height), ==, 2);
}

static RubricQuestion *
question_at (RubricTopic *topic,
             guint        index)
{
  g_autoptr(RubricQuestion) question = g_list_model_get_item (rubric_topic_get_questions (topic), index);

  return question;   /* the kit keeps it */
}

static RubricTopic *
topic_at (RubricKit *kit,
          guint      index)
{
  g_autoptr(RubricTopic) topic = g_list_model_get_item (rubric_kit_get_topics (kit), index);

  return topic;   /* the kit keeps it */
}

/* Without a plan: every topic, every question, with what a strong answer
 * covers, its key points and its red flags; only the text font. */
static void
test_whole_kit (void)
{
  g_autoptr(RubricKit) kit = rubric_test_load_shipped_kit ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = rubric_guide_to_pdf (kit, NULL, NULL, &error);
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  GListModel *topics = rubric_kit_get_topics (kit);
  gboolean red_flag_seen = FALSE;

  g_assert_no_error (error);
  path = save (bytes, "whole-kit");
  text = pdf_test_text (path);
  g_assert_cmpint (pdf_n_pages (path), >, 1);
  {
    g_autofree char *head = g_strdup_printf ("Interview guide %s Questions: %u", rubric_kit_get_title (kit),
                                             rubric_kit_get_n_questions (kit));

    pdf_test_assert_contains (text, head);
  }

  for (guint i = 0; i < g_list_model_get_n_items (topics); i++)
    {
      RubricTopic *topic = topic_at (kit, i);
      GListModel *questions = rubric_topic_get_questions (topic);

      pdf_test_assert_contains (text, rubric_topic_get_title (topic));
      for (guint j = 0; j < g_list_model_get_n_items (questions); j++)
        {
          RubricQuestion *question = question_at (topic, j);
          const char * const *points = rubric_question_get_key_points (question);
          const char * const *flags = rubric_question_get_red_flags (question);

          if (points != NULL && points[0] != NULL)
            pdf_test_assert_contains (text, points[0]);
          if (flags != NULL && flags[0] != NULL)
            {
              pdf_test_assert_contains (text, flags[0]);
              red_flag_seen = TRUE;
            }
        }
    }
  /* The kit has red flags, so the guide's heading for them shows. */
  g_assert_true (red_flag_seen);
  pdf_test_assert_contains (text, "RED FLAGS");
  pdf_test_assert_contains (text, "KEY POINTS");
  /* The first prompt, on the first page, whole. */
  pdf_test_assert_contains (text, rubric_question_get_prompt (question_at (topic_at (kit, 0), 0)));

  pdf_test_assert_text_font_only (path, text, "whole-kit-reference");
  g_unlink (path);
}

/* With a plan: its topics only, its questions only, its slot and each
 * topic's share of it. */
static void
test_plan (void)
{
  g_autoptr(RubricKit) kit = rubric_test_load_shipped_kit ();
  g_autoptr(RubricPlan) plan = rubric_plan_new ("short", "Short round", rubric_kit_get_id (kit), 25);
  RubricTopic *first = topic_at (kit, 0);
  RubricTopic *second = topic_at (kit, 1);
  RubricQuestion *main = question_at (first, 0);
  RubricQuestion *follow_up = question_at (first, 1);
  const char *planned[] = { rubric_question_get_id (main), NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *budget_line = NULL;

  g_assert_cmpint (rubric_question_get_kind (follow_up), ==, RUBRIC_QUESTION_KIND_FOLLOW_UP);
  rubric_plan_add_topic (plan, rubric_topic_get_id (first), planned);

  bytes = rubric_guide_to_pdf (kit, plan, NULL, &error);
  g_assert_no_error (error);
  path = save (bytes, "plan");
  text = pdf_test_text (path);

  g_assert_cmpint (pdf_n_pages (path), >=, 1);
  pdf_test_assert_contains (text, "Questions: 1 Plan: Short round · 25 min slot");
  pdf_test_assert_contains (text, "TIME BUDGET");
  /* The one topic gets the whole slot. */
  budget_line = g_strdup_printf ("%s: 25 min", rubric_topic_get_title (first));
  pdf_test_assert_contains (text, budget_line);
  pdf_test_assert_contains (text, rubric_question_get_prompt (main));
  g_assert_null (strstr (text, rubric_question_get_prompt (follow_up)));
  g_assert_null (strstr (text, rubric_topic_get_title (second)));
  g_unlink (path);
}

/* A kit's text is printed as it is: never markup. */
static void
test_not_markup (void)
{
  const char *json =
    "{\"format\": \"rubric-kit\", \"version\": 1, \"id\": \"marks\", \"title\": \"<b>Marks</b> & co\", \"description\": \"<u>kit</u>\","
    " \"language\": \"en\", \"topics\": [{\"id\": \"t\", \"title\": \"Tags <i>here</i>\", \"summary\": \"<tt>sum</tt>\", \"questions\": ["
    " {\"id\": \"t.main\", \"kind\": \"main\", \"prompt\": \"Is <big>this</big> &amp; that plain?\","
    "  \"expected\": \"Yes.\", \"key_points\": [\"<span color='red'>red</span>\"],"
    "  \"red_flags\": [\"Says 1 < 2 > 3\"]}]}]}";
  g_autoptr(GBytes) kit_bytes = g_bytes_new_static (json, strlen (json));
  g_autoptr(GError) error = NULL;
  g_autoptr(RubricKit) kit = rubric_kit_new_from_bytes (kit_bytes, &error);
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;

  g_assert_no_error (error);
  bytes = rubric_guide_to_pdf (kit, NULL, NULL, &error);
  g_assert_no_error (error);
  path = save (bytes, "markup");
  text = pdf_test_text (path);
  pdf_test_assert_contains (text, "<b>Marks</b> & co");
  pdf_test_assert_contains (text, "Tags <i>here</i>");
  pdf_test_assert_contains (text, "<tt>sum</tt>");
  pdf_test_assert_contains (text, "Is <big>this</big> &amp; that plain?");
  pdf_test_assert_contains (text, "<span color='red'>red</span>");
  pdf_test_assert_contains (text, "Says 1 < 2 > 3");
  g_unlink (path);
}

/* PAGES painted on a PDF of WIDTH × HEIGHT by hand, as a print dialog's
 * cairo context would take them; returns the number of pages. */
static guint
print_to_pdf (RubricPages *pages,
              const char  *path,
              double       width,
              double       height)
{
  cairo_surface_t *surface = cairo_pdf_surface_create (path, width, height);
  cairo_t *cr = cairo_create (surface);
  guint n = rubric_pages_paginate (pages, cr, width, height);

  for (guint i = 0; i < n; i++)
    {
      rubric_pages_draw_page (pages, cr, i);
      cairo_show_page (cr);
    }
  pdf_test_finish (cr, surface);
  return n;
}

/* The printed pages are the exported PDF's: the same number, the same
 * text, for the guide and for the candidate summary; and laid out again
 * on another paper, another number of pages. */
static void
assert_printed_as_exported (RubricPages *pages,
                            GBytes      *exported,
                            const char  *name)
{
  g_autofree char *exported_path = save (exported, name);
  g_autofree char *printed_name = g_strconcat (name, "-printed", NULL);
  g_autofree char *printed_path = g_build_filename (tmp_dir, printed_name, NULL);
  g_autofree char *exported_text = pdf_test_text (exported_path);
  g_autofree char *printed_text = NULL;
  double width, height;
  guint n;

  pdf_page_size (exported_path, &width, &height);
  n = print_to_pdf (pages, printed_path, width, height);
  g_assert_cmpint (n, ==, pdf_n_pages (exported_path));
  g_assert_cmpint (n, ==, pdf_n_pages (printed_path));
  printed_text = pdf_test_text (printed_path);
  g_assert_cmpstr (printed_text, ==, exported_text);

  /* A smaller paper: more pages, each footer counting them. */
  n = print_to_pdf (pages, printed_path, width / 1.5, height / 1.5);
  g_assert_cmpint (n, >, pdf_n_pages (exported_path));
  g_assert_cmpint (n, ==, pdf_n_pages (printed_path));
  g_free (printed_text);
  printed_text = pdf_test_text (printed_path);
  {
    g_autofree char *last = g_strdup_printf ("Page %u of %u", n, n);

    pdf_test_assert_contains (printed_text, last);
  }

  g_unlink (exported_path);
  g_unlink (printed_path);
}

static void
test_pages_guide (void)
{
  g_autoptr(RubricKit) kit = rubric_test_load_shipped_kit ();
  g_autoptr(RubricPages) pages = rubric_pages_new_guide (kit, NULL);
  g_autoptr(GBytes) exported = rubric_guide_to_pdf (kit, NULL, NULL, NULL);
  g_autofree char *title = rubric_guide_dup_title (kit, NULL);

  g_assert_cmpstr (rubric_pages_get_title (pages), ==, title);
  assert_printed_as_exported (pages, exported, "guide");
}

static void
test_pages_summary (void)
{
  g_autoptr(RubricKit) kit = rubric_test_load_shipped_kit ();
  g_autoptr(RubricSession) session = rubric_test_load_session (kit, "export-pdf", "normal.rubric.json");
  g_autoptr(GError) error = NULL;
  RubricSummary *summary;
  g_autoptr(RubricPages) pages = NULL;
  g_autoptr(GBytes) exported = NULL;

  summary = rubric_summary_new (session, kit, RUBRIC_EXPORT_FLAGS_INCLUDE_ANSWERS);
  exported = rubric_export_write_pdf (summary, NULL, &error);
  g_assert_no_error (error);
  pages = rubric_pages_new_summary (summary);
  assert_printed_as_exported (pages, exported, "summary");
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  tmp_dir = g_dir_make_tmp ("rubric-test-guide-XXXXXX", NULL);
  g_assert_nonnull (tmp_dir);

  g_test_add_func ("/guide/whole-kit", test_whole_kit);
  g_test_add_func ("/guide/plan", test_plan);
  g_test_add_func ("/guide/not-markup", test_not_markup);
  g_test_add_func ("/guide/pages", test_pages_guide);
  g_test_add_func ("/guide/pages-summary", test_pages_summary);

  status = g_test_run ();
  rubric_test_remove_tree (tmp_dir);
  g_free (tmp_dir);
  return status;
}
