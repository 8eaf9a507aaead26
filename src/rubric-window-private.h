/* rubric-window-private.h — what rubric-window.c and rubric-window-actions.c share
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rubric-application.h"
#include "rubric-candidate-panel.h"
#include "rubric-interview.h"
#include "rubric-question-pane.h"
#include "rubric-sidebar.h"
#include "rubric-start-page.h"
#include "rubric-study.h"
#include "rubric-undo.h"
#include "rubric-window.h"

G_BEGIN_DECLS

struct _RubricWindow
{
  AdwApplicationWindow parent_instance;

  /* Owned References */
  GSettings *settings;
  GtkCssProvider *zoom_provider;
  GCancellable *cancellable;

  RubricKit *kit;
  RubricInterview *interview;  /* NULL on the start page and when studying */
  RubricSession *session;      /* the interview's, for short */
  RubricUndo *undo;            /* its scoring changes, while it is open */
  gboolean close_after_save;   /* a Save As from the close dialog */

  gboolean close_confirmed;
  gboolean closing;            /* writing the last changes before closing */

  RubricStudyProgress *progress;    /* self-grading, while studying */
  guint progress_save_id;
  RubricStudySnapshot *reset_snapshot;  /* the progress before a reset, to undo it */
  gboolean show_all_questions;      /* the questions the plan leaves out, too */
  guint search_return_topic;        /* where Escape goes back to */
  guint search_return_question;
  guint prepare_tick_id;            /* the next topic, prepared after this frame */
  guint prepare_topic;
  guint prepare_asked;              /* prepare_topic + 1 once asked for, else 0 */
  gboolean prepare_waited;          /* the frame of the move is behind */

  /* Borrowed References: template widgets */
  AdwToastOverlay *toast_overlay;
  GtkOverlay *drop_overlay;
  GtkWidget *review_button;
  RubricSidebar *sidebar;
  AdwNavigationPage *sidebar_page;
  RubricQuestionPane *question_pane;
  GtkStack *main_stack;
  GtkMenuButton *start_menu_button;
  GtkMenuButton *menu_button;
  GMenuModel *primary_menu;
  AdwToolbarView *start_toolbar;
  RubricStartPage *start_page;      /* NULL until the start page is first shown */
  GPtrArray *drafts;                /* for the start page, until it is made */
  AdwNavigationSplitView *split_view;
  AdwNavigationPage *content_page;
  AdwWindowTitle *window_title;
  GtkWidget *panel_button;
  GtkWidget *search_button;
  AdwBanner *safe_mode_banner;
  AdwBanner *seal_banner;
  GtkRevealer *conflict_revealer;
  GtkLabel *conflict_label;
  GtkLabel *pacing_label;
  AdwOverlaySplitView *overlay_split_view;
  RubricCandidatePanel *candidate_panel;  /* made with the first interview */

  /* Not owned: the window for the candidate's eyes, while it is open */
  GtkWindow *presentation;
  /* Weak: the toast whose Undo takes back the step on top */
  AdwToast *undo_toast;
};

RubricApplication  *_rubric_window_get_app           (RubricWindow *self);
void                _rubric_window_ensure_start_page (RubricWindow *self);
gboolean            _rubric_window_safe_mode         (RubricWindow *self);
RubricQuestionCard *_rubric_window_current_card      (RubricWindow *self);
void                _rubric_window_focus_question    (RubricWindow *self);
void                _rubric_window_show_question     (RubricWindow   *self,
                                                      RubricQuestion *question,
                                                      gboolean        reveal);

/* rubric-window-study.c */
void                _rubric_window_load_progress     (RubricWindow *self);
void                _rubric_window_drop_progress     (RubricWindow *self);
void                _rubric_window_reset_progress    (RubricWindow *self);
void                _rubric_window_undo_reset_progress (RubricWindow *self);
gboolean            _rubric_window_move_due          (RubricWindow *self,
                                                      int           delta);
void                _rubric_window_on_pane_graded    (RubricWindow       *self,
                                                      RubricQuestion     *question,
                                                      int                 grade,
                                                      RubricQuestionPane *pane);
RubricAnswer       *_rubric_window_current_answer    (RubricWindow *self);
void                _rubric_window_toast             (RubricWindow *self,
                                                      const char   *text);
void                _rubric_window_update_title      (RubricWindow *self);
void                _rubric_window_update_cards      (RubricWindow *self);
gboolean            _rubric_window_save_progress_cb  (gpointer      user_data);
void                _rubric_window_update_text_size  (RubricWindow *self);

void                _rubric_window_on_save_error     (RubricWindow *self);
void                _rubric_window_on_conflict       (RubricWindow *self);
void                _rubric_window_show_load_warnings (RubricWindow       *self,
                                                       const char * const *warnings);

void                _rubric_window_class_actions_init (GtkWidgetClass *widget_class);

/* rubric-window-seal.c */
void                _rubric_window_update_seal       (RubricWindow   *self);
void                _rubric_window_class_seal_init   (GtkWidgetClass *widget_class);

/* rubric-window-plan.c */
guint              *_rubric_window_dup_topic_order   (RubricWindow *self,
                                                      guint        *n_topics);
gboolean            _rubric_window_step_topic        (RubricWindow *self,
                                                      guint         index,
                                                      int           delta,
                                                      guint        *out);
guint               _rubric_window_first_topic       (RubricWindow *self);
void                _rubric_window_update_pacing     (RubricWindow *self,
                                                      gboolean      all_topics);
void                _rubric_window_watch_plan        (RubricWindow *self);
void                _rubric_window_set_show_all_questions (RubricWindow *self,
                                                           gboolean      show_all);

/* rubric-window-present.c */
gboolean            _rubric_window_get_presenting    (RubricWindow *self);
void                _rubric_window_set_presenting    (RubricWindow *self,
                                                      gboolean      presenting);

/* rubric-window-undo.c */
void                _rubric_window_watch_undo        (RubricWindow   *self);
void                _rubric_window_update_undo       (RubricWindow   *self);
void                _rubric_window_begin_step        (RubricWindow   *self,
                                                      RubricUndoKind  kind);
void                _rubric_window_end_step          (RubricWindow   *self);
void                _rubric_window_class_undo_init   (GtkWidgetClass *widget_class);

G_END_DECLS
