/* rubric-compare-window.c — candidates for one role, compared
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * "Debrief a Folder…" opens this window on a folder of sessions: the
 * model (src/core/rubric-compare.c) reads them in a worker and groups
 * them by candidate; the window shows a sortable table of candidates ×
 * topics with their overall scores and recommendations, each candidate's
 * structured-interview audit, and each interviewer's calibration. A row
 * opens that candidate's debrief. Sorting is an action (win.sort-by,
 * win.sort-descending) as well as a click on a column's title, so it
 * works from the keyboard and from tests. Nothing here writes to the
 * interviewers' files.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rubric-a11y.h"
#include "rubric-bench.h"
#include "rubric-compare-export.h"
#include "rubric-compare-window.h"
#include "rubric-debrief-window.h"
#include "rubric-report.h"
#include "rubric-summary.h"
#include "rubric-wrap.h"

/* ------------------------------------------------------------------ items */

/* A row of the table: a candidate of the compare, by index. */
#define RUBRIC_TYPE_COMPARE_ITEM (rubric_compare_item_get_type ())
G_DECLARE_FINAL_TYPE (RubricCompareItem, rubric_compare_item, RUBRIC, COMPARE_ITEM, GObject)

struct _RubricCompareItem
{
  GObject parent_instance;

  RubricCompare *compare;
  guint index;
};

G_DEFINE_FINAL_TYPE (RubricCompareItem, rubric_compare_item, G_TYPE_OBJECT)

static void
rubric_compare_item_finalize (GObject *object)
{
  g_clear_object (&RUBRIC_COMPARE_ITEM (object)->compare);
  G_OBJECT_CLASS (rubric_compare_item_parent_class)->finalize (object);
}

static void
rubric_compare_item_class_init (RubricCompareItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rubric_compare_item_finalize;
}

static void
rubric_compare_item_init (RubricCompareItem *self)
{
}

static const RubricCompareCandidate *
item_candidate (gpointer item)
{
  RubricCompareItem *self = item;

  return rubric_compare_get_candidate (self->compare, self->index);
}

/* ----------------------------------------------------------------- window */

/* What a column shows. */
typedef enum {
  COLUMN_CANDIDATE,
  COLUMN_SCORE,
  COLUMN_RECOMMENDATION,
  COLUMN_TOPIC,
  COLUMN_AUDIT,
} ColumnKind;

typedef struct
{
  ColumnKind kind;
  guint      topic;   /* COLUMN_TOPIC's index */
} ColumnInfo;

struct _RubricCompareWindow
{
  AdwApplicationWindow parent_instance;

  RubricCompare *compare;
  GCancellable *cancellable;
  GPtrArray *sources;        /* what was opened (GFile): folders, files */
  GFile *folder;             /* the folder, when that was one folder */
  GPtrArray *files;          /* the session files read (GFile) */
  gboolean loading;
  gboolean shown_once;       /* the table has been shown, and focused */
  guint focus_tries;
  char *sort_by;             /* a column's id: win.sort-by's state */
  gboolean sort_descending;  /* win.sort-descending's state */
  gboolean syncing_sort;     /* the properties follow the table's sorter */
  GListStore *items;
  GPtrArray *columns;        /* GtkColumnViewColumn, in the table's order */
  GPtrArray *problem_rows;   /* in problems_in: */
  AdwPreferencesGroup *problems_in;  /* problems_group, or empty_problems_group
                                      * when nothing could be read */
  GPtrArray *audit_rows;
  GPtrArray *calibration_rows;

  AdwToastOverlay *toast_overlay;
  AdwViewSwitcher *switcher;
  AdwViewSwitcherBar *switcher_bar;
  AdwViewStack *views;
  GtkWidget *sort_button;
  AdwBanner *blind_banner;
  GtkStack *stack;
  AdwStatusPage *loading_page;
  AdwStatusPage *empty_page;
  AdwPreferencesGroup *empty_problems_group;
  AdwPreferencesGroup *problems_group;
  GtkLabel *table_description;
  GtkColumnView *table;
  GMenu *sort_topics_section;
  AdwPreferencesGroup *audit_group;
  AdwPreferencesGroup *calibration_group;
};

G_DEFINE_FINAL_TYPE (RubricCompareWindow, rubric_compare_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_LOADING,
  PROP_SORT_BY,
  PROP_SORT_DESCENDING,
  N_PROPS
};

static GParamSpec *pspecs[N_PROPS];

static const char *
candidate_name (const RubricCompareCandidate *candidate)
{
  /* Translators: in the compare view, a candidate whose sessions give no name */
  return *candidate->candidate != '\0' ? candidate->candidate : _("Unnamed candidate");
}

static char *
score_text (gboolean has_score,
            double   score)
{
  return has_score ? rubric_summary_format_number (score) : g_strdup ("—");
}

/* A cell's two lines: its value and, when there is one, a remark under it
 * (a warning, in words, when WARNING). */
