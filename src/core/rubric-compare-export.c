/* rubric-compare-export.c — candidates for one role, compared, as CSV
 * and as the report the PDF draws
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One row a candidate, by the candidate summary's writer rules: every
 * field by rubric_export_csv_field() (RFC 4180, the guard against
 * formulas), every free text cleaned and, when asked, anonymised and
 * redacted with the same aliases and words as the debrief's export.
 * docs/compare.md says what the columns hold. The PDF is drawn from a
 * report made here with the same names, aliases and words
 * (rubric-compare-export-pdf.c).
 */

#define G_LOG_DOMAIN "rubric-compare-export"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rubric-compare-export-private.h"

/* The columns before the topics' and after them; the names are for
 * machines, not translated. Each topic's column is headed by its title. */
static const char * const csv_head[] = {
  "candidate", "role", "interviewers_counted", "overall_score", "recommendation", "tally",
};
static const char * const csv_tail[] = { "audit" };

static void
number_field (GString  *out,
              gboolean  has,
              double    value)
{
  g_autofree char *number = has ? rubric_summary_format_number (value) : g_strdup ("");

  rubric_export_csv_field (out, number, FALSE);
}

/* The candidates' names as exported, in the compare's order, and the
 * interviewers' (with INTERVIEWERS; cleaned, or their aliases when
 * anonymising, as the debrief's): every name known to ANONYMIZER before
 * any text goes through it. */
static GPtrArray *
dup_names (RubricCompare     *compare,
           gboolean           anonymize,
           RubricAnonymizer  *anonymizer,
           GPtrArray        **interviewers)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) who = g_ptr_array_new_with_free_func (g_free);

  for (guint c = 0; c < rubric_compare_get_n_candidates (compare); c++)
    {
      const RubricCompareCandidate *candidate = rubric_compare_get_candidate (compare, c);

      g_ptr_array_add (names, rubric_export_candidate_name (anonymizer, anonymize, candidate->candidate,
                                                            rubric_debrief_get_session_id (candidate->debrief)));
    }
  for (guint i = 0; i < rubric_compare_get_n_interviewers (compare); i++)
    {
      g_autofree char *name = rubric_export_clean_text (rubric_compare_get_interviewer (compare, i)->name);
      g_autofree char *alias = rubric_summary_interviewer_alias (i);

      if (anonymize && !rubric_export_is_blank (name))
        rubric_anonymizer_add_person (anonymizer, name, alias);
      g_ptr_array_add (who, anonymize ? g_steal_pointer (&alias) : g_steal_pointer (&name));
    }
  if (interviewers != NULL)
    *interviewers = g_steal_pointer (&who);
  return g_steal_pointer (&names);
}

static GBytes *
write_csv (RubricCompare    *compare,
           gboolean          anonymize,
           RubricAnonymizer *anonymizer)
{
  guint n_candidates = rubric_compare_get_n_candidates (compare);
  guint n_topics = rubric_compare_get_n_topics (compare);
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GPtrArray) names = dup_names (compare, anonymize, anonymizer, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (csv_head); i++)
    rubric_export_csv_field (out, csv_head[i], i == 0);
  for (guint t = 0; t < n_topics; t++)
    {
      g_autofree char *title = rubric_export_apply_anonymizer (anonymizer, rubric_compare_get_topic_title (compare, t));

      rubric_export_csv_field (out, title, FALSE);
    }
  for (guint i = 0; i < G_N_ELEMENTS (csv_tail); i++)
    rubric_export_csv_field (out, csv_tail[i], FALSE);
  g_string_append (out, "\r\n");

  for (guint c = 0; c < n_candidates; c++)
    {
      const RubricCompareCandidate *candidate = rubric_compare_get_candidate (compare, c);
      g_autofree char *role = rubric_export_apply_anonymizer (anonymizer, candidate->role);
      g_autofree char *tally = rubric_export_apply_anonymizer (anonymizer, candidate->tally_text);
      g_autofree char *counted = g_strdup_printf ("%u", candidate->n_counted);
      g_autoptr(GString) audit = g_string_new (NULL);
      g_autofree char *audit_text = NULL;

      for (guint a = 0; a < candidate->n_audit; a++)
        {
          if (a > 0)
            g_string_append (audit, "; ");
          g_string_append (audit, candidate->audit[a].text);
        }
      audit_text = rubric_export_apply_anonymizer (anonymizer, audit->str);

      rubric_export_csv_field (out, g_ptr_array_index (names, c), TRUE);
      rubric_export_csv_field (out, role, FALSE);
      rubric_export_csv_field (out, counted, FALSE);
      number_field (out, candidate->has_score, candidate->score);
      rubric_export_csv_field (out, rubric_recommendation_get_name (candidate->recommendation), FALSE);
      rubric_export_csv_field (out, tally, FALSE);
      for (guint t = 0; t < n_topics; t++)
        number_field (out, candidate->cells[t].has_score, candidate->cells[t].score);
      rubric_export_csv_field (out, audit_text, FALSE);
      g_string_append (out, "\r\n");
    }

  return g_string_free_to_bytes (g_steal_pointer (&out));
}

