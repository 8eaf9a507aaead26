/* rubric-window.c — one interview (or the study view) in a window
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rubric-window"

#include "config.h"

#include <glib/gi18n.h>

#include "rubric-a11y.h"
#include "rubric-bench.h"
#include "rubric-drop.h"
#include "rubric-export-dialog.h"
#include "rubric-shortcuts.h"
#include "rubric-topic-row.h"
#include "rubric-window-private.h"
#include "rubric-wrap.h"


G_DEFINE_FINAL_TYPE (RubricWindow, rubric_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_SHOW_CANDIDATE_PANEL,
  PROP_SHOW_ALL_QUESTIONS,
  PROP_PRESENTING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];


/* ------------------------------------------------------------------ helpers */

RubricApplication *
_rubric_window_get_app (RubricWindow *self)
{
  return RUBRIC_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
}

gboolean
_rubric_window_safe_mode (RubricWindow *self)
{
  return g_settings_get_boolean (self->settings, "safe-mode");
}

RubricQuestionCard *
_rubric_window_current_card (RubricWindow *self)
{
  return rubric_question_pane_get_current_card (self->question_pane);
}

RubricAnswer *
_rubric_window_current_answer (RubricWindow *self)
{
  RubricQuestionCard *card = _rubric_window_current_card (self);

  if (self->session == NULL || card == NULL || !rubric_session_get_editable (self->session))
    return NULL;
  return rubric_session_ensure_answer (self->session, rubric_question_card_get_question (card));
}

static char *
format_clock (gint64 seconds)
{
  if (seconds >= 3600)
    return g_strdup_printf ("%d:%02d:%02d", (int) (seconds / 3600),
                            (int) (seconds / 60 % 60), (int) (seconds % 60));
  return g_strdup_printf ("%d:%02d", (int) (seconds / 60), (int) (seconds % 60));
}

/* ------------------------------------------------------------ the question pane */

void
_rubric_window_update_cards (RubricWindow *self)
{
  rubric_question_pane_refresh (self->question_pane);
}

/* The candidate panel and the interview's clock follow the question being
 * asked. */
static void
on_current_question_cb (RubricWindow *self)
{
  RubricQuestion *question = rubric_question_pane_get_current_question (self->question_pane);

  if (self->candidate_panel != NULL)
    rubric_candidate_panel_set_current (self->candidate_panel,
                                        rubric_question_pane_get_question_index (self->question_pane));
  if (self->interview != NULL && question != NULL)
    {
      rubric_interview_set_current_question (self->interview, question);
      _rubric_window_update_pacing (self, TRUE);
    }
}

/* An interview goes on to the next topic, mostly: its cards and rating
 * rows are built in idle time, so that moving there builds nothing. */
static gboolean
prepare_tick_cb (GtkWidget     *widget,
                 GdkFrameClock *frame_clock,
                 gpointer       user_data)
{
  RubricWindow *self = RUBRIC_WINDOW (widget);
  gboolean more;

  /* The frame that shows the topic comes first: its layout and drawing
   * are the dearest of the move, and this tick runs at its start. The
   * next frame asks for the next topic (which lets go of the widgets of
   * the topic kept longest: 3-9 ms), built between the frames after. */
  if (!self->prepare_waited)
    {
      self->prepare_waited = TRUE;
      return G_SOURCE_CONTINUE;
    }
  if (self->prepare_asked != self->prepare_topic + 1)
    {
      g_autoptr(RubricTopic) topic = g_list_model_get_item (rubric_kit_get_topics (self->kit), self->prepare_topic);

      self->prepare_asked = self->prepare_topic + 1;
      if (topic != NULL && self->session != NULL)
        {
          rubric_question_pane_prepare_topic (self->question_pane, self->prepare_topic);
          rubric_candidate_panel_prepare_topic (self->candidate_panel, topic);
        }
      return G_SOURCE_CONTINUE;
    }

  /* A busy machine may leave no time between frames: then a widget a
   * frame, so the next topic is ready before the next move. */
  more = rubric_topic_pages_prepare_step (rubric_question_pane_get_pages (self->question_pane));
  if (self->candidate_panel != NULL)
    more = rubric_topic_pages_prepare_step (rubric_candidate_panel_get_pages (self->candidate_panel)) || more;
  if (more)
    return G_SOURCE_CONTINUE;
  self->prepare_tick_id = 0;
  return G_SOURCE_REMOVE;
}

static void
prepare_next_topic (RubricWindow *self,
                    guint         index)
{
  guint next;

  if (self->session == NULL || !_rubric_window_step_topic (self, index, 1, &next))
    return;
  self->prepare_topic = next;
  self->prepare_asked = 0;
  self->prepare_waited = FALSE;
  if (self->prepare_tick_id == 0)
    self->prepare_tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), prepare_tick_cb, NULL, NULL);
}

/**
 * rubric_window_show_topic:
 *
 * Shows a topic's questions, with every answer hidden again.
 */
void
rubric_window_show_topic (RubricWindow *self,
                          guint         index)
{
  RubricTopic *topic;

  g_return_if_fail (RUBRIC_IS_WINDOW (self));

  rubric_question_pane_set_kit (self->question_pane, self->kit);
  if (!rubric_question_pane_show_topic (self->question_pane, index))
    return;

  topic = rubric_question_pane_get_topic (self->question_pane);
  adw_navigation_page_set_title (self->content_page, rubric_topic_get_title (topic));
  rubric_sidebar_set_topic_index (self->sidebar, index);
  if (self->candidate_panel != NULL)
    rubric_candidate_panel_set_topic (self->candidate_panel, topic);
  on_current_question_cb (self);
  adw_navigation_split_view_set_show_content (self->split_view, TRUE);
  prepare_next_topic (self, index);
}