static void
cell_text (const ColumnInfo             *info,
           const RubricCompareCandidate *candidate,
           char                        **value,
           char                        **remark,
           gboolean                     *warning)
{
  gboolean hidden = rubric_compare_candidate_hidden (candidate);

  *remark = NULL;
  *warning = FALSE;
  switch (info->kind)
    {
    case COLUMN_CANDIDATE:
      *value = g_strdup (candidate_name (candidate));
      *remark = rubric_compare_counted_text (candidate);
      break;

    case COLUMN_SCORE:
      *value = hidden ? g_strdup (_("Hidden")) : score_text (candidate->has_score, candidate->score);
      break;

    case COLUMN_RECOMMENDATION:
      if (hidden)
        *value = g_strdup (_("Hidden"));
      else
        *value = g_strdup (candidate->recommendation != RUBRIC_RECOMMENDATION_NONE
                           ? rubric_recommendation_get_label (candidate->recommendation) : "—");
      *remark = rubric_compare_recommendation_remark (candidate, warning);
      break;

    case COLUMN_TOPIC:
      {
        const RubricCompareCell *cell = &candidate->cells[info->topic];

        *value = hidden ? g_strdup (_("Hidden")) : score_text (cell->has_score, cell->score);
        if (!hidden)
          *remark = g_strdup (rubric_compare_cell_remark (cell));
        *warning = *remark != NULL;
      }
      break;

    case COLUMN_AUDIT:
    default:
      *value = rubric_compare_audit_summary (candidate);
      *warning = candidate->n_audit > 0;
      break;
    }
}

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               gpointer                  user_data)
{
  const ColumnInfo *info = user_data;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *value = gtk_label_new (NULL);
  GtkWidget *remark = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (value), 0);
  gtk_label_set_xalign (GTK_LABEL (remark), 0);
  gtk_widget_add_css_class (remark, "caption");
  /* Set here, not when bound: the column is as wide as its cells measure
   * when first laid out, and a name in bold is wider. Nothing is
   * ellipsized: a table wider than the window scrolls sideways instead. */
  if (info->kind == COLUMN_CANDIDATE)
    gtk_widget_add_css_class (value, "heading");
  gtk_box_append (GTK_BOX (box), value);
  gtk_box_append (GTK_BOX (box), remark);
  gtk_list_item_set_child (list_item, box);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  user_data)
{
  const ColumnInfo *info = user_data;
  const RubricCompareCandidate *candidate = item_candidate (gtk_list_item_get_item (list_item));
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *value = gtk_widget_get_first_child (box);
  GtkWidget *remark = gtk_widget_get_last_child (box);
  g_autofree char *value_text = NULL;
  g_autofree char *remark_text = NULL;
  gboolean warning;

  cell_text (info, candidate, &value_text, &remark_text, &warning);
  gtk_label_set_label (GTK_LABEL (value), value_text);
  gtk_label_set_label (GTK_LABEL (remark), remark_text != NULL ? remark_text : "");
  gtk_widget_set_visible (remark, remark_text != NULL);
  if (warning)
    {
      gtk_widget_add_css_class (remark_text != NULL ? remark : value, "warning");
      gtk_widget_remove_css_class (remark_text != NULL ? value : remark, "warning");
    }
  else
    {
      gtk_widget_remove_css_class (value, "warning");
      gtk_widget_remove_css_class (remark, "warning");
    }
  if (remark_text != NULL && !warning)
    gtk_widget_add_css_class (remark, "dim-label");
  else
    gtk_widget_remove_css_class (remark, "dim-label");
}

/* Sorting: hidden and unscored candidates after the scored ones, then by
 * name, whatever the direction. */
static int
compare_numbers (gboolean has_a,
                 double   a,
                 gboolean has_b,
                 double   b)
{
  if (has_a != has_b)
    return has_a ? 1 : -1;
  if (!has_a || a == b)
    return 0;
  return a < b ? -1 : 1;
}

static int
sort_cb (gconstpointer a,
         gconstpointer b,
         gpointer      user_data)
{
  const ColumnInfo *info = user_data;
  const RubricCompareCandidate *x = item_candidate ((gpointer) a);
  const RubricCompareCandidate *y = item_candidate ((gpointer) b);
  gboolean shown_x = !rubric_compare_candidate_hidden (x);
  gboolean shown_y = !rubric_compare_candidate_hidden (y);
  int order = 0;

  switch (info->kind)
    {
    case COLUMN_SCORE:
      order = compare_numbers (shown_x && x->has_score, x->score, shown_y && y->has_score, y->score);
      break;
    case COLUMN_RECOMMENDATION:
      order = compare_numbers (shown_x && x->recommendation != RUBRIC_RECOMMENDATION_NONE, x->recommendation,
                               shown_y && y->recommendation != RUBRIC_RECOMMENDATION_NONE, y->recommendation);
      if (order == 0)
        order = compare_numbers (shown_x && x->has_score, x->score, shown_y && y->has_score, y->score);
      break;
    case COLUMN_TOPIC:
      order = compare_numbers (shown_x && x->cells[info->topic].has_score, x->cells[info->topic].score,
                               shown_y && y->cells[info->topic].has_score, y->cells[info->topic].score);
      break;
    case COLUMN_AUDIT:
      order = compare_numbers (TRUE, x->n_audit, TRUE, y->n_audit);
      break;
    case COLUMN_CANDIDATE:
    default:
      break;
    }
  if (order == 0)
    order = g_utf8_collate (candidate_name (x), candidate_name (y));
  return order;
}

