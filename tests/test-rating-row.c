/* test-rating-row.c — a rating row on its own, bound to its answer
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rubric-core-test-utils.h"
#include "rubric-rating-row.h"
#include "rubric-scores.h"
#include "rubric-test-utils.h"

#define row_child(row, name) rubric_test_template_child ((row), RUBRIC_TYPE_RATING_ROW, (name))

/* One topic: http.main, then the follow-up http.status. */
#define KIT_NAME "minimal.rubric-kit.json"

typedef struct
{
  RubricKit *kit;
  RubricSession *session;
  RubricQuestion *question;     /* http.main */
  RubricRatingRow *row;         /* owned (sunk) */
  guint answers_added;          /* answers the session made since */
} Fixture;

static void
answers_changed_cb (GListModel *answers,
                    guint       position,
                    guint       removed,
                    guint       added,
                    guint      *count)
{
  *count += added;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->kit = rubric_test_load_kit (KIT_NAME);
  fixture->session = rubric_session_new (fixture->kit);
  fixture->question = rubric_kit_lookup_question (fixture->kit, "http.main");
  g_assert_nonnull (fixture->question);
  g_signal_connect (rubric_session_get_answers (fixture->session), "items-changed",
                    G_CALLBACK (answers_changed_cb), &fixture->answers_added);
  fixture->row = g_object_ref_sink (RUBRIC_RATING_ROW (rubric_rating_row_new (fixture->session,
                                                                              fixture->question, 0)));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  /* Each test finalises the row itself; the session outlives it. */
  g_assert_null (fixture->row);
  g_clear_object (&fixture->session);
  g_clear_object (&fixture->kit);
}

static void
finalize_row (Fixture *fixture)
{
  g_assert_finalize_object (g_steal_pointer (&fixture->row));
}

static char *
notes_text (RubricRatingRow *row)
{
  char *text = NULL;

  g_object_get (gtk_text_view_get_buffer (row_child (row, "notes_view")), "text", &text, NULL);
  return text;
}

static void
type_notes (RubricRatingRow *row,
            const char      *text)
{
  gtk_text_buffer_insert_at_cursor (gtk_text_view_get_buffer (row_child (row, "notes_view")), text, -1);
}

static RubricAnswer *
lookup (Fixture    *fixture,
        const char *question_id)
{
  return rubric_session_lookup_answer (fixture->session, question_id);
}

static void
assert_shows_rating (RubricRatingRow *row,
                     int              rating)
{
  g_autofree char *text = NULL;

  if (rating == RUBRIC_RATING_NONE)
    text = g_strdup ("Not rated");
  else
    text = g_strdup_printf ("%d — %s", rating, rubric_rating_get_label (rating));

  g_assert_cmpfloat (gtk_range_get_value (row_child (row, "scale")), ==, rating);
  g_assert_cmpstr (gtk_label_get_text (row_child (row, "value_label")), ==, text);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (row_child (row, "scale")),
                                       GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, text);
}

/* Moving the slider makes the one answer; from then on both follow each
 * other, and no second answer is ever made. */
static void
test_slider (Fixture       *fixture,
             gconstpointer  data)
{
  GtkRange *scale = row_child (fixture->row, "scale");
  RubricAnswer *answer;

  assert_shows_rating (fixture->row, RUBRIC_RATING_NONE);
  g_assert_null (lookup (fixture, "http.main"));

  gtk_range_set_value (scale, 3);
  answer = lookup (fixture, "http.main");
  g_assert_nonnull (answer);
  g_assert_cmpint (rubric_answer_get_rating (answer), ==, 3);
  g_assert_cmpuint (fixture->answers_added, ==, 1);
  assert_shows_rating (fixture->row, 3);

  /* The answer changed elsewhere (a rating key) moves the slider. */
  rubric_answer_set_rating (answer, 5);
  assert_shows_rating (fixture->row, 5);

  /* Back to "not rated" keeps the answer, which says so. */
  gtk_range_set_value (scale, 0);
  g_assert_cmpint (rubric_answer_get_rating (answer), ==, RUBRIC_RATING_NONE);
  assert_shows_rating (fixture->row, RUBRIC_RATING_NONE);
  gtk_range_set_value (scale, 2);
  g_assert_cmpint (rubric_answer_get_rating (answer), ==, 2);

  g_assert_true (lookup (fixture, "http.main") == answer);
  g_assert_cmpuint (fixture->answers_added, ==, 1);
  g_assert_null (lookup (fixture, "http.status"));

  finalize_row (fixture);

  /* The finalised row let go of the answer: changing it reaches nothing. */
  rubric_answer_set_rating (answer, 4);
  g_assert_cmpint (rubric_answer_get_rating (answer), ==, 4);
}

