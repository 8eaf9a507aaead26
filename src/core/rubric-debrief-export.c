/* rubric-debrief-export.c — the debrief summary in Markdown, HTML and CSV;
 * the report the plain text and PDF writers write too
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * As with the candidate summary, the writers render one report whose texts
 * are made, cleaned and anonymised once (make_report()), and every text is
 * escaped by the candidate summary's own writers' functions: Markdown
 * inline and blocks, HTML with <bdi> and dir="auto" where names and notes
 * go, CSV by RFC 4180 with the guard against formulas. Nothing is read
 * from a file here: the report comes from the debrief, which never holds
 * private notes, and which holds nothing of the others' while it is blind.
 * docs/debrief.md says what the summary holds.
 */

#define G_LOG_DOMAIN "rubric-debrief-export"

#include "config.h"

#include <glib/gi18n.h>

#include "rubric-debrief-export-private.h"

static void
report_question_free (ReportQuestion *q)
{
  g_free (q->heading);
  g_free (q->title);
  g_free (q->prompt);
  g_free (q->id);
  g_strfreev (q->ratings);
  g_free (q->statuses);
  g_strfreev (q->numbers);
  g_strfreev (q->notes);
  for (guint i = 0; q->evidence != NULL && q->evidence[i] != NULL; i++)
    g_strfreev (q->evidence[i]);
  g_free (q->evidence);
  g_free (q->panel);
  g_free (q);
}

static void
report_topic_free (ReportTopic *t)
{
  g_free (t->title);
  g_strfreev (t->scores);
  g_free (t->panel);
  g_ptr_array_unref (t->questions);
  g_free (t);
}

static void
report_free (Report *r)
{
  g_free (r->title);
  g_free (r->candidate);
  g_free (r->role);
  g_free (r->kit_title);
  g_free (r->tally);
  g_free (r->mixed);
  g_strfreev (r->names);
  g_free (r->statuses);
  g_free (r->seal_names);
  g_free (r->counted);
  g_free (r->recommendations);
  g_free (r->recommendation_names);
  g_strfreev (r->overall);
  g_strfreev (r->summaries);
  for (guint i = 0; i < r->n; i++)
    {
      g_strfreev (r->strengths[i]);
      g_strfreev (r->concerns[i]);
    }
  g_free (r->strengths);
  g_free (r->concerns);
  g_clear_pointer (&r->asked, g_ptr_array_unref);
  g_ptr_array_unref (r->topics);
  g_strfreev (r->disagreements);
  g_strfreev (r->nobody_asked);
  g_strfreev (r->several);
  g_clear_pointer (&r->anonymizer, rubric_anonymizer_free);
  g_free (r);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Report, report_free)

/* TEXT cleaned, and anonymised when asked: every free text of the report. */
static char *
text_of (Report     *r,
         const char *text)
{
  return rubric_export_apply_anonymizer (r->anonymizer, text);
}

static GStrv
lines_of (Report             *r,
          const char * const *lines)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; lines != NULL && lines[i] != NULL; i++)
    g_strv_builder_take (builder, text_of (r, lines[i]));
  return g_strv_builder_end (builder);
}

static char *
number_or_dash (gboolean has,
                double   value)
{
  return has ? rubric_summary_format_number (value) : g_strdup ("—");
}

static const char *
seal_name (const RubricDebriefInterviewer *who)
{
  if (who->hidden)
    return "hidden";
  if (who->seal == RUBRIC_SEAL_VALID)
    return "sealed";
  if (who->seal == RUBRIC_SEAL_BROKEN)
    return "edited-after-sealing";
  return "not-sealed";
}

/* "Yes: 2 · Strong no: 1", of the counted interviewers. */
static char *
make_tally (RubricDebrief *debrief)
{
  static const RubricRecommendation order[] = {
    RUBRIC_RECOMMENDATION_STRONG_YES, RUBRIC_RECOMMENDATION_YES, RUBRIC_RECOMMENDATION_NO,
    RUBRIC_RECOMMENDATION_STRONG_NO, RUBRIC_RECOMMENDATION_NONE,
  };
  g_autoptr(GString) tally = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      guint n = rubric_debrief_count_recommendation (debrief, order[i]);
      g_autofree char *label = NULL;

      if (n == 0)
        continue;
      label = rubric_summary_format_label (rubric_recommendation_get_label (order[i]));
      if (tally->len > 0)
        g_string_append (tally, " · ");
      g_string_append_printf (tally, "%s %u", label, n);
    }
  if (tally->len == 0)
    /* Translators: in a debrief summary, instead of the recommendations'
     * tally when no scorecard counts */
    g_string_append (tally, _("No scorecard counted"));
  return g_string_free (g_steal_pointer (&tally), FALSE);
}