/* The id of a column for win.sort-by: "candidate", "score",
 * "recommendation", "audit", or "topic:ID". */
static char *
column_id (RubricCompareWindow *self,
           const ColumnInfo    *info)
{
  switch (info->kind)
    {
    case COLUMN_CANDIDATE:
      return g_strdup ("candidate");
    case COLUMN_SCORE:
      return g_strdup ("score");
    case COLUMN_RECOMMENDATION:
      return g_strdup ("recommendation");
    case COLUMN_AUDIT:
      return g_strdup ("audit");
    case COLUMN_TOPIC:
    default:
      return g_strconcat ("topic:", rubric_compare_get_topic_id (self->compare, info->topic), NULL);
    }
}

static GtkColumnViewColumn *
new_column (RubricCompareWindow *self,
            const char          *title,
            ColumnKind           kind,
            guint                topic)
{
  ColumnInfo *info = g_new0 (ColumnInfo, 1);
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkSorter) sorter = NULL;
  GtkColumnViewColumn *column;
  g_autofree char *id = NULL;

  info->kind = kind;
  info->topic = topic;
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), info);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), info);
  sorter = GTK_SORTER (gtk_custom_sorter_new (sort_cb, info, g_free));
  column = gtk_column_view_column_new (title, g_object_ref (factory));
  gtk_column_view_column_set_sorter (column, sorter);
  gtk_column_view_column_set_resizable (column, TRUE);
  id = column_id (self, info);
  gtk_column_view_column_set_id (column, id);
  g_object_set_data (G_OBJECT (column), "rubric-compare-column", info);
  /* Each column as wide as its title and cells, the table as wide as the
   * window; past that, it scrolls sideways. */
  gtk_column_view_column_set_expand (column, kind != COLUMN_CANDIDATE);
  return column;
}

static void
clear_rows (AdwPreferencesGroup *group,
            GPtrArray           *rows)
{
  for (guint i = 0; i < rows->len; i++)
    adw_preferences_group_remove (group, rows->pdata[i]);
  g_ptr_array_set_size (rows, 0);
}

static void
build_columns (RubricCompareWindow *self)
{
  guint n_topics = rubric_compare_get_n_topics (self->compare);

  for (guint i = 0; i < self->columns->len; i++)
    gtk_column_view_remove_column (self->table, self->columns->pdata[i]);
  g_ptr_array_set_size (self->columns, 0);
  g_menu_remove_all (self->sort_topics_section);

  /* Translators: a column of the compare view */
  g_ptr_array_add (self->columns, new_column (self, _("Candidate"), COLUMN_CANDIDATE, 0));
  /* Translators: a column of the compare view: the panel's overall score */
  g_ptr_array_add (self->columns, new_column (self, _("Overall"), COLUMN_SCORE, 0));
  /* Translators: a column of the compare view: the panel's recommendation */
  g_ptr_array_add (self->columns, new_column (self, _("Recommendation"), COLUMN_RECOMMENDATION, 0));
  for (guint t = 0; t < n_topics; t++)
    {
      const char *title = rubric_compare_get_topic_title (self->compare, t);
      GtkColumnViewColumn *column = new_column (self, title, COLUMN_TOPIC, t);
      g_auto(GStrv) parts = g_strsplit (title, "_", -1);
      g_autofree char *label = g_strjoinv ("__", parts);   /* no mnemonic from a kit */
      g_autoptr(GMenuItem) item = g_menu_item_new (label, NULL);

      g_ptr_array_add (self->columns, column);
      g_menu_item_set_action_and_target (item, "win.sort-by", "s", gtk_column_view_column_get_id (column));
      g_menu_append_item (self->sort_topics_section, item);
    }
  /* Translators: a column of the compare view: what the structured-interview
   * audit found */
  g_ptr_array_add (self->columns, new_column (self, _("Audit"), COLUMN_AUDIT, 0));
  for (guint i = 0; i < self->columns->len; i++)
    gtk_column_view_append_column (self->table, self->columns->pdata[i]);
}

static void
build_problems (RubricCompareWindow *self,
                AdwPreferencesGroup *group)
{
  guint n = rubric_compare_get_n_problems (self->compare);

  clear_rows (self->problems_in, self->problem_rows);
  gtk_widget_set_visible (GTK_WIDGET (self->problems_in), FALSE);
  self->problems_in = group;
  gtk_widget_set_visible (GTK_WIDGET (group), n > 0);
  for (guint i = 0; i < n; i++)
    {
      GtkWidget *row = rubric_report_problem_row_new (rubric_compare_get_problem (self->compare, i));

      adw_preferences_group_add (group, row);
      g_ptr_array_add (self->problem_rows, row);
    }
}

static GtkWidget *
new_text_row (const char *title,
              const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  rubric_wrap_within (GTK_WIDGET (row));

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  return row;
}

/* Each candidate's findings, in an expander; those interviewed as planned
 * in one row that names them. */