static void
test_skipped (Fixture       *fixture,
              gconstpointer  data)
{
  GtkCheckButton *check = row_child (fixture->row, "skipped_check");
  GtkWidget *scale = row_child (fixture->row, "scale");
  RubricAnswer *answer;

  g_assert_false (gtk_check_button_get_active (check));
  g_assert_true (gtk_widget_get_sensitive (scale));

  /* Checking Skipped is a first input too; the slider cannot be used. */
  gtk_check_button_set_active (check, TRUE);
  answer = lookup (fixture, "http.main");
  g_assert_nonnull (answer);
  g_assert_true (rubric_answer_get_skipped (answer));
  g_assert_cmpint (rubric_answer_get_rating (answer), ==, RUBRIC_RATING_NONE);
  g_assert_false (gtk_widget_get_sensitive (scale));
  g_assert_cmpuint (fixture->answers_added, ==, 1);

  /* Un-skipped by the skip key's action elsewhere. */
  rubric_answer_set_skipped (answer, FALSE);
  g_assert_false (gtk_check_button_get_active (check));
  g_assert_true (gtk_widget_get_sensitive (scale));
  rubric_answer_set_skipped (answer, TRUE);
  g_assert_true (gtk_check_button_get_active (check));

  gtk_check_button_set_active (check, FALSE);
  g_assert_false (rubric_answer_get_skipped (answer));
  g_assert_cmpuint (fixture->answers_added, ==, 1);

  finalize_row (fixture);
}

/* Typed notes go to the answer as edits; notes set on the answer show. */
static void
test_notes (Fixture       *fixture,
            gconstpointer  data)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (row_child (fixture->row, "notes_view"));
  GtkTextIter start, end;
  RubricAnswer *answer;
  g_autofree char *shown = NULL;
  g_autofree char *edited = NULL;

  type_notes (fixture->row, "Knows");
  answer = lookup (fixture, "http.main");
  g_assert_nonnull (answer);
  g_assert_cmpstr (rubric_answer_get_notes (answer), ==, "Knows");
  g_assert_cmpint (rubric_answer_get_rating (answer), ==, RUBRIC_RATING_NONE);

  type_notes (fixture->row, " DNS — très bien");
  g_assert_cmpstr (rubric_answer_get_notes (answer), ==, "Knows DNS — très bien");

  /* A deletion in the middle: "DNS " goes. */
  gtk_text_buffer_get_iter_at_offset (buffer, &start, 6);
  gtk_text_buffer_get_iter_at_offset (buffer, &end, 10);
  gtk_text_buffer_delete (buffer, &start, &end);
  g_assert_cmpstr (rubric_answer_get_notes (answer), ==, "Knows — très bien");
  g_assert_cmpuint (fixture->answers_added, ==, 1);

  /* Notes from elsewhere (a restored file, an undo) replace the text. */
  rubric_answer_set_notes (answer, "Rewritten elsewhere");
  shown = notes_text (fixture->row);
  g_assert_cmpstr (shown, ==, "Rewritten elsewhere");

  /* …and typing after that still edits the answer, not a copy. */
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_place_cursor (buffer, &end);
  type_notes (fixture->row, "!");
  g_assert_cmpstr (rubric_answer_get_notes (answer), ==, "Rewritten elsewhere!");
  edited = notes_text (fixture->row);
  g_assert_cmpstr (edited, ==, "Rewritten elsewhere!");
  g_assert_cmpuint (fixture->answers_added, ==, 1);

  finalize_row (fixture);
}

