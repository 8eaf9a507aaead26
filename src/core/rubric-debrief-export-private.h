/* rubric-debrief-export-private.h — the debrief summary's report, made
 * once (rubric-debrief-export.c) and written by each format's writer
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every text of a report is cleaned and, when asked, anonymised already;
 * a writer escapes it for its format and adds nothing from the files.
 */

#pragma once

#include "rubric-anonymize.h"
#include "rubric-debrief-export.h"
#include "rubric-export-private.h"

G_BEGIN_DECLS

typedef struct
{
  char     *heading;        /* "Main question", "Follow-up 2" */
  char     *title;          /* "Queries · Main question" */
  char     *prompt;
  char     *id;
  char    **ratings;        /* one an interviewer: "4 — Strong", "Hidden" */
  const char **statuses;    /* "rated", "not-asked", "hidden"…: for machines */
  char    **numbers;        /* "4", or "" */
  char    **notes;          /* one an interviewer, "" when none */
  GStrv    *evidence;       /* one an interviewer: points heard then red flags, one a line */
  char     *panel;          /* the counted mean, "3.7", or "—" */
  gboolean  asked;          /* rated or taken notes on by anyone shown */
  gboolean  disagreement;
} ReportQuestion;

typedef struct
{
  char      *title;
  char     **scores;        /* one an interviewer: "3.5", "—" */
  char      *panel;
  gboolean   disagreement;
  GPtrArray *questions;     /* ReportQuestion */
} ReportTopic;

/* A section of lines, or NONE when it has none. */
typedef struct
{
  const char         *heading;
  const char * const *items;
  const char         *none;
} ReportList;

typedef struct
{
  guint        n;           /* interviewers */
  char        *title;
  char        *candidate;
  char        *role;
  char        *kit_title;
  const char  *blind;       /* NULL unless blind */
  char        *tally;       /* "Yes: 2 · Strong no: 1" */
  char        *mixed;       /* NULL unless mixed */
  char       **names;
  const char **statuses;    /* "Sealed", "Not sealed, not counted"… */
  const char **seal_names;  /* "sealed", "not-sealed", "edited-after-sealing", "hidden": for machines */
  gboolean    *counted;
  const char **recommendations;      /* labels */
  const char **recommendation_names; /* for machines */
  char       **overall;
  char       **summaries;
  GStrv       *strengths;
  GStrv       *concerns;
  GPtrArray   *topics;      /* ReportTopic */
  GStrv        disagreements;
  GStrv        nobody_asked;
  GStrv        several;
  ReportList   lists[3];    /* the three above, with their headings */
  GPtrArray   *asked;       /* ReportQuestion, borrowed: those asked, in order */
  RubricAnonymizer *anonymizer;
} Report;

/* "Ratings differ by 2 or more": what every format says of a disagreement,
 * in words. */
const char *rubric_debrief_export_disagreement_label (void);

GBytes     *rubric_debrief_export_write_text         (const Report  *report);
GBytes     *rubric_debrief_export_write_pdf          (const Report  *report,
                                                      GCancellable  *cancellable,
                                                      GError       **error);

G_END_DECLS