static void
build_audit (RubricCompareWindow *self)
{
  guint n = rubric_compare_get_n_candidates (self->compare);
  g_autoptr(GPtrArray) as_planned = g_ptr_array_new ();

  clear_rows (self->audit_group, self->audit_rows);
  for (guint i = 0; i < n; i++)
    {
      const RubricCompareCandidate *candidate = rubric_compare_get_candidate (self->compare, i);
      g_autofree char *subtitle = NULL;
      GtkWidget *row;

      if (candidate->n_audit == 0)
        {
          g_ptr_array_add (as_planned, (gpointer) candidate_name (candidate));
          continue;
        }
      row = adw_expander_row_new ();
      subtitle = rubric_compare_audit_summary (candidate);
      rubric_wrap_within (GTK_WIDGET (row));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), candidate_name (candidate));
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
      for (guint a = 0; a < candidate->n_audit; a++)
        adw_expander_row_add_row (ADW_EXPANDER_ROW (row), new_text_row (candidate->audit[a].text, NULL));
      adw_preferences_group_add (self->audit_group, row);
      g_ptr_array_add (self->audit_rows, row);
    }
  if (as_planned->len > 0)
    {
      g_autofree char *names = NULL;
      g_autofree char *title = NULL;
      GtkWidget *row;

      g_ptr_array_add (as_planned, NULL);
      /* Translators: separates candidates' names in a list */
      names = g_strjoinv (_(", "), (char **) as_planned->pdata);
      title = rubric_compare_as_planned_text (as_planned->len - 1);
      row = new_text_row (title, names);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
      adw_preferences_group_add (self->audit_group, row);
      g_ptr_array_add (self->audit_rows, row);
    }
}

static void
build_calibration (RubricCompareWindow *self)
{
  guint n = rubric_compare_get_n_interviewers (self->compare);

  clear_rows (self->calibration_group, self->calibration_rows);
  gtk_widget_set_visible (GTK_WIDGET (self->calibration_group), n > 0);
  for (guint i = 0; i < n; i++)
    {
      const RubricCompareInterviewer *interviewer = rubric_compare_get_interviewer (self->compare, i);
      g_autofree char *numbers = rubric_compare_interviewer_numbers (interviewer);
      GtkWidget *row = new_text_row (interviewer->name, interviewer->text);
      GtkWidget *label;

      label = gtk_label_new (numbers);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_add_css_class (label, "numeric");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
      adw_preferences_group_add (self->calibration_group, row);
      g_ptr_array_add (self->calibration_rows, row);
    }
}

static gboolean
any_blind (RubricCompare *compare)
{
  for (guint i = 0; i < rubric_compare_get_n_candidates (compare); i++)
    if (rubric_compare_candidate_hidden (rubric_compare_get_candidate (compare, i)))
      return TRUE;
  return FALSE;
}

/* The window's title (the window list's, a screen reader's): the folder. */
static void
set_title (RubricCompareWindow *self)
{
  g_autofree char *title = NULL;

  if (self->folder != NULL)
    {
      g_autofree char *name = g_file_get_basename (self->folder);

      /* Translators: the title of the compare view; %s is the folder's name */
      title = g_strdup_printf (_("Compare: %s"), name);
    }
  else
    /* Translators: the title of the window that compares candidates for one role */
    title = g_strdup (_("Compare Candidates"));
  gtk_window_set_title (GTK_WINDOW (self), title);
}

/* "Compare: interviews · Senior Django Developer · Panel round · 28 min
 * slot": what the table is of, above it. */
static char *
context_line (RubricCompareWindow *self)
{
  const char *title = gtk_window_get_title (GTK_WINDOW (self));
  const char *role = rubric_compare_get_role (self->compare);
  const char *plan = rubric_compare_get_plan_text (self->compare);
  GString *line = g_string_new (title);

  if (role != NULL && *role != '\0')
    g_string_append_printf (line, " · %s", role);
  if (plan != NULL && *plan != '\0')
    g_string_append_printf (line, " · %s", plan);
  return g_string_free (line, FALSE);
}

static GtkColumnViewColumn *
find_column (RubricCompareWindow *self,
             const char          *id)
{
  for (guint i = 0; i < self->columns->len; i++)
    if (g_strcmp0 (gtk_column_view_column_get_id (self->columns->pdata[i]), id) == 0)
      return self->columns->pdata[i];
  return NULL;
}

/* The table sorted as the properties say; a topic the kit no longer has
 * sorts by the overall score. */
static void
apply_sort (RubricCompareWindow *self)
{
  GtkColumnViewColumn *column = find_column (self, self->sort_by);

  if (column == NULL)
    column = find_column (self, "score");
  if (column == NULL)
    return;
  self->syncing_sort = TRUE;
  gtk_column_view_sort_by_column (self->table, column,
                                  self->sort_descending ? GTK_SORT_DESCENDING : GTK_SORT_ASCENDING);
  self->syncing_sort = FALSE;
}

/* The keyboard starts on the best candidate: arrows move, Return opens.
 * The rows are made when the table is laid out, after the stack has shown
 * it (and put the focus on its first focusable child), so this asks again
 * each frame until the first row has the focus, for a second at most. */