/* ------------------------------------------------------------- the report */

static void
compare_report_free (CompareReport *r)
{
  g_clear_pointer (&r->as_planned, g_ptr_array_unref);
  g_clear_pointer (&r->rows, g_ptr_array_unref);
  g_clear_pointer (&r->owned, g_ptr_array_unref);
  g_free (r);
}

/* MEMORY (a text, an array), R's from now on. */
static gpointer
keep (CompareReport *r,
      gpointer       memory)
{
  g_ptr_array_add (r->owned, memory);
  return memory;
}

/* An array of N texts and a NULL, R's. */
static const char **
new_texts (CompareReport *r,
           guint          n)
{
  return keep (r, g_new0 (const char *, n + 1));
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CompareReport, compare_report_free)

/* A row and its sort key: shown and scored first. */
typedef struct
{
  CompareRow *row;
  gboolean    has_score;
  double      score;
} SortedRow;

/* The window's default order: the overall score descending, the hidden
 * and unscored after the scored, then by name. */
static int
sorted_row_compare (gconstpointer a,
                    gconstpointer b)
{
  const SortedRow *x = a;
  const SortedRow *y = b;

  if (x->has_score != y->has_score)
    return x->has_score ? -1 : 1;
  if (x->has_score && x->score != y->score)
    return x->score > y->score ? -1 : 1;
  return g_utf8_collate (x->row->name, y->row->name);
}

static char *
score_text (gboolean hidden,
            gboolean has_score,
            double   score)
{
  if (hidden)
    return g_strdup (_("Hidden"));
  return has_score ? rubric_summary_format_number (score) : g_strdup ("—");
}

static CompareRow *
new_row (CompareReport                *r,
         const RubricCompareCandidate *candidate,
         char                         *name,
         RubricAnonymizer             *anonymizer)
{
  CompareRow *row = keep (r, g_new0 (CompareRow, 1));
  g_autofree char *tally = NULL;

  keep (r, name);
  row->name = !rubric_export_is_blank (name) ? name : _("Unnamed candidate");
  row->counted = keep (r, rubric_compare_counted_text (candidate));
  row->hidden = rubric_compare_candidate_hidden (candidate);
  row->overall = keep (r, score_text (row->hidden, candidate->has_score, candidate->score));
  if (row->hidden)
    row->recommendation = _("Hidden");
  else
    row->recommendation = candidate->recommendation != RUBRIC_RECOMMENDATION_NONE
                          ? rubric_recommendation_get_label (candidate->recommendation) : "—";
  tally = rubric_compare_recommendation_remark (candidate, &row->mixed);
  row->tally = keep (r, rubric_export_apply_anonymizer (anonymizer, tally));
  row->scores = new_texts (r, r->n_topics);
  row->remarks = new_texts (r, r->n_topics);
  for (guint t = 0; t < r->n_topics; t++)
    {
      const RubricCompareCell *cell = &candidate->cells[t];

      row->scores[t] = keep (r, score_text (row->hidden, cell->has_score, cell->score));
      row->remarks[t] = row->hidden ? NULL : rubric_compare_cell_remark (cell);
    }
  row->audit = keep (r, rubric_compare_audit_summary (candidate));
  row->findings = new_texts (r, candidate->n_audit);
  for (guint a = 0; a < candidate->n_audit; a++)
    row->findings[a] = keep (r, rubric_export_apply_anonymizer (anonymizer, candidate->audit[a].text));
  return row;
}

