/* rubric-compare.c — candidates for one role, compared
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A compare is made in two steps. Loading reads the files one at a time
 * into one debrief per candidate (rubric_debrief_load_grouped(): the
 * matching rules and the blind rule are the debrief's), then chooses the
 * role's plan — the one most counted sessions ran — and leaves the others
 * out. The figures (the candidates' cells, tallies and audits, the
 * interviewers' calibration) are then worked out from the debriefs alone,
 * and again when the user's own name changes. Nothing here writes to a
 * file. docs/compare.md says every rule.
 */

#define G_LOG_DOMAIN "rubric-compare"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "rubric-check.h"
#include "rubric-compare.h"
#include "rubric-debrief-private.h"
#include "rubric-file.h"
#include "rubric-pacing.h"

/* Differences this close to a threshold are on it: the means are sums of
 * small whole numbers divided, never exact in binary. */
#define EPSILON 1e-9

/* What a load leaves: the debriefs and the plan; then the figures. */
typedef struct
{
  GPtrArray *debriefs;       /* RubricDebrief, one a candidate, in the order of load_grouped */
  GPtrArray *problems;       /* RubricDebriefProblem */
  gboolean   planned;        /* the role's plan is a plan, not "no plan" */
  char      *role;
  char      *plan_name;      /* NULL without a plan */
  char      *plan_text;
  GPtrArray *topic_ids;      /* char *, the compared topics */
  GPtrArray *topic_titles;

  /* The figures, made by compute() */
  RubricCompareCandidate   *candidates;
  guint                     n_candidates;
  RubricCompareInterviewer *interviewers;
  guint                     n_interviewers;
  GPtrArray                *strings;   /* every text the figures own */
} Model;

struct _RubricCompare
{
  GObject parent_instance;

  RubricKit *kit;
  char *me;
  gboolean loading;
  Model *model;
};

G_DEFINE_FINAL_TYPE (RubricCompare, rubric_compare, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_LOADING,
  N_PROPS
};

enum {
  SIGNAL_CHANGED,
  N_SIGNALS
};

static GParamSpec *pspecs[N_PROPS];
static guint signals[N_SIGNALS];

/* ---------------------------------------------------------------- model */

static void
clear_figures (Model *model)
{
  for (guint c = 0; c < model->n_candidates; c++)
    {
      g_free (model->candidates[c].cells);
      g_free ((RubricCompareAudit *) model->candidates[c].audit);
    }
  g_clear_pointer (&model->candidates, g_free);
  g_clear_pointer (&model->interviewers, g_free);
  model->n_candidates = model->n_interviewers = 0;
  g_ptr_array_set_size (model->strings, 0);
}

static void
model_free (Model *model)
{
  if (model == NULL)
    return;
  clear_figures (model);
  g_ptr_array_unref (model->strings);
  g_ptr_array_unref (model->debriefs);
  g_ptr_array_unref (model->problems);
  g_ptr_array_unref (model->topic_ids);
  g_ptr_array_unref (model->topic_titles);
  g_free (model->role);
  g_free (model->plan_name);
  g_free (model->plan_text);
  g_free (model);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Model, model_free)

static Model *
model_new (void)
{
  Model *model = g_new0 (Model, 1);

  model->debriefs = g_ptr_array_new_with_free_func (g_object_unref);
  model->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) rubric_debrief_problem_free);
  model->topic_ids = g_ptr_array_new_with_free_func (g_free);
  model->topic_titles = g_ptr_array_new_with_free_func (g_free);
  model->strings = g_ptr_array_new_with_free_func (g_free);
  model->role = g_strdup ("");
  model->candidates = g_new0 (RubricCompareCandidate, 1);
  model->interviewers = g_new0 (RubricCompareInterviewer, 1);
  return model;
}

/* TEXT, kept by the model until the figures are made again. */
static const char *
keep (Model *model,
      char  *text)
{
  g_ptr_array_add (model->strings, text);
  return text;
}

/* ------------------------------------------------------------ the plan */

/* Which plan a session ran, as the choice compares it. */
static char *
plan_key (RubricDebrief *debrief,
          guint          i)
{
  const char *id = _rubric_debrief_get_plan_id (debrief, i);
  const char *hash = _rubric_debrief_get_plan_hash (debrief, i);

  return g_strconcat (_rubric_debrief_get_kit_id (debrief, i), "\n", id != NULL ? id : "", "\n",
                      hash != NULL ? hash : "", NULL);
}

/* A plan the sessions ran, how many, and the first that did. */
typedef struct
{
  char  *key;
  guint  count;
  guint  debrief, index;
} PlanCount;

static void
plan_count_clear (PlanCount *plan)
{
  g_free (plan->key);
}

/* The plan of the most counted sessions (the first seen on a tie; of all
 * sessions when none is counted). Returns a session that ran it. */
static gboolean
choose_plan (GPtrArray      *debriefs,
             RubricDebrief **chosen,
             guint          *chosen_index)
{
  for (int pass = 0; pass < 2; pass++)
    {
      g_autoptr(GArray) plans = g_array_new (FALSE, FALSE, sizeof (PlanCount));
      PlanCount *best = NULL;

      g_array_set_clear_func (plans, (GDestroyNotify) plan_count_clear);
      for (guint d = 0; d < debriefs->len; d++)
        {
          RubricDebrief *debrief = g_ptr_array_index (debriefs, d);

          for (guint i = 0; i < rubric_debrief_get_n_interviewers (debrief); i++)
            {
              g_autofree char *key = NULL;
              guint k;

              if (pass == 0 && !rubric_debrief_get_interviewer (debrief, i)->counted)
                continue;
              key = plan_key (debrief, i);
              for (k = 0; k < plans->len; k++)
                if (g_str_equal (g_array_index (plans, PlanCount, k).key, key))
                  break;
              if (k == plans->len)
                {
                  PlanCount plan = { g_steal_pointer (&key), 0, d, i };

                  g_array_append_val (plans, plan);
                }
              g_array_index (plans, PlanCount, k).count++;
            }
        }
      for (guint k = 0; k < plans->len; k++)
        if (best == NULL || g_array_index (plans, PlanCount, k).count > best->count)
          best = &g_array_index (plans, PlanCount, k);
      if (best != NULL)
        {
          *chosen = g_ptr_array_index (debriefs, best->debrief);
          *chosen_index = best->index;
          return TRUE;
        }
    }
  return FALSE;
}