static gboolean
focus_table_tick (GtkWidget     *table,
                  GdkFrameClock *clock,
                  gpointer       user_data)
{
  RubricCompareWindow *self = user_data;
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  if (focus != NULL && gtk_widget_is_ancestor (focus, table))
    return G_SOURCE_REMOVE;
  if (++self->focus_tries > 60 || g_list_model_get_n_items (G_LIST_MODEL (self->items)) == 0)
    return G_SOURCE_REMOVE;
  /* The first row, scrolled to; the focus, which that does not move when
   * it is elsewhere in the window, moved to it. */
  gtk_column_view_scroll_to (GTK_COLUMN_VIEW (table), 0, NULL, GTK_LIST_SCROLL_FOCUS, NULL);
  gtk_widget_grab_focus (table);
  return G_SOURCE_CONTINUE;
}

static void
focus_table_later (RubricCompareWindow *self)
{
  self->focus_tries = 0;
  gtk_widget_add_tick_callback (GTK_WIDGET (self->table), focus_table_tick, self, NULL);
}

/* build-aux/bench panel measures the time to the compare view
 * (rubric-bench.c): the app says when the window has painted its table for
 * the first time, then quits. */
static void
bench_painted_cb (GdkFrameClock       *clock,
                  RubricCompareWindow *self)
{
  g_signal_handlers_disconnect_by_func (clock, bench_painted_cb, self);
  rubric_bench_stamp ("painted");
  g_application_quit (g_application_get_default ());
}

static void
quit_after_paint (RubricCompareWindow *self)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  if (!rubric_bench_enabled () || clock == NULL)
    return;
  g_signal_connect_object (clock, "after-paint", G_CALLBACK (bench_painted_cb), self, 0);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
rebuild (RubricCompareWindow *self)
{
  guint n = rubric_compare_get_n_candidates (self->compare);
  g_autofree char *description = NULL;
  g_autofree char *context = NULL;
  g_autofree char *counts = NULL;
  g_autoptr(GPtrArray) items = NULL;
  gboolean shown;

  set_title (self);
  shown = !self->loading && n > 0;
  gtk_widget_set_sensitive (GTK_WIDGET (self->switcher), shown);
  gtk_widget_set_sensitive (GTK_WIDGET (self->switcher_bar), shown);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.reload", !self->loading);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export", !self->loading && n > 0);
  rubric_a11y_show_banner (self->blind_banner, !self->loading && any_blind (self->compare));
  if (self->loading)
    {
      /* The rows point into the compare, which the load replaces. */
      g_list_store_remove_all (self->items);
      gtk_stack_set_visible_child_name (self->stack, "loading");
      return;
    }
  if (n == 0)
    {
      build_problems (self, self->empty_problems_group);
      adw_status_page_set_description (self->empty_page,
                                       /* Translators: the compare view when no session could be read */
                                       _("No session file here could be read. Sessions are files ending in “.rubric.json”."));
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  build_problems (self, self->problems_group);
  context = context_line (self);
  /* Translators: above the compare view's table; %u is how many candidates */
  counts = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "%u candidate. Scores are the means of the sealed scorecards. Activate a row to open the candidate's debrief.",
                                         "%u candidates. Scores are the means of the sealed scorecards. Activate a row to open the candidate's debrief.",
                                         n), n);
  description = g_strconcat (context, "\n", counts, NULL);
  gtk_label_set_label (self->table_description, description);
  build_columns (self);
  /* All at once: one change for the sorted model, not one a row. */
  items = g_ptr_array_new_full (n, g_object_unref);
  for (guint i = 0; i < n; i++)
    {
      RubricCompareItem *item = g_object_new (RUBRIC_TYPE_COMPARE_ITEM, NULL);

      item->compare = g_object_ref (self->compare);
      item->index = i;
      g_ptr_array_add (items, item);
    }
  g_list_store_splice (self->items, 0, g_list_model_get_n_items (G_LIST_MODEL (self->items)),
                       items->pdata, items->len);
  apply_sort (self);
  build_audit (self);
  build_calibration (self);
  gtk_stack_set_visible_child_name (self->stack, "compare");
  if (!self->shown_once)
    focus_table_later (self);
  self->shown_once = TRUE;
  quit_after_paint (self);
}

/* ----------------------------------------------------------------- sorting */

/* A click on a column's title: the properties, and so the actions' states
 * and the sort menu, follow. */
static void
sorter_changed_cb (RubricCompareWindow *self,
                   GtkSorterChange      change,
                   GtkSorter           *sorter)
{
  GtkColumnViewColumn *column = gtk_column_view_sorter_get_primary_sort_column (GTK_COLUMN_VIEW_SORTER (sorter));
  gboolean descending = gtk_column_view_sorter_get_primary_sort_order (GTK_COLUMN_VIEW_SORTER (sorter)) == GTK_SORT_DESCENDING;
  const char *id;

  /* Not while the window is disposed, its columns going one by one. */
  if (self->syncing_sort || column == NULL || self->table == NULL)
    return;
  id = gtk_column_view_column_get_id (column);
  if (g_strcmp0 (id, self->sort_by) != 0)
    {
      g_free (self->sort_by);
      self->sort_by = g_strdup (id);
      g_object_notify_by_pspec (G_OBJECT (self), pspecs[PROP_SORT_BY]);
    }
  if (descending != self->sort_descending)
    {
      self->sort_descending = descending;
      g_object_notify_by_pspec (G_OBJECT (self), pspecs[PROP_SORT_DESCENDING]);
    }
}

