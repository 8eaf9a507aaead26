/* rubric-window-notices.c — what a window tells the user
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Notifications (toasts), alerts and banners: a failed save, another
 * program's change to the file, problems found while opening a file,
 * interviews recovered after a crash. Each says what happened and what the
 * user can do, and only what is true about what is on disk.
 */

#define G_LOG_DOMAIN "rubric-window-notices"

#include "config.h"

#include <glib/gi18n.h>

#include "rubric-toast.h"
#include "rubric-window-private.h"
#include "rubric-wrap.h"

void
_rubric_window_toast (RubricWindow *self,
                      const char   *text)
{
  adw_toast_overlay_add_toast (self->toast_overlay, rubric_toast_new (text));
}

/* Told once when saving starts failing; the title keeps saying it. */
void
_rubric_window_on_save_error (RubricWindow *self)
{
  gboolean failing = rubric_interview_get_save_error (self->interview) != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-save-error", failing);
  _rubric_window_update_title (self);

  /* A conflict has its banner. */
  if (!failing || rubric_interview_get_conflict (self->interview))
    return;

  {
    AdwToast *note = rubric_toast_new (_("Could not save: your latest changes are only in this window"));

    /* Translators: the button of the notification that saving failed: it
     * says why, and what can be done */
    adw_toast_set_button_label (note, _("_Details"));
    adw_toast_set_action_name (note, "win.show-save-error");
    adw_toast_set_priority (note, ADW_TOAST_PRIORITY_HIGH);
    adw_toast_overlay_add_toast (self->toast_overlay, note);
  }
}

void
_rubric_window_on_conflict (RubricWindow *self)
{
  gboolean conflict = self->interview != NULL && rubric_interview_get_conflict (self->interview);
  GFile *file = self->interview != NULL ? rubric_interview_get_file (self->interview) : NULL;

  if (conflict)
    {
      GFile *written = file != NULL ? file : rubric_interview_get_draft (self->interview);
      g_autofree char *basename = g_file_get_basename (written);
      g_autofree char *name = g_filename_display_name (basename);
      g_autofree char *text = NULL;

      /* Translators: a banner over the interview; %s is the file's name */
      text = g_strdup_printf (_("“%s” was changed, moved or removed by another program. Rubric stopped saving to it so that neither version is lost."),
                              name);
      gtk_label_set_text (self->conflict_label, text);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->conflict_revealer), conflict);
  gtk_revealer_set_reveal_child (self->conflict_revealer, conflict);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.reload", conflict && file != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.overwrite", conflict);
}

/* One notification, however many problems the file had. */
void
_rubric_window_show_load_warnings (RubricWindow       *self,
                                   const char * const *warnings)
{
  guint n = g_strv_length ((char **) warnings);
  g_autofree char *text = NULL;

  if (n == 0)
    return;
  if (n == 1)
    {
      _rubric_window_toast (self, warnings[0]);
      return;
    }

  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       /* Translators: a notification when an
                                        * interview is opened; %s is the first
                                        * of several problems found in its
                                        * file, %u how many more there are */
                                       "%s (and %u more problem like it)",
                                       "%s (and %u more problems like it)",
                                       n - 1),
                          warnings[0], n - 1);
  _rubric_window_toast (self, text);
}

/**
 * rubric_window_show_error:
 *
 * Says what went wrong, in an alert. @message comes from files and is
 * never markup.
 */
void
rubric_window_show_error (RubricWindow *self,
                          const char   *heading,
                          const char   *message)
{
  AdwDialog *dialog;
  GtkWidget *label;

  g_return_if_fail (RUBRIC_IS_WINDOW (self));

  /* The message is a label of its own: it may break anywhere (a JSON path
   * has no spaces), and it can be selected and copied into a bug report. */
  label = gtk_label_new (message);
  rubric_wrap_label (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
  gtk_widget_add_css_class (label, "body");

  dialog = adw_alert_dialog_new (heading, NULL);
  adw_alert_dialog_set_extra_child (ADW_ALERT_DIALOG (dialog), label);
  adw_alert_dialog_add_response (ADW_ALERT_DIALOG (dialog), "close", _("_Close"));
  adw_alert_dialog_set_default_response (ADW_ALERT_DIALOG (dialog), "close");
  adw_dialog_present (dialog, GTK_WIDGET (self));
  /* The dialog gave the focus to the message, the first thing in it that
   * takes it, and a label selects all its text when focused: the message
   * would show highlighted, and Enter would do nothing. Close has it. */
  gtk_widget_grab_focus (adw_dialog_get_default_widget (dialog));
}

/**
 * rubric_window_show_drafts:
 * @drafts: (element-type RubricDraft): interviews a crash left unsaved
 * @problems: (nullable): drafts that could not be read, one line each
 *
 * Offers the drafts back on the start page; a window that shows an
 * interview says so with a notification that opens a start page.
 */
void
rubric_window_show_drafts (RubricWindow       *self,
                           GPtrArray          *drafts,
                           const char * const *problems)
{
  g_return_if_fail (RUBRIC_IS_WINDOW (self));

  g_clear_pointer (&self->drafts, g_ptr_array_unref);
  if (drafts != NULL)
    self->drafts = g_ptr_array_ref (drafts);
  if (self->start_page != NULL)
    rubric_start_page_set_drafts (self->start_page, drafts);

  /* The start page lists them first, under a heading that says what they
   * are: a notification there would only cover the list. */
  if (drafts != NULL && drafts->len > 0 &&
      !g_str_equal (gtk_stack_get_visible_child_name (self->main_stack), "start"))
    {
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            /* Translators: a
                                                             * notification at
                                                             * start:
                                                             * interviews left
                                                             * unsaved when
                                                             * Rubric last
                                                             * closed
                                                             * unexpectedly
                                                             * are offered
                                                             * back on the
                                                             * start page */
                                                            "%u unsaved interview was recovered",
                                                            "%u unsaved interviews were recovered",
                                                            drafts->len),
                                               drafts->len);
      AdwToast *note = rubric_toast_new (text);

      if (self->session != NULL)
        {
          /* Translators: the button of the notification that unsaved
           * interviews were recovered: shows them in a new window */
          adw_toast_set_button_label (note, _("_Show"));
          adw_toast_set_action_name (note, "app.show-recovered");
          adw_toast_set_timeout (note, 0);
        }
      adw_toast_overlay_add_toast (self->toast_overlay, note);
    }

  if (problems != NULL && problems[0] != NULL)
    {
      guint n = g_strv_length ((char **) problems);
      g_autofree char *text = NULL;
      AdwToast *note;

      if (n == 1)
        /* Translators: a notification at start; %s names the file and says
         * what is wrong with it */
        text = g_strdup_printf (_("An unsaved interview could not be read and was left as it is: %s"),
                                problems[0]);
      else
        text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             /* Translators: a notification at
                                              * start; %u is how many, %s names
                                              * the first file and says what is
                                              * wrong with it */
                                             "%u unsaved interview could not be read and was left as it is; the first: %s",
                                             "%u unsaved interviews could not be read and were left as they are; the first: %s",
                                             n),
                                n, problems[0]);
      note = rubric_toast_new (text);
      adw_toast_set_timeout (note, 0);
      adw_toast_overlay_add_toast (self->toast_overlay, note);
    }
}
