/* rubric-debrief-window.c — a panel's scorecards of one candidate, side by side
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window only shows a RubricDebrief (src/core/rubric-debrief.c): the
 * topic scores as a table whose topic column stays put while the
 * interviewers' columns scroll sideways, each interviewer's recommendation,
 * strengths and concerns on a card, and each topic's questions with every
 * interviewer's rating, notes and evidence. Disagreements are said in
 * words, not only in colour. The export writes a new file through
 * rubric_file_write_async(), never one of the interviewers'.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rubric-debrief-export.h"
#include "rubric-a11y.h"
#include "rubric-debrief-window.h"
#include "rubric-drop.h"
#include "rubric-report.h"
#include "rubric-summary.h"
#include "rubric-wrap.h"

struct _RubricDebriefWindow
{
  AdwApplicationWindow parent_instance;

  RubricDebrief *debrief;
  GCancellable *cancellable;
  GPtrArray *files;          /* GFile: the set, read again when it grows */
  gboolean reload;           /* it grew while it was being read */
  GPtrArray *problem_rows;   /* AdwPreferencesRow in problems_group */
  GPtrArray *question_rows;  /* AdwPreferencesRow in questions_group */

  AdwToastOverlay *toast_overlay;
  GtkOverlay *drop_overlay;
  AdwWindowTitle *window_title;
  GtkMenuButton *export_button;
  AdwBanner *blind_banner;
  GtkLabel *status_label;
  AdwPreferencesGroup *problems_group;
  GtkWidget *matrix_box;
  GtkGrid *topic_column;
  GtkGrid *matrix;
  GtkWidget *interviewers_box;
  GtkLabel *mixed_label;
  GtkFlowBox *interviewers;
  AdwPreferencesGroup *questions_group;
};

G_DEFINE_FINAL_TYPE (RubricDebriefWindow, rubric_debrief_window, ADW_TYPE_APPLICATION_WINDOW)

static GtkWidget *
new_label (const char *text,
           const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  rubric_wrap_label (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static void
remove_rows (AdwPreferencesGroup *group,
             GPtrArray           *rows)
{
  for (guint i = 0; i < rows->len; i++)
    adw_preferences_group_remove (group, rows->pdata[i]);
  g_ptr_array_set_size (rows, 0);
}

static void
clear_grid (GtkGrid *grid)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (grid))) != NULL)
    gtk_grid_remove (grid, child);
}

/* Interviewer @i's number in a row of the matrix (a topic's score, a
 * question's rating), when there is one. */
typedef gboolean (*RowValueFunc) (gconstpointer  row,
                                  guint          i,
                                  double        *value);

static gboolean
topic_value (gconstpointer  row,
             guint          i,
             double        *value)
{
  const RubricDebriefTopicCell *cell = &((const RubricDebriefTopic *) row)->cells[i];

  *value = cell->score;
  return cell->has_score;
}

static gboolean
question_value (gconstpointer  row,
                guint          i,
                double        *value)
{
  const RubricDebriefAnswer *answer = &((const RubricDebriefQuestion *) row)->answers[i];

  *value = answer->rating;
  return answer->status == RUBRIC_SUMMARY_RATED;
}

/* How far interviewer @index's number is from the farthest other counted
 * one of @row. */
static double
row_distance (RubricDebrief *debrief,
              gconstpointer  row,
              RowValueFunc   value_of,
              guint          index)
{
  double distance = 0, own = 0, other;

  value_of (row, index, &own);
  for (guint i = 0; i < rubric_debrief_get_n_interviewers (debrief); i++)
    if (i != index && rubric_debrief_get_interviewer (debrief, i)->counted && value_of (row, i, &other))
      distance = MAX (distance, ABS (own - other));
  return distance;
}

/* "differs by 2.5": a rating or score 2 or more from another, in words. */
static char *
differs_text (const char *distance)
{
  /* Translators: under a rating in the debrief that is 2 or more from
   * another interviewer's; %s is the distance, such as “2.5” */
  return g_strdup_printf (_("differs by %s"), distance);
}