/* "Queries · Main question: 2 (Sam Lee) to 5 (Kim Park)" */
static char *
disagreement_line (Report                      *r,
                   RubricDebrief               *debrief,
                   const char                  *where,
                   const RubricDebriefQuestion *q)
{
  guint low = 0, high = 0;

  for (guint i = 0; i < r->n; i++)
    {
      if (!q->answers[i].disagrees)
        continue;
      if (q->answers[i].rating == q->min && low == 0)
        low = i + 1;
      if (q->answers[i].rating == q->max && high == 0)
        high = i + 1;
    }
  g_return_val_if_fail (low > 0 && high > 0, g_strdup (where));
  /* Translators: a disagreement in a debrief summary: where (a topic and a
   * question), the lowest rating and who gave it, the highest and who,
   * e.g. "Queries · Main question: 2 (Sam Lee) to 5 (Kim Park)" */
  return g_strdup_printf (_("%s: %d (%s) to %d (%s)"), where, q->min, r->names[low - 1], q->max, r->names[high - 1]);
}

static Report *
make_report (RubricDebrief      *debrief,
             RubricExportFlags   flags,
             const char * const *redact)
{
  g_autoptr(Report) r = g_new0 (Report, 1);
  g_autoptr(GStrvBuilder) disagreements = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) nobody = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) several = g_strv_builder_new ();
  RubricKit *kit = rubric_debrief_get_kit (debrief);
  gboolean anonymize = (flags & RUBRIC_EXPORT_FLAGS_ANONYMIZE) != 0;

  r->n = rubric_debrief_get_n_interviewers (debrief);
  r->names = g_new0 (char *, r->n + 1);
  r->anonymizer = rubric_export_new_anonymizer (anonymize, redact);
  r->candidate = rubric_export_candidate_name (r->anonymizer, anonymize, rubric_debrief_get_candidate (debrief),
                                               rubric_debrief_get_session_id (debrief));
  if (anonymize)
    {
      for (guint i = 0; i < r->n; i++)
        {
          g_autofree char *who = rubric_export_clean_text (rubric_debrief_get_interviewer (debrief, i)->name);

          r->names[i] = rubric_summary_interviewer_alias (i);
          if (!rubric_export_is_blank (who))
            rubric_anonymizer_add_person (r->anonymizer, who, r->names[i]);
        }
    }
  else
    {
      for (guint i = 0; i < r->n; i++)
        {
          const char *who = rubric_debrief_get_interviewer (debrief, i)->name;

          /* Translators: in a debrief summary, an interviewer whose file
           * names nobody; %u counts from 1 */
          r->names[i] = !rubric_export_is_blank (who) ? rubric_export_clean_text (who)
                                                       : g_strdup_printf (_("Interviewer %u"), i + 1);
        }
    }

  if (!rubric_export_is_blank (r->candidate))
    /* Translators: the title of an exported debrief summary; %s is the
     * candidate */
    r->title = g_strdup_printf (_("Panel debrief: %s"), r->candidate);
  else
    /* Translators: the title of an exported debrief summary without a
     * candidate's name */
    r->title = g_strdup (_("Panel debrief"));
  r->role = text_of (r, rubric_debrief_get_role (debrief));
  r->kit_title = text_of (r, kit != NULL ? rubric_kit_get_title (kit) : "");
  r->blind = rubric_debrief_get_blind (debrief) ? rubric_debrief_get_blind_text () : NULL;
  r->tally = make_tally (debrief);
  if (rubric_debrief_get_mixed (debrief))
    /* Translators: in a debrief summary, when some interviewers recommend
     * hiring and some do not */
    r->mixed = g_strdup (_("Mixed recommendations: some for hiring, some against"));

  r->statuses = g_new0 (const char *, r->n + 1);
  r->seal_names = g_new0 (const char *, r->n + 1);
  r->counted = g_new0 (gboolean, r->n + 1);
  r->recommendations = g_new0 (const char *, r->n + 1);
  r->recommendation_names = g_new0 (const char *, r->n + 1);
  r->overall = g_new0 (char *, r->n + 1);
  r->summaries = g_new0 (char *, r->n + 1);
  r->strengths = g_new0 (GStrv, r->n + 1);
  r->concerns = g_new0 (GStrv, r->n + 1);
  for (guint i = 0; i < r->n; i++)
    {
      const RubricDebriefInterviewer *who = rubric_debrief_get_interviewer (debrief, i);

      r->statuses[i] = who->status_text;
      r->seal_names[i] = seal_name (who);
      r->counted[i] = who->counted;
      r->recommendations[i] = who->hidden ? "—" : rubric_recommendation_get_label (who->recommendation);
      r->recommendation_names[i] = who->hidden ? "" : rubric_recommendation_get_name (who->recommendation);
      r->overall[i] = number_or_dash (who->has_score, who->score);
      r->summaries[i] = text_of (r, who->summary);
      r->strengths[i] = lines_of (r, who->strengths);
      r->concerns[i] = lines_of (r, who->concerns);
    }

  r->topics = g_ptr_array_new_with_free_func ((GDestroyNotify) report_topic_free);
  r->asked = g_ptr_array_new ();
  for (guint t = 0; t < rubric_debrief_get_n_topics (debrief); t++)
    {
      const RubricDebriefTopic *topic = rubric_debrief_get_topic (debrief, t);
      ReportTopic *rt = g_new0 (ReportTopic, 1);

      rt->title = text_of (r, topic->title);
      rt->scores = g_new0 (char *, r->n + 1);
      for (guint i = 0; i < r->n; i++)
        rt->scores[i] = rubric_debrief_get_interviewer (debrief, i)->hidden ?
                        g_strdup ("—") : number_or_dash (topic->cells[i].has_score, topic->cells[i].score);
      rt->panel = number_or_dash (topic->has_mean, topic->mean);
      rt->disagreement = topic->disagreement;
      rt->questions = g_ptr_array_new_with_free_func ((GDestroyNotify) report_question_free);
      if (topic->nobody_asked)
        g_strv_builder_add (nobody, rt->title);

      for (guint j = 0; j < topic->n_questions; j++)
        {
          const RubricDebriefQuestion *q = rubric_debrief_get_question (debrief, topic->first_question + j);
          ReportQuestion *rq = g_new0 (ReportQuestion, 1);

          rq->heading = text_of (r, q->heading);
          rq->prompt = text_of (r, q->prompt);
          rq->id = rubric_export_clean_text (q->id);
          rq->ratings = g_new0 (char *, r->n + 1);
          rq->statuses = g_new0 (const char *, r->n + 1);
          rq->numbers = g_new0 (char *, r->n + 1);
          rq->notes = g_new0 (char *, r->n + 1);
          rq->evidence = g_new0 (GStrv, r->n + 1);
          for (guint i = 0; i < r->n; i++)
            {
              const RubricDebriefAnswer *a = &q->answers[i];
              g_autoptr(GStrvBuilder) evidence = g_strv_builder_new ();
              gboolean hidden = rubric_debrief_get_interviewer (debrief, i)->hidden;
              static const char * const status_names[] = {
                [RUBRIC_SUMMARY_NOT_ASKED] = "not-asked", [RUBRIC_SUMMARY_SKIPPED] = "skipped",
                [RUBRIC_SUMMARY_NOT_RATED] = "not-rated", [RUBRIC_SUMMARY_RATED] = "rated",
              };

              rq->ratings[i] = g_strdup (a->rating_text);
              rq->statuses[i] = hidden ? "hidden" : status_names[a->status];
              rq->numbers[i] = a->rating > 0 ? g_strdup_printf ("%d", a->rating) : g_strdup ("");
              rq->notes[i] = text_of (r, a->notes);
              for (guint k = 0; a->heard_lines[k] != NULL; k++)
                g_strv_builder_take (evidence, text_of (r, a->heard_lines[k]));
              for (guint k = 0; a->red_flag_lines[k] != NULL; k++)
                {
                  /* Translators: a red flag in a debrief summary, after the
                   * points heard: "Red flag: 7:00 · Adds an index to every field" */
                  g_autofree char *line = g_strdup_printf (_("Red flag: %s"), a->red_flag_lines[k]);

                  g_strv_builder_take (evidence, text_of (r, line));
                }
              rq->evidence[i] = g_strv_builder_end (evidence);
              rq->asked |= a->status == RUBRIC_SUMMARY_RATED || a->status == RUBRIC_SUMMARY_NOT_RATED;
            }
          rq->panel = number_or_dash (q->has_mean, q->mean);
          rq->disagreement = q->disagreement;
          /* Translators: a question in a debrief summary's lists: its
           * topic and its heading, e.g. "Queries · Follow-up 1" */
          rq->title = g_strdup_printf (C_("debrief", "%s · %s"), rt->title, rq->heading);
          if (rq->asked)
            g_ptr_array_add (r->asked, rq);
          if (q->disagreement)
            g_strv_builder_take (disagreements, disagreement_line (r, debrief, rq->title, q));
          if (q->several)
            g_strv_builder_take (several,
                                 g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                               /* Translators: a question asked by
                                                                * several interviewers, in a debrief
                                                                * summary: "Queries · Main question:
                                                                * asked by 3" */
                                                               "%s: asked by %u", "%s: asked by %u",
                                                               q->n_asked),
                                                  rq->title, q->n_asked));
          g_ptr_array_add (rt->questions, rq);
        }
      g_ptr_array_add (r->topics, rt);
    }
  r->disagreements = g_strv_builder_end (disagreements);
  r->nobody_asked = g_strv_builder_end (nobody);
  r->several = g_strv_builder_end (several);
  /* Translators: a section of a debrief summary: questions rated 2 or
   * more apart */
  r->lists[0] = (ReportList) { _("Disagreements"), (const char * const *) r->disagreements,
                               /* Translators: in a debrief summary, under "Disagreements" */
                               _("No ratings differ by 2 or more.") };
  /* Translators: a section of a debrief summary */
  r->lists[1] = (ReportList) { _("Topics nobody asked"), (const char * const *) r->nobody_asked,
                               /* Translators: in a debrief summary, under "Topics nobody asked" */
                               _("Every topic was asked.") };
  /* Translators: a section of a debrief summary */
  r->lists[2] = (ReportList) { _("Questions asked by several"), (const char * const *) r->several,
                               /* Translators: in a debrief summary, under "Questions asked by several" */
                               _("No question was asked twice.") };

  return g_steal_pointer (&r);
}

