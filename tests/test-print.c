/* test-print.c — Print…: the print operations run to a PDF
 * (GTK_PRINT_OPERATION_ACTION_EXPORT) and read back; the Summary tab's
 * choices; Ctrl+P and the menu's action
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The PDFs are read back with poppler's pdftotext, pdfinfo and pdffonts.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "pdf-test-utils.h"
#include "rubric-core-test-utils.h"
#include "rubric-print.h"
#include "rubric-shortcuts.h"
#include "rubric-test-utils.h"
#include "rubric-window.h"

static char *tmp_dir;

/* Runs OPERATION to a PDF in the test's folder, as the print dialog's
 * "Print to File" would, and returns the PDF's text. */
static char *
export (GtkPrintOperation *operation,
        const char        *name,
        char             **out_path)
{
  g_autofree char *file = g_strconcat (name, ".pdf", NULL);
  g_autofree char *path = g_build_filename (tmp_dir, file, NULL);
  g_autoptr(GError) error = NULL;
  GtkPrintOperationResult result;

  gtk_print_operation_set_export_filename (operation, path);
  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (result, ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));

  /* Kept beside the screenshots, to look at. */
  if (g_getenv ("RUBRIC_SCREENSHOT_DIR") != NULL)
    {
      g_autofree char *kept_name = g_strconcat ("print-", file, NULL);
      g_autofree char *kept = g_build_filename (g_getenv ("RUBRIC_SCREENSHOT_DIR"), kept_name, NULL);
      g_autofree char *contents = NULL;
      gsize length;

      g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
      g_assert_true (g_file_set_contents (kept, contents, length, NULL));
    }

  if (out_path != NULL)
    *out_path = g_strdup (path);
  return pdf_test_text (path);
}

static int
pdf_n_pages (const char *path)
{
  const char *argv[] = { "pdfinfo", path, NULL };
  g_autofree char *info = pdf_test_run_argv (argv);
  const char *pages = strstr (info, "\nPages:");

  g_assert_nonnull (pages);
  return atoi (pages + strlen ("\nPages:"));
}

static RubricQuestion *
first_question (RubricKit *kit)
{
  g_autoptr(RubricTopic) topic = g_list_model_get_item (rubric_kit_get_topics (kit), 0);
  g_autoptr(RubricQuestion) question = g_list_model_get_item (rubric_topic_get_questions (topic), 0);

  return question;   /* the kit keeps it */
}

/* The first words of TEXT: enough to find, short enough to stay on one
 * page. */
static char *
first_words (const char *text,
             guint       n)
{
  g_auto(GStrv) words = g_strsplit (text, " ", n + 1);

  g_clear_pointer (&words[MIN (n, g_strv_length (words))], g_free);
  return g_strjoinv (" ", words);
}

/* The guide of the whole kit: each question with its key points and red
 * flags, in the text font only, on some pages. */
static void
test_guide (void)
{
  g_autoptr(RubricKit) kit = rubric_test_load_shipped_kit ();
  g_autoptr(GtkPrintOperation) operation = rubric_print_operation_new_guide (kit, NULL, NULL);
  RubricQuestion *question = first_question (kit);
  const char * const *points = rubric_question_get_key_points (question);
  g_autofree char *path = NULL;
  g_autofree char *text = export (operation, "guide", &path);

  g_assert_cmpint (pdf_n_pages (path), >, 0);
  pdf_test_assert_contains (text, rubric_kit_get_title (kit));
  pdf_test_assert_contains (text, rubric_question_get_prompt (question));
  g_assert_nonnull (points);
  for (guint i = 0; points[i] != NULL; i++)
    pdf_test_assert_contains (text, points[i]);
  pdf_test_assert_contains (text, "KEY POINTS");
  pdf_test_assert_contains (text, "Page 1 of ");
  pdf_test_assert_text_font_only (path, text, "guide-reference");
}

/* The Guide tab offers the whole kit and the kit's own plans (not another
 * kit's); choosing a plan prints its questions and time budgets only. */