/* Why a session is left out: it ran PLAN_NAME (NULL: none) of KIT_ID, not
 * the role's plan. */
static char *
other_plan_message (const char *plan_name,
                    const char *kit_id,
                    const char *chosen_plan_name,
                    const char *chosen_kit_id)
{
  if (!g_str_equal (kit_id, chosen_kit_id))
    /* The debrief's words for the same (rubric-debrief.c). */
    return g_strdup_printf (_("made with the kit “%s”, not “%s” like the others: left out"), kit_id, chosen_kit_id);
  if (plan_name == NULL)
    /* Translators: why a session file is left out of a compare of
     * candidates: %s is the plan most of the sessions ran */
    return g_strdup_printf (_("run without a plan, not with “%s” like most: left out"), chosen_plan_name);
  if (chosen_plan_name == NULL)
    /* Translators: why a session file is left out of a compare of
     * candidates: %s is the plan it ran; most of the sessions ran none */
    return g_strdup_printf (_("run with the plan “%s”, not without a plan like most: left out"), plan_name);
  if (g_str_equal (plan_name, chosen_plan_name))
    /* Translators: why a session file is left out of a compare of
     * candidates: %s is the plan; it was changed between the interviews */
    return g_strdup_printf (_("run with another edition of the plan “%s” than most (its SHA-256 differs): left out"),
                            plan_name);
  /* Translators: why a session file is left out of a compare of
   * candidates: the first %s is the plan it ran, the second the plan
   * most of the sessions ran */
  return g_strdup_printf (_("run with the plan “%s”, not “%s” like most: left out"),
                          plan_name, chosen_plan_name);
}

/* Leaves out every session of another plan than the role's; a candidate
 * without a session left goes. */
static void
keep_plan (Model         *model,
           RubricDebrief *chosen,
           guint          chosen_index)
{
  g_autofree char *key = plan_key (chosen, chosen_index);
  const RubricSummary *summary = _rubric_debrief_get_summary (chosen, chosen_index);
  g_autofree char *kit_id = g_strdup (_rubric_debrief_get_kit_id (chosen, chosen_index));

  model->planned = summary->plan_name != NULL;
  model->plan_name = g_strdup (summary->plan_name);
  model->plan_text = g_strdup (summary->plan_text);

  for (guint d = 0; d < model->debriefs->len; d++)
    {
      RubricDebrief *debrief = g_ptr_array_index (model->debriefs, d);
      g_autoptr(GArray) out = g_array_new (FALSE, FALSE, sizeof (guint));

      for (guint i = 0; i < rubric_debrief_get_n_interviewers (debrief); i++)
        {
          g_autofree char *other = plan_key (debrief, i);
          RubricDebriefProblem *problem;
          g_autofree char *message = NULL;

          if (g_str_equal (other, key))
            continue;
          message = other_plan_message (_rubric_debrief_get_summary (debrief, i)->plan_name,
                                        _rubric_debrief_get_kit_id (debrief, i), model->plan_name, kit_id);
          problem = g_new0 (RubricDebriefProblem, 1);
          problem->error = TRUE;
          problem->file = g_strdup (rubric_debrief_get_interviewer (debrief, i)->file);
          problem->text = rubric_check_format_problem (problem->file, message);
          g_ptr_array_add (model->problems, problem);
          g_array_append_val (out, i);
        }
      for (guint k = out->len; k > 0; k--)
        _rubric_debrief_remove_interviewer (debrief, g_array_index (out, guint, k - 1));
      if (rubric_debrief_get_n_interviewers (debrief) == 0)
        g_ptr_array_remove_index (model->debriefs, d--);
    }
}

/* The compared topics: the plan's, in its order; without one, the kit's. */
static void
choose_topics (Model *model)
{
  RubricDebrief *first;
  const char * const *plan_topics;

  if (model->debriefs->len == 0)
    return;
  first = g_ptr_array_index (model->debriefs, 0);
  plan_topics = _rubric_debrief_get_plan_topics (first, 0);
  for (guint t = 0; t < rubric_debrief_get_n_topics (first); t++)
    {
      const RubricDebriefTopic *topic = rubric_debrief_get_topic (first, t);

      if (model->planned)
        continue;
      g_ptr_array_add (model->topic_ids, g_strdup (topic->id));
      g_ptr_array_add (model->topic_titles, g_strdup (topic->title));
    }
  for (guint p = 0; model->planned && plan_topics[p] != NULL; p++)
    for (guint t = 0; t < rubric_debrief_get_n_topics (first); t++)
      {
        const RubricDebriefTopic *topic = rubric_debrief_get_topic (first, t);

        if (!g_str_equal (topic->id, plan_topics[p]))
          continue;
        g_ptr_array_add (model->topic_ids, g_strdup (topic->id));
        g_ptr_array_add (model->topic_titles, g_strdup (topic->title));
      }
}

/* Reads FILES into a model: on this thread (a worker's for _async). */
static Model *
load_model (RubricKit     *kit,
            GFile * const *files,
            guint          n_files,
            const char    *me,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autoptr(Model) model = model_new ();
  g_autoptr(GPtrArray) debriefs = NULL;
  RubricDebrief *chosen = NULL;
  guint chosen_index = 0;

  debriefs = rubric_debrief_load_grouped (kit, files, n_files, me, model->problems, cancellable, error);
  if (debriefs == NULL)
    return NULL;
  g_ptr_array_extend_and_steal (model->debriefs, g_steal_pointer (&debriefs));

  /* The matching rules' warnings (an older scorecard of one interviewer). */
  for (guint d = 0; d < model->debriefs->len; d++)
    {
      RubricDebrief *debrief = g_ptr_array_index (model->debriefs, d);

      for (guint p = 0; p < rubric_debrief_get_n_problems (debrief); p++)
        {
          const RubricDebriefProblem *problem = rubric_debrief_get_problem (debrief, p);
          RubricDebriefProblem *copy = g_new0 (RubricDebriefProblem, 1);

          copy->error = problem->error;
          copy->file = g_strdup (problem->file);
          copy->text = g_strdup (problem->text);
          g_ptr_array_add (model->problems, copy);
        }
    }

  if (choose_plan (model->debriefs, &chosen, &chosen_index))
    {
      g_object_ref (chosen);
      keep_plan (model, chosen, chosen_index);
      g_object_unref (chosen);
    }
  choose_topics (model);

  for (guint d = 0; d < model->debriefs->len; d++)
    {
      const char *role = rubric_debrief_get_role (g_ptr_array_index (model->debriefs, d));

      if (*role != '\0')
        {
          g_free (model->role);
          model->role = g_strdup (role);
          break;
        }
    }
  return g_steal_pointer (&model);
}