/* A cell of the matrix: its text, and a second line when there is one. */
static GtkWidget *
new_cell (const char   *text,
          const char   *marker,
          gboolean      dim,
          const char   *accessible,
          GtkSizeGroup *row_group)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *label = new_label (text, dim ? "dim-label" : NULL);

  /* One line each: the rows of the two grids share their heights through
   * a size group, which cannot ask a wrapping label for its height. */
  gtk_widget_add_css_class (box, "debrief-cell");
  gtk_label_set_wrap (GTK_LABEL (label), FALSE);
  gtk_box_append (GTK_BOX (box), label);
  if (marker != NULL)
    {
      GtkWidget *mark = new_label (marker, "warning");

      gtk_label_set_wrap (GTK_LABEL (mark), FALSE);
      gtk_widget_add_css_class (mark, "caption-heading");
      gtk_box_append (GTK_BOX (box), mark);
      gtk_widget_add_css_class (box, "disagrees");
    }
  if (accessible != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, marker, -1);
  gtk_size_group_add_widget (row_group, box);
  return box;
}

static char *
topic_cell_text (const RubricDebriefInterviewer *interviewer,
                 const RubricDebriefTopicCell   *cell)
{
  if (interviewer->hidden)
    /* Translators: a cell of the debrief's table while the user's own
     * scorecard is not sealed */
    return g_strdup (_("Hidden"));
  if (cell->has_score)
    return rubric_summary_format_number (cell->score);
  if (cell->asked)
    /* Translators: a cell of the debrief's table: the interviewer asked
     * the topic but rated none of its questions */
    return g_strdup (_("Not rated"));
  /* Translators: a cell of the debrief's table: the interviewer did not
   * ask the topic */
  return g_strdup (_("Not asked"));
}

static void
build_matrix (RubricDebriefWindow *self)
{
  RubricDebrief *debrief = self->debrief;
  guint n = rubric_debrief_get_n_interviewers (debrief);
  guint n_topics = rubric_debrief_get_n_topics (debrief);
  g_autoptr(GtkSizeGroup) header_group = gtk_size_group_new (GTK_SIZE_GROUP_VERTICAL);
  GtkWidget *heading;

  clear_grid (self->topic_column);
  clear_grid (self->matrix);
  gtk_widget_set_visible (self->matrix_box, n > 0);
  if (n == 0)
    return;

  /* Translators: the heading of the first column of the debrief's table */
  heading = new_cell (_("Topic"), NULL, FALSE, NULL, header_group);
  gtk_widget_add_css_class (heading, "debrief-header");
  gtk_grid_attach (self->topic_column, heading, 0, 0, 1, 1);
  for (guint i = 0; i < n; i++)
    {
      const RubricDebriefInterviewer *interviewer = rubric_debrief_get_interviewer (debrief, i);
      const char *name = *interviewer->name != '\0' ? interviewer->name : interviewer->file;
      g_autofree char *accessible = g_strdup_printf ("%s, %s", name, interviewer->status_text);

      heading = new_cell (name, NULL, FALSE, accessible, header_group);
      gtk_box_append (GTK_BOX (heading), new_label (interviewer->status_text,
                                                    interviewer->counted ? "dim-label" : "warning"));
      gtk_widget_add_css_class (gtk_widget_get_last_child (heading), "caption");
      gtk_label_set_wrap (GTK_LABEL (gtk_widget_get_last_child (heading)), FALSE);
      gtk_widget_add_css_class (heading, "debrief-header");
      gtk_grid_attach (self->matrix, heading, i, 0, 1, 1);
    }
  /* Translators: the heading of the last column of the debrief's table: the
   * mean of the counted interviewers' scores */
  heading = new_cell (_("Panel"), NULL, FALSE, NULL, header_group);
  gtk_widget_add_css_class (heading, "debrief-header");
  gtk_grid_attach (self->matrix, heading, n, 0, 1, 1);

  for (guint t = 0; t < n_topics; t++)
    {
      const RubricDebriefTopic *topic = rubric_debrief_get_topic (debrief, t);
      g_autoptr(GtkSizeGroup) row_group = gtk_size_group_new (GTK_SIZE_GROUP_VERTICAL);
      g_autofree char *panel = NULL;
      GtkWidget *cell;

      cell = new_cell (topic->title, NULL, FALSE, NULL, row_group);
      gtk_widget_add_css_class (cell, "debrief-topic");
      if (topic->nobody_asked)
        /* Translators: under a topic in the debrief's table: no counted
         * interviewer asked any of its questions */
        {
          gtk_box_append (GTK_BOX (cell), new_label (_("Nobody asked"), "dim-label"));
          gtk_label_set_wrap (GTK_LABEL (gtk_widget_get_last_child (cell)), FALSE);
        }
      gtk_grid_attach (self->topic_column, cell, 0, t + 1, 1, 1);

      for (guint i = 0; i < n; i++)
        {
          const RubricDebriefInterviewer *interviewer = rubric_debrief_get_interviewer (debrief, i);
          const RubricDebriefTopicCell *score = &topic->cells[i];
          const char *name = *interviewer->name != '\0' ? interviewer->name : interviewer->file;
          g_autofree char *text = topic_cell_text (interviewer, score);
          g_autofree char *marker = NULL;
          g_autofree char *accessible = NULL;

          if (score->disagrees)
            {
              g_autofree char *distance = rubric_summary_format_number (row_distance (debrief, topic, topic_value, i));

              marker = differs_text (distance);
            }
          accessible = g_strdup_printf ("%s, %s: %s", topic->title, name, text);
          cell = new_cell (text, marker, !score->has_score || !interviewer->counted, accessible, row_group);
          gtk_grid_attach (self->matrix, cell, i, t + 1, 1, 1);
        }

      panel = topic->has_mean ? rubric_summary_format_number (topic->mean) : g_strdup ("—");
      cell = new_cell (panel,
                       /* Translators: under the panel's score of a topic in
                        * the debrief's table */
                       topic->disagreement ? _("Ratings differ by 2 or more") : NULL,
                       !topic->has_mean, NULL, row_group);
      gtk_widget_add_css_class (cell, "debrief-panel");
      gtk_grid_attach (self->matrix, cell, n, t + 1, 1, 1);
    }
}