static void
test_guide_plan (void)
{
  g_autoptr(RubricKit) kit = rubric_test_load_shipped_kit ();
  g_autoptr(RubricPlan) plan = rubric_plan_new ("short", "Short round", rubric_kit_get_id (kit), 25);
  g_autoptr(RubricPlan) other = rubric_plan_new ("other", "Another kit's", "another-kit", 30);
  g_autoptr(GListStore) plans = g_list_store_new (RUBRIC_TYPE_PLAN);
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(RubricTopic) first = g_list_model_get_item (rubric_kit_get_topics (kit), 0);
  g_autoptr(RubricTopic) second = g_list_model_get_item (rubric_kit_get_topics (kit), 1);
  RubricQuestion *question = first_question (kit);
  const char *planned[] = { rubric_question_get_id (question), NULL };
  g_autoptr(GObject) tab = NULL;
  GtkWidget *choice;
  GListModel *names;
  g_autofree char *text = NULL;

  rubric_plan_add_topic (plan, rubric_topic_get_id (first), planned);
  g_list_store_append (plans, other);
  g_list_store_append (plans, plan);
  operation = rubric_print_operation_new_guide (kit, NULL, G_LIST_MODEL (plans));

  g_signal_emit_by_name (operation, "create-custom-widget", &tab);
  g_assert_true (GTK_IS_WIDGET (tab));
  g_object_ref_sink (tab);
  choice = gtk_widget_get_last_child (GTK_WIDGET (tab));
  g_assert_true (GTK_IS_DROP_DOWN (choice));
  names = gtk_drop_down_get_model (GTK_DROP_DOWN (choice));
  g_assert_cmpuint (g_list_model_get_n_items (names), ==, 2);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (names), 0), ==, "Whole Kit");
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (names), 1), ==, "Short round");
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (choice)), ==, 0);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (choice), 1);
  g_signal_emit_by_name (operation, "custom-widget-apply", tab);

  text = export (operation, "guide-plan", NULL);
  pdf_test_assert_contains (text, "Plan: Short round · 25 min slot");
  pdf_test_assert_contains (text, "TIME BUDGET");
  pdf_test_assert_contains (text, rubric_question_get_prompt (question));
  g_assert_null (strstr (text, rubric_topic_get_title (second)));
}

/* The summary printed without answers has none; the Summary tab's
 * "Expected Answers" puts them in. */
static void
test_summary (void)
{
  g_autoptr(RubricKit) kit = rubric_test_load_shipped_kit ();
  g_autoptr(RubricSession) session = rubric_test_load_session (kit, "export-pdf", "normal.rubric.json");
  g_autoptr(GtkPrintOperation) plain = rubric_print_operation_new_summary (session, kit, RUBRIC_EXPORT_FLAGS_NONE);
  g_autoptr(GtkPrintOperation) answers = rubric_print_operation_new_summary (session, kit, RUBRIC_EXPORT_FLAGS_NONE);
  RubricQuestion *question = first_question (kit);
  g_autofree char *expected = first_words (rubric_question_get_expected (question), 6);
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *answers_text = NULL;
  g_autoptr(GObject) tab = NULL;
  GtkWidget *check;

  text = export (plain, "summary", &path);
  g_assert_cmpint (pdf_n_pages (path), >, 0);
  pdf_test_assert_contains (text, rubric_session_get_candidate_name (session));
  pdf_test_assert_contains (text, rubric_question_get_prompt (question));
  g_assert_null (strstr (text, expected));
  g_assert_null (strstr (text, "Expected answers"));
  pdf_test_assert_text_font_only (path, text, "summary-reference");

  /* The tab the print dialog shows, its first choice checked. */
  g_signal_emit_by_name (answers, "create-custom-widget", &tab);
  g_assert_true (GTK_IS_WIDGET (tab));
  g_object_ref_sink (tab);
  check = gtk_widget_get_first_child (GTK_WIDGET (tab));
  g_assert_true (GTK_IS_CHECK_BUTTON (check));
  g_assert_cmpstr (gtk_check_button_get_label (GTK_CHECK_BUTTON (check)), ==, "Expected Answers");
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
  g_signal_emit_by_name (answers, "custom-widget-apply", tab);

  answers_text = export (answers, "summary-answers", NULL);
  pdf_test_assert_contains (answers_text, "Expected answers");
  pdf_test_assert_contains (answers_text, expected);
}

/* Anonymised from the tab: no name of the candidate. */
static void
test_summary_anonymized (void)
{
  g_autoptr(RubricKit) kit = rubric_test_load_shipped_kit ();
  g_autoptr(RubricSession) session = rubric_test_load_session (kit, "export-pdf", "normal.rubric.json");
  g_autoptr(GtkPrintOperation) operation = rubric_print_operation_new_summary (session, kit,
                                                                               RUBRIC_EXPORT_FLAGS_ANONYMIZE);
  g_autofree char *text = export (operation, "anonymized", NULL);
  g_auto(GStrv) names = g_strsplit (rubric_session_get_candidate_name (session), " ", -1);

  g_assert_nonnull (names[0]);
  for (guint i = 0; names[i] != NULL; i++)
    g_assert_null (strstr (text, names[i]));
}

/* In screen-share safe mode the print preview draws on the shared
 * screen: a summary holds no expected answers or private notes whatever
 * is asked, and its tab says why. (The guide, every answer, is not
 * printed then: test_action.) */