/* A problem's line; when anonymising, its file (whose name may be a
 * person's) numbered instead. */
static char *
problem_text (const RubricDebriefProblem *problem,
              guint                       index,
              gboolean                    anonymize,
              RubricAnonymizer           *anonymizer)
{
  const char *kind = problem->error ? _("Left out") : _("Warning");
  g_autofree char *label = rubric_summary_format_label (kind);
  g_autofree char *text = NULL;
  g_autofree char *line = NULL;

  if (anonymize && problem->file != NULL && g_str_has_prefix (problem->text, problem->file))
    {
      /* Translators: in an anonymised export, instead of the name of a
       * file that could not be read; %u counts from 1 */
      g_autofree char *file = g_strdup_printf (_("File %u"), index + 1);

      line = g_strconcat (file, problem->text + strlen (problem->file), NULL);
    }
  text = rubric_export_apply_anonymizer (anonymizer, line != NULL ? line : problem->text);
  return g_strconcat (label, " ", text, NULL);
}

/* "3 candidates · 9 scorecards counted" */
static char *
counts_text (guint n_candidates,
             guint n_counted)
{
  /* Translators: the first half of a line under an exported comparison's
   * title: “3 candidates · 9 scorecards counted” */
  g_autofree char *candidates = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u candidate", "%u candidates",
                                                              n_candidates), n_candidates);
  /* Translators: the second half of a line under an exported comparison's
   * title: “3 candidates · 9 scorecards counted” */
  g_autofree char *scorecards = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u scorecard counted",
                                                              "%u scorecards counted", n_counted), n_counted);

  return g_strdup_printf ("%s · %s", candidates, scorecards);
}

/* The rows in the window's default order; the names of those interviewed
 * as planned. NAMES' texts become R's. */
static void
add_rows (CompareReport    *r,
          RubricCompare    *compare,
          GPtrArray        *names,
          RubricAnonymizer *anonymizer)
{
  guint n_candidates = rubric_compare_get_n_candidates (compare);
  g_autofree SortedRow *sorted = g_new0 (SortedRow, n_candidates);
  guint n_counted = 0;

  for (guint c = 0; c < n_candidates; c++)
    {
      const RubricCompareCandidate *candidate = rubric_compare_get_candidate (compare, c);

      sorted[c].row = new_row (r, candidate, g_steal_pointer (&names->pdata[c]), anonymizer);
      sorted[c].has_score = !sorted[c].row->hidden && candidate->has_score;
      sorted[c].score = candidate->score;
      n_counted += candidate->n_counted;
    }
  qsort (sorted, n_candidates, sizeof (SortedRow), sorted_row_compare);
  for (guint c = 0; c < n_candidates; c++)
    {
      g_ptr_array_add (r->rows, sorted[c].row);
      if (sorted[c].row->findings[0] == NULL)
        g_ptr_array_add (r->as_planned, (gpointer) sorted[c].row->name);
    }
  g_ptr_array_add (r->as_planned, NULL);
  r->counts = keep (r, counts_text (n_candidates, n_counted));
}