/* Translated once for every format. */
const char *
rubric_debrief_export_disagreement_label (void)
{
  /* Translators: in a debrief summary, next to a topic or question whose
   * counted ratings differ by 2 or more */
  return _("Ratings differ by 2 or more");
}

#define disagreement_label rubric_debrief_export_disagreement_label

/* ------------------------------------------------------------- Markdown */

#define md_inline rubric_export_md_inline
#define md_heading rubric_export_md_heading
#define md_items rubric_export_md_items

/* "- **Label:** value" */
static void
md_fact (GString    *out,
         const char *label,
         const char *value)
{
  g_autofree char *with_colon = rubric_summary_format_label (label);

  g_string_append (out, "- **");
  md_inline (out, with_colon);
  g_string_append (out, "** ");
  md_inline (out, value);
  g_string_append_c (out, '\n');
}

/* "**Label:**" then ITEMS as a list, when there are any. */
static void
md_labelled_items (GString    *out,
                   const char *label,
                   GStrv       items)
{
  g_autofree char *with_colon = rubric_summary_format_label (label);

  if (items[0] == NULL)
    return;
  rubric_export_begin_block (out);
  g_string_append (out, "**");
  md_inline (out, with_colon);
  g_string_append (out, "**\n");
  md_items (out, (const char * const *) items);
}