/* ------------------------------------------------------------- figures */

/* The counted recommendations' median, rounded towards "No" when it falls
 * between two (docs/compare.md). */
static RubricRecommendation
median_recommendation (const guint *tally)
{
  g_autoptr(GArray) values = g_array_new (FALSE, FALSE, sizeof (int));
  int a, b, sum;

  for (int r = RUBRIC_RECOMMENDATION_STRONG_NO; r <= RUBRIC_RECOMMENDATION_STRONG_YES; r++)
    for (guint k = 0; k < tally[r]; k++)
      g_array_append_val (values, r);
  if (values->len == 0)
    return RUBRIC_RECOMMENDATION_NONE;
  a = g_array_index (values, int, (values->len - 1) / 2);
  b = g_array_index (values, int, values->len / 2);
  sum = a + b;
  if (sum % 2 == 0)
    return sum / 2;
  /* Between two: the one nearer "No". */
  return sum > 2 * RUBRIC_RECOMMENDATION_NO ? sum / 2 : sum / 2 + 1;
}

/* "2 Yes · 1 No", strongest for first. */
static char *
tally_text (const guint *tally)
{
  static const RubricRecommendation order[] = {
    RUBRIC_RECOMMENDATION_STRONG_YES, RUBRIC_RECOMMENDATION_YES, RUBRIC_RECOMMENDATION_NO,
    RUBRIC_RECOMMENDATION_STRONG_NO, RUBRIC_RECOMMENDATION_NONE,
  };
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      guint n = tally[order[i]];

      if (n == 0)
        continue;
      if (text->len > 0)
        g_string_append (text, " · ");
      /* Translators: how many of a candidate's interviewers recommend
       * one thing, in a compare of candidates, e.g. "2 Strong yes"; %s
       * is the recommendation */
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u %s", "%u %s", n), n,
                              rubric_recommendation_get_label (order[i]));
    }
  if (text->len == 0)
    /* Translators: in a compare of candidates, a candidate without any
     * counted scorecard */
    g_string_append (text, _("No recommendation"));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static gboolean
is_asked (RubricSummaryStatus status)
{
  return status == RUBRIC_SUMMARY_RATED || status == RUBRIC_SUMMARY_NOT_RATED;
}

/* The debrief's index of the topic ID, or -1. */
static int
find_topic (RubricDebrief *debrief,
            const char    *id)
{
  for (guint t = 0; t < rubric_debrief_get_n_topics (debrief); t++)
    if (g_str_equal (rubric_debrief_get_topic (debrief, t)->id, id))
      return t;
  return -1;
}

static const RubricSummaryQuestion *
summary_question (RubricDebrief *debrief,
                  guint          i,
                  guint          q)
{
  const RubricSummary *summary = _rubric_debrief_get_summary (debrief, i);
  const RubricDebriefQuestion *question = rubric_debrief_get_question (debrief, q);
  const RubricDebriefTopic *topic = rubric_debrief_get_topic (debrief, question->topic);
  const RubricSummaryTopic *st = g_ptr_array_index (summary->topics, question->topic);

  return g_ptr_array_index (st->questions, q - topic->first_question);
}

/* A cell: the panel's score of the topic, and its time against the plan. */
static void
make_cell (RubricDebrief     *debrief,
           const char        *topic_id,
           RubricCompareCell *cell,
           gboolean          *under)
{
  int t = find_topic (debrief, topic_id);
  const RubricDebriefTopic *topic;
  gint64 total = 0;
  guint timed = 0;

  *under = FALSE;
  if (t < 0)
    return;
  topic = rubric_debrief_get_topic (debrief, t);
  cell->has_score = topic->has_mean;
  cell->score = topic->mean;
  cell->disagreement = topic->disagreement;
  for (guint i = 0; i < rubric_debrief_get_n_interviewers (debrief); i++)
    {
      const RubricSummaryTopic *st = g_ptr_array_index (_rubric_debrief_get_summary (debrief, i)->topics, t);

      if (i == 0)
        {
          cell->has_budget = st->has_budget;
          cell->budget = st->budget;
        }
      if (!rubric_debrief_get_interviewer (debrief, i)->counted || st->elapsed <= 0)
        continue;
      total += st->elapsed;
      timed++;
    }
  cell->has_time = timed > 0;
  cell->elapsed = timed > 0 ? (total + timed / 2) / timed : 0;
  if (cell->has_time && cell->has_budget)
    {
      cell->over = cell->elapsed * 4 >= cell->budget * 5;
      *under = cell->elapsed * 4 <= cell->budget * 3;
    }
}

/* "Caching: 15 of 10 min on average, over by 5 min" */
static char *
time_line (const char              *title,
           const RubricCompareCell *cell)
{
  g_autofree char *budget = rubric_pacing_format_minutes (cell->budget);
  g_autofree char *difference = rubric_pacing_format_minutes (ABS (cell->elapsed - cell->budget));
  int spent = (int) ((cell->elapsed + 30) / 60);

  if (cell->over)
    /* Translators: an audit line of a compare of candidates: a topic's
     * mean time over the panel against its budget, e.g. "Caching: 15 of
     * 10 min on average, over by 5 min"; %d is whole minutes */
    return g_strdup_printf (_("%s: %d of %s on average, over by %s"), title, spent, budget, difference);
  /* Translators: an audit line of a compare of candidates: a topic's mean
   * time over the panel against its budget, e.g. "Caching: 4 of 10 min on
   * average, under by 6 min"; %d is whole minutes */
  return g_strdup_printf (_("%s: %d of %s on average, under by %s"), title, spent, budget, difference);
}