static void
append_list (GtkBox             *box,
             const char         *heading,
             const char * const *items)
{
  GtkWidget *label;

  if (items == NULL || items[0] == NULL)
    return;
  label = new_label (heading, "heading");
  gtk_widget_set_margin_top (label, 6);
  gtk_box_append (box, label);
  for (guint i = 0; items[i] != NULL; i++)
    {
      g_autofree char *line = g_strdup_printf ("• %s", items[i]);

      gtk_box_append (box, new_label (line, NULL));
    }
}

static GtkWidget *
new_interviewer_card (const RubricDebriefInterviewer *interviewer)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  const char *name = *interviewer->name != '\0' ? interviewer->name : interviewer->file;
  g_autofree char *file = g_path_get_basename (interviewer->file);

  gtk_widget_add_css_class (box, "card");
  gtk_widget_add_css_class (box, "debrief-interviewer");
  gtk_box_append (GTK_BOX (box), new_label (name, "title-4"));
  gtk_box_append (GTK_BOX (box), new_label (file, "dim-label"));
  gtk_widget_add_css_class (gtk_widget_get_last_child (box), "caption");
  gtk_box_append (GTK_BOX (box), new_label (interviewer->status_text, interviewer->counted ? NULL : "warning"));
  if (!interviewer->hidden)
    {
      g_autofree char *recommendation = NULL;
      g_autofree char *score = NULL;

      if (interviewer->recommendation != RUBRIC_RECOMMENDATION_NONE)
        {
          /* Translators: on an interviewer's card in the debrief; %s is
           * “Yes”, “Strong no”… */
          recommendation = g_strdup_printf (_("Recommendation: %s"),
                                            rubric_recommendation_get_label (interviewer->recommendation));
          gtk_box_append (GTK_BOX (box), new_label (recommendation, "heading"));
        }
      if (interviewer->has_score)
        {
          g_autofree char *number = rubric_summary_format_number (interviewer->score);

          /* Translators: on an interviewer's card in the debrief; %s is a
           * score such as “3.2” */
          score = g_strdup_printf (_("Overall score: %s"), number);
          gtk_box_append (GTK_BOX (box), new_label (score, NULL));
        }
      if (*interviewer->summary != '\0')
        gtk_box_append (GTK_BOX (box), new_label (interviewer->summary, NULL));
      /* Translators: a heading on an interviewer's card in the debrief */
      append_list (GTK_BOX (box), _("Strengths"), interviewer->strengths);
      /* Translators: a heading on an interviewer's card in the debrief */
      append_list (GTK_BOX (box), _("Concerns"), interviewer->concerns);
    }
  return box;
}