/**
 * _rubric_window_focus_question:
 *
 * Puts the keyboard focus on the question being asked, scrolled into view
 * (on a narrow window, over whatever covered it), so that Tab starts there.
 */
void
_rubric_window_focus_question (RubricWindow *self)
{
  RubricQuestionCard *card = _rubric_window_current_card (self);

  if (card == NULL)
    return;

  adw_navigation_split_view_set_show_content (self->split_view, TRUE);
  if (adw_overlay_split_view_get_collapsed (self->overlay_split_view))
    adw_overlay_split_view_set_show_sidebar (self->overlay_split_view, FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (card));
}

/* Enter or a click on a topic: its main question, with the focus. */
static void
on_sidebar_topic_activated_cb (RubricWindow  *self,
                               guint          index,
                               RubricSidebar *sidebar)
{
  g_assert (RUBRIC_IS_WINDOW (self));
  rubric_window_show_topic (self, index);
  _rubric_window_focus_question (self);
}

/* The arrows in the topic list: where the content is beside it, it
 * follows, and the focus stays in the list. */
static void
on_sidebar_topic_selected_cb (RubricWindow  *self,
                              guint          index,
                              RubricSidebar *sidebar)
{
  g_assert (RUBRIC_IS_WINDOW (self));

  if (!adw_navigation_split_view_get_collapsed (self->split_view))
    rubric_window_show_topic (self, index);
}

/* --------------------------------------------------------------- the clock */

/* The interview's clock counts for the current question; only the header
 * and that question's card show it. */
static void
on_interview_elapsed_cb (RubricWindow *self)
{
  RubricQuestionCard *card = _rubric_window_current_card (self);
  RubricAnswer *answer = NULL;

  if (card != NULL)
    answer = rubric_session_lookup_answer (self->session,
                                           rubric_question_get_id (rubric_question_card_get_question (card)));
  if (answer != NULL)
    rubric_question_card_set_elapsed (card, rubric_answer_get_elapsed (answer));
  _rubric_window_update_title (self);
  _rubric_window_update_pacing (self, FALSE);
}

/* ------------------------------------------------------------ the session */

void
_rubric_window_update_title (RubricWindow *self)
{
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *clock = NULL;
  g_autofree char *name = NULL;
  const GError *save_error;
  RubricSealState seal;
  GFile *file;

  if (self->interview == NULL)
    {
      gboolean studying = g_str_equal (gtk_stack_get_visible_child_name (self->main_stack), "interview");

      gtk_window_set_title (GTK_WINDOW (self), _("Rubric"));
      /* Translators: the title of the window while one browses the questions
       * to study them; “Rubric” is the name of the application */
      adw_window_title_set_title (self->window_title, studying ? _("Study") : _("Rubric"));
      adw_window_title_set_subtitle (self->window_title, self->kit != NULL ? rubric_kit_get_title (self->kit) : "");
      return;
    }

  name = rubric_interview_dup_title (self->interview);
  file = rubric_interview_get_file (self->interview);
  save_error = rubric_interview_get_save_error (self->interview);

  if (file == NULL || save_error != NULL)
    /* Translators: the window title of an interview not yet saved under a
     * name, or whose last changes could not be saved */
    title = g_strdup_printf (_("• %s — Rubric"), name);
  else
    /* Translators: the window title of a saved interview; %s is the
     * candidate's name */
    title = g_strdup_printf (_("%s — Rubric"), name);
  gtk_window_set_title (GTK_WINDOW (self), title);

  clock = format_clock (rubric_interview_get_elapsed (self->interview));
  if (rubric_interview_get_plan (self->interview) != NULL && g_settings_get_boolean (self->settings, "show-pacing"))
    {
      guint slot = rubric_plan_get_slot_minutes (rubric_interview_get_plan (self->interview));
      /* Translators: the header's clock in an interview run with a plan:
       * the time so far and the plan's slot, e.g. "12:05 / 60 min" */
      g_autofree char *of_slot = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s / %u min", "%s / %u min", slot),
                                                  clock, slot);

      g_free (clock);
      clock = g_steal_pointer (&of_slot);
    }
  seal = rubric_session_get_seal_state (self->session);
  /* Sealed, the clock stands still anyway. */
  if (rubric_interview_get_paused (self->interview) && seal == RUBRIC_SEAL_NONE)
    {
      /* Translators: the header's clock while the interview is paused
       * (P); %s is the time so far, e.g. "12:05" */
      g_autofree char *paused = g_strdup_printf (_("%s, paused"), clock);

      g_free (clock);
      clock = g_steal_pointer (&paused);
    }
  if (rubric_session_get_read_only (self->session))
    /* Translators: the header's subtitle: the interview's clock, and why it cannot be changed */
    subtitle = g_strdup_printf (_("%s · Read-only"), clock);
  else if (file == NULL)
    /* Translators: the header's subtitle: the interview's clock, not saved under a name yet */
    subtitle = g_strdup_printf (_("%s · Not saved yet"), clock);
  else if (save_error != NULL)
    /* Translators: the header's subtitle: the interview's clock; the last
     * changes are not in the file because saving failed */
    subtitle = g_strdup_printf (_("%s · Changes not saved"), clock);
  else if (seal == RUBRIC_SEAL_VALID)
    /* Translators: the header's subtitle: the interview's clock; the
     * scorecard is sealed for the panel, and cannot be changed */
    subtitle = g_strdup_printf (_("%s · Sealed"), clock);
  else if (seal == RUBRIC_SEAL_BROKEN)
    /* Translators: the header's subtitle: the interview's clock; its file
     * was changed after the scorecard was sealed */
    subtitle = g_strdup_printf (_("%s · Changed after sealing"), clock);
  else
    subtitle = g_strdup (clock);

  adw_window_title_set_title (self->window_title, name);
  adw_window_title_set_subtitle (self->window_title, subtitle);
}