static void
test_safe_mode (void)
{
  g_autoptr(RubricKit) kit = rubric_test_load_shipped_kit ();
  g_autoptr(RubricSession) session = rubric_test_load_session (kit, "export-pdf", "normal.rubric.json");
  g_autoptr(GtkPrintOperation) operation = rubric_print_operation_new_summary (session, kit,
                                                                               RUBRIC_EXPORT_FLAGS_INCLUDE_ANSWERS |
                                                                               RUBRIC_EXPORT_FLAGS_INCLUDE_PRIVATE);
  g_autofree char *expected = first_words (rubric_question_get_expected (first_question (kit)), 6);
  g_autofree char *point = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GObject) tab = NULL;
  RubricAnswer *answer;
  GtkWidget *check;

  /* A key point heard: the kit's answer too, named by its number only. */
  answer = rubric_session_lookup_answer (session, rubric_question_get_id (first_question (kit)));
  g_assert_nonnull (answer);
  rubric_answer_set_ticked (answer, RUBRIC_TICK_KEY_POINT, 0, TRUE, 90);
  point = first_words (rubric_question_get_key_points (first_question (kit))[0], 3);

  rubric_print_operation_set_safe_mode (operation, TRUE);
  g_signal_emit_by_name (operation, "create-custom-widget", &tab);
  g_object_ref_sink (tab);
  check = gtk_widget_get_first_child (GTK_WIDGET (tab));
  g_assert_cmpstr (gtk_check_button_get_label (GTK_CHECK_BUTTON (check)), ==, "Expected Answers");
  g_assert_false (gtk_widget_get_sensitive (check));
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
  g_signal_emit_by_name (operation, "custom-widget-apply", tab);
  text = export (operation, "safe-mode", NULL);
  pdf_test_assert_contains (text, rubric_session_get_candidate_name (session));
  g_assert_null (strstr (text, expected));
  g_assert_null (strstr (text, "Expected answers"));
  g_assert_null (strstr (text, "Salary expectations"));
  g_assert_null (strstr (text, point));
  pdf_test_assert_contains (text, "Key point 1");
}

/* Ctrl+P is Print…: on the start page, the kit's guide; in an
 * interview, its summary. */
static void
test_action (void)
{
  g_autoptr(GSettings) settings = g_settings_new (SCHEMA_ID);
  g_autoptr(RubricApplication) app = rubric_test_new_application ();
  g_autoptr(RubricKit) kit = rubric_test_load_shipped_kit ();
  g_autoptr(RubricSession) session = rubric_test_load_session (kit, "export-pdf", "normal.rubric.json");
  RubricWindow *window = rubric_window_new (app);
  const char *path = g_getenv ("RUBRIC_PRINT_EXPORT_FILE");
  g_auto(GStrv) accels = NULL;
  g_autofree char *guide = NULL;
  g_autofree char *summary = NULL;

  rubric_shortcuts_set_accels (GTK_APPLICATION (app));
  accels = rubric_shortcuts_dup_accels (GTK_APPLICATION (app), "win.print");
  g_assert_true (g_strv_contains ((const char * const *) accels, "<Control>p"));

  rubric_window_set_kit (window, kit);
  rubric_test_show_window (GTK_WINDOW (window));

  /* In screen-share safe mode the guide, every answer, is not printed. */
  g_settings_set_boolean (settings, "safe-mode", TRUE);
  g_unlink (path);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.print", NULL));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_settings_reset (settings, "safe-mode");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.print", NULL));
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  guide = pdf_test_text (path);
  pdf_test_assert_contains (guide, "Interview guide");
  pdf_test_assert_contains (guide, rubric_question_get_prompt (first_question (kit)));
  g_unlink (path);

  rubric_window_open_session (window, session, NULL, NULL);
  rubric_test_iterate ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.print", NULL));
  summary = pdf_test_text (path);
  pdf_test_assert_contains (summary, rubric_session_get_candidate_name (session));
  g_assert_null (strstr (summary, "Interview guide"));

  rubric_window_close_now (window);
  rubric_test_iterate ();
  g_application_release (G_APPLICATION (app));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = rubric_test_make_home ("rubric-test-print-XXXXXX");
  g_autofree char *action_pdf = NULL;
  int status;

  tmp_dir = g_build_filename (home, "printed", NULL);
  g_assert_cmpint (g_mkdir_with_parents (tmp_dir, 0700), ==, 0);
  /* Print… writes here, with no dialog (rubric_print_run()). */
  action_pdf = g_build_filename (tmp_dir, "action.pdf", NULL);
  g_setenv ("RUBRIC_PRINT_EXPORT_FILE", action_pdf, TRUE);
  rubric_test_init (&argc, &argv);

  g_test_add_func ("/print/guide", test_guide);
  g_test_add_func ("/print/guide-plan", test_guide_plan);
  g_test_add_func ("/print/summary", test_summary);
  g_test_add_func ("/print/summary/anonymized", test_summary_anonymized);
  g_test_add_func ("/print/action", test_action);
  g_test_add_func ("/print/safe-mode", test_safe_mode);

  status = g_test_run ();
  rubric_test_remove_tree (home);
  g_free (tmp_dir);
  return status;
}