static void
build_interviewers (RubricDebriefWindow *self)
{
  guint n = rubric_debrief_get_n_interviewers (self->debrief);

  gtk_flow_box_remove_all (self->interviewers);
  gtk_widget_set_visible (self->interviewers_box, n > 0);
  gtk_flow_box_set_max_children_per_line (self->interviewers, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    {
      gtk_flow_box_append (self->interviewers,
                           new_interviewer_card (rubric_debrief_get_interviewer (self->debrief, i)));
      /* Read, not chosen: no Tab stop. */
      gtk_widget_set_focusable (GTK_WIDGET (gtk_flow_box_get_child_at_index (self->interviewers, i)), FALSE);
    }
  gtk_label_set_label (self->mixed_label, _("Mixed recommendations: some for hiring, some against"));
  gtk_widget_set_visible (GTK_WIDGET (self->mixed_label), rubric_debrief_get_mixed (self->debrief));
}

static void
append_ticks (GtkBox             *box,
              RubricTickKind      kind,
              const char * const *lines)
{
  g_autofree char *heading = NULL;

  if (lines == NULL || lines[0] == NULL)
    return;
  heading = rubric_summary_format_label (rubric_summary_evidence_heading (kind));
  gtk_box_append (box, new_label (heading, "caption-heading"));
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *line = g_strdup_printf ("• %s", lines[i]);

      gtk_box_append (box, new_label (line, "caption"));
    }
}

/* A question, then each interviewer's rating, notes and evidence. */
static GtkWidget *
new_question_row (RubricDebrief               *debrief,
                  const RubricDebriefQuestion *question)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  g_autofree char *heading = NULL;

  if (question->several)
    /* Translators: a question's heading in the debrief; %s is “Main
     * question” or “Follow-up 2”, %u how many interviewers asked it */
    heading = g_strdup_printf (_("%s · asked by %u"), question->heading, question->n_asked);
  else
    heading = g_strdup (question->heading);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_box_append (GTK_BOX (box), new_label (heading, "heading"));
  gtk_box_append (GTK_BOX (box), new_label (question->prompt, NULL));
  if (question->disagreement)
    gtk_box_append (GTK_BOX (box), new_label (_("Ratings differ by 2 or more"), "warning"));

  for (guint i = 0; i < rubric_debrief_get_n_interviewers (debrief); i++)
    {
      const RubricDebriefInterviewer *interviewer = rubric_debrief_get_interviewer (debrief, i);
      const RubricDebriefAnswer *answer = &question->answers[i];
      const char *name = *interviewer->name != '\0' ? interviewer->name : interviewer->file;
      g_autofree char *line = NULL;
      GtkWidget *answer_box;

      if (answer->status == RUBRIC_SUMMARY_NOT_ASKED && !interviewer->hidden)
        continue;
      if (answer->disagrees)
        {
          g_autofree char *distance = g_strdup_printf ("%d", (int) row_distance (debrief, question, question_value, i));
          g_autofree char *differs = differs_text (distance);

          line = g_strdup_printf ("%s — %s · %s", name, answer->rating_text, differs);
        }
      else
        line = g_strdup_printf ("%s — %s", name, answer->rating_text);
      answer_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
      gtk_widget_set_margin_top (answer_box, 6);
      gtk_widget_set_margin_start (answer_box, 12);
      gtk_box_append (GTK_BOX (answer_box), new_label (line, answer->disagrees ? "warning" : NULL));
      gtk_widget_add_css_class (gtk_widget_get_first_child (answer_box), "heading");
      if (*answer->notes != '\0')
        gtk_box_append (GTK_BOX (answer_box), new_label (answer->notes, NULL));
      append_ticks (GTK_BOX (answer_box), RUBRIC_TICK_KEY_POINT, answer->heard_lines);
      append_ticks (GTK_BOX (answer_box), RUBRIC_TICK_RED_FLAG, answer->red_flag_lines);
      gtk_box_append (GTK_BOX (box), answer_box);
    }

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_focusable (row, FALSE);
  return row;
}