static CompareReport *
compare_report_new (RubricCompare    *compare,
                    gboolean          anonymize,
                    RubricAnonymizer *anonymizer)
{
  g_autoptr(CompareReport) r = g_new0 (CompareReport, 1);
  guint n_problems = rubric_compare_get_n_problems (compare);
  g_autoptr(GPtrArray) interviewers = NULL;
  g_autoptr(GPtrArray) names = dup_names (compare, anonymize, anonymizer, &interviewers);
  RubricKit *kit = rubric_compare_get_kit (compare);
  const char *plan = rubric_compare_get_plan_text (compare);
  char *role = rubric_export_apply_anonymizer (anonymizer, rubric_compare_get_role (compare));

  r->owned = g_ptr_array_new_with_free_func (g_free);
  r->rows = g_ptr_array_new ();
  r->as_planned = g_ptr_array_new ();
  /* Translators: the heading of an exported comparison whose sessions
   * name no role */
  r->role = !rubric_export_is_blank (keep (r, role)) ? role : _("Unnamed role");
  /* Translators: the title of an exported comparison; %s is the role */
  r->title = keep (r, g_strdup_printf (_("Candidates compared: %s"), r->role));
  r->plan = plan != NULL ? keep (r, rubric_export_apply_anonymizer (anonymizer, plan)) : NULL;
  r->kit_title = keep (r, rubric_export_apply_anonymizer (anonymizer, kit != NULL ? rubric_kit_get_title (kit) : ""));

  r->problems = new_texts (r, n_problems);
  for (guint i = 0; i < n_problems; i++)
    r->problems[i] = keep (r, problem_text (rubric_compare_get_problem (compare, i), i, anonymize, anonymizer));

  r->n_topics = rubric_compare_get_n_topics (compare);
  r->topics = new_texts (r, r->n_topics);
  for (guint t = 0; t < r->n_topics; t++)
    r->topics[t] = keep (r, rubric_export_apply_anonymizer (anonymizer, rubric_compare_get_topic_title (compare, t)));

  add_rows (r, compare, names, anonymizer);

  r->n_interviewers = rubric_compare_get_n_interviewers (compare);
  r->interviewers = new_texts (r, r->n_interviewers);
  r->calibration = new_texts (r, r->n_interviewers);
  r->numbers = new_texts (r, r->n_interviewers);
  for (guint i = 0; i < r->n_interviewers; i++)
    {
      const RubricCompareInterviewer *interviewer = rubric_compare_get_interviewer (compare, i);

      r->interviewers[i] = keep (r, g_steal_pointer (&interviewers->pdata[i]));
      r->calibration[i] = keep (r, rubric_export_apply_anonymizer (anonymizer, interviewer->text));
      r->numbers[i] = keep (r, rubric_compare_interviewer_numbers (interviewer));
    }

  return g_steal_pointer (&r);
}

/**
 * rubric_compare_export_format_supported:
 *
 * Returns: whether a compare exports in @format: CSV or PDF
 */
gboolean
rubric_compare_export_format_supported (RubricExportFormat format)
{
  return format == RUBRIC_EXPORT_FORMAT_CSV || format == RUBRIC_EXPORT_FORMAT_PDF;
}

/**
 * rubric_compare_export_to_bytes:
 * @flags: %RUBRIC_EXPORT_FLAGS_ANONYMIZE is the one that counts: a
 *   compare never holds private notes or the kit's answers
 * @redact: (nullable) (array zero-terminated=1): other terms to replace
 * @remaining: (out) (optional) (transfer full): capitalised words left
 *   that look like names, when anonymising or redacting
 *
 * Returns: (transfer full) (nullable): the compare in @format
 */
GBytes *
rubric_compare_export_to_bytes (RubricCompare       *compare,
                                RubricExportFormat   format,
                                RubricExportFlags    flags,
                                const char * const  *redact,
                                GStrv               *remaining,
                                GError             **error)
{
  gboolean anonymize = (flags & RUBRIC_EXPORT_FLAGS_ANONYMIZE) != 0;
  g_autoptr(RubricAnonymizer) anonymizer = NULL;
  GBytes *bytes;

  g_return_val_if_fail (RUBRIC_IS_COMPARE (compare), NULL);

  if (!rubric_compare_export_format_supported (format))
    {
      g_set_error (error, RUBRIC_EXPORT_ERROR, RUBRIC_EXPORT_ERROR_FAILED,
                   /* Translators: an error of the export of a compare of candidates */
                   _("A compare of candidates is exported as CSV or PDF"));
      return NULL;
    }

  anonymizer = rubric_export_new_anonymizer (anonymize, redact);
  if (format == RUBRIC_EXPORT_FORMAT_PDF)
    {
      g_autoptr(CompareReport) report = compare_report_new (compare, anonymize, anonymizer);

      bytes = rubric_compare_export_write_pdf (report, NULL, error);
    }
  else
    bytes = write_csv (compare, anonymize, anonymizer);
  if (remaining != NULL)
    *remaining = rubric_export_dup_remaining (anonymizer);
  return bytes;
}