static void
update_actions (RubricWindow *self)
{
  gboolean has_session = self->session != NULL;
  gboolean writable = has_session && !rubric_session_get_read_only (self->session);
  /* Read-only or sealed: what is scored stays as it is. */
  gboolean editable = has_session && rubric_session_get_editable (self->session);
  gboolean in_questions = g_str_equal (gtk_stack_get_visible_child_name (self->main_stack), "interview");

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save-as", has_session);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export", has_session);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.copy-summary", has_session);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.print", has_session || self->kit != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.rate", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.skip", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.tick", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.fill-from-evidence", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.pause", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-all-questions",
                                 has_session && rubric_session_get_plan (self->session) != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.toggle-candidate-panel", has_session);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.present-question", self->interview != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.next-topic", in_questions);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.previous-topic", in_questions);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.next-question", in_questions);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.previous-question", in_questions);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.reveal", in_questions);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.focus-question", in_questions);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.focus-notes", in_questions && has_session);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-all-answers", in_questions);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.knew-it", in_questions && !has_session);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.review-again", in_questions && !has_session);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.rehearse", in_questions && !has_session);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.reset-progress", in_questions && !has_session);
  gtk_widget_set_visible (self->panel_button, has_session);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-save-error",
                                 self->interview != NULL && rubric_interview_get_save_error (self->interview) != NULL);
  _rubric_window_on_conflict (self);
  _rubric_window_update_seal (self);
}

/* Sealed or unsealed, here or in the file: the banner, the keys, the
 * header follow. */
static void
on_session_editable_cb (RubricWindow *self)
{
  update_actions (self);
  _rubric_window_update_title (self);
}

/* The candidate panel (ratings, notes, scores) is made with the first
 * interview the window shows: the start page and study never show it.
 * It is made once the interview's page is shown: made in that page while
 * the page was hidden in a shown window, it crashed GTK later, drawing a
 * notes view (/intake/drop-on-window). A window with a session has one. */
static void
ensure_candidate_panel (RubricWindow *self)
{
  if (self->candidate_panel != NULL)
    return;

  self->candidate_panel = g_object_new (RUBRIC_TYPE_CANDIDATE_PANEL, NULL);
  adw_overlay_split_view_set_sidebar (self->overlay_split_view, GTK_WIDGET (self->candidate_panel));
  rubric_candidate_panel_set_safe_mode (self->candidate_panel, _rubric_window_safe_mode (self));
  rubric_candidate_panel_set_show_unplanned (self->candidate_panel, self->show_all_questions);
}

/**
 * rubric_window_open_session:
 * @session: the interview to show
 * @file: (nullable): its file; %NULL for an untitled interview, which
 *   autosaves to a draft
 * @stamp: (nullable): the stamp of @file as it was read (rubric-file.h),
 *   so that nobody else's version of it is overwritten
 */
