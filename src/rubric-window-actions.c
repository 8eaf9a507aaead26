/* rubric-window-actions.c — what the user can do in a window: win.* actions
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Saving, closing, exporting, moving through the questions, rating and the
 * view's own settings. Keys, menus and tests all come through these
 * actions; rubric-window.c holds the window and its panes.
 */

#define G_LOG_DOMAIN "rubric-window-actions"

#include "config.h"

#include <glib/gi18n.h>

#include "rubric-anki.h"
#include "rubric-evidence.h"
#include "rubric-file.h"
#include "rubric-export-dialog.h"
#include "rubric-file-dialog.h"
#include "rubric-print.h"
#include "rubric-toast.h"
#include "rubric-window-private.h"

/* ------------------------------------------------------------------ saving */

static void
saved_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(RubricWindow) self = user_data;
  RubricInterview *interview = RUBRIC_INTERVIEW (object);
  g_autoptr(GError) error = NULL;
  gboolean close_after = self->close_after_save;
  GFile *file;

  self->close_after_save = FALSE;

  if (!rubric_interview_save_finish (interview, result, &error))
    {
      g_autofree char *message = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      /* Translators: %s says why. Nothing was written: a file that was
       * there is as it was, and a failed Save As left the interview where
       * it was. */
      message = g_strdup_printf (_("The interview could not be saved: %s. Nothing was written, and your changes are still in this window. Try Save As to save them somewhere else."),
                                 error->message);
      rubric_window_show_error (self, _("Could Not Save"), message);
      return;
    }

  file = rubric_interview_get_file (interview);
  if (file != NULL)
    {
      g_autofree char *name = g_file_get_basename (file);
      /* Translators: a notification; %s is the name of the file */
      g_autofree char *text = g_strdup_printf (_("Saved “%s”"), name);

      rubric_application_add_recent (_rubric_window_get_app (self), file);
      _rubric_window_toast (self, text);
    }
  _rubric_window_update_title (self);

  if (close_after)
    {
      self->close_confirmed = TRUE;
      gtk_window_close (GTK_WINDOW (self));
    }
}

/* Saves what is not on disk yet; to @file (Save As) when it is not NULL. */
static void
save_to (RubricWindow *self,
         GFile        *file)
{
  rubric_interview_save_async (self->interview, file, self->cancellable, saved_cb, g_object_ref (self));
}

static void
save_as_response_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(RubricWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;

  file = gtk_file_dialog_save_finish (GTK_FILE_DIALOG (object), result, &error);
  if (file == NULL)
    {
      self->close_after_save = FALSE;
      return;
    }

  save_to (self, file);
}

static void
save_as (RubricWindow *self)
{
  g_autoptr(GtkFileDialog) dialog = rubric_file_dialog_new_for_sessions (_("Save Interview"));
  g_autofree char *name = rubric_interview_dup_suggested_name (self->interview);
  GFile *file = rubric_interview_get_file (self->interview);

  gtk_file_dialog_set_initial_name (dialog, name);
  if (file != NULL)
    gtk_file_dialog_set_initial_file (dialog, file);

  gtk_file_dialog_save (dialog, GTK_WINDOW (self), self->cancellable,
                        save_as_response_cb, g_object_ref (self));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RubricWindow *self = RUBRIC_WINDOW (widget);

  if (rubric_interview_get_file (self->interview) == NULL)
    save_as (self);
  else
    save_to (self, NULL);
}

static void
save_as_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  save_as (RUBRIC_WINDOW (widget));
}

/* ------------------------------------------------- another program's version */

static void
overwrite_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  RubricWindow *self = RUBRIC_WINDOW (widget);

  g_assert (RUBRIC_IS_WINDOW (self));
  rubric_interview_overwrite_async (self->interview, self->cancellable, saved_cb, g_object_ref (self));
}