/* ----------------------------------------------------------------- opening */

static void
activate_cb (RubricCompareWindow *self,
             guint                position)
{
  const RubricCompareCandidate *candidate = rubric_compare_window_get_shown (self, position);
  RubricDebriefWindow *window;

  if (candidate == NULL)
    return;
  window = rubric_debrief_window_new (gtk_window_get_application (GTK_WINDOW (self)), candidate->debrief);
  gtk_window_present (GTK_WINDOW (window));
}

/* win.open-candidate(u): the debrief of the row at that position, as
 * activating the row opens it. */
static void
open_candidate_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  activate_cb (RUBRIC_COMPARE_WINDOW (widget), g_variant_get_uint32 (parameter));
}

/* ----------------------------------------------------------------- export */

/**
 * rubric_compare_window_export_to:
 *
 * Writes the comparison as @format to @file through the core's one writer
 * — unless @file is one of the files read, which it never writes.
 */
void
rubric_compare_window_export_to (RubricCompareWindow *self,
                                 RubricExportFormat   format,
                                 GFile               *file)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (RUBRIC_IS_COMPARE_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  bytes = rubric_compare_export_to_bytes (self->compare, format, RUBRIC_EXPORT_FLAGS_NONE, NULL, NULL, &error);
  rubric_report_write (GTK_WIDGET (self), self->toast_overlay, file, self->files, bytes, error, self->cancellable);
}

static void
export_to (GtkWidget          *window,
           RubricExportFormat  format,
           GFile              *file)
{
  rubric_compare_window_export_to (RUBRIC_COMPARE_WINDOW (window), format, file);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  RubricCompareWindow *self = RUBRIC_COMPARE_WINDOW (widget);
  g_autofree char *about = NULL;
  RubricExportFormat format;

  if (!rubric_export_format_parse (g_variant_get_string (parameter, NULL), &format) ||
      !rubric_compare_export_format_supported (format))
    g_return_if_reached ();

  if (self->folder != NULL)
    {
      g_autofree char *name = g_file_get_basename (self->folder);

      /* Translators: the suggested name of an exported comparison, before
       * its extension; %s is the folder's name */
      about = g_strdup_printf (_("Comparison %s"), name);
    }
  else
    about = g_strdup (_("Comparison"));
  /* Translators: the title of the file chooser that exports a comparison */
  rubric_report_ask_file (widget, _("Export Comparison"), about, format, self->cancellable, export_to);
}

/* ----------------------------------------------------------------- loading */

static void
set_loading (RubricCompareWindow *self,
             gboolean             loading)
{
  if (self->loading == loading)
    return;
  self->loading = loading;
  g_object_notify_by_pspec (G_OBJECT (self), pspecs[PROP_LOADING]);
  rebuild (self);
}

static void
loaded_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(RubricCompareWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  /* Every file's problem is in the compare, and shown; a cancelled load is
   * the window closing. */
  if (!rubric_compare_load_finish (RUBRIC_COMPARE (object), result, &error) &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  set_loading (self, FALSE);
}

/* What the worker made of the sources: the session files, and the folder
 * when the one source was a folder. */
typedef struct
{
  GPtrArray *files;
  GFile *folder;
} Listing;

static void
listing_free (Listing *listing)
{
  g_clear_pointer (&listing->files, g_ptr_array_unref);
  g_clear_object (&listing->folder);
  g_free (listing);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Listing, listing_free)

static void
list_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GPtrArray *sources = task_data;
  g_autoptr(Listing) listing = g_new0 (Listing, 1);

  listing->files = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < sources->len; i++)
    {
      GFile *source = g_ptr_array_index (sources, i);
      g_autoptr(GPtrArray) listed = NULL;
      GError *error = NULL;

      if (g_file_query_file_type (source, G_FILE_QUERY_INFO_NONE, cancellable) != G_FILE_TYPE_DIRECTORY)
        {
          g_ptr_array_add (listing->files, g_object_ref (source));
          continue;
        }
      listed = rubric_compare_list_folder (source, cancellable, &error);
      if (listed == NULL)
        {
          g_task_return_error (task, error);
          return;
        }
      g_ptr_array_extend_and_steal (listing->files, g_steal_pointer (&listed));
      if (sources->len == 1)
        listing->folder = g_object_ref (source);
    }
  g_task_return_pointer (task, g_steal_pointer (&listing), (GDestroyNotify) listing_free);
}

static void
listed_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  RubricCompareWindow *self = RUBRIC_COMPARE_WINDOW (object);
  g_autoptr(Listing) listing = NULL;
  g_autoptr(GError) error = NULL;

  listing = g_task_propagate_pointer (G_TASK (result), &error);
  if (listing == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      self->loading = FALSE;
      g_object_notify_by_pspec (G_OBJECT (self), pspecs[PROP_LOADING]);
      set_title (self);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.reload", TRUE);
      /* Translators: the compare view when its folder cannot be listed */
      adw_status_page_set_title (self->empty_page, _("Could Not Read the Folder"));
      {
        /* A status page's description is markup; the message names the
         * folder. */
        g_autofree char *description = g_markup_escape_text (error->message, -1);

        adw_status_page_set_description (self->empty_page, description);
      }
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }
  adw_status_page_set_title (self->empty_page, _("No Scorecards"));
  g_clear_pointer (&self->files, g_ptr_array_unref);
  self->files = g_steal_pointer (&listing->files);
  g_set_object (&self->folder, listing->folder);
  rubric_compare_load_async (self->compare, (GFile * const *) self->files->pdata, self->files->len,
                             self->cancellable, loaded_cb, g_object_ref (self));
}