void
rubric_window_open_session (RubricWindow  *self,
                            RubricSession *session,
                            GFile         *file,
                            const char    *stamp)
{
  g_return_if_fail (RUBRIC_IS_WINDOW (self));
  g_return_if_fail (RUBRIC_IS_SESSION (session));
  g_return_if_fail (self->session == NULL);

  self->session = g_object_ref (session);
  gtk_widget_set_visible (self->review_button, FALSE);

  /* The interview's own kit, when it is installed. */
  {
    RubricKit *own = rubric_application_lookup_kit (_rubric_window_get_app (self), rubric_session_get_kit_id (session));
    g_autoptr(RubricKit) snapshot = NULL;

    /* Not installed: the questions as the session stored them. */
    if (own == NULL && (snapshot = rubric_session_build_snapshot_kit (session)) != NULL)
      {
        /* Translators: %s is the id of an interview kit, such as “django-
         * senior” */
        g_autofree char *text = g_strdup_printf (_("Made with the kit “%s”, which is not installed: the questions are shown as they were asked"),
                                                 rubric_session_get_kit_id (session));

        own = snapshot;
        _rubric_window_toast (self, text);
      }

    if (own != NULL)
      g_set_object (&self->kit, own);
  }
  g_object_set (self->sidebar, "show-review", FALSE, NULL);

  /* It saves as the user goes: to its file, or to a draft until it has a
   * name (a recovered draft stays one until saved under a name). */
  self->interview = rubric_interview_new (session, self->kit, file, stamp);
  g_signal_connect_object (self->interview, "notify::save-error", G_CALLBACK (_rubric_window_on_save_error),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->interview, "notify::conflict", G_CALLBACK (_rubric_window_on_conflict),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->interview, "notify::elapsed", G_CALLBACK (on_interview_elapsed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->interview, "notify::file", G_CALLBACK (_rubric_window_update_title),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->interview, "notify::title", G_CALLBACK (_rubric_window_update_title),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->interview, "notify::paused", G_CALLBACK (_rubric_window_update_title),
                           self, G_CONNECT_SWAPPED);

  g_signal_connect_object (session, "notify::editable", G_CALLBACK (on_session_editable_cb),
                           self, G_CONNECT_SWAPPED);
  _rubric_window_watch_undo (self);

  /* The page first, then the panel in it (ensure_candidate_panel()). */
  gtk_stack_set_visible_child_name (self->main_stack, "interview");
  ensure_candidate_panel (self);
  rubric_candidate_panel_set_session (self->candidate_panel, session, self->kit);
  adw_overlay_split_view_set_show_sidebar (self->overlay_split_view,
                                           !adw_overlay_split_view_get_collapsed (self->overlay_split_view));
  rubric_sidebar_set_session (self->sidebar, session);
  rubric_sidebar_set_kit (self->sidebar, self->kit);
  rubric_question_pane_set_session (self->question_pane, session);
  /* A tick on the checklist keeps the time into the interview. */
  g_object_bind_property (self->interview, "elapsed", self->question_pane, "clock", G_BINDING_SYNC_CREATE);
  _rubric_window_watch_plan (self);
  rubric_window_show_topic (self, _rubric_window_first_topic (self));
  _rubric_window_update_pacing (self, TRUE);

  _rubric_window_show_load_warnings (self, rubric_session_get_warnings (session));

  update_actions (self);
  _rubric_window_update_title (self);
  _rubric_window_focus_question (self);
  rubric_bench_stamp ("session");
}

/**
 * rubric_window_browse:
 *
 * Shows the kit without a candidate: the study reference.
 */
void
rubric_window_browse (RubricWindow *self)
{
  g_return_if_fail (RUBRIC_IS_WINDOW (self));

  /* Studying: no candidate panel, not even for the first frame (it is not
   * made at all then). */
  if (self->session == NULL)
    adw_overlay_split_view_set_show_sidebar (self->overlay_split_view, FALSE);
  gtk_stack_set_visible_child_name (self->main_stack, "interview");
  if (self->session == NULL)
    {
      gtk_widget_set_visible (self->review_button, TRUE);
      if (self->progress == NULL && self->kit != NULL)
        _rubric_window_load_progress (self);
    }
  if (rubric_sidebar_get_kit (self->sidebar) != self->kit)
    {
      rubric_sidebar_set_kit (self->sidebar, self->kit);
      rubric_window_show_topic (self, 0);
    }
  update_actions (self);
  _rubric_window_update_title (self);
}

/* ------------------------------------------------------------------ search */

/* Any question of the kit: its topic, then it. */
void
_rubric_window_show_question (RubricWindow   *self,
                              RubricQuestion *question,
                              gboolean        reveal)
{
  RubricTopic *topic = rubric_question_get_topic (question);
  GListModel *topics = rubric_kit_get_topics (self->kit);
  guint topic_index;

  if (!g_list_store_find (G_LIST_STORE (topics), topic, &topic_index))
    return;

  /* Found outside the plan: an unplanned question, with the rest. */
  if (self->session != NULL && !rubric_session_is_planned (self->session, rubric_question_get_id (question)))
    g_object_set (self, "show-all-questions", TRUE, NULL);

  rubric_window_show_topic (self, topic_index);
  if (!rubric_question_pane_show_question (self->question_pane, question))
    return;
  if (reveal && !_rubric_window_safe_mode (self))
    rubric_question_card_set_revealed (_rubric_window_current_card (self), TRUE);
  _rubric_window_focus_question (self);
}

static void
on_sidebar_question_activated_cb (RubricWindow   *self,
                                  RubricQuestion *question,
                                  gboolean        reveal,
                                  RubricSidebar  *sidebar)
{
  g_assert (RUBRIC_IS_WINDOW (self));
  _rubric_window_show_question (self, question, reveal);
}

static void
on_sidebar_search_cancelled_cb (RubricWindow  *self,
                                RubricSidebar *sidebar)
{
  g_assert (RUBRIC_IS_WINDOW (self));

  /* Escape: back to where the search started. */
  rubric_window_show_topic (self, self->search_return_topic);
  rubric_question_pane_set_question_index (self->question_pane,
                                           MIN (self->search_return_question,
                                                rubric_question_pane_get_n_questions (self->question_pane) - 1));
}

static void
on_sidebar_search_mode_cb (RubricWindow *self)
{
  if (rubric_sidebar_get_search_mode (self->sidebar))
    {
      self->search_return_topic = rubric_question_pane_get_topic_index (self->question_pane);
      self->search_return_question = rubric_question_pane_get_question_index (self->question_pane);
    }
}

/* ------------------------------------------------------------ text size */

/* A second screen, read from a distance: a wider column of larger text. */
static void
add_wide_breakpoint (RubricWindow *self)
{
  AdwBreakpoint *breakpoint = adw_breakpoint_new (adw_breakpoint_condition_parse ("min-width: 1400sp"));
  GValue wide = G_VALUE_INIT;

  g_value_init (&wide, G_TYPE_BOOLEAN);
  g_value_set_boolean (&wide, TRUE);
  adw_breakpoint_add_setter (breakpoint, G_OBJECT (self->question_pane), "wide", &wide);
  adw_application_window_add_breakpoint (ADW_APPLICATION_WINDOW (self), breakpoint);
  g_value_unset (&wide);
}

/* The text size is the same setting for every window: one style provider
 * for all of them, on the display while any window is open (a provider
 * each would be matched against every widget once per window). */
static GtkCssProvider *shared_zoom_provider;
static guint shared_zoom_users;
static char *shared_zoom_css;

static GtkCssProvider *
ref_zoom_provider (GdkDisplay *display)
{
  if (shared_zoom_users++ == 0)
    {
      shared_zoom_provider = gtk_css_provider_new ();
      gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (shared_zoom_provider),
                                                  GTK_STYLE_PROVIDER_PRIORITY_APPLICATION + 1);
    }
  return g_object_ref (shared_zoom_provider);
}