static gboolean
question_asked (RubricDebrief               *debrief,
                const RubricDebriefQuestion *question)
{
  for (guint i = 0; i < rubric_debrief_get_n_interviewers (debrief); i++)
    if (question->answers[i].status != RUBRIC_SUMMARY_NOT_ASKED)
      return TRUE;
  return FALSE;
}

static void
build_questions (RubricDebriefWindow *self)
{
  RubricDebrief *debrief = self->debrief;

  remove_rows (self->questions_group, self->question_rows);
  gtk_widget_set_visible (GTK_WIDGET (self->questions_group), rubric_debrief_get_n_interviewers (debrief) > 0);
  for (guint t = 0; t < rubric_debrief_get_n_topics (debrief); t++)
    {
      const RubricDebriefTopic *topic = rubric_debrief_get_topic (debrief, t);
      g_autofree char *mean = topic->has_mean ? rubric_summary_format_number (topic->mean) : g_strdup ("—");
      g_autofree char *subtitle = NULL;
      GtkWidget *row = NULL;

      for (guint q = topic->first_question; q < topic->first_question + topic->n_questions; q++)
        {
          const RubricDebriefQuestion *question = rubric_debrief_get_question (debrief, q);

          if (!question_asked (debrief, question))
            continue;
          if (row == NULL)
            row = adw_expander_row_new ();
          adw_expander_row_add_row (ADW_EXPANDER_ROW (row), new_question_row (debrief, question));
        }
      if (row == NULL)
        {
          row = adw_action_row_new ();
          subtitle = g_strdup (_("Nobody asked"));
        }
      else if (topic->disagreement)
        /* Translators: under a topic in the debrief; %s is the panel's
         * score, such as “3.5” */
        subtitle = g_strdup_printf (_("Panel %s · Ratings differ by 2 or more"), mean);
      else
        subtitle = g_strdup_printf (_("Panel %s"), mean);
      rubric_wrap_within (GTK_WIDGET (row));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), topic->title);
      if (ADW_IS_EXPANDER_ROW (row))
        adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
      else
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_preferences_group_add (self->questions_group, row);
      g_ptr_array_add (self->question_rows, row);
    }
}

static void
build_problems (RubricDebriefWindow *self)
{
  guint n = rubric_debrief_get_n_problems (self->debrief);

  remove_rows (self->problems_group, self->problem_rows);
  gtk_widget_set_visible (GTK_WIDGET (self->problems_group), n > 0);
  for (guint i = 0; i < n; i++)
    {
      GtkWidget *row = rubric_report_problem_row_new (rubric_debrief_get_problem (self->debrief, i));

      adw_preferences_group_add (self->problems_group, row);
      g_ptr_array_add (self->problem_rows, row);
    }
}

static void
rebuild (RubricDebriefWindow *self)
{
  RubricDebrief *debrief = self->debrief;
  gboolean loading = rubric_debrief_get_loading (debrief);
  const char *candidate = rubric_debrief_get_candidate (debrief);
  g_autofree char *title = NULL;

  if (candidate != NULL && *candidate != '\0')
    /* Translators: the title of the debrief window; %s is the candidate */
    title = g_strdup_printf (_("Debrief: %s"), candidate);
  else
    title = g_strdup (_("Debrief"));
  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, rubric_debrief_get_role (debrief) != NULL
                                 ? rubric_debrief_get_role (debrief) : "");
  gtk_window_set_title (GTK_WINDOW (self), title);

  adw_banner_set_title (self->blind_banner, rubric_debrief_get_blind_text ());
  rubric_a11y_show_banner (self->blind_banner, rubric_debrief_get_blind (debrief));

  if (loading)
    /* Translators: in the debrief window while its files are read */
    gtk_label_set_label (self->status_label, _("Reading the scorecards…"));
  else if (rubric_debrief_get_n_interviewers (debrief) == 0)
    /* Translators: in the debrief window when none of its files could be read */
    gtk_label_set_label (self->status_label, _("No scorecard could be read."));
  gtk_widget_set_visible (GTK_WIDGET (self->status_label),
                          loading || rubric_debrief_get_n_interviewers (debrief) == 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export",
                                 !loading && rubric_debrief_get_n_interviewers (debrief) > 0);

  build_problems (self);
  build_matrix (self);
  build_interviewers (self);
  build_questions (self);
}