/* An answer the session makes after the row was built (a rating key, the
 * clock) is picked up; one that was there before is shown at once. */
static void
test_answer_made_elsewhere (Fixture       *fixture,
                            gconstpointer  data)
{
  RubricQuestion *follow_up = rubric_kit_lookup_question (fixture->kit, "http.status");
  RubricRatingRow *second;
  RubricAnswer *answer;
  g_autofree char *notes = NULL;

  /* Another question's answer is not ours. */
  rubric_answer_set_rating (rubric_session_ensure_answer (fixture->session, follow_up), 1);
  assert_shows_rating (fixture->row, RUBRIC_RATING_NONE);

  answer = rubric_session_ensure_answer (fixture->session, fixture->question);
  rubric_answer_set_rating (answer, 4);
  rubric_answer_set_notes (answer, "Picked up");
  assert_shows_rating (fixture->row, 4);
  notes = notes_text (fixture->row);
  g_assert_cmpstr (notes, ==, "Picked up");

  /* Bound both ways now: the slider edits that very answer. */
  gtk_range_set_value (row_child (fixture->row, "scale"), 2);
  g_assert_cmpint (rubric_answer_get_rating (answer), ==, 2);
  g_assert_cmpuint (fixture->answers_added, ==, 2);

  /* A row built on a session that already has the answer shows it. */
  rubric_answer_set_skipped (answer, TRUE);
  second = g_object_ref_sink (RUBRIC_RATING_ROW (rubric_rating_row_new (fixture->session, fixture->question, 0)));
  assert_shows_rating (second, 2);
  g_assert_true (gtk_check_button_get_active (row_child (second, "skipped_check")));
  g_clear_pointer (&notes, g_free);
  notes = notes_text (second);
  g_assert_cmpstr (notes, ==, "Picked up");

  /* Two rows on one answer follow each other through it. */
  gtk_range_set_value (row_child (second, "scale"), 5);
  assert_shows_rating (fixture->row, 5);
  g_assert_cmpuint (fixture->answers_added, ==, 2);

  g_assert_finalize_object (second);
  finalize_row (fixture);
}

/* A session from a newer Rubric is read-only: nothing the row does makes
 * or changes an answer. */
static void
test_read_only (void)
{
  static const char text[] = "{\"format\": \"rubric-session\", \"version\": 2, \"kit\": {\"id\": \"example\"}}";
  g_autoptr(RubricKit) kit = rubric_test_load_kit (KIT_NAME);
  g_autoptr(GBytes) bytes = g_bytes_new_static (text, sizeof text - 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(RubricSession) session = rubric_session_new_from_bytes (bytes, kit, &error);
  RubricQuestion *question = rubric_kit_lookup_question (kit, "http.main");
  RubricRatingRow *row;
  GListModel *answers;

  g_assert_no_error (error);
  g_assert_true (rubric_session_get_read_only (session));
  answers = rubric_session_get_answers (session);
  g_assert_cmpuint (g_list_model_get_n_items (answers), ==, 0);

  row = g_object_ref_sink (RUBRIC_RATING_ROW (rubric_rating_row_new (session, question, 0)));
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (row)));

  gtk_range_set_value (row_child (row, "scale"), 3);
  gtk_check_button_set_active (row_child (row, "skipped_check"), TRUE);
  type_notes (row, "Not kept");
  g_assert_cmpuint (g_list_model_get_n_items (answers), ==, 0);
  g_assert_null (rubric_session_lookup_answer (session, "http.main"));

  g_assert_finalize_object (row);
}