/* Audit lines of planned questions nobody asked, and of questions asked
 * outside the plan. */
static void
audit_questions (Model         *model,
                 RubricDebrief *debrief,
                 GArray        *audit)
{
  g_autoptr(GPtrArray) not_asked = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) unplanned = g_ptr_array_new_with_free_func (g_free);
  guint n = rubric_debrief_get_n_interviewers (debrief);

  for (guint q = 0; q < rubric_debrief_get_n_questions (debrief); q++)
    {
      const RubricDebriefQuestion *question = rubric_debrief_get_question (debrief, q);
      const char *title = rubric_debrief_get_topic (debrief, question->topic)->title;
      gboolean outside = FALSE;
      g_autofree char *heading = NULL;
      char *item;

      for (guint i = 0; i < n; i++)
        outside |= rubric_debrief_get_interviewer (debrief, i)->counted && is_asked (question->answers[i].status) &&
                   summary_question (debrief, i, q)->unplanned;
      if (!outside && (question->n_asked > 0 || !summary_question (debrief, 0, q)->planned))
        continue;
      /* Not the summary's heading, which says "(asked unplanned)". */
      heading = rubric_summary_question_heading (summary_question (debrief, 0, q)->follow_up);
      /* Translators: a question in an audit line, "Caching · Follow-up 1" */
      item = g_strdup_printf (C_("audit", "%s · %s"), title, heading);
      g_ptr_array_add (outside ? unplanned : not_asked, item);
    }
  g_ptr_array_add (not_asked, NULL);
  g_ptr_array_add (unplanned, NULL);
  if (not_asked->len > 1)
    {
      g_autofree char *list = g_strjoinv (", ", (char **) not_asked->pdata);
      /* Translators: an audit line of a compare of candidates: the planned
       * questions no interviewer asked this candidate, e.g. "Not asked by
       * anyone: Caching · Follow-up 1, Security · Main question" */
      RubricCompareAudit line = { RUBRIC_COMPARE_AUDIT_QUESTIONS,
                                  keep (model, g_strdup_printf (_("Not asked by anyone: %s"), list)) };

      g_array_append_val (audit, line);
    }
  if (unplanned->len > 1)
    {
      g_autofree char *list = g_strjoinv (", ", (char **) unplanned->pdata);
      /* Translators: an audit line of a compare of candidates: questions
       * asked this candidate that the plan does not have, e.g. "Asked
       * outside the plan: Query optimisation · Follow-up 2" */
      RubricCompareAudit line = { RUBRIC_COMPARE_AUDIT_UNPLANNED,
                                  keep (model, g_strdup_printf (_("Asked outside the plan: %s"), list)) };

      g_array_append_val (audit, line);
    }
}

/* The share of planned follow-ups each counted interviewer asked,
 * averaged; FALSE when none had any to ask. */
static gboolean
follow_ups (RubricDebrief *debrief,
            double        *share)
{
  double sum = 0.0;
  guint n = 0;

  for (guint i = 0; i < rubric_debrief_get_n_interviewers (debrief); i++)
    {
      const RubricSummary *summary = _rubric_debrief_get_summary (debrief, i);
      guint planned = 0, asked = 0;

      if (!rubric_debrief_get_interviewer (debrief, i)->counted)
        continue;
      for (guint t = 0; t < summary->topics->len; t++)
        {
          const RubricSummaryTopic *st = g_ptr_array_index (summary->topics, t);

          for (guint j = 0; j < st->questions->len; j++)
            {
              const RubricSummaryQuestion *sq = g_ptr_array_index (st->questions, j);

              if (sq->main || !sq->planned)
                continue;
              planned++;
              asked += is_asked (sq->status);
            }
        }
      if (planned == 0)
        continue;
      sum += (double) asked / planned;
      n++;
    }
  *share = n > 0 ? sum / n : 0.0;
  return n > 0;
}

/* One candidate's figures but those that need the others (FOLLOW_UPS,
 * PANEL). */
static void
make_candidate (Model                  *model,
                RubricDebrief          *debrief,
                RubricCompareCandidate *c,
                gboolean               *has_follow_ups,
                GArray                 *audit)
{
  guint n_topics = model->topic_ids->len;
  double total = 0.0;
  guint scored = 0;

  c->candidate = rubric_debrief_get_candidate (debrief);
  c->role = rubric_debrief_get_role (debrief);
  c->debrief = debrief;
  c->n_interviewers = rubric_debrief_get_n_interviewers (debrief);
  c->mixed = rubric_debrief_get_mixed (debrief);
  for (guint i = 0; i < c->n_interviewers; i++)
    {
      const RubricDebriefInterviewer *who = rubric_debrief_get_interviewer (debrief, i);

      if (!who->counted)
        continue;
      c->n_counted++;
      c->tally[who->recommendation]++;
      if (who->has_score)
        {
          total += who->score;
          scored++;
        }
    }
  c->has_score = scored > 0;
  c->score = scored > 0 ? total / scored : 0.0;
  c->recommendation = median_recommendation (c->tally);
  c->tally_text = keep (model, tally_text (c->tally));
  for (guint q = 0; q < rubric_debrief_get_n_questions (debrief); q++)
    c->questions_asked += rubric_debrief_get_question (debrief, q)->n_asked > 0;
  *has_follow_ups = follow_ups (debrief, &c->follow_ups_asked);

  c->cells = g_new0 (RubricCompareCell, MAX (n_topics, 1));
  if (c->n_counted > 0 && model->planned)
    audit_questions (model, debrief, audit);
  for (guint t = 0; t < n_topics; t++)
    {
      gboolean under;

      make_cell (debrief, g_ptr_array_index (model->topic_ids, t), &c->cells[t], &under);
      if (c->cells[t].over || under)
        {
          RubricCompareAudit line = { RUBRIC_COMPARE_AUDIT_TIME,
                                      keep (model, time_line (g_ptr_array_index (model->topic_titles, t),
                                                              &c->cells[t])) };

          g_array_append_val (audit, line);
        }
    }
}

