/* rubric-compare-export.c — candidates for one role, compared, as CSV
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One row a candidate, by the candidate summary's writer rules: every
 * field by rubric_export_csv_field() (RFC 4180, the guard against
 * formulas), every free text cleaned and, when asked, anonymised and
 * redacted with the same aliases and words as the debrief's export.
 * docs/compare.md says what the columns hold.
 */

#define G_LOG_DOMAIN "rubric-compare-export"

#include "config.h"

#include <glib/gi18n.h>

#include "rubric-compare-export.h"
#include "rubric-export-private.h"

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

static GBytes *
write_csv (RubricCompare    *compare,
           gboolean          anonymize,
           RubricAnonymizer *anonymizer)
{
  guint n_candidates = rubric_compare_get_n_candidates (compare);
  guint n_topics = rubric_compare_get_n_topics (compare);
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  /* Every name known before any text goes through the anonymizer. */
  for (guint c = 0; c < n_candidates; c++)
    {
      const RubricCompareCandidate *candidate = rubric_compare_get_candidate (compare, c);

      g_ptr_array_add (names, rubric_export_candidate_name (anonymizer, anonymize, candidate->candidate,
                                                            rubric_debrief_get_session_id (candidate->debrief)));
    }
  for (guint i = 0; anonymize && i < rubric_compare_get_n_interviewers (compare); i++)
    {
      g_autofree char *who = rubric_export_clean_text (rubric_compare_get_interviewer (compare, i)->name);
      g_autofree char *alias = rubric_summary_interviewer_alias (i);

      if (!rubric_export_is_blank (who))
        rubric_anonymizer_add_person (anonymizer, who, alias);
    }

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

/**
 * rubric_compare_export_format_supported:
 *
 * Returns: whether a compare exports in @format: CSV (not yet PDF)
 */
gboolean
rubric_compare_export_format_supported (RubricExportFormat format)
{
  return format == RUBRIC_EXPORT_FORMAT_CSV;
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
                   _("A compare of candidates is exported as CSV"));
      return NULL;
    }

  anonymizer = rubric_export_new_anonymizer (anonymize, redact);
  bytes = write_csv (compare, anonymize, anonymizer);
  if (remaining != NULL)
    *remaining = rubric_export_dup_remaining (anonymizer);
  return bytes;
}