static void
reloaded_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(RubricWindow) self = user_data;
  g_autoptr(RubricSession) session = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *stamp = NULL;
  RubricWindow *window;

  session = rubric_session_load_finish (result, &stamp, &error);
  if (session == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        rubric_window_show_error (self, _("Could Not Open the Interview"), error->message);
      return;
    }

  /* The version on disk, in a window of its own; this one goes without
   * writing anything, as the user asked. */
  window = rubric_window_new (_rubric_window_get_app (self));
  rubric_window_open_session (window, session, rubric_interview_get_file (self->interview), stamp);
  gtk_window_present (GTK_WINDOW (window));

  rubric_interview_discard (self->interview);
  self->close_confirmed = TRUE;
  gtk_window_close (GTK_WINDOW (self));
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  RubricWindow *self = RUBRIC_WINDOW (widget);
  GFile *file = rubric_interview_get_file (self->interview);

  g_assert (file != NULL);   /* the action is enabled only then */
  rubric_session_load_async (file, self->kit, self->cancellable, reloaded_cb, g_object_ref (self));
}

/* ---------------------------------------------------------------- export */

static void
open_exported_cb (AdwToast *toast_,
                  GFile    *file)
{
  g_autoptr(GtkFileLauncher) launcher = gtk_file_launcher_new (file);
  GtkWidget *window = g_object_get_data (G_OBJECT (toast_), "rubric-window");

  gtk_file_launcher_launch (launcher, GTK_IS_WINDOW (window) ? GTK_WINDOW (window) : NULL,
                            NULL, NULL, NULL);
}

static void
on_exported_cb (RubricWindow *self,
                GFile        *file)
{
  g_autofree char *name = g_file_get_basename (file);
  /* Translators: a notification after an export; %s is the name of the file
   * written */
  g_autofree char *title = g_strdup_printf (_("Exported “%s”"), name);
  AdwToast *exported = rubric_toast_new (title);

  /* Translators: the button of the notification after an export: it opens the
   * exported file */
  adw_toast_set_button_label (exported, _("_Open"));
  g_object_set_data (G_OBJECT (exported), "rubric-window", self);
  g_signal_connect_data (exported, "button-clicked", G_CALLBACK (open_exported_cb),
                         g_object_ref (file), (GClosureNotify) (void (*) (void)) g_object_unref, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, exported);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  RubricWindow *self = RUBRIC_WINDOW (widget);
  RubricExportDialog *dialog;

  if (self->session == NULL)
    return;

  dialog = rubric_export_dialog_new (self->session, self->kit, rubric_interview_get_file (self->interview));
  g_signal_connect_object (dialog, "exported", G_CALLBACK (on_exported_cb), self, G_CONNECT_SWAPPED);
  adw_dialog_present (ADW_DIALOG (dialog), widget);
}

/* Export as Anki Deck: the kit, or in an interview run with a plan, the
 * plan's questions; written whole or not at all. */
typedef struct
{
  RubricWindow *self;
  GFile *file;
} AnkiData;

static void
anki_written_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  AnkiData *data = user_data;
  g_autoptr(GError) error = NULL;

  if (rubric_file_write_finish (result, NULL, &error))
    on_exported_cb (data->self, data->file);
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    rubric_window_show_error (data->self, _("Could Not Export the Anki Deck"), error->message);
  g_object_unref (data->self);
  g_object_unref (data->file);
  g_free (data);
}

static void
anki_save_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(RubricWindow) self = user_data;
  g_autoptr(GFile) file = gtk_file_dialog_save_finish (GTK_FILE_DIALOG (object), result, NULL);
  g_autoptr(GBytes) bytes = NULL;
  AnkiData *data;

  if (file == NULL || self->kit == NULL)
    return;
  bytes = rubric_anki_export (self->kit, self->session != NULL ? rubric_session_get_plan (self->session) : NULL);
  data = g_new0 (AnkiData, 1);
  data->self = g_object_ref (self);
  data->file = g_object_ref (file);
  rubric_file_write_async (file, bytes, RUBRIC_FILE_WRITE_NONE, NULL, self->cancellable, anki_written_cb, data);
}

static void
export_anki_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  RubricWindow *self = RUBRIC_WINDOW (widget);
  g_autoptr(GtkFileDialog) dialog = NULL;
  g_autofree char *name = NULL;

  if (self->kit == NULL)
    return;
  /* Translators: the title of the file chooser that exports an interview
   * kit (or a plan's questions) as a deck of Anki flashcards */
  dialog = rubric_file_dialog_new (_("Export as Anki Deck"),
                                   /* Translators: the name of a file type in the file
                                    * chooser: decks of Anki flashcards as text */
                                   _("Anki Decks"), "txt", "text/plain");
  name = rubric_file_suggest_name (rubric_kit_get_title (self->kit), NULL, "txt");
  gtk_file_dialog_set_initial_name (dialog, name);
  gtk_file_dialog_save (dialog, GTK_WINDOW (self), self->cancellable, anki_save_cb, g_object_ref (self));
}