/* The role's usual panel: the most common number of counted scorecards
 * (the larger on a tie). */
static guint
usual_panel (const RubricCompareCandidate *candidates,
             guint                         n)
{
  guint usual = 0, best = 0;

  for (guint c = 0; c < n; c++)
    {
      guint count = 0;

      for (guint k = 0; k < n; k++)
        count += candidates[k].n_counted == candidates[c].n_counted;
      if (count > best || (count == best && candidates[c].n_counted > usual))
        {
          best = count;
          usual = candidates[c].n_counted;
        }
    }
  return usual;
}

typedef struct
{
  const char *name;
  const char *key;
  guint       n_candidates;
  guint       n_ratings;
  double      sum, squares;
  guint       n_shared;
  double      offsets;
} Calibration;

static int
compare_calibration (gconstpointer a,
                     gconstpointer b)
{
  const Calibration *x = *(Calibration * const *) a, *y = *(Calibration * const *) b;

  return strcmp (x->key, y->key);
}

static const char *
calibration_text (Model                          *model,
                  const RubricCompareInterviewer *who)
{
  g_autofree char *number = NULL;

  if (!who->has_offset)
    /* Translators: an interviewer's calibration, when they never sat on a
     * counted panel with another interviewer */
    return _("No shared candidates yet");
  if (fabs (who->offset) + EPSILON < 0.25)
    /* Translators: an interviewer's calibration: their overall scores are
     * within a quarter point of the other interviewers' */
    return keep (model, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "In line with the panel across %u candidate",
                                                      "In line with the panel across %u candidates", who->n_shared),
                                         who->n_shared));
  number = rubric_summary_format_number (fabs (who->offset));
  if (who->offset > 0)
    /* Translators: an interviewer's calibration, e.g. "Rates 0.8 above the
     * panel on average across 6 candidates"; %s is a score difference */
    return keep (model, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                      "Rates %s above the panel on average across %u candidate",
                                                      "Rates %s above the panel on average across %u candidates",
                                                      who->n_shared),
                                         number, who->n_shared));
  /* Translators: an interviewer's calibration, e.g. "Rates 0.8 below the
   * panel on average across 6 candidates"; %s is a score difference */
  return keep (model, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                    "Rates %s below the panel on average across %u candidate",
                                                    "Rates %s below the panel on average across %u candidates",
                                                    who->n_shared),
                                       number, who->n_shared));
}

/* Each interviewer's ratings and overall scores against the panels they
 * sat on, counted scorecards only. */
static void
make_calibration (Model *model)
{
  g_autoptr(GHashTable) by_key = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_autoptr(GPtrArray) all = g_ptr_array_new ();

  for (guint d = 0; d < model->debriefs->len; d++)
    {
      RubricDebrief *debrief = g_ptr_array_index (model->debriefs, d);
      guint n = rubric_debrief_get_n_interviewers (debrief);

      for (guint i = 0; i < n; i++)
        {
          const RubricDebriefInterviewer *who = rubric_debrief_get_interviewer (debrief, i);
          const char *key = _rubric_debrief_get_interviewer_key (debrief, i);
          Calibration *cal;
          double others = 0.0;
          guint n_others = 0;

          if (!who->counted)
            continue;
          cal = g_hash_table_lookup (by_key, key);
          if (cal == NULL)
            {
              cal = g_new0 (Calibration, 1);
              cal->key = key;
              cal->name = *who->name != '\0' ? who->name : who->file;
              g_hash_table_insert (by_key, (char *) key, cal);
              g_ptr_array_add (all, cal);
            }
          cal->n_candidates++;
          for (guint q = 0; q < rubric_debrief_get_n_questions (debrief); q++)
            {
              const RubricDebriefAnswer *answer = &rubric_debrief_get_question (debrief, q)->answers[i];

              if (answer->status != RUBRIC_SUMMARY_RATED)
                continue;
              cal->n_ratings++;
              cal->sum += answer->rating;
              cal->squares += answer->rating * answer->rating;
            }
          for (guint j = 0; j < n; j++)
            {
              const RubricDebriefInterviewer *other = rubric_debrief_get_interviewer (debrief, j);

              if (j != i && other->counted && other->has_score)
                {
                  others += other->score;
                  n_others++;
                }
            }
          if (who->has_score && n_others > 0)
            {
              cal->n_shared++;
              cal->offsets += who->score - others / n_others;
            }
        }
    }

  g_ptr_array_sort (all, compare_calibration);
  model->n_interviewers = all->len;
  model->interviewers = g_new0 (RubricCompareInterviewer, MAX (all->len, 1));
  for (guint k = 0; k < all->len; k++)
    {
      Calibration *cal = g_ptr_array_index (all, k);
      RubricCompareInterviewer *who = &model->interviewers[k];

      who->name = cal->name;
      who->n_candidates = cal->n_candidates;
      who->n_ratings = cal->n_ratings;
      if (cal->n_ratings > 0)
        {
          who->mean = cal->sum / cal->n_ratings;
          who->spread = sqrt (MAX (cal->squares / cal->n_ratings - who->mean * who->mean, 0.0));
        }
      who->has_offset = cal->n_shared > 0;
      who->n_shared = cal->n_shared;
      who->offset = cal->n_shared > 0 ? cal->offsets / cal->n_shared : 0.0;
      who->text = calibration_text (model, who);
    }
}

