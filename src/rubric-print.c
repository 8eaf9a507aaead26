/* rubric-print.c — Print…: the candidate summary or an interview guide,
 * through GTK's print dialog, on the PDF exports' pages
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The glue between GtkPrintOperation and the core's RubricPages
 * (rubric-pages.h), which lays out and paints the same pages as the PDF
 * exports: begin-print lays the document out on the paper the dialog
 * chose, in points from its top left (the margins are the document's
 * own), and sets the number of pages; draw-page paints one. The summary's
 * print dialog has a tab with the Export dialog's choices: expected
 * answers, private notes, anonymising. The settings chosen last are kept
 * for the next print while the app runs.
 */

#define G_LOG_DOMAIN "rubric-print"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "rubric-guide.h"
#include "rubric-pages.h"
#include "rubric-print.h"

typedef struct
{
  RubricSession     *session;   /* NULL for a guide */
  RubricKit         *kit;
  RubricPlan        *plan;      /* a guide's; NULL for the whole kit */
  RubricExportFlags  flags;     /* a summary's */
  RubricPages       *pages;     /* laid out by begin-print */
  GtkCheckButton    *checks[3]; /* the summary's tab, while it shows */
  GPtrArray         *plans;     /* a guide's choices, besides the whole kit */
  GtkDropDown       *plan_choice; /* the guide's tab, while it shows */
  gboolean           safe_mode; /* no answers or private notes, even if asked */
} PrintJob;

static const RubricExportFlags check_flags[] = {
  RUBRIC_EXPORT_FLAGS_INCLUDE_ANSWERS,
  RUBRIC_EXPORT_FLAGS_INCLUDE_PRIVATE,
  RUBRIC_EXPORT_FLAGS_ANONYMIZE,
};

static GtkPrintSettings *last_settings;   /* the last print's, for the next */

static void
print_job_free (PrintJob *job)
{
  g_clear_object (&job->session);
  g_clear_object (&job->kit);
  g_clear_object (&job->plan);
  g_clear_pointer (&job->plans, g_ptr_array_unref);
  g_clear_pointer (&job->pages, rubric_pages_free);
  g_free (job);
}

/* The pages as the job's choices make them. */
static RubricPages *
job_pages_new (PrintJob *job)
{
  if (job->session != NULL)
    {
      RubricExportFlags flags = job->flags;

      /* Safe mode: no answers or private notes, even if asked, and the
       * evidence ticked named by number (the preview is on screen). */
      if (job->safe_mode)
        {
          flags &= ~(RUBRIC_EXPORT_FLAGS_INCLUDE_ANSWERS | RUBRIC_EXPORT_FLAGS_INCLUDE_PRIVATE);
          flags |= RUBRIC_EXPORT_FLAGS_PLACEHOLDERS;
        }
      return rubric_pages_new_summary (rubric_summary_new (job->session, job->kit, flags));
    }
  return rubric_pages_new_guide (job->kit, job->plan);
}

static void
begin_print_cb (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                PrintJob          *job)
{
  guint n_pages;

  g_clear_pointer (&job->pages, rubric_pages_free);
  job->pages = job_pages_new (job);
  n_pages = rubric_pages_paginate (job->pages, gtk_print_context_get_cairo_context (context),
                                   gtk_print_context_get_width (context), gtk_print_context_get_height (context));
  gtk_print_operation_set_n_pages (operation, MAX (n_pages, 1));
}

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page_nr,
              PrintJob          *job)
{
  g_return_if_fail (job->pages != NULL);
  rubric_pages_draw_page (job->pages, gtk_print_context_get_cairo_context (context), (guint) page_nr);
}

/* The summary's tab: what the Export dialog offers, with its words. */
static GObject *
create_custom_widget_cb (GtkPrintOperation *operation,
                         PrintJob          *job)
{
  const char *labels[] = {
    _("Expected Answers"),
    _("Private Notes"),
    _("Anonymize"),
  };
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  for (guint i = 0; i < G_N_ELEMENTS (check_flags); i++)
    {
      GtkWidget *check = gtk_check_button_new_with_label (labels[i]);

      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), (job->flags & check_flags[i]) != 0);
      /* The print preview draws on the screen being shared. */
      if (job->safe_mode && check_flags[i] != RUBRIC_EXPORT_FLAGS_ANONYMIZE)
        {
          gtk_check_button_set_active (GTK_CHECK_BUTTON (check), FALSE);
          gtk_widget_set_sensitive (check, FALSE);
          /* Translators: the tooltip of a choice of the print dialog that
           * screen-share safe mode turns off */
          gtk_widget_set_tooltip_text (check, _("Off while Screen-Share Safe Mode is on"));
        }
      gtk_box_append (GTK_BOX (box), check);
      job->checks[i] = GTK_CHECK_BUTTON (check);
    }

  return G_OBJECT (box);
}