/* A table row of CELLS (N of them), after FIRST when not NULL. */
static void
md_row (GString            *out,
        const char         *first,
        const char * const *cells,
        guint               n,
        const char         *last)
{
  g_string_append (out, "|");
  if (first != NULL)
    {
      g_string_append_c (out, ' ');
      md_inline (out, first);
      g_string_append (out, " |");
    }
  for (guint i = 0; i < n; i++)
    {
      g_string_append_c (out, ' ');
      md_inline (out, cells[i]);
      g_string_append (out, " |");
    }
  if (last != NULL)
    {
      g_string_append_c (out, ' ');
      md_inline (out, last);
      g_string_append (out, " |");
    }
  g_string_append_c (out, '\n');
}

static void
md_rule (GString *out,
         guint    n_columns)
{
  g_string_append (out, "| --- |");
  for (guint i = 1; i < n_columns; i++)
    g_string_append (out, " --- |");
  g_string_append_c (out, '\n');
}

static void
md_list_section (GString            *out,
                 const char         *heading,
                 const char * const *items,
                 const char         *none)
{
  md_heading (out, 2, heading);
  rubric_export_begin_block (out);
  if (items[0] != NULL)
    md_items (out, items);
  else
    rubric_export_md_block (out, none, "");
}

static GBytes *
write_markdown (Report *r)
{
  g_autoptr(GString) out = g_string_new (NULL);
  const char *columns[] = { _("Recommendation"), _("Overall score"),
                            /* Translators: a column of a debrief summary's
                             * table of interviewers: sealed or not */
                            _("Scorecard") };
  gsize size;

  md_heading (out, 1, r->title);
  if (r->blind != NULL)
    {
      rubric_export_begin_block (out);
      g_string_append (out, "**");
      md_inline (out, r->blind);
      g_string_append (out, "**\n");
    }
  rubric_export_begin_block (out);
  if (*r->role != '\0')
    md_fact (out, _("Role"), r->role);
  md_fact (out, _("Kit"), r->kit_title);
  md_fact (out, _("Recommendations"), r->tally);
  if (r->mixed != NULL)
    {
      g_string_append (out, "- **");
      md_inline (out, r->mixed);
      g_string_append (out, "**\n");
    }

  /* Translators: a section of a debrief summary */
  md_heading (out, 2, _("Interviewers"));
  rubric_export_begin_block (out);
  md_row (out, _("Interviewer"), columns, G_N_ELEMENTS (columns), NULL);
  md_rule (out, G_N_ELEMENTS (columns) + 1);
  for (guint i = 0; i < r->n; i++)
    {
      const char *cells[] = { r->recommendations[i], r->overall[i], r->statuses[i] };

      md_row (out, r->names[i], cells, G_N_ELEMENTS (cells), NULL);
    }

  md_heading (out, 2, _("Topics"));
  rubric_export_begin_block (out);
  /* Translators: the column of a debrief summary's tables with the mean of
   * the counted scorecards */
  md_row (out, _("Topic"), (const char * const *) r->names, r->n, _("Panel"));
  md_rule (out, r->n + 2);
  for (guint t = 0; t < r->topics->len; t++)
    {
      ReportTopic *topic = g_ptr_array_index (r->topics, t);
      g_autofree char *panel = topic->disagreement ? g_strdup_printf ("%s · %s", topic->panel, disagreement_label ())
                                                   : g_strdup (topic->panel);

      md_row (out, topic->title, (const char * const *) topic->scores, r->n, panel);
    }

  for (guint i = 0; i < G_N_ELEMENTS (r->lists); i++)
    md_list_section (out, r->lists[i].heading, r->lists[i].items, r->lists[i].none);

  for (guint k = 0; k < r->asked->len; k++)
    {
      ReportQuestion *q = g_ptr_array_index (r->asked, k);

      md_heading (out, 3, q->title);
      rubric_export_begin_block (out);
      rubric_export_md_block (out, q->prompt, "");
      if (q->disagreement)
        {
          rubric_export_begin_block (out);
          g_string_append (out, "**");
          md_inline (out, disagreement_label ());
          g_string_append (out, "**\n");
        }
      rubric_export_begin_block (out);
      {
        const char *header[] = { _("Rating"), _("Notes"), _("Evidence") };

        md_row (out, _("Interviewer"), header, G_N_ELEMENTS (header), NULL);
        md_rule (out, G_N_ELEMENTS (header) + 1);
      }
      for (guint i = 0; i < r->n; i++)
        {
          g_autofree char *evidence = g_strjoinv ("; ", q->evidence[i]);
          const char *cells[] = { q->ratings[i], q->notes[i], evidence };

          md_row (out, r->names[i], cells, G_N_ELEMENTS (cells), NULL);
        }
    }

  /* Translators: a section of a debrief summary: each interviewer's
   * summary, strengths and concerns */
  md_heading (out, 2, _("Strengths and concerns"));
  for (guint i = 0; i < r->n; i++)
    {
      md_heading (out, 3, r->names[i]);
      if (!rubric_export_is_blank (r->summaries[i]))
        {
          rubric_export_begin_block (out);
          rubric_export_md_block (out, r->summaries[i], "> ");
        }
      md_labelled_items (out, _("Strengths"), r->strengths[i]);
      md_labelled_items (out, _("Concerns"), r->concerns[i]);
    }

  size = out->len;
  return g_bytes_new_take (g_string_free (g_steal_pointer (&out), FALSE), size);
}