/* Every figure, from the debriefs as they are now. */
static void
compute (Model *model)
{
  guint n = model->debriefs->len;
  g_autofree gboolean *has_follow_ups = g_new0 (gboolean, MAX (n, 1));
  g_autoptr(GPtrArray) audits = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  double follow_up_sum = 0.0;
  guint follow_up_n = 0, usual;

  clear_figures (model);
  model->n_candidates = n;
  model->candidates = g_new0 (RubricCompareCandidate, MAX (n, 1));
  for (guint c = 0; c < n; c++)
    {
      GArray *audit = g_array_new (FALSE, FALSE, sizeof (RubricCompareAudit));

      g_ptr_array_add (audits, audit);
      make_candidate (model, g_ptr_array_index (model->debriefs, c), &model->candidates[c], &has_follow_ups[c], audit);
      if (has_follow_ups[c])
        {
          follow_up_sum += model->candidates[c].follow_ups_asked;
          follow_up_n++;
        }
    }

  usual = usual_panel (model->candidates, n);
  for (guint c = 0; c < n; c++)
    {
      RubricCompareCandidate *candidate = &model->candidates[c];
      GArray *audit = g_ptr_array_index (audits, c);
      double mean = follow_up_n > 0 ? follow_up_sum / follow_up_n : 0.0;

      if (has_follow_ups[c] && fabs (candidate->follow_ups_asked - mean) + EPSILON >= 0.25)
        {
          /* Translators: an audit line of a compare of candidates: the
           * share of planned follow-ups this candidate's interviewers
           * asked, against the mean over all candidates, e.g.
           * "Follow-ups: 40 % asked, against 75 % across candidates" */
          RubricCompareAudit line = { RUBRIC_COMPARE_AUDIT_FOLLOW_UPS,
                                      keep (model, g_strdup_printf (_("Follow-ups: %d %% asked, against %d %% across candidates"),
                                                                    (int) round (candidate->follow_ups_asked * 100),
                                                                    (int) round (mean * 100))) };

          g_array_append_val (audit, line);
        }
      if (candidate->n_counted < usual)
        {
          /* Translators: an audit line of a compare of candidates: fewer
           * counted scorecards than most candidates have, e.g. "3 sealed
           * scorecards, against 4 for most candidates" */
          RubricCompareAudit line = { RUBRIC_COMPARE_AUDIT_PANEL,
                                      keep (model, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                                                 "%u sealed scorecard, against %u for most candidates",
                                                                                 "%u sealed scorecards, against %u for most candidates",
                                                                                 candidate->n_counted),
                                                                    candidate->n_counted, usual)) };

          g_array_append_val (audit, line);
        }
      candidate->n_audit = audit->len;
      candidate->audit = g_memdup2 (audit->data, audit->len * sizeof (RubricCompareAudit));
    }

  make_calibration (model);
}

/* ---------------------------------------------------------------- object */