/* ---------------------------------------------------------------- export */

/**
 * rubric_debrief_window_export_to:
 *
 * Writes the debrief summary as @format to @file through the core's one
 * writer — unless @file is one of the files given, read or left out,
 * which a debrief never writes.
 */
void
rubric_debrief_window_export_to (RubricDebriefWindow *self,
                                 RubricExportFormat   format,
                                 GFile               *file)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (RUBRIC_IS_DEBRIEF_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  bytes = rubric_debrief_export_to_bytes (self->debrief, format, RUBRIC_EXPORT_FLAGS_NONE, NULL, NULL, &error);
  rubric_report_write (GTK_WIDGET (self), self->toast_overlay, file, self->files, bytes, error, self->cancellable);
}

static void
export_to (GtkWidget          *window,
           RubricExportFormat  format,
           GFile              *file)
{
  rubric_debrief_window_export_to (RUBRIC_DEBRIEF_WINDOW (window), format, file);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  RubricDebriefWindow *self = RUBRIC_DEBRIEF_WINDOW (widget);
  g_autofree char *about = NULL;
  RubricExportFormat format;

  if (!rubric_export_format_parse (g_variant_get_string (parameter, NULL), &format) ||
      !rubric_debrief_export_format_supported (format))
    g_return_if_reached ();

  /* Translators: the suggested name of an exported debrief, before its
   * extension; %s is the candidate */
  about = g_strdup_printf (_("Debrief %s"), rubric_debrief_get_candidate (self->debrief));
  /* Translators: the title of the file chooser that exports a debrief */
  rubric_report_ask_file (widget, _("Export Debrief"), about, format, self->cancellable, export_to);
}

/* ---------------------------------------------------------------- loading */

static void read_files (RubricDebriefWindow *self);

static void
loaded_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(RubricDebriefWindow) self = user_data;

  /* Every problem is in the debrief, and shown; a cancelled load is the
   * window closing. */
  if (!rubric_debrief_load_finish (RUBRIC_DEBRIEF (object), result, NULL))
    return;
  if (self->reload)
    read_files (self);
}

/* One read at a time: files added meanwhile are read with the rest once
 * it is done, so the last read is always of the whole set. */
static void
read_files (RubricDebriefWindow *self)
{
  self->reload = rubric_debrief_get_loading (self->debrief);
  if (self->reload)
    return;
  rubric_debrief_load_async (self->debrief, (GFile * const *) self->files->pdata, self->files->len,
                             self->cancellable, loaded_cb, g_object_ref (self));
}

/**
 * rubric_debrief_window_load:
 *
 * Adds @files to the window's set (a file already in it is not added
 * twice) and reads the whole set into its debrief in a worker, one file
 * at a time; the window shows them once read, and the files it could not
 * read.
 */
void
rubric_debrief_window_load (RubricDebriefWindow *self,
                            GFile * const       *files,
                            guint                n_files)
{
  g_return_if_fail (RUBRIC_IS_DEBRIEF_WINDOW (self));
  g_return_if_fail (files != NULL || n_files == 0);

  for (guint i = 0; i < n_files; i++)
    if (!g_ptr_array_find_with_equal_func (self->files, files[i], (GEqualFunc) g_file_equal, NULL))
      g_ptr_array_add (self->files, g_object_ref (files[i]));
  read_files (self);
}