static void
custom_widget_apply_cb (GtkPrintOperation *operation,
                        GtkWidget         *widget,
                        PrintJob          *job)
{
  for (guint i = 0; i < G_N_ELEMENTS (check_flags); i++)
    {
      if (job->checks[i] == NULL)
        continue;
      if (gtk_check_button_get_active (job->checks[i]))
        job->flags |= check_flags[i];
      else
        job->flags &= ~check_flags[i];
      job->checks[i] = NULL;
    }
}

/* The guide's tab: the whole kit, or one of its plans (its questions, in
 * its order, with its time budgets). */
static GObject *
create_guide_widget_cb (GtkPrintOperation *operation,
                        PrintJob          *job)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *label;
  GtkWidget *choice;
  guint selected = 0;

  /* Translators: in the print dialog, the guide of every question, not
   * only a plan's */
  gtk_string_list_append (names, _("Whole Kit"));
  for (guint i = 0; i < job->plans->len; i++)
    {
      RubricPlan *plan = g_ptr_array_index (job->plans, i);

      /* A plan's name is text, never markup: a string list item. */
      gtk_string_list_append (names, rubric_plan_get_name (plan));
      if (plan == job->plan)
        selected = i + 1;
    }

  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  /* Translators: in the print dialog, beside the choice of the plan whose
   * guide is printed */
  label = gtk_label_new_with_mnemonic (_("_Plan"));
  choice = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&names)), NULL);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (choice), selected);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), choice);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (choice), GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL, -1);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), choice);
  job->plan_choice = GTK_DROP_DOWN (choice);
  return G_OBJECT (box);
}

static void
guide_widget_apply_cb (GtkPrintOperation *operation,
                       GtkWidget         *widget,
                       PrintJob          *job)
{
  guint selected;

  if (job->plan_choice == NULL)
    return;
  selected = gtk_drop_down_get_selected (job->plan_choice);
  g_clear_object (&job->plan);
  if (selected != GTK_INVALID_LIST_POSITION && selected > 0 && selected <= job->plans->len)
    job->plan = g_object_ref (g_ptr_array_index (job->plans, selected - 1));
  job->plan_choice = NULL;
}

static GtkPrintOperation *
operation_new (PrintJob   *job,
               const char *job_name)
{
  GtkPrintOperation *operation = gtk_print_operation_new ();

  g_object_set_data_full (G_OBJECT (operation), "rubric-print-job", job, (GDestroyNotify) print_job_free);
  gtk_print_operation_set_job_name (operation, job_name);
  /* The document's margins are its own, as in the PDF: the whole paper,
   * in points. */
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  if (last_settings != NULL)
    gtk_print_operation_set_print_settings (operation, last_settings);

  g_signal_connect (operation, "begin-print", G_CALLBACK (begin_print_cb), job);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page_cb), job);
  return operation;
}

/**
 * rubric_print_operation_new_summary:
 * @flags: what the summary holds at first; the dialog's Summary tab
 *   changes it
 *
 * A print operation for the candidate summary of @session, laid out as
 * its PDF export. Run it with rubric_print_run(), or with
 * gtk_print_operation_run() and %GTK_PRINT_OPERATION_ACTION_EXPORT to
 * write a PDF (the tests do).
 *
 * Returns: (transfer full): the operation
 */
GtkPrintOperation *
rubric_print_operation_new_summary (RubricSession     *session,
                                    RubricKit         *kit,
                                    RubricExportFlags  flags)
{
  PrintJob *job;
  GtkPrintOperation *operation;

  g_return_val_if_fail (RUBRIC_IS_SESSION (session), NULL);
  g_return_val_if_fail (kit == NULL || RUBRIC_IS_KIT (kit), NULL);

  job = g_new0 (PrintJob, 1);
  job->session = g_object_ref (session);
  job->kit = kit != NULL ? g_object_ref (kit) : NULL;
  job->flags = flags & ~RUBRIC_EXPORT_FLAGS_PLACEHOLDERS;

  /* Translators: the name of a print job: the candidate summary */
  operation = operation_new (job, _("Interview summary"));
  /* Translators: the tab of the print dialog with what the printed summary holds */
  gtk_print_operation_set_custom_tab_label (operation, _("Summary"));
  g_signal_connect (operation, "create-custom-widget", G_CALLBACK (create_custom_widget_cb), job);
  g_signal_connect (operation, "custom-widget-apply", G_CALLBACK (custom_widget_apply_cb), job);
  return operation;
}

/**
 * rubric_print_operation_new_guide:
 * @plan: (nullable): the plan, or %NULL for the whole kit
 * @plans: (nullable): plans the dialog's Guide tab offers besides the
 *   whole kit (those of other kits are left out)
 *
 * A print operation for the interview guide of @kit: each topic's
 * questions with their expected answers, key points and red flags, and
 * @plan's time budgets.
 *
 * Returns: (transfer full): the operation
 */