static void
set_model (RubricCompare *self,
           Model         *model)
{
  g_clear_pointer (&self->model, model_free);
  self->model = model;
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

static void
rubric_compare_finalize (GObject *object)
{
  RubricCompare *self = RUBRIC_COMPARE (object);

  g_clear_pointer (&self->model, model_free);
  g_clear_object (&self->kit);
  g_free (self->me);

  G_OBJECT_CLASS (rubric_compare_parent_class)->finalize (object);
}

static void
rubric_compare_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  RubricCompare *self = RUBRIC_COMPARE (object);

  switch (prop_id)
    {
    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rubric_compare_class_init (RubricCompareClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rubric_compare_finalize;
  object_class->get_property = rubric_compare_get_property;

  /* Files are being read in a worker (rubric_compare_load_async()). */
  pspecs[PROP_LOADING] = g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                                               G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, pspecs);

  /* The figures were made again: after a load, or a change of "me". */
  signals[SIGNAL_CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
rubric_compare_init (RubricCompare *self)
{
  self->model = model_new ();
}

/**
 * rubric_compare_new:
 * @kit: (nullable): the kit to read the sessions against (the bundled one)
 *
 * Returns: (transfer full): an empty compare; load files into it
 */
RubricCompare *
rubric_compare_new (RubricKit *kit)
{
  RubricCompare *self;

  g_return_val_if_fail (kit == NULL || RUBRIC_IS_KIT (kit), NULL);

  self = g_object_new (RUBRIC_TYPE_COMPARE, NULL);
  self->kit = kit != NULL ? g_object_ref (kit) : NULL;
  return self;
}

/**
 * rubric_compare_set_me:
 * @interviewer: (nullable): the user's interviewer name
 *
 * The blind rule, candidate by candidate: while the user's own scorecard
 * of a candidate is not sealed, the others' are hidden, and not counted.
 * Makes the figures again; the role's plan stays the one chosen when the
 * files were loaded.
 */
void
rubric_compare_set_me (RubricCompare *self,
                       const char    *interviewer)
{
  g_return_if_fail (RUBRIC_IS_COMPARE (self));

  if (g_strcmp0 (self->me, interviewer) == 0)
    return;
  g_free (self->me);
  self->me = g_strdup (interviewer);
  if (self->loading)
    return;
  for (guint d = 0; d < self->model->debriefs->len; d++)
    rubric_debrief_set_me (g_ptr_array_index (self->model->debriefs, d), interviewer);
  compute (self->model);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

/* A load, on this thread: a worker's for rubric_compare_load_async(). */
static gpointer
load_in_worker (RubricKit     *kit,
                GFile * const *files,
                guint          n_files,
                const char    *me,
                GCancellable  *cancellable,
                GError       **error)
{
  Model *model = load_model (kit, files, n_files, me, cancellable, error);

  if (model != NULL)
    compute (model);
  return model;
}

/**
 * rubric_compare_load:
 * @files: (array length=n_files): session files of one role's candidates
 *
 * Reads @files one at a time on this thread (the command line; the window
 * uses rubric_compare_load_async()). A file that fails is a problem and
 * never stops the others.
 *
 * Returns: %FALSE only when cancelled; then the compare is as it was
 */
gboolean
rubric_compare_load (RubricCompare  *self,
                     GFile * const  *files,
                     guint           n_files,
                     GCancellable   *cancellable,
                     GError        **error)
{
  Model *model;

  g_return_val_if_fail (RUBRIC_IS_COMPARE (self), FALSE);
  g_return_val_if_fail (files != NULL || n_files == 0, FALSE);

  model = load_in_worker (self->kit, files, n_files, self->me, cancellable, error);
  if (model == NULL)
    return FALSE;
  set_model (self, model);
  return TRUE;
}

/**
 * rubric_compare_load_async:
 *
 * Like rubric_compare_load(), in a worker: the files are read and the
 * figures made there; the compare changes (#RubricCompare::changed) on
 * the caller's thread when they are done. #RubricCompare:loading is
 * %TRUE meanwhile.
 */
void
rubric_compare_load_async (RubricCompare       *self,
                           GFile * const       *files,
                           guint                n_files,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_return_if_fail (RUBRIC_IS_COMPARE (self));
  g_return_if_fail (files != NULL || n_files == 0);

  self->loading = TRUE;
  g_object_notify_by_pspec (G_OBJECT (self), pspecs[PROP_LOADING]);
  _rubric_panel_load_async (self, rubric_compare_load_async, self->kit, files, n_files, self->me, load_in_worker,
                            (GDestroyNotify) model_free, cancellable, callback, user_data);
}

gboolean
rubric_compare_load_finish (RubricCompare  *self,
                            GAsyncResult   *result,
                            GError        **error)
{
  const char *me = NULL;
  Model *model;

  g_return_val_if_fail (RUBRIC_IS_COMPARE (self), FALSE);

  model = _rubric_panel_load_finish (self, rubric_compare_load_async, result, &me, error);
  self->loading = FALSE;
  if (model != NULL)
    {
      /* "me" changed while the files were read. */
      if (g_strcmp0 (me, self->me) != 0)
        {
          for (guint d = 0; d < model->debriefs->len; d++)
            rubric_debrief_set_me (g_ptr_array_index (model->debriefs, d), self->me);
          compute (model);
        }
      set_model (self, model);
    }
  g_object_notify_by_pspec (G_OBJECT (self), pspecs[PROP_LOADING]);
  return model != NULL;
}

gboolean
rubric_compare_get_loading (RubricCompare *self)
{
  g_return_val_if_fail (RUBRIC_IS_COMPARE (self), FALSE);
  return self->loading;
}

/* Whether the first bytes of FILE say it is a session. */
static gboolean
looks_like_session (GFile        *file,
                    GCancellable *cancellable)
{
  g_autoptr(GFileInputStream) stream = g_file_read (file, cancellable, NULL);
  char head[513];
  gsize length = 0;

  if (stream == NULL ||
      !g_input_stream_read_all (G_INPUT_STREAM (stream), head, sizeof head - 1, &length, cancellable, NULL))
    return FALSE;
  head[length] = '\0';
  return strstr (head, "\"format\"") != NULL && strstr (head, "\"rubric-session\"") != NULL;
}

/**
 * rubric_compare_list_folder:
 * @folder: a folder, local or anything GIO opens (GVfs shares)
 *
 * The session files of @folder, not of its subfolders: every
 * `*.rubric.json`, and each other `*.json` whose first 512 bytes say
 * `"format"` and `"rubric-session"` (docs/compare.md). Hidden files are
 * left out (rubric_file_list_names()). Reads the folder on this thread.
 *
 * Returns: (transfer full) (element-type GFile) (nullable): the files,
 *   sorted by name; %NULL with @error when the folder cannot be read
 */
GPtrArray *
rubric_compare_list_folder (GFile         *folder,
                            GCancellable  *cancellable,
                            GError       **error)
{
  g_autoptr(GPtrArray) names = NULL;
  g_autoptr(GPtrArray) files = NULL;

  g_return_val_if_fail (G_IS_FILE (folder), NULL);

  names = rubric_file_list_names (folder, ".json", cancellable, error);
  if (names == NULL)
    return NULL;
  files = g_ptr_array_new_full (names->len, g_object_unref);
  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      g_autoptr(GFile) child = g_file_get_child (folder, name);

      if (g_str_has_suffix (name, ".rubric.json") || looks_like_session (child, cancellable))
        g_ptr_array_add (files, g_steal_pointer (&child));
    }
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  return g_steal_pointer (&files);
}

/* ---------------------------------------------------------------- getters */

RubricKit *
rubric_compare_get_kit (RubricCompare *self)
{
  g_return_val_if_fail (RUBRIC_IS_COMPARE (self), NULL);

  if (self->model->debriefs->len > 0)
    return rubric_debrief_get_kit (g_ptr_array_index (self->model->debriefs, 0));
  return self->kit;
}

/**
 * rubric_compare_get_role:
 *
 * Returns: the role, as the first candidate's sessions name it ("" when
 *   none does)
 */
const char *
rubric_compare_get_role (RubricCompare *self)
{
  g_return_val_if_fail (RUBRIC_IS_COMPARE (self), NULL);
  return self->model->role;
}

/**
 * rubric_compare_get_plan_name:
 *
 * Returns: (nullable): the role's plan, the one most counted sessions
 *   ran; %NULL when they ran none
 */
const char *
rubric_compare_get_plan_name (RubricCompare *self)
{
  g_return_val_if_fail (RUBRIC_IS_COMPARE (self), NULL);
  return self->model->plan_name;
}

/**
 * rubric_compare_get_plan_text:
 *
 * Returns: (nullable): "Panel round · 28 min slot", or %NULL without a plan
 */
const char *
rubric_compare_get_plan_text (RubricCompare *self)
{
  g_return_val_if_fail (RUBRIC_IS_COMPARE (self), NULL);
  return self->model->plan_text;
}

guint
rubric_compare_get_n_problems (RubricCompare *self)
{
  g_return_val_if_fail (RUBRIC_IS_COMPARE (self), 0);
  return self->model->problems->len;
}

/**
 * rubric_compare_get_problem:
 *
 * Returns: the files that failed to load, in the order of the files; then
 *   each candidate's matching problems and the sessions of another plan
 */
const RubricDebriefProblem *
rubric_compare_get_problem (RubricCompare *self,
                            guint          index)
{
  g_return_val_if_fail (RUBRIC_IS_COMPARE (self), NULL);
  g_return_val_if_fail (index < self->model->problems->len, NULL);
  return g_ptr_array_index (self->model->problems, index);
}

guint
rubric_compare_get_n_topics (RubricCompare *self)
{
  g_return_val_if_fail (RUBRIC_IS_COMPARE (self), 0);
  return self->model->topic_ids->len;
}

const char *
rubric_compare_get_topic_id (RubricCompare *self,
                             guint          index)
{
  g_return_val_if_fail (RUBRIC_IS_COMPARE (self), NULL);
  g_return_val_if_fail (index < self->model->topic_ids->len, NULL);
  return g_ptr_array_index (self->model->topic_ids, index);
}

const char *
rubric_compare_get_topic_title (RubricCompare *self,
                                guint          index)
{
  g_return_val_if_fail (RUBRIC_IS_COMPARE (self), NULL);
  g_return_val_if_fail (index < self->model->topic_titles->len, NULL);
  return g_ptr_array_index (self->model->topic_titles, index);
}

guint
rubric_compare_get_n_candidates (RubricCompare *self)
{
  g_return_val_if_fail (RUBRIC_IS_COMPARE (self), 0);
  return self->model->n_candidates;
}

const RubricCompareCandidate *
rubric_compare_get_candidate (RubricCompare *self,
                              guint          index)
{
  g_return_val_if_fail (RUBRIC_IS_COMPARE (self), NULL);
  g_return_val_if_fail (index < self->model->n_candidates, NULL);
  return &self->model->candidates[index];
}

guint
rubric_compare_get_n_interviewers (RubricCompare *self)
{
  g_return_val_if_fail (RUBRIC_IS_COMPARE (self), 0);
  return self->model->n_interviewers;
}

/**
 * rubric_compare_get_interviewer:
 *
 * Returns: the INDEXth interviewer's calibration, sorted by their name as
 *   the matching rules fold it
 */
const RubricCompareInterviewer *
rubric_compare_get_interviewer (RubricCompare *self,
                                guint          index)
{
  g_return_val_if_fail (RUBRIC_IS_COMPARE (self), NULL);
  g_return_val_if_fail (index < self->model->n_interviewers, NULL);
  return &self->model->interviewers[index];
}

/* ------------------------------------------------------------------ words */

/**
 * rubric_compare_candidate_hidden:
 *
 * Returns: whether @candidate's panel is hidden by the blind rule: the
 *   user's own scorecard for them is not sealed yet
 */
gboolean
rubric_compare_candidate_hidden (const RubricCompareCandidate *candidate)
{
  return rubric_debrief_get_blind (candidate->debrief);
}

/**
 * rubric_compare_counted_text:
 *
 * Returns: (transfer full): "2 of 3 scorecards counted"
 */
char *
rubric_compare_counted_text (const RubricCompareCandidate *candidate)
{
  /* Translators: under a candidate's name in the compare view: how many
   * of the panel's scorecards are sealed and counted */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u scorecard counted",
                                       "%u of %u scorecards counted", candidate->n_interviewers),
                          candidate->n_counted, candidate->n_interviewers);
}

/**
 * rubric_compare_recommendation_remark:
 * @warning: (out): whether the remark is a warning: the panel is hidden,
 *   or split between hire and no hire
 *
 * Returns: (transfer full): what the compare view and its PDF say under a
 *   candidate's recommendation: the tally, "Mixed: 2 Yes · 1 No", or
 *   "Seal yours to see"
 */
char *
rubric_compare_recommendation_remark (const RubricCompareCandidate *candidate,
                                      gboolean                     *warning)
{
  *warning = rubric_compare_candidate_hidden (candidate) || candidate->mixed;
  if (rubric_compare_candidate_hidden (candidate))
    /* Translators: under “Hidden” in the compare view, for a candidate
     * whose panel is hidden until the user seals their own scorecard */
    return g_strdup (_("Seal yours to see"));
  if (candidate->mixed)
    /* Translators: under a candidate's recommendation in the compare
     * view: the panel is split; %s is the tally, such as “2 Yes · 1 No” */
    return g_strdup_printf (_("Mixed: %s"), candidate->tally_text);
  return g_strdup (candidate->tally_text);
}

/**
 * rubric_compare_cell_remark:
 *
 * What the compare view and its PDF say under a topic's score, in words
 * (never only a colour).
 *
 * Returns: (nullable): "Split panel", "Over time", or %NULL
 */
const char *
rubric_compare_cell_remark (const RubricCompareCell *cell)
{
  if (cell->disagreement)
    /* Translators: under a topic score in the compare view: the
     * panel's ratings are 2 or more apart */
    return _("Split panel");
  if (cell->over)
    /* Translators: under a topic score in the compare view: the
     * panel spent a quarter or more over its planned time on it */
    return _("Over time");
  return NULL;
}

/**
 * rubric_compare_audit_summary:
 *
 * Returns: (transfer full): what @candidate's audit found in a few words:
 *   "As planned", "2 findings"
 */
char *
rubric_compare_audit_summary (const RubricCompareCandidate *candidate)
{
  if (candidate->n_audit == 0)
    /* Translators: in the compare view's Audit column: nothing the audit
     * found; the interview ran as its plan said */
    return g_strdup (_("As planned"));
  /* Translators: in the compare view's Audit column */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u finding", "%u findings", candidate->n_audit),
                          candidate->n_audit);
}

/**
 * rubric_compare_as_planned_text:
 *
 * Returns: (transfer full): "3 candidates interviewed as planned"
 */
char *
rubric_compare_as_planned_text (guint n)
{
  /* Translators: a row of the compare view's audit: the candidates whose
   * interviews ran as planned */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u candidate interviewed as planned",
                                       "%u candidates interviewed as planned", n), n);
}

/**
 * rubric_compare_interviewer_numbers:
 *
 * Returns: (transfer full): @interviewer's mean and spread, "Mean 3.4 ·
 *   spread 0.9", or "No ratings"
 */
char *
rubric_compare_interviewer_numbers (const RubricCompareInterviewer *interviewer)
{
  g_autofree char *mean = NULL;
  g_autofree char *spread = NULL;

  if (interviewer->n_ratings == 0)
    /* Translators: at the end of an interviewer's row in the compare
     * view, when they rated nothing that counts */
    return g_strdup (_("No ratings"));
  mean = rubric_summary_format_number (interviewer->mean);
  spread = rubric_summary_format_number (interviewer->spread);
  /* Translators: at the end of an interviewer's row in the compare
   * view: the mean of their ratings and their standard deviation */
  return g_strdup_printf (_("Mean %s · spread %s"), mean, spread);
}