static void
copy_summary_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  RubricWindow *self = RUBRIC_WINDOW (widget);
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *text = NULL;

  if (self->session == NULL)
    return;

  bytes = rubric_export_to_bytes (self->session, self->kit, RUBRIC_EXPORT_FORMAT_MARKDOWN,
                                  RUBRIC_EXPORT_FLAGS_NONE, NULL);
  text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), text);
  _rubric_window_toast (self, _("Summary copied as Markdown"));
}

/* In an interview, its summary, with the Export dialog's choices in the
 * print dialog; while studying and on the start page, the interview guide
 * of the whole kit, for interviewers who prepare on paper. */
static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  RubricWindow *self = RUBRIC_WINDOW (widget);

  if (self->session != NULL)
    {
      GtkPrintOperation *operation = rubric_print_operation_new_summary (self->session, self->kit,
                                                                         RUBRIC_EXPORT_FLAGS_NONE);

      rubric_print_operation_set_safe_mode (operation, _rubric_window_safe_mode (self));
      rubric_print_run (operation, GTK_WINDOW (self));
    }
  else if (self->kit != NULL && _rubric_window_safe_mode (self))
    {
      /* The guide is every answer, and its preview would draw them on the
       * screen being shared. */
      _rubric_window_toast (self, _("Turn off Screen-Share Safe Mode to print the guide: it shows every answer"));
    }
  else if (self->kit != NULL)
    {
      RubricPlanLibrary *plans = rubric_application_get_plan_library (_rubric_window_get_app (self));

      /* The whole kit, or (in the dialog's Guide tab) one of its plans. */
      rubric_print_run (rubric_print_operation_new_guide (self->kit, NULL,
                                                          plans != NULL ? rubric_plan_library_get_plans (plans) : NULL),
                        GTK_WINDOW (self));
    }
}

/* ---------------------------------------------------------------- closing */

static void
close_response_cb (AdwAlertDialog *dialog,
                   const char     *response,
                   RubricWindow   *self)
{
  if (g_str_equal (response, "save"))
    {
      self->close_after_save = TRUE;
      save_as (self);
    }
  else if (g_str_equal (response, "discard"))
    {
      rubric_interview_discard (self->interview);
      self->close_confirmed = TRUE;
      gtk_window_close (GTK_WINDOW (self));
    }
}

static void
save_window_state (RubricWindow *self)
{
  int width;
  int height;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);

  g_settings_delay (self->settings);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));
  g_settings_apply (self->settings);
}

static void
final_flush_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GApplication) app = user_data;

  rubric_interview_save_finish (RUBRIC_INTERVIEW (object), result, NULL);
  g_application_release (app);
}