GtkPrintOperation *
rubric_print_operation_new_guide (RubricKit  *kit,
                                  RubricPlan *plan,
                                  GListModel *plans)
{
  GtkPrintOperation *operation;
  PrintJob *job;
  g_autofree char *name = NULL;

  g_return_val_if_fail (RUBRIC_IS_KIT (kit), NULL);
  g_return_val_if_fail (plan == NULL || RUBRIC_IS_PLAN (plan), NULL);
  g_return_val_if_fail (plans == NULL || G_IS_LIST_MODEL (plans), NULL);

  job = g_new0 (PrintJob, 1);
  job->kit = g_object_ref (kit);
  job->plan = plan != NULL ? g_object_ref (plan) : NULL;
  job->plans = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; plans != NULL && i < g_list_model_get_n_items (plans); i++)
    {
      g_autoptr(RubricPlan) item = g_list_model_get_item (plans, i);

      if (g_strcmp0 (rubric_plan_get_kit_id (item), rubric_kit_get_id (kit)) == 0)
        g_ptr_array_add (job->plans, g_steal_pointer (&item));
    }
  if (plan != NULL && !g_ptr_array_find (job->plans, plan, NULL))
    g_ptr_array_insert (job->plans, 0, g_object_ref (plan));

  name = rubric_guide_dup_title (kit, plan);
  operation = operation_new (job, name);
  /* Translators: the tab of the print dialog with which guide is printed */
  gtk_print_operation_set_custom_tab_label (operation, _("Guide"));
  g_signal_connect (operation, "create-custom-widget", G_CALLBACK (create_guide_widget_cb), job);
  g_signal_connect (operation, "custom-widget-apply", G_CALLBACK (guide_widget_apply_cb), job);
  return operation;
}

static void
done_cb (GtkPrintOperation       *operation,
         GtkPrintOperationResult  result,
         GtkWindow               *parent)
{
  if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    g_set_object (&last_settings, gtk_print_operation_get_print_settings (operation));
  else if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_autoptr(GError) error = NULL;
      AdwDialog *alert;

      gtk_print_operation_get_error (operation, &error);
      alert = adw_alert_dialog_new (_("Could Not Print"), error != NULL ? error->message : NULL);
      adw_alert_dialog_add_response (ADW_ALERT_DIALOG (alert), "close", _("_Close"));
      adw_dialog_present (alert, parent != NULL ? GTK_WIDGET (parent) : NULL);
    }
  g_clear_object (&parent);
  g_object_unref (operation);
}

/**
 * rubric_print_operation_set_safe_mode:
 *
 * In screen-share safe mode a summary is printed, and so previewed on the
 * screen, without expected answers or private notes, whatever is asked.
 */
void
rubric_print_operation_set_safe_mode (GtkPrintOperation *operation,
                                      gboolean           safe_mode)
{
  PrintJob *job;

  g_return_if_fail (GTK_IS_PRINT_OPERATION (operation));

  job = g_object_get_data (G_OBJECT (operation), "rubric-print-job");
  g_return_if_fail (job != NULL);
  job->safe_mode = !!safe_mode;
}

/**
 * rubric_print_run:
 * @operation: (transfer full): from rubric_print_operation_new_summary()
 *   or rubric_print_operation_new_guide()
 *
 * Shows the print dialog, with its preview, and prints what it says;
 * returns at once. An error is shown over @parent. With
 * RUBRIC_PRINT_EXPORT_FILE set (the tests), writes that PDF instead,
 * with no dialog.
 */
void
rubric_print_run (GtkPrintOperation *operation,
                  GtkWindow         *parent)
{
  g_autoptr(GError) error = NULL;
  GtkPrintOperationResult result;

  g_return_if_fail (GTK_IS_PRINT_OPERATION (operation));

  /* For the tests: the pages go to this PDF, with no dialog. */
  if (g_getenv ("RUBRIC_PRINT_EXPORT_FILE") != NULL)
    {
      gtk_print_operation_set_export_filename (operation, g_getenv ("RUBRIC_PRINT_EXPORT_FILE"));
      result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, parent, &error);
      if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
        g_warning ("Could not print to %s: %s", g_getenv ("RUBRIC_PRINT_EXPORT_FILE"),
                   error != NULL ? error->message : "");
      g_object_unref (operation);
      return;
    }

  gtk_print_operation_set_allow_async (operation, TRUE);
  /* "done" takes the caller's reference; this one lasts the run, in case
   * "done" comes before it returns. */
  g_signal_connect (operation, "done", G_CALLBACK (done_cb), parent != NULL ? g_object_ref (parent) : NULL);
  g_object_ref (operation);
  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, parent, &error);
  if (result != GTK_PRINT_OPERATION_RESULT_IN_PROGRESS)
    g_debug ("Print: %d%s%s", result, error != NULL ? ": " : "", error != NULL ? error->message : "");
  g_object_unref (operation);
}