/**
 * rubric_compare_window_open:
 * @sources: (array length=n_sources): session files and folders of them
 *
 * Lists the folders among @sources in a worker (through GIO, so a share
 * that GVfs mounts works too), then reads every session file, also in a
 * worker; the window shows them once read, with the files it could not
 * read. win.reload does it again.
 */
void
rubric_compare_window_open (RubricCompareWindow *self,
                            GFile * const       *sources,
                            guint                n_sources)
{
  g_autoptr(GTask) task = NULL;
  GPtrArray *copy;

  g_return_if_fail (RUBRIC_IS_COMPARE_WINDOW (self));
  g_return_if_fail (n_sources > 0);

  copy = g_ptr_array_new_full (n_sources, g_object_unref);
  for (guint i = 0; i < n_sources; i++)
    g_ptr_array_add (copy, g_object_ref (sources[i]));
  g_clear_pointer (&self->sources, g_ptr_array_unref);
  self->sources = copy;

  set_loading (self, TRUE);
  task = g_task_new (self, self->cancellable, listed_cb, NULL);
  g_task_set_source_tag (task, rubric_compare_window_open);
  g_task_set_task_data (task, g_ptr_array_ref (self->sources), (GDestroyNotify) g_ptr_array_unref);
  g_task_run_in_thread (task, list_thread);
}

/**
 * rubric_compare_window_load_folder:
 *
 * Opens @folder's session files as rubric_compare_window_open() does.
 */
void
rubric_compare_window_load_folder (RubricCompareWindow *self,
                                   GFile               *folder)
{
  rubric_compare_window_open (self, &folder, 1);
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  RubricCompareWindow *self = RUBRIC_COMPARE_WINDOW (widget);

  if (!self->loading && self->sources != NULL)
    rubric_compare_window_open (self, (GFile * const *) self->sources->pdata, self->sources->len);
}

RubricCompare *
rubric_compare_window_get_compare (RubricCompareWindow *self)
{
  g_return_val_if_fail (RUBRIC_IS_COMPARE_WINDOW (self), NULL);
  return self->compare;
}

/**
 * rubric_compare_window_get_shown:
 *
 * Returns: (nullable): the candidate in the table's row @position, as the
 *   table is sorted now
 */
const RubricCompareCandidate *
rubric_compare_window_get_shown (RubricCompareWindow *self,
                                 guint                position)
{
  g_autoptr(RubricCompareItem) item = NULL;

  g_return_val_if_fail (RUBRIC_IS_COMPARE_WINDOW (self), NULL);

  item = g_list_model_get_item (G_LIST_MODEL (gtk_column_view_get_model (self->table)), position);
  return item != NULL ? item_candidate (item) : NULL;
}

gboolean
rubric_compare_window_get_loading (RubricCompareWindow *self)
{
  g_return_val_if_fail (RUBRIC_IS_COMPARE_WINDOW (self), FALSE);
  return self->loading;
}

RubricCompareWindow *
rubric_compare_window_new (GtkApplication *application,
                           RubricCompare  *compare)
{
  RubricCompareWindow *self;

  g_return_val_if_fail (RUBRIC_IS_COMPARE (compare), NULL);

  self = g_object_new (RUBRIC_TYPE_COMPARE_WINDOW, "application", application, NULL);
  self->compare = g_object_ref (compare);
  rebuild (self);
  return self;
}

/* ------------------------------------------------------------------ object */

static void
rubric_compare_window_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  RubricCompareWindow *self = RUBRIC_COMPARE_WINDOW (object);

  switch (prop_id)
    {
    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;
    case PROP_SORT_BY:
      g_value_set_string (value, self->sort_by);
      break;
    case PROP_SORT_DESCENDING:
      g_value_set_boolean (value, self->sort_descending);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rubric_compare_window_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  RubricCompareWindow *self = RUBRIC_COMPARE_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SORT_BY:
      if (g_strcmp0 (self->sort_by, g_value_get_string (value)) == 0)
        return;
      g_free (self->sort_by);
      self->sort_by = g_value_dup_string (value);
      break;
    case PROP_SORT_DESCENDING:
      if (self->sort_descending == g_value_get_boolean (value))
        return;
      self->sort_descending = g_value_get_boolean (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }
  apply_sort (self);
  g_object_notify_by_pspec (object, pspec);
}

static void
rubric_compare_window_dispose (GObject *object)
{
  RubricCompareWindow *self = RUBRIC_COMPARE_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), RUBRIC_TYPE_COMPARE_WINDOW);
  G_OBJECT_CLASS (rubric_compare_window_parent_class)->dispose (object);
}