/* ----------------------------------------------------------------- HTML */

#define html_line rubric_export_html_line

static void
html_cell (GString    *out,
           const char *element,
           const char *class,
           const char *text)
{
  g_string_append_printf (out, "<%s", element);
  if (class != NULL)
    g_string_append_printf (out, " class=\"%s\"", class);
  g_string_append (out, " dir=\"auto\">");
  html_line (out, text);
  g_string_append_printf (out, "</%s>", element);
}

static void
html_heading (GString    *out,
              const char *element,
              const char *text)
{
  g_string_append_printf (out, "<%s dir=\"auto\">", element);
  html_line (out, text);
  g_string_append_printf (out, "</%s>\n", element);
}

static void
html_list_section (GString            *out,
                   const char         *heading,
                   const char * const *items,
                   const char         *none)
{
  g_string_append (out, "<section>\n");
  html_heading (out, "h2", heading);
  if (items[0] != NULL)
    rubric_export_html_items (out, items);
  else
    {
      html_cell (out, "p", "muted", none);
      g_string_append_c (out, '\n');
    }
  g_string_append (out, "</section>\n");
}

static GBytes *
write_html (Report *r)
{
  g_autoptr(GString) out = g_string_new (NULL);
  gsize size;

  rubric_export_html_head (out, r->title, ".flag { font-weight: bold; color: #a34400; }\n");
  g_string_append (out, "<header>\n");
  html_heading (out, "h1", r->title);
  if (r->blind != NULL)
    {
      html_cell (out, "p", "confidential", r->blind);
      g_string_append_c (out, '\n');
    }
  g_string_append (out, "<dl class=\"facts\">\n");
  {
    const char *labels[] = { _("Role"), _("Kit"), _("Recommendations") };
    const char *values[] = { r->role, r->kit_title, r->tally };

    for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
      {
        if (*values[i] == '\0')
          continue;
        html_cell (out, "dt", NULL, labels[i]);
        html_cell (out, "dd", NULL, values[i]);
        g_string_append_c (out, '\n');
      }
  }
  g_string_append (out, "</dl>\n");
  if (r->mixed != NULL)
    {
      html_cell (out, "p", "flag", r->mixed);
      g_string_append_c (out, '\n');
    }
  g_string_append (out, "</header>\n<main>\n<section>\n");

  html_heading (out, "h2", _("Interviewers"));
  g_string_append (out, "<table>\n<thead>\n<tr>");
  html_cell (out, "th", NULL, _("Interviewer"));
  html_cell (out, "th", NULL, _("Recommendation"));
  html_cell (out, "th", "number", _("Overall score"));
  html_cell (out, "th", NULL, _("Scorecard"));
  g_string_append (out, "</tr>\n</thead>\n<tbody>\n");
  for (guint i = 0; i < r->n; i++)
    {
      g_string_append (out, "<tr>");
      html_cell (out, "td", NULL, r->names[i]);
      html_cell (out, "td", NULL, r->recommendations[i]);
      html_cell (out, "td", "number", r->overall[i]);
      html_cell (out, "td", r->counted[i] ? NULL : "muted", r->statuses[i]);
      g_string_append (out, "</tr>\n");
    }
  g_string_append (out, "</tbody>\n</table>\n</section>\n<section>\n");

  html_heading (out, "h2", _("Topics"));
  g_string_append (out, "<table>\n<thead>\n<tr>");
  html_cell (out, "th", NULL, _("Topic"));
  for (guint i = 0; i < r->n; i++)
    html_cell (out, "th", "number", r->names[i]);
  html_cell (out, "th", "number", _("Panel"));
  g_string_append (out, "</tr>\n</thead>\n<tbody>\n");
  for (guint t = 0; t < r->topics->len; t++)
    {
      ReportTopic *topic = g_ptr_array_index (r->topics, t);

      g_string_append (out, "<tr>");
      html_cell (out, "td", NULL, topic->title);
      for (guint i = 0; i < r->n; i++)
        html_cell (out, "td", "number", topic->scores[i]);
      html_cell (out, "td", "number", topic->panel);
      g_string_append (out, "</tr>\n");
      if (topic->disagreement)
        {
          g_string_append_printf (out, "<tr><td colspan=\"%u\" class=\"flag\">", r->n + 2);
          html_line (out, disagreement_label ());
          g_string_append (out, "</td></tr>\n");
        }
    }
  g_string_append (out, "</tbody>\n</table>\n</section>\n");

  for (guint i = 0; i < G_N_ELEMENTS (r->lists); i++)
    html_list_section (out, r->lists[i].heading, r->lists[i].items, r->lists[i].none);

  for (guint k = 0; k < r->asked->len; k++)
    {
      ReportQuestion *q = g_ptr_array_index (r->asked, k);

      g_string_append (out, "<section class=\"question\">\n");
      html_heading (out, "h3", q->title);
      rubric_export_html_block (out, "p", "prompt text", q->prompt);
      if (q->disagreement)
        {
          html_cell (out, "p", "flag", disagreement_label ());
          g_string_append_c (out, '\n');
        }
      g_string_append (out, "<table>\n<thead>\n<tr>");
      html_cell (out, "th", NULL, _("Interviewer"));
      html_cell (out, "th", NULL, _("Rating"));
      html_cell (out, "th", NULL, _("Notes"));
      html_cell (out, "th", NULL, _("Evidence"));
      g_string_append (out, "</tr>\n</thead>\n<tbody>\n");
      for (guint i = 0; i < r->n; i++)
        {
          g_string_append (out, "<tr>");
          html_cell (out, "td", NULL, r->names[i]);
          html_cell (out, "td", NULL, q->ratings[i]);
          g_string_append (out, "<td>");
          if (!rubric_export_is_blank (q->notes[i]))
            rubric_export_html_block (out, "div", "text", q->notes[i]);
          g_string_append (out, "</td><td>");
          if (q->evidence[i][0] != NULL)
            rubric_export_html_items (out, (const char * const *) q->evidence[i]);
          g_string_append (out, "</td></tr>\n");
        }
      g_string_append (out, "</tbody>\n</table>\n</section>\n");
    }

  g_string_append (out, "<section>\n");
  html_heading (out, "h2", _("Strengths and concerns"));
  for (guint i = 0; i < r->n; i++)
    {
      html_heading (out, "h3", r->names[i]);
      if (!rubric_export_is_blank (r->summaries[i]))
        rubric_export_html_block (out, "div", "notes", r->summaries[i]);
      if (r->strengths[i][0] != NULL)
        {
          html_heading (out, "h4", _("Strengths"));
          rubric_export_html_items (out, (const char * const *) r->strengths[i]);
        }
      if (r->concerns[i][0] != NULL)
        {
          html_heading (out, "h4", _("Concerns"));
          rubric_export_html_items (out, (const char * const *) r->concerns[i]);
        }
    }
  g_string_append (out, "</section>\n</main>\n</body>\n</html>\n");

  size = out->len;
  return g_bytes_new_take (g_string_free (g_steal_pointer (&out), FALSE), size);
}