/* Screen readers hear which question each control belongs to. */
static void
test_accessible_names (void)
{
  static const struct {
    const char *question_id;
    guint index;
    const char *kind;
    const char *scale;
    const char *skipped;
    const char *notes;
  } rows[] = {
    { "http.main", 0, "Main Question",
      "Rating of Main Question", "Main Question skipped", "Notes on Main Question" },
    { "http.status", 1, "Follow-Up 1",
      "Rating of Follow-Up 1", "Follow-Up 1 skipped", "Notes on Follow-Up 1" },
  };
  g_autoptr(RubricKit) kit = rubric_test_load_kit (KIT_NAME);
  g_autoptr(RubricSession) session = rubric_session_new (kit);

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      RubricQuestion *question = rubric_kit_lookup_question (kit, rows[i].question_id);
      RubricRatingRow *row = g_object_ref_sink (RUBRIC_RATING_ROW (rubric_rating_row_new (session, question, rows[i].index)));

      g_assert_true (rubric_rating_row_get_question (row) == question);
      g_assert_cmpstr (gtk_label_get_text (row_child (row, "kind_label")), ==, rows[i].kind);
      g_assert_cmpstr (gtk_label_get_text (row_child (row, "prompt_label")), ==, rubric_question_get_prompt (question));
      gtk_test_accessible_assert_property (GTK_ACCESSIBLE (row_child (row, "scale")),
                                           GTK_ACCESSIBLE_PROPERTY_LABEL, rows[i].scale);
      gtk_test_accessible_assert_property (GTK_ACCESSIBLE (row_child (row, "skipped_check")),
                                           GTK_ACCESSIBLE_PROPERTY_LABEL, rows[i].skipped);
      gtk_test_accessible_assert_property (GTK_ACCESSIBLE (row_child (row, "notes_view")),
                                           GTK_ACCESSIBLE_PROPERTY_LABEL, rows[i].notes);

      g_assert_finalize_object (row);
    }
}

/* The count is of new values shown: not of values that stayed, not of
 * the user's own typing, not of other answers. */
static void
test_n_updates (Fixture       *fixture,
                gconstpointer  data)
{
  RubricQuestion *follow_up = rubric_kit_lookup_question (fixture->kit, "http.status");
  RubricAnswer *answer = rubric_session_ensure_answer (fixture->session, fixture->question);
  RubricAnswer *other = rubric_session_ensure_answer (fixture->session, follow_up);
  guint before = rubric_rating_row_get_n_updates (fixture->row);

  rubric_answer_set_rating (answer, 3);
  g_assert_cmpuint (rubric_rating_row_get_n_updates (fixture->row), ==, before + 1);
  rubric_answer_set_rating (answer, 3);
  g_assert_cmpuint (rubric_rating_row_get_n_updates (fixture->row), ==, before + 1);

  rubric_answer_set_notes (answer, "From the file");
  g_assert_cmpuint (rubric_rating_row_get_n_updates (fixture->row), ==, before + 2);
  rubric_answer_set_notes (answer, "From the file");
  g_assert_cmpuint (rubric_rating_row_get_n_updates (fixture->row), ==, before + 2);

  type_notes (fixture->row, ", typed");
  g_assert_cmpstr (rubric_answer_get_notes (answer), ==, "From the file, typed");
  g_assert_cmpuint (rubric_rating_row_get_n_updates (fixture->row), ==, before + 2);

  rubric_answer_set_rating (other, 5);
  rubric_answer_set_notes (other, "Someone else's");
  g_assert_cmpuint (rubric_rating_row_get_n_updates (fixture->row), ==, before + 2);

  finalize_row (fixture);
}

int
main (int   argc,
      char *argv[])
{
#define ADD_ROW_TEST(path, func) \
  g_test_add ("/rating-row/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  rubric_test_init (&argc, &argv);

  ADD_ROW_TEST ("slider", test_slider);
  ADD_ROW_TEST ("skipped", test_skipped);
  ADD_ROW_TEST ("notes", test_notes);
  ADD_ROW_TEST ("answer-made-elsewhere", test_answer_made_elsewhere);
  ADD_ROW_TEST ("n-updates", test_n_updates);
  g_test_add_func ("/rating-row/read-only", test_read_only);
  g_test_add_func ("/rating-row/accessible-names", test_accessible_names);

  return g_test_run ();
}