/* Files dropped on a debrief join it. */
static void
files_dropped_cb (GtkWidget     *window,
                  GFile * const *files,
                  guint          n_files)
{
  rubric_debrief_window_load (RUBRIC_DEBRIEF_WINDOW (window), files, n_files);
}

RubricDebrief *
rubric_debrief_window_get_debrief (RubricDebriefWindow *self)
{
  g_return_val_if_fail (RUBRIC_IS_DEBRIEF_WINDOW (self), NULL);
  return self->debrief;
}

RubricDebriefWindow *
rubric_debrief_window_new (GtkApplication *application,
                           RubricDebrief  *debrief)
{
  RubricDebriefWindow *self;

  g_return_val_if_fail (RUBRIC_IS_DEBRIEF (debrief), NULL);

  self = g_object_new (RUBRIC_TYPE_DEBRIEF_WINDOW, "application", application, NULL);
  self->debrief = g_object_ref (debrief);
  g_signal_connect_object (debrief, "changed", G_CALLBACK (rebuild), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (debrief, "notify::loading", G_CALLBACK (rebuild), self, G_CONNECT_SWAPPED);
  rebuild (self);
  return self;
}

static void
rubric_debrief_window_dispose (GObject *object)
{
  RubricDebriefWindow *self = RUBRIC_DEBRIEF_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), RUBRIC_TYPE_DEBRIEF_WINDOW);
  G_OBJECT_CLASS (rubric_debrief_window_parent_class)->dispose (object);
}

static void
rubric_debrief_window_finalize (GObject *object)
{
  RubricDebriefWindow *self = RUBRIC_DEBRIEF_WINDOW (object);

  g_clear_object (&self->debrief);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->files, g_ptr_array_unref);
  g_clear_pointer (&self->problem_rows, g_ptr_array_unref);
  g_clear_pointer (&self->question_rows, g_ptr_array_unref);
  G_OBJECT_CLASS (rubric_debrief_window_parent_class)->finalize (object);
}

static void
rubric_debrief_window_class_init (RubricDebriefWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rubric_debrief_window_dispose;
  object_class->finalize = rubric_debrief_window_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/rubricapp/Rubric/rubric-debrief-window.ui");
  gtk_widget_class_bind_template_child (widget_class, RubricDebriefWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, RubricDebriefWindow, drop_overlay);
  gtk_widget_class_bind_template_child (widget_class, RubricDebriefWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, RubricDebriefWindow, export_button);
  gtk_widget_class_bind_template_child (widget_class, RubricDebriefWindow, blind_banner);
  gtk_widget_class_bind_template_child (widget_class, RubricDebriefWindow, status_label);
  gtk_widget_class_bind_template_child (widget_class, RubricDebriefWindow, problems_group);
  gtk_widget_class_bind_template_child (widget_class, RubricDebriefWindow, matrix_box);
  gtk_widget_class_bind_template_child (widget_class, RubricDebriefWindow, topic_column);
  gtk_widget_class_bind_template_child (widget_class, RubricDebriefWindow, matrix);
  gtk_widget_class_bind_template_child (widget_class, RubricDebriefWindow, interviewers_box);
  gtk_widget_class_bind_template_child (widget_class, RubricDebriefWindow, mixed_label);
  gtk_widget_class_bind_template_child (widget_class, RubricDebriefWindow, interviewers);
  gtk_widget_class_bind_template_child (widget_class, RubricDebriefWindow, questions_group);
  gtk_widget_class_install_action (widget_class, "win.export", "s", export_action);
}

static void
rubric_debrief_window_init (RubricDebriefWindow *self)
{
  self->cancellable = g_cancellable_new ();
  self->files = g_ptr_array_new_with_free_func (g_object_unref);
  self->problem_rows = g_ptr_array_new ();
  self->question_rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  rubric_wrap_within (GTK_WIDGET (self));
  rubric_drop_add (ADW_APPLICATION_WINDOW (self), self->drop_overlay,
                   /* Translators: over the debrief window while files are dragged over it */
                   _("Drop Scorecards"),
                   /* Translators: under “Drop Scorecards” in the debrief window */
                   _("They join this debrief"),
                   NULL, files_dropped_cb);
}
