/* listing-screenshots.c — the screenshots of Rubric's store listing
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Not a test: build-aux/screenshots runs it once a language (under
 * tests/with-display) and it writes interview.png, evidence.png,
 * export.png, study.png and narrow.png into $RUBRIC_SCREENSHOT_DIR. What
 * Flathub asks of a listing's screenshots (docs.flathub.org, MetaInfo
 * and quality guidelines) decides how they look:
 *
 *   - the app at a natural size, at most 1000×700 (narrow: 360×700);
 *   - the default window controls, and no more: only "close"
 *     (gtk-decoration-layout ":close");
 *   - real content: a candidate with a real-looking name, ratings, notes,
 *     a clock that has run (never "0:00"), no empty notes in view.
 *
 * The interview's clock is stopped, so the times shown are the ones set
 * here: a second run gives the same content (the pixels too, as a rule; a
 * first run after a rebuild has been seen to differ in a few).
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "rubric-application.h"
#include "rubric-window.h"
#include "rubric-question-card.h"
#include "rubric-question-pane.h"
#include "rubric-export-dialog.h"
#include "rubric-interview-private.h"
#include "rubric-test-utils.h"

#define WIDTH 1000
#define HEIGHT 700
#define NARROW_WIDTH 360

static RubricApplication *app;

typedef struct
{
  const char *question_id;
  int         rating;     /* 0: not rated */
  gint64      elapsed;    /* seconds */
  const char *notes;      /* NULL: none */
} Answer;

/* An interview some 25 minutes in: two topics done, the third begun. The
 * notes are the interviewer's and stay in English, as the kit does. */
static const Answer answers[] = {
  { "migrations.deploy", 4, 312, "Expand, migrate, contract; knows to split the data migration out" },
  { "migrations.large-tables", 3, 245, "Knew about locks, not about CONCURRENTLY" },
  { "migrations.conflicts", 4, 150, "Merge migration, then squash on main" },
  { "relationships.modelling", 5, 388, "Custom user model from day one, through model for staff roles" },
  { "relationships.constraints", 4, 270, "CheckConstraint for the discount; validation for the form" },
  { "relationships.fk-pitfalls", 3, 190, "PROTECT for orders; unsure about SET_NULL and nullability" },
  { "settings.environments", 4, 205, "One settings module, environment variables, no local_settings.py" },
  { "settings.secrets", 3, 160, "Environment variables; has not used a secrets manager" },
};

/* What was heard during settings.environments, asked at 25:55 (what the
 * answers before it took) and answered by 29:20: the evidence shot's ticks,
 * each with a note, so no empty note is in view. */
static const struct
{
  RubricTickKind kind;
  guint          point;   /* from 0 */
  gint64         offset;  /* seconds into the interview */
  const char    *note;
} ticks[] = {
  { RUBRIC_TICK_KEY_POINT, 0, 1610, "Reads django.conf.settings everywhere" },
  { RUBRIC_TICK_KEY_POINT, 1, 1655, "One module, django-environ for parsing" },
  { RUBRIC_TICK_KEY_POINT, 3, 1740, "Runs check --deploy in CI" },
  { RUBRIC_TICK_RED_FLAG, 1, 1750, "Falls back to a dev SECRET_KEY locally" },
};

static RubricSession *
new_session (void)
{
  RubricKit *kit = rubric_application_get_kit (app);
  RubricSession *session = rubric_session_new (kit);
  const char *strengths[] = { "Designs for zero-downtime deploys", "Clear about trade-offs", NULL };
  const char *concerns[] = { "Little experience with Postgres locking", NULL };

  rubric_session_set_candidate_name (session, "Priya Raman");
  rubric_session_set_candidate_role (session, "Senior Django Developer");
  rubric_session_set_interviewer (session, "Sam Lee");
  rubric_session_set_date (session, "2026-11-30");
  for (gsize i = 0; i < G_N_ELEMENTS (answers); i++)
    {
      RubricAnswer *answer = rubric_session_ensure_answer (session, rubric_kit_lookup_question (kit, answers[i].question_id));

      rubric_answer_set_rating (answer, answers[i].rating);
      rubric_answer_set_elapsed (answer, answers[i].elapsed);
      rubric_answer_set_notes (answer, answers[i].notes);
    }
  for (gsize i = 0; i < G_N_ELEMENTS (ticks); i++)
    {
      RubricAnswer *answer = rubric_session_ensure_answer (session, rubric_kit_lookup_question (kit, "settings.environments"));

      rubric_answer_set_ticked (answer, ticks[i].kind, ticks[i].point, TRUE, ticks[i].offset);
      rubric_answer_set_tick_note (answer, ticks[i].kind, ticks[i].point, ticks[i].note);
    }
  rubric_session_set_summary (session, "Strong on modelling and deployments; thinks about the team that runs the code.");
  rubric_session_set_strengths (session, strengths);
  rubric_session_set_concerns (session, concerns);
  rubric_session_set_recommendation (session, RUBRIC_RECOMMENDATION_YES);
  return session;
}