static void
ask_before_closing (RubricWindow *self,
                    const char   *body)
{
  AdwDialog *dialog;

  dialog = adw_alert_dialog_new (_("Save the Interview?"), body);
  adw_alert_dialog_add_responses (ADW_ALERT_DIALOG (dialog),
                                  "cancel", _("_Cancel"),
                                  "discard", _("_Discard"),
                                  "save", _("_Save As…"),
                                  NULL);
  adw_alert_dialog_set_response_appearance (ADW_ALERT_DIALOG (dialog), "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_alert_dialog_set_response_appearance (ADW_ALERT_DIALOG (dialog), "save", ADW_RESPONSE_SUGGESTED);
  adw_alert_dialog_set_default_response (ADW_ALERT_DIALOG (dialog), "save");
  adw_alert_dialog_set_close_response (ADW_ALERT_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (close_response_cb), self, 0);
  adw_dialog_present (dialog, GTK_WIDGET (self));
}

static void
ask_after_failed_save (RubricWindow *self,
                       const GError *error)
{
  g_autofree char *basename = g_file_get_basename (rubric_interview_get_file (self->interview));
  g_autofree char *name = g_filename_display_name (basename);
  g_autofree char *body = NULL;

  if (g_error_matches (error, RUBRIC_FILE_ERROR, RUBRIC_FILE_ERROR_CONFLICT))
    /* Translators: the first %s is a file's name, the second says why it
     * could not be written: another program changed, moved or removed it */
    body = g_strdup_printf (_("The latest changes could not be saved to “%s”: %s. If you discard them, the file stays as the other program left it."),
                            name, error->message);
  else
    /* Translators: the first %s is a file's name, the second says why it
     * could not be written */
    body = g_strdup_printf (_("The latest changes could not be saved to “%s”: %s. If you discard them, the file keeps its last saved version."),
                            name, error->message);
  ask_before_closing (self, body);
}

static void
close_flushed_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(RubricWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  self->closing = FALSE;
  if (rubric_interview_save_finish (RUBRIC_INTERVIEW (object), result, &error))
    {
      self->close_confirmed = TRUE;
      gtk_window_close (GTK_WINDOW (self));
      return;
    }
  if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    ask_after_failed_save (self, error);
}

static gboolean
rubric_window_close_request (GtkWindow *window)
{
  RubricWindow *self = RUBRIC_WINDOW (window);

  if (self->closing)
    return TRUE;

  /* Closing never loses what is not on disk without asking: an untitled
   * interview needs a name, a saved one writes its last changes first. */
  if (!self->close_confirmed && self->interview != NULL &&
      rubric_interview_get_needs_saving (self->interview))
    {
      if (rubric_interview_get_file (self->interview) == NULL)
        ask_before_closing (self, _("This interview has not been saved under a name yet. If you discard it, its ratings and notes are gone."));
      else if (rubric_interview_get_conflict (self->interview))
        {
          g_autoptr(GError) error = NULL;

          g_set_error_literal (&error, RUBRIC_FILE_ERROR, RUBRIC_FILE_ERROR_CONFLICT,
                               _("another program changed, moved or removed the file"));
          ask_after_failed_save (self, error);
        }
      else
        {
          self->closing = TRUE;
          rubric_interview_save_async (self->interview, NULL, self->cancellable, close_flushed_cb,
                                       g_object_ref (self));
        }
      return TRUE;
    }

  save_window_state (self);

  if (self->progress_save_id != 0)
    {
      g_clear_handle_id (&self->progress_save_id, g_source_remove);
      _rubric_window_save_progress_cb (self);
    }

  /* Whatever is still unwritten (an untitled interview's draft, or a
   * close without asking) is written; the application waits. */
  if (self->interview != NULL && rubric_interview_get_dirty (self->interview))
    {
      GApplication *app = G_APPLICATION (_rubric_window_get_app (self));

      g_application_hold (app);
      rubric_interview_save_async (self->interview, NULL, NULL, final_flush_cb, g_object_ref (app));
    }

  return GTK_WINDOW_CLASS (g_type_class_peek_parent (G_OBJECT_GET_CLASS (window)))->close_request (window);
}

/* -------------------------------------------------------------- navigation */

/* Ctrl+Page Down and Up: the next or previous topic, at its main question;
 * in a planned interview, in the plan's order. */
static void
move_topic (RubricWindow *self,
            int           delta)
{
  guint index;

  if (!_rubric_window_step_topic (self, rubric_question_pane_get_topic_index (self->question_pane), delta, &index))
    {
      _rubric_window_toast (self, delta > 0 ? _("This is the last topic") : _("This is the first topic"));
      return;
    }
  rubric_window_show_topic (self, index);
  _rubric_window_focus_question (self);
}

/* J and K walk the whole interview: past a topic's last question to the
 * next topic's main question, before its main question to the previous
 * topic's last. Moving on hides what was revealed. While the sidebar lists
 * the questions due today, they walk only those. */
static void
move_question (RubricWindow *self,
               int           delta)
{
  int index;
  guint topic;
  RubricQuestionCard *card;
  guint there;
  gboolean past_end;

  /* Walking the questions due today: only those. */
  if (_rubric_window_move_due (self, delta))
    return;

  index = (int) rubric_question_pane_get_question_index (self->question_pane) + delta;
  topic = rubric_question_pane_get_topic_index (self->question_pane);
  card = _rubric_window_current_card (self);
  there = topic;
  past_end = index >= (int) rubric_question_pane_get_n_questions (self->question_pane);

  if ((past_end || index < 0) && !_rubric_window_step_topic (self, topic, past_end ? 1 : -1, &there))
    {
      _rubric_window_toast (self, past_end ? _("This is the last question") : _("This is the first question"));
      return;
    }

  if (card != NULL)
    rubric_question_card_set_revealed (card, FALSE);

  if (past_end)
    rubric_window_show_topic (self, there);
  else if (index < 0)
    {
      rubric_window_show_topic (self, there);
      rubric_question_pane_set_question_index (self->question_pane,
                                               rubric_question_pane_get_n_questions (self->question_pane) - 1);
    }
  else
    rubric_question_pane_set_question_index (self->question_pane, (guint) index);

  _rubric_window_focus_question (self);
}

/* win.next-topic, win.previous-topic, win.next-question and
 * win.previous-question: one way through the interview. */
static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RubricWindow *self = RUBRIC_WINDOW (widget);
  int delta = g_str_has_prefix (action_name, "win.next-") ? 1 : -1;

  if (g_str_has_suffix (action_name, "-topic"))
    move_topic (self, delta);
  else
    move_question (self, delta);
}