static void
unref_zoom_provider (GdkDisplay      *display,
                     GtkCssProvider **provider)
{
  if (*provider == NULL)
    return;
  g_clear_object (provider);
  if (--shared_zoom_users == 0)
    {
      gtk_style_context_remove_provider_for_display (display, GTK_STYLE_PROVIDER (shared_zoom_provider));
      g_clear_object (&shared_zoom_provider);
      g_clear_pointer (&shared_zoom_css, g_free);
    }
}

static void
update_text_size (RubricWindow *self)
{
  g_autofree char *css = NULL;
  double size = g_settings_get_double (self->settings, "text-size");
  char number[G_ASCII_DTOSTR_BUF_SIZE];

  char wide[G_ASCII_DTOSTR_BUF_SIZE];

  /* On a wide window, read from a distance, the questions are larger. */
  g_ascii_formatd (number, sizeof number, "%.0f", size * 100);
  g_ascii_formatd (wide, sizeof wide, "%.0f", size * 120);
  css = g_strdup_printf (".question-pane, .candidate-panel { font-size: %s%%; }\n"
                         ".question-pane.wide { font-size: %s%%; }", number, wide);
  if (g_strcmp0 (css, shared_zoom_css) != 0)
    {
      gtk_css_provider_load_from_string (self->zoom_provider, css);
      g_free (shared_zoom_css);
      shared_zoom_css = g_steal_pointer (&css);
    }
  rubric_question_pane_set_text_scale (self->question_pane, size);
}

static void
show_safe_mode_banner (RubricWindow *self)
{
  gboolean on = _rubric_window_safe_mode (self);

  rubric_a11y_show_banner (self->safe_mode_banner, on);
}

static void
update_safe_mode (RubricWindow *self)
{
  show_safe_mode_banner (self);
  rubric_sidebar_set_hide_answers (self->sidebar, _rubric_window_safe_mode (self));
  rubric_question_pane_set_can_reveal (self->question_pane, !_rubric_window_safe_mode (self));
  if (self->candidate_panel != NULL)
    rubric_candidate_panel_set_safe_mode (self->candidate_panel, _rubric_window_safe_mode (self));
}

/* -------------------------------------------------- window and first frame */

/* build-aux/bench measures the time to the first frame (rubric-bench.c):
 * the app says when the window has painted for the first time, then
 * quits. */
static void
on_first_frame_cb (GdkFrameClock *frame_clock,
                   RubricWindow  *self)
{
  g_signal_handlers_disconnect_by_func (frame_clock, on_first_frame_cb, self);
  rubric_bench_stamp ("painted");
  g_application_quit (g_application_get_default ());
}

static void
rubric_window_map (GtkWidget *widget)
{
  RubricWindow *self = RUBRIC_WINDOW (widget);

  /* Shown on the start page: it is made now, before the first frame. */
  if (g_str_equal (gtk_stack_get_visible_child_name (self->main_stack), "start"))
    _rubric_window_ensure_start_page (self);
  GTK_WIDGET_CLASS (rubric_window_parent_class)->map (widget);

  if (rubric_bench_enabled ())
    {
      rubric_bench_stamp ("mapped");
      g_signal_connect_object (gtk_widget_get_frame_clock (widget), "after-paint",
                               G_CALLBACK (on_first_frame_cb), widget, 0);
    }
}

static void
rubric_window_dispose (GObject *object)
{
  RubricWindow *self = RUBRIC_WINDOW (object);

  /* The window for the candidate's eyes goes with this one. */
  _rubric_window_set_presenting (self, FALSE);
  g_clear_handle_id (&self->progress_save_id, g_source_remove);
  if (self->prepare_tick_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->prepare_tick_id);
  self->prepare_tick_id = 0;
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  unref_zoom_provider (gtk_widget_get_display (GTK_WIDGET (self)), &self->zoom_provider);

  gtk_widget_dispose_template (GTK_WIDGET (self), RUBRIC_TYPE_WINDOW);
  /* They went with their parents, template children. */
  self->start_page = NULL;
  self->candidate_panel = NULL;

  g_clear_weak_pointer (&self->undo_toast);
  g_clear_object (&self->interview);
  g_clear_object (&self->undo);
  g_clear_object (&self->session);
  g_clear_object (&self->progress);
  g_clear_pointer (&self->reset_snapshot, rubric_study_snapshot_free);
  g_clear_object (&self->kit);
  g_clear_object (&self->settings);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->drafts, g_ptr_array_unref);

  G_OBJECT_CLASS (rubric_window_parent_class)->dispose (object);
}