/* ------------------------------------------------------------------ CSV */

/* One row a question and interviewer; the column names and the values of
 * scorecard, status and recommendation are for machines, not translated. */
static const char * const csv_columns[] = {
  "candidate", "interviewer", "scorecard", "counted", "recommendation", "overall_score", "strengths", "concerns",
  "topic", "topic_score", "topic_panel_score", "topic_disagreement",
  "question_id", "question", "status", "rating", "question_panel_rating", "question_disagreement",
  "notes", "evidence",
};

static GBytes *
write_csv (Report *r)
{
  g_autoptr(GString) out = g_string_new (NULL);
  gsize size;

  for (guint i = 0; i < G_N_ELEMENTS (csv_columns); i++)
    rubric_export_csv_field (out, csv_columns[i], i == 0);
  g_string_append (out, "\r\n");

  for (guint t = 0; t < r->topics->len; t++)
    {
      ReportTopic *topic = g_ptr_array_index (r->topics, t);
      const char *topic_panel = g_str_equal (topic->panel, "—") ? "" : topic->panel;

      for (guint j = 0; j < topic->questions->len; j++)
        {
          ReportQuestion *q = g_ptr_array_index (topic->questions, j);
          const char *panel = g_str_equal (q->panel, "—") ? "" : q->panel;

          for (guint i = 0; i < r->n; i++)
            {
              g_autofree char *evidence = g_strjoinv ("\n", q->evidence[i]);
              g_autofree char *strengths = g_strjoinv ("\n", r->strengths[i]);
              g_autofree char *concerns = g_strjoinv ("\n", r->concerns[i]);

              rubric_export_csv_field (out, r->candidate, TRUE);
              rubric_export_csv_field (out, r->names[i], FALSE);
              rubric_export_csv_field (out, r->seal_names[i], FALSE);
              rubric_export_csv_field (out, r->counted[i] ? "yes" : "no", FALSE);
              rubric_export_csv_field (out, r->recommendation_names[i], FALSE);
              rubric_export_csv_field (out, g_str_equal (r->overall[i], "—") ? "" : r->overall[i], FALSE);
              rubric_export_csv_field (out, strengths, FALSE);
              rubric_export_csv_field (out, concerns, FALSE);
              rubric_export_csv_field (out, topic->title, FALSE);
              rubric_export_csv_field (out, g_str_equal (topic->scores[i], "—") ? "" : topic->scores[i], FALSE);
              rubric_export_csv_field (out, topic_panel, FALSE);
              rubric_export_csv_field (out, topic->disagreement ? "yes" : "no", FALSE);
              rubric_export_csv_field (out, q->id, FALSE);
              rubric_export_csv_field (out, q->prompt, FALSE);
              rubric_export_csv_field (out, q->statuses[i], FALSE);
              rubric_export_csv_field (out, q->numbers[i], FALSE);
              rubric_export_csv_field (out, panel, FALSE);
              rubric_export_csv_field (out, q->disagreement ? "yes" : "no", FALSE);
              rubric_export_csv_field (out, q->notes[i], FALSE);
              rubric_export_csv_field (out, evidence, FALSE);
              g_string_append (out, "\r\n");
            }
        }
    }

  size = out->len;
  return g_bytes_new_take (g_string_free (g_steal_pointer (&out), FALSE), size);
}