/* Escape in a text field: back to the question being asked. */
static void
focus_question_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  _rubric_window_focus_question (RUBRIC_WINDOW (widget));
}

/* N: the notes on the question being asked, in the candidate panel. */
static void
focus_notes_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  RubricWindow *self = RUBRIC_WINDOW (widget);

  /* Enabled with an interview only, which has the panel. */
  g_return_if_fail (self->candidate_panel != NULL);
  g_object_set (self, "show-candidate-panel", TRUE, NULL);
  rubric_candidate_panel_focus_notes (self->candidate_panel,
                                      rubric_question_pane_get_question_index (self->question_pane));
}

static void
reveal_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  RubricWindow *self = RUBRIC_WINDOW (widget);
  RubricQuestionCard *card = _rubric_window_current_card (self);

  if (card == NULL)
    return;

  if (_rubric_window_safe_mode (self))
    {
      _rubric_window_toast (self, _("Answers stay hidden while screen-share safe mode is on"));
      return;
    }
  rubric_question_card_set_revealed (card, !rubric_question_card_get_revealed (card));
}

static void
rate_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RubricWindow *self = RUBRIC_WINDOW (widget);
  int rating = g_variant_get_int32 (parameter);
  RubricAnswer *answer;

  if (rating < RUBRIC_RATING_NONE || rating > RUBRIC_RATING_MAX)
    return;
  answer = _rubric_window_current_answer (self);
  if (answer == NULL)
    return;

  _rubric_window_begin_step (self, RUBRIC_UNDO_RATE);
  if (rating != RUBRIC_RATING_NONE)
    rubric_answer_set_skipped (answer, FALSE);
  rubric_answer_set_rating (answer, rating);
  _rubric_window_end_step (self);
}

static void
skip_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RubricAnswer *answer = _rubric_window_current_answer (RUBRIC_WINDOW (widget));

  if (answer != NULL)
    rubric_answer_set_skipped (answer, !rubric_answer_get_skipped (answer));
}

/* Alt+1…9: ticks (or unticks) the revealed question's key point or red
 * flag of that number, as a click on its row would; the time of the tick
 * is the interview's. */
static void
tick_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RubricWindow *self = RUBRIC_WINDOW (widget);
  RubricQuestionCard *card = _rubric_window_current_card (self);
  int number = g_variant_get_int32 (parameter);

  if (card == NULL || self->session == NULL || number < 1)
    return;
  if (!rubric_question_card_get_revealed (card))
    {
      /* Translators: a notification when the interviewer presses Alt+1…9
       * before the key points are shown */
      _rubric_window_toast (self, _("Show the expected answer first, then tick what you hear"));
      return;
    }
  if (!rubric_question_card_toggle_tick (card, (guint) number))
    {
      /* Translators: a notification: Alt+7 on a question with fewer key
       * points and red flags; %d is the number pressed */
      g_autofree char *text = g_strdup_printf (_("This question has no point %d to tick"), number);

      _rubric_window_toast (self, text);
    }
}