static void
rubric_window_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  RubricWindow *self = RUBRIC_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SHOW_CANDIDATE_PANEL:
      g_value_set_boolean (value, adw_overlay_split_view_get_show_sidebar (self->overlay_split_view));
      break;
    case PROP_SHOW_ALL_QUESTIONS:
      g_value_set_boolean (value, self->show_all_questions);
      break;
    case PROP_PRESENTING:
      g_value_set_boolean (value, _rubric_window_get_presenting (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rubric_window_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  RubricWindow *self = RUBRIC_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SHOW_CANDIDATE_PANEL:
      adw_overlay_split_view_set_show_sidebar (self->overlay_split_view, g_value_get_boolean (value));
      break;
    case PROP_SHOW_ALL_QUESTIONS:
      if (self->show_all_questions != g_value_get_boolean (value))
        {
          _rubric_window_set_show_all_questions (self, g_value_get_boolean (value));
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_PRESENTING:
      /* It notifies when the window opens or goes, however it goes. */
      _rubric_window_set_presenting (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
on_show_sidebar_cb (RubricWindow *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_CANDIDATE_PANEL]);
}

static void
rubric_window_class_init (RubricWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rubric_window_dispose;
  object_class->get_property = rubric_window_get_property;
  object_class->set_property = rubric_window_set_property;

  /**
   * RubricWindow:show-candidate-panel:
   *
   * Whether the candidate panel is shown; F9's win.toggle-candidate-panel
   * is its property action.
   */
  properties[PROP_SHOW_CANDIDATE_PANEL] =
    g_param_spec_boolean ("show-candidate-panel", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * RubricWindow:show-all-questions:
   *
   * In an interview run with a plan, whether the questions the plan leaves
   * out are shown too, after its own; win.show-all-questions is its
   * property action.
   */
  properties[PROP_SHOW_ALL_QUESTIONS] =
    g_param_spec_boolean ("show-all-questions", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * RubricWindow:presenting:
   *
   * Whether the window for the candidate's eyes, with only the current
   * question's prompt, is open; F5's win.present-question is its property
   * action.
   */
  properties[PROP_PRESENTING] =
    g_param_spec_boolean ("presenting", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  widget_class->map = rubric_window_map;

  g_type_ensure (RUBRIC_TYPE_CANDIDATE_PANEL);
  g_type_ensure (RUBRIC_TYPE_SIDEBAR);
  g_type_ensure (RUBRIC_TYPE_QUESTION_PANE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/rubric-window.ui");
  gtk_widget_class_bind_template_child (widget_class, RubricWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, RubricWindow, drop_overlay);
  gtk_widget_class_bind_template_child (widget_class, RubricWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, RubricWindow, start_menu_button);
  gtk_widget_class_bind_template_child (widget_class, RubricWindow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, RubricWindow, primary_menu);
  gtk_widget_class_bind_template_child (widget_class, RubricWindow, start_toolbar);
  gtk_widget_class_bind_template_child (widget_class, RubricWindow, split_view);
  gtk_widget_class_bind_template_child (widget_class, RubricWindow, content_page);
  gtk_widget_class_bind_template_child (widget_class, RubricWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, RubricWindow, panel_button);
  gtk_widget_class_bind_template_child (widget_class, RubricWindow, search_button);
  gtk_widget_class_bind_template_child (widget_class, RubricWindow, safe_mode_banner);
  gtk_widget_class_bind_template_child (widget_class, RubricWindow, seal_banner);
  gtk_widget_class_bind_template_child (widget_class, RubricWindow, conflict_revealer);
  gtk_widget_class_bind_template_child (widget_class, RubricWindow, conflict_label);
  gtk_widget_class_bind_template_child (widget_class, RubricWindow, pacing_label);
  gtk_widget_class_bind_template_child (widget_class, RubricWindow, overlay_split_view);
  gtk_widget_class_bind_template_child (widget_class, RubricWindow, review_button);
  gtk_widget_class_bind_template_child (widget_class, RubricWindow, sidebar_page);
  gtk_widget_class_bind_template_child (widget_class, RubricWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, RubricWindow, question_pane);


  _rubric_window_class_actions_init (widget_class);
  _rubric_window_class_seal_init (widget_class);
  _rubric_window_class_undo_init (widget_class);
}

/* Files dropped on the window: interviews open as Open opens them (one
 * here, if this window shows none; several as their debrief), kits and
 * Anki decks are imported (rubric_application_take_files()). */
static void
files_dropped_cb (GtkWidget     *window,
                  GFile * const *files,
                  guint          n_files)
{
  RubricApplication *app = _rubric_window_get_app (RUBRIC_WINDOW (window));

  if (app != NULL)
    rubric_application_take_files (app, GTK_WINDOW (window), files, n_files);
}

static const char * const dropped_suffixes[] = { ".json", ".txt", ".tsv", NULL };

/* The sidebar's title says which list it shows. */
static gboolean
sidebar_title_transform (GBinding     *binding,
                         const GValue *from,
                         GValue       *to,
                         gpointer      user_data)
{
  g_value_set_string (to, g_value_get_boolean (from) ? _("Due Today") : _("Topics"));
  return TRUE;
}

static void
on_main_stack_visible_child_cb (RubricWindow *self)
{
  if (g_str_equal (gtk_stack_get_visible_child_name (self->main_stack), "start"))
    _rubric_window_ensure_start_page (self);
}

/* The main menu is built the first time it opens, by a click or F10: its
 * two popovers of 24 items were a third of the time a window took to be
 * made (bench startup-session). */
static void
create_primary_menu_cb (GtkMenuButton *button,
                        gpointer       user_data)
{
  RubricWindow *self = user_data;

  gtk_menu_button_set_menu_model (button, self->primary_menu);
  rubric_a11y_name_menus (GTK_WIDGET (button));
}

static void
rubric_window_init (RubricWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  rubric_wrap_within (GTK_WIDGET (self));
  /* Until there is a reset to undo. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo-reset-study", FALSE);
  rubric_drop_add (ADW_APPLICATION_WINDOW (self), self->drop_overlay,
                   /* Translators: over the window while files are dragged over it */
                   _("Drop Interview Files"),
                   /* Translators: under “Drop Interview Files” */
                   _("One file opens its interview; several open as one debrief. Kits and Anki decks are imported."),
                   dropped_suffixes, files_dropped_cb);
  rubric_shortcuts_add_single_keys (GTK_WINDOW (self));
  /* Nothing to undo until an interview is open and changed. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo", FALSE);
  gtk_menu_button_set_create_popup_func (self->start_menu_button, create_primary_menu_cb, self, NULL);
  gtk_menu_button_set_create_popup_func (self->menu_button, create_primary_menu_cb, self, NULL);
  rubric_a11y_name_menus (GTK_WIDGET (self));
  add_wide_breakpoint (self);

  self->cancellable = g_cancellable_new ();
  self->settings = g_settings_new (SCHEMA_ID);
  g_signal_connect_object (self->main_stack, "notify::visible-child",
                           G_CALLBACK (on_main_stack_visible_child_cb), self, G_CONNECT_SWAPPED);

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  self->zoom_provider = ref_zoom_provider (gtk_widget_get_display (GTK_WIDGET (self)));
  g_signal_connect_object (self->settings, "changed::text-size",
                           G_CALLBACK (update_text_size), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::safe-mode",
                           G_CALLBACK (update_safe_mode), self, G_CONNECT_SWAPPED);
  update_text_size (self);
  show_safe_mode_banner (self);
  /* The header's toggles are the sidebar's modes; what is picked in it is
   * shown in the question pane. */
  g_object_bind_property (self->search_button, "active", self->sidebar, "search-mode",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_object_bind_property (self->review_button, "active", self->sidebar, "show-review",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_object_bind_property_full (self->sidebar, "show-review", self->sidebar_page, "title",
                               G_BINDING_SYNC_CREATE, sidebar_title_transform, NULL, NULL, NULL);
  g_object_bind_property (self, "show-all-questions", self->sidebar, "show-unplanned",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_signal_connect_object (self->overlay_split_view, "notify::show-sidebar",
                           G_CALLBACK (on_show_sidebar_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->question_pane, "notify::current-question",
                           G_CALLBACK (on_current_question_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->question_pane, "graded",
                           G_CALLBACK (_rubric_window_on_pane_graded), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->sidebar, "notify::search-mode",
                           G_CALLBACK (on_sidebar_search_mode_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->sidebar, "topic-activated",
                           G_CALLBACK (on_sidebar_topic_activated_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->sidebar, "topic-selected",
                           G_CALLBACK (on_sidebar_topic_selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->sidebar, "question-activated",
                           G_CALLBACK (on_sidebar_question_activated_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->sidebar, "search-cancelled",
                           G_CALLBACK (on_sidebar_search_cancelled_cb), self, G_CONNECT_SWAPPED);
  rubric_sidebar_set_hide_answers (self->sidebar, _rubric_window_safe_mode (self));
  rubric_question_pane_set_can_reveal (self->question_pane, !_rubric_window_safe_mode (self));

  if (g_str_equal (PROFILE, "development"))
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
  rubric_bench_stamp ("window");
}

/* The keys come from the tables that install them, named in the user's
 * language; without one, the tooltip of the .ui file stays. */
static void
show_keys_in_tooltips (RubricWindow   *self,
                       GtkApplication *application)
{
  g_autofree char *search_key = rubric_shortcuts_dup_accel_label (application, "win.search");
  g_autofree char *panel_key = rubric_shortcuts_dup_accel_label (application, "win.toggle-candidate-panel");

  if (search_key != NULL)
    {
      /* Translators: a button's tooltip; %s is its keyboard shortcut, such as “Ctrl+F” */
      g_autofree char *tooltip = g_strdup_printf (_("Search (%s)"), search_key);

      gtk_widget_set_tooltip_text (self->search_button, tooltip);
    }
  if (panel_key != NULL)
    {
      /* Translators: a button's tooltip; %s is its keyboard shortcut, such as “F9” */
      g_autofree char *tooltip = g_strdup_printf (_("Candidate Panel (%s)"), panel_key);

      gtk_widget_set_tooltip_text (self->panel_button, tooltip);
    }
}

static void
update_kit_chooser (RubricWindow *self)
{
  RubricApplication *app = _rubric_window_get_app (self);

  if (app == NULL || self->kit == NULL || self->start_page == NULL)
    return;
  rubric_start_page_set_kits (self->start_page, rubric_application_get_kits (app), self->kit,
                              !rubric_application_is_bundled_kit (app, self->kit));
}

static gboolean
update_kit_chooser_idle_cb (gpointer user_data)
{
  RubricWindow *self = user_data;

  update_kit_chooser (self);
  g_object_unref (self);
  return G_SOURCE_REMOVE;
}

/* The list changes under the chooser's own selection model: update it
 * once that model has caught up, not in the middle of the change. */
static void
on_kits_changed_cb (RubricWindow *self)
{
  g_idle_add (update_kit_chooser_idle_cb, g_object_ref (self));
}

static void
on_kit_chosen_cb (RubricWindow   *self,
                  RubricKitEntry *entry)
{
  rubric_application_choose_kit (_rubric_window_get_app (self), entry);
}

/**
 * _rubric_window_ensure_start_page:
 *
 * Makes the start page — New, Open, the kits, the recent interviews (each
 * file's start read in a worker) — when it is first shown: a window that
 * opens an interview, and shows it from its first frame, never needs it.
 */
void
_rubric_window_ensure_start_page (RubricWindow *self)
{
  if (self->start_page != NULL)
    return;

  self->start_page = g_object_new (RUBRIC_TYPE_START_PAGE, NULL);
  adw_toolbar_view_set_content (self->start_toolbar, GTK_WIDGET (self->start_page));
  g_signal_connect_object (self->start_page, "kit-chosen",
                           G_CALLBACK (on_kit_chosen_cb), self, G_CONNECT_SWAPPED);
  update_kit_chooser (self);
  if (self->drafts != NULL)
    rubric_start_page_set_drafts (self->start_page, self->drafts);
}

RubricWindow *
rubric_window_new (RubricApplication *application)
{
  RubricWindow *self;

  g_return_val_if_fail (RUBRIC_IS_APPLICATION (application), NULL);

  self = g_object_new (RUBRIC_TYPE_WINDOW, "application", application, NULL);
  self->kit = g_object_ref (rubric_application_get_kit (application));
  g_signal_connect_object (rubric_application_get_kits (application), "items-changed",
                           G_CALLBACK (on_kits_changed_cb), self, G_CONNECT_SWAPPED);
  update_actions (self);
  _rubric_window_update_title (self);

  show_keys_in_tooltips (self, GTK_APPLICATION (application));

  return self;
}

/**
 * rubric_window_show_kit_in_use:
 *
 * Sets the start page's kit chooser back to the kit in use: after a
 * choice that could not be made (the chosen kit did not load).
 */
void
rubric_window_show_kit_in_use (RubricWindow *self)
{
  g_return_if_fail (RUBRIC_IS_WINDOW (self));
  update_kit_chooser (self);
}

/**
 * rubric_window_set_kit:
 *
 * Studies another kit (a window with an interview keeps its own).
 */
void
rubric_window_set_kit (RubricWindow *self,
                       RubricKit    *kit)
{
  g_return_if_fail (RUBRIC_IS_WINDOW (self));
  g_return_if_fail (RUBRIC_IS_KIT (kit));

  if (self->session != NULL || !g_set_object (&self->kit, kit))
    return;

  _rubric_window_drop_progress (self);
  update_kit_chooser (self);

  if (g_str_equal (gtk_stack_get_visible_child_name (self->main_stack), "interview"))
    {
      rubric_sidebar_set_kit (self->sidebar, kit);
      rubric_window_show_topic (self, 0);
      _rubric_window_load_progress (self);
    }
  _rubric_window_update_title (self);
}

/**
 * rubric_window_get_session:
 *
 * Returns: (transfer none) (nullable): the interview shown
 */
RubricSession *
rubric_window_get_session (RubricWindow *self)
{
  g_return_val_if_fail (RUBRIC_IS_WINDOW (self), NULL);
  return self->session;
}

/**
 * rubric_window_get_interview:
 *
 * Returns: (transfer none) (nullable): the interview shown, with its
 *   file, clock and plan
 */
RubricInterview *
rubric_window_get_interview (RubricWindow *self)
{
  g_return_val_if_fail (RUBRIC_IS_WINDOW (self), NULL);
  return self->interview;
}

/**
 * rubric_window_get_file:
 *
 * Returns: (transfer none) (nullable): the interview's file
 */
GFile *
rubric_window_get_file (RubricWindow *self)
{
  g_return_val_if_fail (RUBRIC_IS_WINDOW (self), NULL);
  return self->interview != NULL ? rubric_interview_get_file (self->interview) : NULL;
}

guint
rubric_window_get_topic_index (RubricWindow *self)
{
  g_return_val_if_fail (RUBRIC_IS_WINDOW (self), 0);
  return rubric_question_pane_get_topic_index (self->question_pane);
}

guint
rubric_window_get_question_index (RubricWindow *self)
{
  g_return_val_if_fail (RUBRIC_IS_WINDOW (self), 0);
  return rubric_question_pane_get_question_index (self->question_pane);
}

/**
 * rubric_window_close_now:
 *
 * Closes the window without asking (quit from a signal, logout): open
 * dialogs go, everything unwritten is written, and an untitled interview
 * stays a draft that the next start offers back.
 */
void
rubric_window_close_now (RubricWindow *self)
{
  AdwDialog *dialog;

  g_return_if_fail (RUBRIC_IS_WINDOW (self));

  while ((dialog = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (self))))
    adw_dialog_force_close (dialog);
  self->close_confirmed = TRUE;
  gtk_window_close (GTK_WINDOW (self));
}

void
rubric_window_add_toast (RubricWindow *self,
                         AdwToast     *toast_)
{
  g_return_if_fail (RUBRIC_IS_WINDOW (self));
  adw_toast_overlay_add_toast (self->toast_overlay, toast_);
}