/* ---------------------------------------------------------------- entry */

/**
 * rubric_debrief_export_format_supported:
 *
 * Returns: whether a debrief exports in @format: PDF, Markdown, HTML,
 *   plain text and CSV, all of them
 */
gboolean
rubric_debrief_export_format_supported (RubricExportFormat format)
{
  return format == RUBRIC_EXPORT_FORMAT_PDF || format == RUBRIC_EXPORT_FORMAT_MARKDOWN ||
         format == RUBRIC_EXPORT_FORMAT_HTML || format == RUBRIC_EXPORT_FORMAT_TEXT ||
         format == RUBRIC_EXPORT_FORMAT_CSV;
}

/**
 * rubric_debrief_export_to_bytes:
 * @flags: %RUBRIC_EXPORT_FLAGS_ANONYMIZE is the one that counts: a
 *   debrief never holds private notes or the kit's answers
 * @redact: (nullable) (array zero-terminated=1): other terms to replace
 * @remaining: (out) (optional) (transfer full): capitalised words left
 *   that look like names, when anonymising or redacting
 *
 * Returns: (transfer full) (nullable): the debrief summary in @format
 */
GBytes *
rubric_debrief_export_to_bytes (RubricDebrief       *debrief,
                                RubricExportFormat   format,
                                RubricExportFlags    flags,
                                const char * const  *redact,
                                GStrv               *remaining,
                                GError             **error)
{
  g_autoptr(Report) report = NULL;
  GBytes *bytes = NULL;

  g_return_val_if_fail (RUBRIC_IS_DEBRIEF (debrief), NULL);

  if (!rubric_debrief_export_format_supported (format))
    {
      g_set_error (error, RUBRIC_EXPORT_ERROR, RUBRIC_EXPORT_ERROR_FAILED,
                   /* Translators: an error of a debrief's export */
                   _("A debrief summary is exported as PDF, Markdown, HTML, plain text or CSV"));
      return NULL;
    }

  report = make_report (debrief, flags, redact);
  switch (format)
    {
    case RUBRIC_EXPORT_FORMAT_MARKDOWN:
      bytes = write_markdown (report);
      break;
    case RUBRIC_EXPORT_FORMAT_HTML:
      bytes = write_html (report);
      break;
    case RUBRIC_EXPORT_FORMAT_CSV:
      bytes = write_csv (report);
      break;
    case RUBRIC_EXPORT_FORMAT_TEXT:
      bytes = rubric_debrief_export_write_text (report);
      break;
    case RUBRIC_EXPORT_FORMAT_PDF:
      bytes = rubric_debrief_export_write_pdf (report, NULL, error);
      if (bytes == NULL)
        return NULL;
      break;
    default:
      g_assert_not_reached ();
    }

  if (remaining != NULL)
    *remaining = rubric_export_dup_remaining (report->anonymizer);
  return bytes;
}