static void
rubric_compare_window_finalize (GObject *object)
{
  RubricCompareWindow *self = RUBRIC_COMPARE_WINDOW (object);

  g_clear_object (&self->compare);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->folder);
  g_clear_object (&self->items);
  g_clear_pointer (&self->files, g_ptr_array_unref);
  g_clear_pointer (&self->sources, g_ptr_array_unref);
  g_clear_pointer (&self->columns, g_ptr_array_unref);
  g_clear_pointer (&self->problem_rows, g_ptr_array_unref);
  g_clear_pointer (&self->audit_rows, g_ptr_array_unref);
  g_clear_pointer (&self->calibration_rows, g_ptr_array_unref);
  g_free (self->sort_by);
  G_OBJECT_CLASS (rubric_compare_window_parent_class)->finalize (object);
}

static void
rubric_compare_window_class_init (RubricCompareWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = rubric_compare_window_get_property;
  object_class->set_property = rubric_compare_window_set_property;
  object_class->dispose = rubric_compare_window_dispose;
  object_class->finalize = rubric_compare_window_finalize;

  pspecs[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The column the table is sorted by: "candidate", "score",
   * "recommendation", "audit", or "topic:ID". */
  pspecs[PROP_SORT_BY] =
    g_param_spec_string ("sort-by", NULL, NULL, "score",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  pspecs[PROP_SORT_DESCENDING] =
    g_param_spec_boolean ("sort-descending", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, pspecs);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/rubricapp/Rubric/rubric-compare-window.ui");
  gtk_widget_class_bind_template_child (widget_class, RubricCompareWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, RubricCompareWindow, switcher);
  gtk_widget_class_bind_template_child (widget_class, RubricCompareWindow, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, RubricCompareWindow, views);
  gtk_widget_class_bind_template_child (widget_class, RubricCompareWindow, sort_button);
  gtk_widget_class_bind_template_child (widget_class, RubricCompareWindow, blind_banner);
  gtk_widget_class_bind_template_child (widget_class, RubricCompareWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, RubricCompareWindow, loading_page);
  gtk_widget_class_bind_template_child (widget_class, RubricCompareWindow, empty_page);
  gtk_widget_class_bind_template_child (widget_class, RubricCompareWindow, empty_problems_group);
  gtk_widget_class_bind_template_child (widget_class, RubricCompareWindow, problems_group);
  gtk_widget_class_bind_template_child (widget_class, RubricCompareWindow, table_description);
  gtk_widget_class_bind_template_child (widget_class, RubricCompareWindow, table);
  gtk_widget_class_bind_template_child (widget_class, RubricCompareWindow, sort_topics_section);
  gtk_widget_class_bind_template_child (widget_class, RubricCompareWindow, audit_group);
  gtk_widget_class_bind_template_child (widget_class, RubricCompareWindow, calibration_group);
  gtk_widget_class_bind_template_callback (widget_class, activate_cb);

  gtk_widget_class_install_action (widget_class, "win.export", "s", export_action);
  gtk_widget_class_install_action (widget_class, "win.reload", NULL, reload_action);
  gtk_widget_class_install_action (widget_class, "win.open-candidate", "u", open_candidate_action);
  gtk_widget_class_install_property_action (widget_class, "win.sort-by", "sort-by");
  gtk_widget_class_install_property_action (widget_class, "win.sort-descending", "sort-descending");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "win.reload", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "win.reload", NULL);
}

/* Sorting is the table's: its button only with the table. */
static void
view_changed_cb (RubricCompareWindow *self)
{
  gtk_widget_set_visible (self->sort_button,
                          g_strcmp0 (adw_view_stack_get_visible_child_name (self->views), "candidates") == 0);
}

static void
rubric_compare_window_init (RubricCompareWindow *self)
{
  g_autoptr(GtkSortListModel) sorted = NULL;
  g_autoptr(GtkNoSelection) selection = NULL;
  g_autoptr(AdwSpinnerPaintable) spinner = NULL;

  self->cancellable = g_cancellable_new ();
  self->sort_by = g_strdup ("score");
  self->sort_descending = TRUE;
  self->items = g_list_store_new (RUBRIC_TYPE_COMPARE_ITEM);
  self->columns = g_ptr_array_new_with_free_func (g_object_unref);
  self->problem_rows = g_ptr_array_new ();
  self->audit_rows = g_ptr_array_new ();
  self->calibration_rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  rubric_wrap_within (GTK_WIDGET (self));
  self->problems_in = self->problems_group;
  spinner = adw_spinner_paintable_new (GTK_WIDGET (self->loading_page));
  adw_status_page_set_paintable (self->loading_page, GDK_PAINTABLE (spinner));

  adw_banner_set_title (self->blind_banner, rubric_debrief_get_blind_text ());
  sorted = gtk_sort_list_model_new (G_LIST_MODEL (g_object_ref (self->items)),
                                    g_object_ref (gtk_column_view_get_sorter (self->table)));
  selection = gtk_no_selection_new (G_LIST_MODEL (g_steal_pointer (&sorted)));
  gtk_column_view_set_model (self->table, GTK_SELECTION_MODEL (selection));
  g_signal_connect_object (self->views, "notify::visible-child-name",
                           G_CALLBACK (view_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_column_view_get_sorter (self->table), "changed",
                           G_CALLBACK (sorter_changed_cb), self, G_CONNECT_SWAPPED);
}