static RubricWindow *
open_window (int width,
             int height)
{
  RubricWindow *window = rubric_window_new (app);
  int short_x;
  int short_y;

  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  rubric_test_show_window (GTK_WINDOW (window));
  short_x = width - gtk_widget_get_width (GTK_WIDGET (window));
  short_y = height - gtk_widget_get_height (GTK_WIDGET (window));
  if (short_x != 0 || short_y != 0)
    {
      gtk_window_set_default_size (GTK_WINDOW (window), width + short_x, height + short_y);
      RUBRIC_WAIT_FOR (gtk_widget_get_width (GTK_WIDGET (window)) == width &&
                       gtk_widget_get_height (GTK_WIDGET (window)) == height, 5000);
    }
  return window;
}

/* A window on the interview, its clock stopped, at the third topic. */
static RubricWindow *
open_interview (RubricSession *session,
                int            width,
                int            height)
{
  RubricWindow *window = open_window (width, height);

  rubric_window_open_session (window, session, NULL, NULL);
  _rubric_interview_stop_clock (rubric_window_get_interview (window));
  rubric_test_iterate ();
  rubric_test_activate (GTK_WIDGET (window), "win.next-topic", NULL);
  rubric_test_activate (GTK_WIDGET (window), "win.next-topic", NULL);
  return window;
}

static void
shoot (RubricWindow *window,
       const char   *name)
{
  rubric_test_wait (500);
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (window)), ==, HEIGHT);
  g_assert_cmpuint (rubric_test_screenshot (GTK_WIDGET (window), name), >, 100);
}

static gpointer
pane_child (RubricWindow *window,
            const char   *name)
{
  GtkWidget *pane = rubric_test_template_child (window, RUBRIC_TYPE_WINDOW, "question_pane");

  return rubric_test_template_child (pane, RUBRIC_TYPE_QUESTION_PANE, name);
}

/* Leaves without the "save?" question: this is a picture, not a user
 * (the draft goes to the run's own folder). */
static void
close_window (RubricWindow *window)
{
  rubric_test_destroy_window (GTK_WINDOW (window));
}

/* Each picture: what to do to the interview's window (at the third topic)
 * before it is taken. */

static void
show_panel (RubricWindow *window)
{
  /* The candidate panel: this question's rating and notes. */
  rubric_test_activate (GTK_WIDGET (window), "win.toggle-candidate-panel", NULL);
}

static void
show_evidence (RubricWindow *window)
{
  RubricQuestionCard *card = RUBRIC_QUESTION_CARD (rubric_test_find_descendant (GTK_WIDGET (window),
                                                                              RUBRIC_TYPE_QUESTION_CARD));

  rubric_test_activate (GTK_WIDGET (window), "win.reveal", NULL);
  /* The checklist near the top, once the answer has slid open. */
  rubric_test_wait (400);
  for (guint i = 0; i < 2; i++)
    {
      graphene_point_t point;

      g_assert_true (gtk_widget_compute_point (rubric_question_card_get_checklist_row (card, 1),
                                               pane_child (window, "clamp"),
                                               &GRAPHENE_POINT_INIT (0, 0), &point));
      gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (pane_child (window, "scroller")),
                                point.y - 48);
      rubric_test_wait (300);
    }
}

static void
show_export (RubricWindow *window)
{
  AdwDialog *dialog;

  rubric_test_activate (GTK_WIDGET (window), "win.export", NULL);
  RUBRIC_WAIT_FOR (adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window)) != NULL, 5000);
  dialog = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window));
  rubric_export_dialog_set_format (RUBRIC_EXPORT_DIALOG (dialog), RUBRIC_EXPORT_FORMAT_MARKDOWN);
  RUBRIC_WAIT_FOR (({ g_autofree char *p = rubric_export_dialog_dup_preview (RUBRIC_EXPORT_DIALOG (dialog)); p != NULL; }), 10000);
}

static void
shoot_interview (const char *name,
                 int         width,
                 void      (*prepare) (RubricWindow *window))
{
  g_autoptr(RubricSession) session = new_session ();
  RubricWindow *window = open_interview (session, width, HEIGHT);

  if (prepare != NULL)
    prepare (window);
  shoot (window, name);
  close_window (window);
}

/* The kit without a candidate: a question studied, its answer shown. */
static void
shoot_study (void)
{
  RubricWindow *window = open_window (WIDTH, HEIGHT);

  rubric_test_activate (GTK_WIDGET (window), "win.browse", NULL);
  for (guint i = 0; i < 3; i++)
    rubric_test_activate (GTK_WIDGET (window), "win.next-topic", NULL);
  rubric_test_activate (GTK_WIDGET (window), "win.reveal", NULL);
  shoot (window, "study");
  rubric_test_destroy_window (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("RUBRIC_LOCALEDIR");
  g_autofree char *home = rubric_test_make_home ("rubric-screenshots-XXXXXX");

  /* The listing has a set of pictures a language: the one of LANGUAGE. */
  setlocale (LC_ALL, "");
  if (localedir != NULL)
    bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  gtk_init ();
  adw_init ();
  g_object_set (gtk_settings_get_default (),
                "gtk-enable-animations", FALSE,
                "gtk-decoration-layout", ":close",
                NULL);
  app = rubric_test_new_application ();

  shoot_interview ("interview", WIDTH, show_panel);
  shoot_interview ("evidence", WIDTH, show_evidence);
  shoot_interview ("export", WIDTH, show_export);
  shoot_study ();
  shoot_interview ("narrow", NARROW_WIDTH, NULL);

  g_application_release (G_APPLICATION (app));
  g_clear_object (&app);
  return 0;
}