/* The strengths and concerns take the ticked senior points and red flags
 * they do not hold yet; the interviewer edits them before exporting. */
static void
fill_from_evidence_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  RubricWindow *self = RUBRIC_WINDOW (widget);
  g_autofree char *text = NULL;
  guint added;

  if (self->session == NULL || self->kit == NULL || rubric_session_get_read_only (self->session))
    return;

  /* The points it adds are the kit's answers, which safe mode never draws. */
  if (_rubric_window_safe_mode (self))
    {
      _rubric_window_toast (self, _("Answers stay hidden while screen-share safe mode is on"));
      return;
    }

  added = rubric_evidence_fill_session (self->session, self->kit);
  if (added == 0)
    /* Translators: a notification after “Fill from Evidence” */
    text = g_strdup (_("No new ticked senior points or red flags to add"));
  else
    /* Translators: a notification after “Fill from Evidence”: lines added
     * to the strengths and concerns */
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Added %u line from the evidence",
                                         "Added %u lines from the evidence", added),
                            added);
  _rubric_window_toast (self, text);
}

/* P: a break or a dropped call; the clock stands still until P again. */
static void
pause_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  RubricWindow *self = RUBRIC_WINDOW (widget);
  gboolean paused = !rubric_interview_get_paused (self->interview);

  /* The header's clock says "paused"; no notification over the interview. */
  rubric_interview_set_paused (self->interview, paused);
}

static void
zoom (RubricWindow *self,
      double        factor)
{
  double size = factor == 0.0 ? 1.0 : g_settings_get_double (self->settings, "text-size") * factor;

  size = CLAMP (size, 0.8, 2.0);
  g_settings_set_double (self->settings, "text-size", size);
}

static void
zoom_in_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  zoom (RUBRIC_WINDOW (widget), 1.1);
}

static void
zoom_out_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  zoom (RUBRIC_WINDOW (widget), 1 / 1.1);
}

static void
zoom_reset_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  zoom (RUBRIC_WINDOW (widget), 0.0);
}

static void
close_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  gtk_window_close (GTK_WINDOW (widget));
}

static void
browse_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  rubric_window_browse (RUBRIC_WINDOW (widget));
}

static void
restore_draft_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  RubricWindow *self = RUBRIC_WINDOW (widget);
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (parameter, NULL));

  rubric_application_open_file (_rubric_window_get_app (self), file);
}

/* ------------------------------------------------------------------ study */

static void
grade_current (RubricWindow     *self,
               RubricStudyGrade  grade)
{
  RubricQuestionCard *card = _rubric_window_current_card (self);

  if (card == NULL || self->session != NULL || self->progress == NULL)
    return;
  if (!rubric_question_card_get_revealed (card))
    {
      /* Translators: a notification when a learner presses “Knew It” or
       * “Review Again” before looking at the answer */
      _rubric_window_toast (self, _("Show the expected answer first, then grade yourself"));
      return;
    }
  rubric_study_progress_set_grade (self->progress,
                                   rubric_question_get_id (rubric_question_card_get_question (card)),
                                   grade);
}

static void
knew_it_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  grade_current (RUBRIC_WINDOW (widget), RUBRIC_STUDY_GRADE_KNEW);
}

static void
review_again_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  grade_current (RUBRIC_WINDOW (widget), RUBRIC_STUDY_GRADE_REVIEW);
}

static void
rehearse_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  RubricQuestionCard *card = _rubric_window_current_card (RUBRIC_WINDOW (widget));

  if (card != NULL && RUBRIC_WINDOW (widget)->session == NULL)
    rubric_question_card_set_rehearsing (card, !rubric_question_card_get_rehearsing (card));
}

/* No question first: the notification's Undo brings it all back. */
static void
reset_progress_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  _rubric_window_reset_progress (RUBRIC_WINDOW (widget));
}

static void
undo_reset_study_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  _rubric_window_undo_reset_progress (RUBRIC_WINDOW (widget));
}

