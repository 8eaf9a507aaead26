/* rubric-compare-export-private.h — the compare's report, made once
 * (rubric-compare-export.c) and drawn by the PDF writer
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every text of a report is cleaned and, when asked, anonymised already,
 * with the CSV's names and aliases; the writer adds nothing from the files.
 */

#pragma once

#include "rubric-anonymize.h"
#include "rubric-compare-export.h"
#include "rubric-export-private.h"

G_BEGIN_DECLS

/* A candidate's row, and their audit. Its texts are its report's. */
typedef struct
{
  const char  *name;
  const char  *counted;         /* "2 of 3 scorecards counted" */
  gboolean     hidden;          /* by the blind rule: "Hidden" in each number */
  const char  *overall;         /* "3.7", "—", "Hidden" */
  const char  *recommendation;  /* "Hire", "—", "Hidden" */
  const char  *tally;           /* under it: "2 Hire · 1 No Hire", "Mixed: …" */
  gboolean     mixed;           /* the tally is a warning */
  const char **scores;          /* one a topic */
  const char **remarks;         /* one a topic: "Split panel", "Over time", or NULL */
  const char  *audit;           /* "As planned", "2 findings" */
  const char **findings;        /* the audit's sentences, NULL-terminated */
} CompareRow;

/* Every text and array of a report is in OWNED, freed with it. */
typedef struct
{
  GPtrArray   *owned;
  const char  *title;           /* the metadata's and the footer's */
  const char  *role;            /* the heading: the role, or "Unnamed role" */
  const char  *plan;            /* "Panel round · 28 min slot", or NULL */
  const char  *kit_title;
  const char  *counts;          /* "3 candidates · 9 scorecards counted" */
  const char **problems;        /* "Left out: FILE:6:3: …", NULL-terminated */
  guint        n_topics;
  const char **topics;          /* titles */
  GPtrArray   *rows;            /* CompareRow: overall score descending, then name */
  GPtrArray   *as_planned;      /* the rows' names with no finding, NULL-terminated */
  guint        n_interviewers;
  const char **interviewers;    /* names, or their aliases */
  const char **calibration;     /* "Rates 0.8 above the panel …" */
  const char **numbers;         /* "Mean 3.4 · spread 0.9" */
} CompareReport;

GBytes *rubric_compare_export_write_pdf (const CompareReport  *report,
                                         GCancellable         *cancellable,
                                         GError              **error);

G_END_DECLS