/* ------------------------------------------------------------------ search */

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  RubricWindow *self = RUBRIC_WINDOW (widget);

  if (g_str_equal (gtk_stack_get_visible_child_name (self->main_stack), "start"))
    rubric_window_browse (self);
  adw_navigation_split_view_set_show_content (self->split_view, FALSE);
  rubric_sidebar_set_search_mode (self->sidebar, TRUE);
}

static void
show_all_answers_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  RubricWindow *self = RUBRIC_WINDOW (widget);

  if (_rubric_window_safe_mode (self))
    {
      _rubric_window_toast (self, _("Answers stay hidden while screen-share safe mode is on"));
      return;
    }
  rubric_question_pane_reveal_all (self->question_pane);
}

/* --------------------------------------------------------- saving, again */

static void
show_save_error_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  RubricWindow *self = RUBRIC_WINDOW (widget);
  g_autofree char *message = NULL;

  const GError *error = rubric_interview_get_save_error (self->interview);

  g_assert (error != NULL);   /* the action is enabled only then */

  /* Translators: %s says why, e.g. "Could not write “/media/stick/x.rubric.json”: No space left on device" */
  message = g_strdup_printf (_("%s.\n\nThe file keeps its last saved version; your latest changes are only in this window. Rubric tries again with your next change; Save As puts them somewhere else now."),
                             error->message);
  rubric_window_show_error (self, _("Could Not Save"), message);
}

void
_rubric_window_class_actions_init (GtkWidgetClass *widget_class)
{
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (widget_class);

  window_class->close_request = rubric_window_close_request;

  gtk_widget_class_install_action (widget_class, "win.show-all-answers", NULL, show_all_answers_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.show-save-error", NULL, show_save_error_action);
  gtk_widget_class_install_action (widget_class, "win.reset-progress", NULL, reset_progress_action);
  gtk_widget_class_install_action (widget_class, "win.undo-reset-study", NULL, undo_reset_study_action);
  gtk_widget_class_install_action (widget_class, "win.rehearse", NULL, rehearse_action);
  gtk_widget_class_install_action (widget_class, "win.review-again", NULL, review_again_action);
  gtk_widget_class_install_action (widget_class, "win.knew-it", NULL, knew_it_action);
  gtk_widget_class_install_action (widget_class, "win.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, save_as_action);
  gtk_widget_class_install_action (widget_class, "win.reload", NULL, reload_action);
  gtk_widget_class_install_action (widget_class, "win.overwrite", NULL, overwrite_action);
  gtk_widget_class_install_action (widget_class, "win.close", NULL, close_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.copy-summary", NULL, copy_summary_action);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "win.export-anki", NULL, export_anki_action);
  gtk_widget_class_install_action (widget_class, "win.browse", NULL, browse_action);
  gtk_widget_class_install_action (widget_class, "win.restore-draft", "s", restore_draft_action);
  gtk_widget_class_install_action (widget_class, "win.next-topic", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "win.previous-topic", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "win.next-question", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "win.previous-question", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "win.focus-question", NULL, focus_question_action);
  gtk_widget_class_install_action (widget_class, "win.focus-notes", NULL, focus_notes_action);
  gtk_widget_class_install_action (widget_class, "win.reveal", NULL, reveal_action);
  gtk_widget_class_install_action (widget_class, "win.rate", "i", rate_action);
  gtk_widget_class_install_action (widget_class, "win.skip", NULL, skip_action);
  gtk_widget_class_install_action (widget_class, "win.tick", "i", tick_action);
  gtk_widget_class_install_action (widget_class, "win.fill-from-evidence", NULL, fill_from_evidence_action);
  gtk_widget_class_install_action (widget_class, "win.pause", NULL, pause_action);
  gtk_widget_class_install_property_action (widget_class, "win.toggle-candidate-panel", "show-candidate-panel");
  gtk_widget_class_install_property_action (widget_class, "win.show-all-questions", "show-all-questions");
  gtk_widget_class_install_property_action (widget_class, "win.present-question", "presenting");
  /* A toggle with a state, as GNOME Console does it: menus show a check. */
  gtk_widget_class_install_property_action (widget_class, "win.fullscreen", "fullscreened");
  gtk_widget_class_install_action (widget_class, "win.zoom-in", NULL, zoom_in_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-out", NULL, zoom_out_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-reset", NULL, zoom_reset_action);
}
