/* rubric-debrief.c — a panel's scorecards of one candidate, side by side
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Session files are read one at a time, in a worker (or on the caller's
 * thread for the command line): each file's bytes are parsed into a
 * session, the session into what a debrief shows of it — its candidate
 * summary without private notes (rubric_summary_new()), its scores
 * (rubric-scores.c) — and the session and the bytes are freed before the
 * next file is read. A file that fails is one line in the problems, in
 * the words of `rubric --check`, and the others go on.
 *
 * The matching rules (docs/debrief.md): one kit, by id (another version
 * or edition of it is a warning); one candidate (another is an error
 * that names them all, and the files about the others are left out);
 * one file per interviewer (the newer by "modified" wins, the older is
 * named). The matrix is built from what is left, and built again when the
 * user's own name changes (the blind rule).
 */

#define G_LOG_DOMAIN "rubric-debrief"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rubric-check.h"
#include "rubric-debrief.h"
#include "rubric-debrief-private.h"
#include "rubric-export-private.h"
#include "rubric-scores.h"
#include "rubric-search-private.h"

/* What a debrief keeps of one session file. */
typedef struct
{
  GFile           *file;
  char            *display;         /* the file's display name */
  RubricKit       *kit;             /* the kit the summary was made against */
  RubricSummary   *summary;         /* no private notes, no answers */
  char            *kit_id;
  int              kit_version;
  char            *kit_sha256;      /* NULL when the file has none */
  char            *session_id;
  char            *candidate_key;   /* folded */
  char            *interviewer_key; /* folded; the file's name when blank */
  GDateTime       *modified;        /* nullable */
  RubricSealState  seal;
  GDateTime       *sealed_at;       /* nullable */
  char            *plan_id;         /* NULL without a plan */
  char            *plan_hash;
  GStrv            plan_topics;     /* its topic ids in its order; empty without */
  RubricTopicScore *scores;         /* one a kit topic */
  guint            n_scores;
  gboolean         has_score;
  double           score;
} Entry;

struct _RubricDebrief
{
  GObject parent_instance;

  RubricKit *kit;             /* the kit given; the entries' may be a stand-in */
  char *me;
  char *me_key;
  gboolean loading;
  gboolean blind;
  gboolean mixed;

  GPtrArray *entries;         /* Entry, kept, in the order of the files */
  GPtrArray *problems;        /* RubricDebriefProblem */
  char *candidate;
  char *role;

  /* The matrix, built by rebuild() */
  RubricDebriefInterviewer *interviewers;
  guint n_interviewers;
  RubricDebriefTopic *topics;
  guint n_topics;
  RubricDebriefQuestion *questions;
  guint n_questions;
};

G_DEFINE_FINAL_TYPE (RubricDebrief, rubric_debrief, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ME,
  PROP_LOADING,
  PROP_BLIND,
  N_PROPS
};

enum {
  SIGNAL_CHANGED,
  N_SIGNALS
};

static GParamSpec *pspecs[N_PROPS];
static guint signals[N_SIGNALS];

static const char * const no_lines[] = { NULL };

/* ---------------------------------------------------------------- entries */

static void
entry_free (Entry *entry)
{
  g_clear_object (&entry->file);
  g_clear_object (&entry->kit);
  g_clear_pointer (&entry->summary, rubric_summary_free);
  g_clear_pointer (&entry->modified, g_date_time_unref);
  g_clear_pointer (&entry->sealed_at, g_date_time_unref);
  g_free (entry->display);
  g_free (entry->kit_id);
  g_free (entry->kit_sha256);
  g_free (entry->plan_id);
  g_free (entry->plan_hash);
  g_strfreev (entry->plan_topics);
  g_free (entry->session_id);
  g_free (entry->candidate_key);
  g_free (entry->interviewer_key);
  g_free (entry->scores);
  g_free (entry);
}

void
rubric_debrief_problem_free (RubricDebriefProblem *problem)
{
  if (problem == NULL)
    return;
  g_free (problem->file);
  g_free (problem->text);
  g_free (problem);
}

/* A problem of FILE (nullable: of the whole set); MESSAGE is located as
 * `rubric --check` says it, a warning starts with "warning: ". */
static void
add_problem (GPtrArray  *problems,
             gboolean    error,
             const char *file,
             const char *message)
{
  RubricDebriefProblem *problem = g_new0 (RubricDebriefProblem, 1);

  problem->error = error;
  problem->file = g_strdup (file);
  if (file == NULL)
    problem->text = g_strdup (message);
  else if (error)
    problem->text = rubric_check_format_problem (file, message);
  else
    {
      /* Translators: printed by “rubric --check” before a problem that
       * does not stop a file from opening, the way compilers print
       * warnings; %s is the problem */
      g_autofree char *warning = g_strdup_printf (_("warning: %s"), message);

      problem->text = rubric_check_format_problem (file, warning);
    }
  g_ptr_array_add (problems, problem);
}

/* A name as the matching rules compare it: case, accents, quotes and
 * runs of white space do not count. */
static char *
fold_name (const char *name)
{
  Folder folder;
  g_autoptr(GString) folded = g_string_new (NULL);
  g_auto(GStrv) words = NULL;

  _rubric_search_folder_init (&folder);
  _rubric_search_fold_text (&folder, name, strlen (name), folded, NULL);
  _rubric_search_folder_clear (&folder);
  words = g_strsplit_set (folded->str, " \t\n", -1);
  {
    g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
    g_auto(GStrv) kept = NULL;

    for (guint i = 0; words[i] != NULL; i++)
      if (*words[i] != '\0')
        g_strv_builder_add (builder, words[i]);
    kept = g_strv_builder_end (builder);
    return g_strjoinv (" ", kept);
  }
}

/* The kit to read sessions of KIT_ID against: the one given, or one
 * made of what SESSION kept of its questions, shared by every session of
 * that kit in the load (KITS: id -> kit). */
static RubricKit *
kit_for_session (GHashTable    *kits,
                 RubricSession *session)
{
  const char *id = rubric_session_get_kit_id (session);
  RubricKit *kit = g_hash_table_lookup (kits, id);

  if (kit == NULL)
    {
      kit = rubric_session_build_snapshot_kit (session);
      if (kit == NULL)
        return NULL;
      g_hash_table_insert (kits, g_strdup (id), kit);
    }
  return kit;
}

/* How a problem names FILE: relative to the current folder when it is
 * in it (as it was given on the command line, most often), else whole. */
static char *
display_name (GFile *file)
{
  g_autofree char *cwd = g_get_current_dir ();
  g_autoptr(GFile) here = g_file_new_for_path (cwd);
  g_autofree char *relative = g_file_get_relative_path (here, file);

  if (relative != NULL)
    return g_filename_display_name (relative);
  return g_file_get_parse_name (file);
}

/* Reads FILE into an entry; or says why not in PROBLEMS. */
static Entry *
load_entry (GFile         *file,
            RubricKit     *kit,
            GHashTable    *kits,
            GPtrArray     *problems,
            GCancellable  *cancellable)
{
  g_autoptr(RubricSession) session = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *display = display_name (file);
  RubricKit *entry_kit;
  GListModel *topics;
  Entry *entry;

  session = rubric_session_new_from_file (file, kit, cancellable, &error);
  if (session == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        add_problem (problems, TRUE, display, error->message);
      return NULL;
    }
  entry_kit = kit_for_session (kits, session);
  if (entry_kit == NULL)
    {
      /* Translators: why a session file is left out of a debrief: it has
       * no answers, and %s, the kit it was made with, is not installed */
      g_autofree char *message = g_strdup_printf (_("nothing to compare: no answers, and the kit “%s” is not installed"),
                                                  rubric_session_get_kit_id (session));

      add_problem (problems, TRUE, display, message);
      return NULL;
    }
  entry = g_new0 (Entry, 1);
  /* What the file says of itself first: clearing the private notes below
   * is a change, which stamps the session's "modified" with the time of
   * reading — and "the newer file wins" would then pick the one read last. */
  if (rubric_session_get_modified (session) != NULL)
    entry->modified = g_date_time_ref (rubric_session_get_modified (session));
  entry->seal = rubric_session_get_seal_state (session);
  /* Never in a debrief, not even in memory. */
  rubric_session_set_private_notes (session, "");

  entry->file = g_object_ref (file);
  entry->display = g_steal_pointer (&display);
  entry->kit = g_object_ref (entry_kit);
  entry->summary = rubric_summary_new (session, entry_kit, RUBRIC_EXPORT_FLAGS_NONE);
  entry->kit_id = g_strdup (rubric_session_get_kit_id (session));
  entry->kit_version = rubric_session_get_kit_version (session);
  entry->kit_sha256 = g_strdup (rubric_session_get_kit_sha256 (session));
  entry->session_id = g_strdup (rubric_session_get_id (session));
  entry->candidate_key = fold_name (rubric_session_get_candidate_name (session));
  entry->interviewer_key = fold_name (rubric_session_get_interviewer (session));
  if (*entry->interviewer_key == '\0')
    {
      g_free (entry->interviewer_key);
      entry->interviewer_key = g_strconcat ("\x01", entry->display, NULL);
    }
  {
    RubricPlan *plan = rubric_session_get_plan (session);
    g_autoptr(GStrvBuilder) plan_topics = g_strv_builder_new ();

    if (plan != NULL)
      {
        entry->plan_id = g_strdup (rubric_plan_get_id (plan));
        entry->plan_hash = g_strdup (rubric_session_get_plan_hash (session));
        for (guint i = 0; i < rubric_plan_get_n_topics (plan); i++)
          g_strv_builder_add (plan_topics, rubric_plan_get_topic_id (plan, i));
      }
    entry->plan_topics = g_strv_builder_end (plan_topics);
  }
  if (rubric_session_get_sealed_at (session) != NULL)
    entry->sealed_at = g_date_time_ref (rubric_session_get_sealed_at (session));

  topics = rubric_kit_get_topics (entry_kit);
  entry->n_scores = g_list_model_get_n_items (topics);
  entry->scores = g_new0 (RubricTopicScore, MAX (entry->n_scores, 1));
  for (guint i = 0; i < entry->n_scores; i++)
    {
      g_autoptr(RubricTopic) topic = g_list_model_get_item (topics, i);

      rubric_scores_for_topic (session, topic, &entry->scores[i]);
    }
  entry->has_score = rubric_scores_overall (session, entry_kit, &entry->score);

  return entry;
}

/* Every file, one at a time, into ENTRIES; what failed into PROBLEMS.
 * Returns FALSE when cancelled. */
static gboolean
load_entries (RubricKit     *kit,
              GFile * const *files,
              guint          n_files,
              GPtrArray     *entries,
              GPtrArray     *problems,
              GCancellable  *cancellable,
              GError       **error)
{
  g_autoptr(GHashTable) kits = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);

  if (kit != NULL)
    g_hash_table_insert (kits, g_strdup (rubric_kit_get_id (kit)), g_object_ref (kit));

  for (guint i = 0; i < n_files; i++)
    {
      Entry *entry;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      entry = load_entry (files[i], kit, kits, problems, cancellable);
      if (entry != NULL)
        g_ptr_array_add (entries, entry);
    }
  return !g_cancellable_set_error_if_cancelled (cancellable, error);
}

/* ------------------------------------------------------------ matching */

/* Leaves out of ENTRIES those of another kit than the first's, warns of
 * another version or edition of it. */
static void
match_kit (GPtrArray *entries,
           GPtrArray *problems)
{
  Entry *first;

  if (entries->len == 0)
    return;
  first = g_ptr_array_index (entries, 0);
  for (guint i = 1; i < entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (entries, i);

      if (!g_str_equal (entry->kit_id, first->kit_id))
        {
          /* Translators: why a session file is left out of a debrief: the
           * first %s is the kit it was made with, the second the kit of
           * the others */
          g_autofree char *message = g_strdup_printf (_("made with the kit “%s”, not “%s” like the others: left out"),
                                                      entry->kit_id, first->kit_id);

          add_problem (problems, TRUE, entry->display, message);
          g_ptr_array_remove_index (entries, i--);
        }
      else if (entry->kit_version != first->kit_version)
        {
          /* Translators: a warning about a session file in a debrief: %s
           * is the kit, the numbers its versions in this file and in the
           * first file */
          g_autofree char *message = g_strdup_printf (_("made with version %d of the kit “%s”, %s with version %d"),
                                                      entry->kit_version, entry->kit_id, first->display,
                                                      first->kit_version);

          add_problem (problems, FALSE, entry->display, message);
        }
      else if (entry->kit_sha256 != NULL && first->kit_sha256 != NULL &&
               !g_str_equal (entry->kit_sha256, first->kit_sha256))
        {
          /* Translators: a warning about a session file in a debrief: the
           * same version of a kit, but its contents differ; the first %s
           * is the kit, the second the first file */
          g_autofree char *message = g_strdup_printf (_("made with another edition of the kit “%s” than %s (its SHA-256 differs)"),
                                                      entry->kit_id, first->display);

          add_problem (problems, FALSE, entry->display, message);
        }
    }
}

/* Keeps the entries of the candidate most files are about (the first on
 * a tie); the others are errors, and so is the set, naming everyone. */
static char *
match_candidate (GPtrArray *entries,
                 GPtrArray *problems)
{
  g_autoptr(GPtrArray) keys = g_ptr_array_new ();      /* borrowed, first seen first */
  g_autoptr(GArray) counts = g_array_new (FALSE, TRUE, sizeof (guint));
  g_autoptr(GPtrArray) names = g_ptr_array_new ();     /* borrowed, as first written */
  guint best = 0;
  const char *winner;

  if (entries->len == 0)
    return g_strdup ("");

  for (guint i = 0; i < entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (entries, i);
      guint k;

      for (k = 0; k < keys->len; k++)
        if (g_str_equal (g_ptr_array_index (keys, k), entry->candidate_key))
          break;
      if (k == keys->len)
        {
          guint zero = 0;

          g_ptr_array_add (keys, entry->candidate_key);
          g_ptr_array_add (names, entry->summary->candidate);
          g_array_append_val (counts, zero);
        }
      g_array_index (counts, guint, k)++;
    }
  for (guint k = 1; k < keys->len; k++)
    if (g_array_index (counts, guint, k) > g_array_index (counts, guint, best))
      best = k;
  winner = g_ptr_array_index (keys, best);

  if (keys->len > 1)
    {
      g_autoptr(GString) list = g_string_new (NULL);
      g_autofree char *message = NULL;

      for (guint k = 0; k < keys->len; k++)
        {
          const char *name = g_ptr_array_index (names, k);
          guint n = g_array_index (counts, guint, k);

          if (list->len > 0)
            g_string_append (list, ", ");
          /* Translators: a candidate and how many files are about them, in
           * the list of a debrief's error, e.g. “Ada Lovelace (2 files)” */
          g_string_append_printf (list, g_dngettext (GETTEXT_PACKAGE, "“%s” (%u file)", "“%s” (%u files)", n),
                                  *name != '\0' ? name : _("no name"), n);
        }
      /* Translators: an error of a debrief; %s lists the candidates, e.g.
       * “Ada Lovelace” (2 files), “Ada L.” (1 file) */
      message = g_strdup_printf (_("The files are about more than one candidate: %s"), list->str);
      add_problem (problems, TRUE, NULL, message);
    }

  for (guint i = 0; i < entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (entries, i);

      if (!g_str_equal (entry->candidate_key, winner))
        {
          /* Translators: why a session file is left out of a debrief: the
           * first %s is its candidate, the second the debrief's */
          g_autofree char *message = g_strdup_printf (_("about “%s”, not “%s”: left out"),
                                                      entry->summary->candidate,
                                                      (const char *) g_ptr_array_index (names, best));

          add_problem (problems, TRUE, entry->display, message);
          g_ptr_array_remove_index (entries, i--);
        }
    }

  return g_strdup (g_ptr_array_index (names, best));
}

/* Whether A was saved after B (a file without the time is the older). */
static gboolean
is_newer (Entry *a,
          Entry *b)
{
  if (a->modified == NULL || b->modified == NULL)
    return a->modified != NULL;
  return g_date_time_compare (a->modified, b->modified) > 0;
}

/* One file per interviewer: the newer stays, the older is named. */
static void
match_interviewers (GPtrArray *entries,
                    GPtrArray *problems)
{
  g_autoptr(GHashTable) newest = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (entries, i);
      Entry *other = g_hash_table_lookup (newest, entry->interviewer_key);
      Entry *older, *newer;
      g_autofree char *message = NULL;

      if (other == NULL)
        {
          g_hash_table_insert (newest, entry->interviewer_key, entry);
          continue;
        }
      newer = is_newer (entry, other) ? entry : other;
      older = newer == entry ? other : entry;
      /* Replaced, key too: the older entry, whose key the table held,
       * goes below. */
      g_hash_table_replace (newest, newer->interviewer_key, newer);
      /* Translators: a warning about a session file left out of a
       * debrief; the first %s is the interviewer, the second the file
       * that is used instead */
      message = g_strdup_printf (_("an older scorecard of %s than %s: left out"),
                                 older->summary->interviewer, newer->display);
      add_problem (problems, FALSE, older->display, message);
    }

  for (guint i = 0; i < entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (entries, i);

      if (g_hash_table_lookup (newest, entry->interviewer_key) != entry)
        g_ptr_array_remove_index (entries, i--);
    }
}

/* ------------------------------------------------------------- matrix */

static void
clear_matrix (RubricDebrief *self)
{
  for (guint i = 0; i < self->n_topics; i++)
    g_free (self->topics[i].cells);
  for (guint i = 0; i < self->n_questions; i++)
    g_free (self->questions[i].answers);
  g_clear_pointer (&self->interviewers, g_free);
  g_clear_pointer (&self->topics, g_free);
  g_clear_pointer (&self->questions, g_free);
  self->n_interviewers = self->n_topics = self->n_questions = 0;
  self->mixed = FALSE;
}

/* The hidden answer: no rating, no notes, no ticks. */
static GPtrArray *
empty_ticks (void)
{
  static GPtrArray *empty;

  if (g_once_init_enter_pointer (&empty))
    g_once_init_leave_pointer (&empty, g_ptr_array_new ());
  return empty;
}

/* What a scorecard is in the debrief, in words. */
static const char *
status_text (const RubricDebriefInterviewer *who)
{
  if (who->hidden)
    /* Translators: in a debrief, another interviewer's scorecard while the
     * user's own is not sealed */
    return _("Hidden until you seal yours");
  if (who->mine)
    return who->seal == RUBRIC_SEAL_VALID ?
           /* Translators: in a debrief, the user's own scorecard, sealed */
           _("Yours, sealed") :
           /* Translators: in a debrief, the user's own scorecard, not sealed */
           _("Yours, not sealed");
  switch (who->seal)
    {
    case RUBRIC_SEAL_VALID:
      /* Translators: in a debrief, a scorecard that is sealed and counts */
      return _("Sealed");
    case RUBRIC_SEAL_BROKEN:
      /* Translators: in a debrief, a scorecard that was sealed and then
       * edited by hand: it is shown but left out of the panel's figures */
      return _("Edited after sealing, not counted");
    case RUBRIC_SEAL_NONE:
    default:
      /* Translators: in a debrief, a scorecard that is not sealed: it is
       * shown but left out of the panel's figures */
      return _("Not sealed, not counted");
    }
}

/* The blind rule (docs/debrief.md): while the user's own scorecard is in
 * the set and not sealed, the others' are hidden; another's that is not
 * sealed (or was edited since) is shown and not counted. */
static void
set_interviewer (RubricDebrief            *self,
                 RubricDebriefInterviewer *out,
                 Entry                    *entry)
{
  const RubricSummary *summary = entry->summary;

  out->name = summary->interviewer;
  out->file = entry->display;
  out->gfile = entry->file;
  out->date = summary->date;
  out->modified = entry->modified;
  out->seal = entry->seal;
  out->sealed_at = entry->sealed_at;
  out->mine = self->me_key != NULL && g_str_equal (self->me_key, entry->interviewer_key);
  out->hidden = self->blind && !out->mine;
  out->counted = !out->hidden && (out->mine || out->seal == RUBRIC_SEAL_VALID);
  out->status_text = status_text (out);
  if (out->hidden)
    {
      out->recommendation = RUBRIC_RECOMMENDATION_NONE;
      out->summary = "";
      out->strengths = no_lines;
      out->concerns = no_lines;
      return;
    }
  out->recommendation = summary->recommendation;
  out->has_score = entry->has_score;
  out->score = entry->score;
  out->summary = summary->summary;
  out->strengths = (const char * const *) summary->strengths;
  out->concerns = (const char * const *) summary->concerns;
}

/* Whether the counted values in VALUES (N of them, those with HAS set)
 * spread 2 or more; sets each one's DISAGREES when it is 2 or more from
 * another. Returns the mean through MEAN. */
static gboolean
spread (const double   *values,
        const gboolean *has,
        gboolean      **disagrees,
        guint           n,
        double         *min,
        double         *max,
        double         *mean,
        guint          *count)
{
  double sum = 0.0;

  *count = 0;
  *min = G_MAXDOUBLE;
  *max = -G_MAXDOUBLE;
  for (guint i = 0; i < n; i++)
    if (has[i])
      {
        *min = MIN (*min, values[i]);
        *max = MAX (*max, values[i]);
        sum += values[i];
        (*count)++;
      }
  *mean = *count > 0 ? sum / *count : 0.0;
  for (guint i = 0; i < n; i++)
    *disagrees[i] = has[i] && *count > 1 && (values[i] - *min >= 2.0 || *max - values[i] >= 2.0);
  return *count > 1 && *max - *min >= 2.0;
}

static void
build_question (RubricDebrief         *self,
                RubricDebriefQuestion *q,
                guint                  topic,
                guint                  index)
{
  g_autofree double *values = g_new0 (double, self->n_interviewers);
  g_autofree gboolean *has = g_new0 (gboolean, self->n_interviewers);
  g_autofree gboolean **disagrees = g_new0 (gboolean *, self->n_interviewers);
  double min, max;

  q->topic = topic;
  q->answers = g_new0 (RubricDebriefAnswer, self->n_interviewers);
  for (guint i = 0; i < self->n_interviewers; i++)
    {
      Entry *entry = g_ptr_array_index (self->entries, i);
      const RubricSummaryTopic *st = g_ptr_array_index (entry->summary->topics, topic);
      const RubricSummaryQuestion *sq = g_ptr_array_index (st->questions, index);
      RubricDebriefAnswer *a = &q->answers[i];

      if (q->id == NULL)
        {
          q->id = sq->id;
          q->prompt = sq->prompt;
          q->heading = sq->heading;
        }
      if (self->interviewers[i].hidden)
        {
          a->status = RUBRIC_SUMMARY_NOT_ASKED;
          /* Translators: in a debrief, instead of another interviewer's
           * rating while the user's own scorecard is not sealed */
          a->rating_text = _("Hidden");
          a->notes = "";
          a->heard = a->red_flags = empty_ticks ();
          a->heard_lines = a->red_flag_lines = no_lines;
        }
      else
        {
          a->status = sq->status;
          a->rating = sq->status == RUBRIC_SUMMARY_RATED ? sq->rating : 0;
          a->rating_text = sq->rating_text;
          a->notes = sq->notes;
          a->heard = sq->heard;
          a->red_flags = sq->red_flags;
          a->heard_lines = (const char * const *) sq->heard_lines;
          a->red_flag_lines = (const char * const *) sq->red_flag_lines;
        }
      disagrees[i] = &a->disagrees;
      if (!self->interviewers[i].counted)
        continue;
      if (a->status == RUBRIC_SUMMARY_RATED || a->status == RUBRIC_SUMMARY_NOT_RATED)
        q->n_asked++;
      has[i] = a->status == RUBRIC_SUMMARY_RATED;
      values[i] = a->rating;
    }
  q->disagreement = spread (values, has, disagrees, self->n_interviewers, &min, &max, &q->mean, &q->n_rated);
  q->has_mean = q->n_rated > 0;
  q->min = q->has_mean ? (int) min : 0;
  q->max = q->has_mean ? (int) max : 0;
  q->several = q->n_asked >= 2;
}

static void
build_topic (RubricDebrief      *self,
             RubricDebriefTopic *t,
             guint               index)
{
  g_autofree double *values = g_new0 (double, self->n_interviewers);
  g_autofree gboolean *has = g_new0 (gboolean, self->n_interviewers);
  g_autofree gboolean **disagrees = g_new0 (gboolean *, self->n_interviewers);
  double min, max;
  guint n;

  t->cells = g_new0 (RubricDebriefTopicCell, self->n_interviewers);
  for (guint i = 0; i < self->n_interviewers; i++)
    {
      Entry *entry = g_ptr_array_index (self->entries, i);
      RubricDebriefTopicCell *cell = &t->cells[i];

      disagrees[i] = &cell->disagrees;
      if (self->interviewers[i].hidden)
        continue;
      cell->has_score = entry->scores[index].has_score;
      cell->score = entry->scores[index].score;
      cell->rated = entry->scores[index].rated;
      cell->skipped = entry->scores[index].skipped;
      cell->not_asked = entry->scores[index].not_asked;
      for (guint j = 0; j < t->n_questions; j++)
        {
          RubricSummaryStatus status = self->questions[t->first_question + j].answers[i].status;

          cell->asked |= status == RUBRIC_SUMMARY_RATED || status == RUBRIC_SUMMARY_NOT_RATED;
        }
      if (!self->interviewers[i].counted)
        continue;
      t->n_asked += cell->asked;
      has[i] = cell->has_score;
      values[i] = cell->score;
    }
  t->disagreement = spread (values, has, disagrees, self->n_interviewers, &min, &max, &t->mean, &n);
  t->has_mean = n > 0;
  t->nobody_asked = t->n_asked == 0;
}

/* The matrix, from the entries kept and the user's name. */
static void
rebuild (RubricDebrief *self)
{
  gboolean was_blind = self->blind;
  gboolean yes = FALSE, no = FALSE;
  GListModel *topics;
  guint q = 0;

  clear_matrix (self);
  self->blind = FALSE;
  for (guint i = 0; i < self->entries->len && self->me_key != NULL; i++)
    {
      Entry *entry = g_ptr_array_index (self->entries, i);

      if (g_str_equal (self->me_key, entry->interviewer_key) && entry->seal != RUBRIC_SEAL_VALID)
        self->blind = TRUE;
    }

  self->n_interviewers = self->entries->len;
  self->interviewers = g_new0 (RubricDebriefInterviewer, MAX (self->n_interviewers, 1));
  for (guint i = 0; i < self->n_interviewers; i++)
    set_interviewer (self, &self->interviewers[i], g_ptr_array_index (self->entries, i));

  for (guint i = 0; i < self->n_interviewers; i++)
    {
      RubricDebriefInterviewer *who = &self->interviewers[i];

      if (!who->counted)
        continue;
      yes |= who->recommendation == RUBRIC_RECOMMENDATION_YES || who->recommendation == RUBRIC_RECOMMENDATION_STRONG_YES;
      no |= who->recommendation == RUBRIC_RECOMMENDATION_NO || who->recommendation == RUBRIC_RECOMMENDATION_STRONG_NO;
    }
  self->mixed = yes && no;

  if (self->n_interviewers > 0 && rubric_debrief_get_kit (self) != NULL)
    {
      topics = rubric_kit_get_topics (rubric_debrief_get_kit (self));
      self->n_topics = g_list_model_get_n_items (topics);
      self->topics = g_new0 (RubricDebriefTopic, self->n_topics);
      for (guint t = 0; t < self->n_topics; t++)
        {
          g_autoptr(RubricTopic) topic = g_list_model_get_item (topics, t);

          self->n_questions += g_list_model_get_n_items (rubric_topic_get_questions (topic));
        }
      self->questions = g_new0 (RubricDebriefQuestion, MAX (self->n_questions, 1));
      for (guint t = 0; t < self->n_topics; t++)
        {
          Entry *first = g_ptr_array_index (self->entries, 0);
          const RubricSummaryTopic *st = g_ptr_array_index (first->summary->topics, t);
          RubricDebriefTopic *topic = &self->topics[t];

          topic->id = st->id;
          topic->title = st->title;
          topic->first_question = q;
          topic->n_questions = st->questions->len;
          for (guint j = 0; j < topic->n_questions; j++)
            build_question (self, &self->questions[q++], t, j);
          build_topic (self, topic, t);
        }
    }

  if (was_blind != self->blind)
    g_object_notify_by_pspec (G_OBJECT (self), pspecs[PROP_BLIND]);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

/* The entries of one candidate, matched, as the debrief's. */
static void
assemble (RubricDebrief *self,
          GPtrArray     *entries,
          GPtrArray     *problems)
{
  g_clear_pointer (&self->entries, g_ptr_array_unref);
  g_clear_pointer (&self->problems, g_ptr_array_unref);
  g_clear_pointer (&self->candidate, g_free);
  g_clear_pointer (&self->role, g_free);
  self->entries = g_ptr_array_ref (entries);
  self->problems = g_ptr_array_ref (problems);

  match_kit (self->entries, self->problems);
  self->candidate = match_candidate (self->entries, self->problems);
  match_interviewers (self->entries, self->problems);

  self->role = g_strdup ("");
  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (self->entries, i);

      if (*entry->summary->role != '\0')
        {
          g_free (self->role);
          self->role = g_strdup (entry->summary->role);
          break;
        }
    }

  rebuild (self);
}

/* --------------------------------------------------------------- object */

static void
rubric_debrief_finalize (GObject *object)
{
  RubricDebrief *self = RUBRIC_DEBRIEF (object);

  clear_matrix (self);
  g_clear_pointer (&self->entries, g_ptr_array_unref);
  g_clear_pointer (&self->problems, g_ptr_array_unref);
  g_clear_object (&self->kit);
  g_free (self->me);
  g_free (self->me_key);
  g_free (self->candidate);
  g_free (self->role);

  G_OBJECT_CLASS (rubric_debrief_parent_class)->finalize (object);
}

static void
rubric_debrief_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  RubricDebrief *self = RUBRIC_DEBRIEF (object);

  switch (prop_id)
    {
    case PROP_ME:
      g_value_set_string (value, self->me);
      break;
    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;
    case PROP_BLIND:
      g_value_set_boolean (value, self->blind);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rubric_debrief_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  RubricDebrief *self = RUBRIC_DEBRIEF (object);

  switch (prop_id)
    {
    case PROP_ME:
      rubric_debrief_set_me (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rubric_debrief_class_init (RubricDebriefClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rubric_debrief_finalize;
  object_class->get_property = rubric_debrief_get_property;
  object_class->set_property = rubric_debrief_set_property;

  /* The user's own interviewer name: their scorecard, when it is in the
   * set, decides the blind rule. */
  pspecs[PROP_ME] = g_param_spec_string ("me", NULL, NULL, NULL,
                                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  pspecs[PROP_LOADING] = g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                                               G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The user's own scorecard is in the set and not sealed: the others'
   * ratings and notes are hidden. */
  pspecs[PROP_BLIND] = g_param_spec_boolean ("blind", NULL, NULL, FALSE,
                                             G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, pspecs);

  /* The matrix was built again: after a load, or a change of "me". */
  signals[SIGNAL_CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
rubric_debrief_init (RubricDebrief *self)
{
  self->entries = g_ptr_array_new_with_free_func ((GDestroyNotify) entry_free);
  self->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) rubric_debrief_problem_free);
  self->candidate = g_strdup ("");
  self->role = g_strdup ("");
  self->interviewers = g_new0 (RubricDebriefInterviewer, 1);
}

/**
 * rubric_debrief_new:
 * @kit: (nullable): the kit to read the sessions against (the bundled
 *   one); sessions of another kit are read against the questions they
 *   kept
 *
 * Returns: (transfer full): an empty debrief; load files into it
 */
RubricDebrief *
rubric_debrief_new (RubricKit *kit)
{
  RubricDebrief *self;

  g_return_val_if_fail (kit == NULL || RUBRIC_IS_KIT (kit), NULL);

  self = g_object_new (RUBRIC_TYPE_DEBRIEF, NULL);
  self->kit = kit != NULL ? g_object_ref (kit) : NULL;
  return self;
}

/**
 * rubric_debrief_set_me:
 * @interviewer: (nullable): the user's interviewer name, as their
 *   sessions say it (compared without case or accents)
 *
 * Builds the matrix again: while the user's own scorecard is in the set
 * and not sealed, the others' are hidden.
 */
void
rubric_debrief_set_me (RubricDebrief *self,
                       const char    *interviewer)
{
  g_return_if_fail (RUBRIC_IS_DEBRIEF (self));

  if (interviewer != NULL && rubric_export_is_blank (interviewer))
    interviewer = NULL;
  if (g_strcmp0 (self->me, interviewer) == 0)
    return;
  g_free (self->me);
  g_free (self->me_key);
  self->me = g_strdup (interviewer);
  self->me_key = interviewer != NULL ? fold_name (interviewer) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), pspecs[PROP_ME]);
  if (!self->loading)
    rebuild (self);
}

const char *
rubric_debrief_get_me (RubricDebrief *self)
{
  g_return_val_if_fail (RUBRIC_IS_DEBRIEF (self), NULL);
  return self->me;
}

/* ---------------------------------------------------------------- loading */

/**
 * rubric_debrief_load:
 * @files: (array length=n_files): session files of one candidate
 *
 * Reads @files one at a time, on this thread (the command line; the
 * window uses rubric_debrief_load_async()). A file that fails is a
 * problem of the debrief and never stops the others.
 *
 * Returns: %FALSE only when cancelled; then the debrief is as it was
 */
gboolean
rubric_debrief_load (RubricDebrief  *self,
                     GFile * const  *files,
                     guint           n_files,
                     GCancellable   *cancellable,
                     GError        **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) entry_free);
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) rubric_debrief_problem_free);

  g_return_val_if_fail (RUBRIC_IS_DEBRIEF (self), FALSE);
  g_return_val_if_fail (files != NULL || n_files == 0, FALSE);

  if (!load_entries (self->kit, files, n_files, entries, problems, cancellable, error))
    return FALSE;
  assemble (self, entries, problems);
  return TRUE;
}

/* ------------------------------------------------- loading in a worker */

typedef struct
{
  RubricKit          *kit;
  GPtrArray          *files;
  char               *me;
  RubricPanelLoadFunc load;
  GDestroyNotify      result_free;
} PanelLoad;

static void
panel_load_free (PanelLoad *data)
{
  g_clear_object (&data->kit);
  g_clear_pointer (&data->files, g_ptr_array_unref);
  g_free (data->me);
  g_free (data);
}

static void
panel_load_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  PanelLoad *data = task_data;
  GError *error = NULL;
  gpointer result;

  /* Only the task's data here: the object is the main thread's. */
  result = data->load (data->kit, (GFile * const *) data->files->pdata, data->files->len, data->me,
                       cancellable, &error);
  if (result == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, result, data->result_free);
}

/**
 * _rubric_panel_load_async:
 * @source: the debrief or compare the files are read for
 * @source_tag: its _load_async()
 * @load: reads the files, in a worker: with their copies of @kit, @files
 *   and @me, nothing of @source's
 * @result_free: frees what @load returns
 *
 * The worker of rubric_debrief_load_async() and rubric_compare_load_async().
 */
void
_rubric_panel_load_async (gpointer             source,
                          gpointer             source_tag,
                          RubricKit           *kit,
                          GFile * const       *files,
                          guint                n_files,
                          const char          *me,
                          RubricPanelLoadFunc  load,
                          GDestroyNotify       result_free,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (source, cancellable, callback, user_data);
  PanelLoad *data = g_new0 (PanelLoad, 1);

  data->kit = kit != NULL ? g_object_ref (kit) : NULL;
  data->me = g_strdup (me);
  data->load = load;
  data->result_free = result_free;
  data->files = g_ptr_array_new_full (n_files, g_object_unref);
  for (guint i = 0; i < n_files; i++)
    g_ptr_array_add (data->files, g_object_ref (files[i]));

  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, data, (GDestroyNotify) panel_load_free);
  g_task_run_in_thread (task, panel_load_thread);
}

/**
 * _rubric_panel_load_finish:
 * @me: (out) (optional) (transfer none): the name the files were read with
 *
 * Returns: (transfer full) (nullable): what the load returned; %NULL
 *   with @error when cancelled
 */
gpointer
_rubric_panel_load_finish (gpointer       source,
                           gpointer       source_tag,
                           GAsyncResult  *result,
                           const char   **me,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, source), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, NULL);

  if (me != NULL)
    *me = ((PanelLoad *) g_task_get_task_data (G_TASK (result)))->me;
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* What a worker read for a debrief. */
typedef struct
{
  GPtrArray *entries;
  GPtrArray *problems;
} Loaded;

static void
loaded_free (Loaded *loaded)
{
  g_ptr_array_unref (loaded->entries);
  g_ptr_array_unref (loaded->problems);
  g_free (loaded);
}

static gpointer
load_in_worker (RubricKit     *kit,
                GFile * const *files,
                guint          n_files,
                const char    *me,
                GCancellable  *cancellable,
                GError       **error)
{
  Loaded *loaded = g_new0 (Loaded, 1);

  loaded->entries = g_ptr_array_new_with_free_func ((GDestroyNotify) entry_free);
  loaded->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) rubric_debrief_problem_free);
  if (!load_entries (kit, files, n_files, loaded->entries, loaded->problems, cancellable, error))
    {
      loaded_free (loaded);
      return NULL;
    }
  return loaded;
}

/**
 * rubric_debrief_load_async:
 *
 * Like rubric_debrief_load(), in a worker: the files are read one at a
 * time there, and the debrief changes (#RubricDebrief::changed) on the
 * caller's thread when they are all read. #RubricDebrief:loading is
 * %TRUE meanwhile.
 */
void
rubric_debrief_load_async (RubricDebrief       *self,
                           GFile * const       *files,
                           guint                n_files,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_return_if_fail (RUBRIC_IS_DEBRIEF (self));
  g_return_if_fail (files != NULL || n_files == 0);

  self->loading = TRUE;
  g_object_notify_by_pspec (G_OBJECT (self), pspecs[PROP_LOADING]);
  _rubric_panel_load_async (self, rubric_debrief_load_async, self->kit, files, n_files, NULL, load_in_worker,
                            (GDestroyNotify) loaded_free, cancellable, callback, user_data);
}

gboolean
rubric_debrief_load_finish (RubricDebrief  *self,
                            GAsyncResult   *result,
                            GError        **error)
{
  Loaded *loaded;

  g_return_val_if_fail (RUBRIC_IS_DEBRIEF (self), FALSE);

  loaded = _rubric_panel_load_finish (self, rubric_debrief_load_async, result, NULL, error);
  self->loading = FALSE;
  if (loaded != NULL)
    {
      assemble (self, loaded->entries, loaded->problems);
      loaded_free (loaded);
    }
  g_object_notify_by_pspec (G_OBJECT (self), pspecs[PROP_LOADING]);
  return loaded != NULL;
}

/**
 * rubric_debrief_load_grouped:
 * @files: (array length=n_files): session files of any candidates
 * @me: (nullable): the user's interviewer name
 * @problems: where the files that could not be read are told, as
 *   #RubricDebriefProblem (free with rubric_debrief_problem_free())
 *
 * Reads @files one at a time (on this thread: call it from a worker) and
 * makes a debrief of each candidate and kit among them, in the order of
 * their first file ("Debrief a Folder…", `build-aux/bench panel`).
 *
 * Returns: (transfer full) (element-type RubricDebrief) (nullable): the
 *   debriefs, or %NULL when cancelled
 */
GPtrArray *
rubric_debrief_load_grouped (RubricKit     *kit,
                             GFile * const *files,
                             guint          n_files,
                             const char    *me,
                             GPtrArray     *problems,
                             GCancellable  *cancellable,
                             GError       **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) entry_free);
  g_autoptr(GPtrArray) groups = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GHashTable) by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GPtrArray *debriefs;

  g_return_val_if_fail (kit == NULL || RUBRIC_IS_KIT (kit), NULL);
  g_return_val_if_fail (problems != NULL, NULL);

  if (!load_entries (kit, files, n_files, entries, problems, cancellable, error))
    return NULL;

  /* The entries move to their group's array, in order. */
  g_ptr_array_set_free_func (entries, NULL);
  for (guint i = 0; i < entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (entries, i);
      g_autofree char *key = g_strconcat (entry->kit_id, "\n", entry->candidate_key, NULL);
      GPtrArray *group = g_hash_table_lookup (by_key, key);

      if (group == NULL)
        {
          group = g_ptr_array_new_with_free_func ((GDestroyNotify) entry_free);
          g_ptr_array_add (groups, group);
          g_hash_table_insert (by_key, g_steal_pointer (&key), group);
        }
      g_ptr_array_add (group, entry);
    }

  debriefs = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < groups->len; i++)
    {
      RubricDebrief *debrief = rubric_debrief_new (kit);
      g_autoptr(GPtrArray) none = g_ptr_array_new_with_free_func ((GDestroyNotify) rubric_debrief_problem_free);

      debrief->me = g_strdup (me);
      debrief->me_key = me != NULL ? fold_name (me) : NULL;
      assemble (debrief, g_ptr_array_index (groups, i), none);
      g_ptr_array_add (debriefs, debrief);
    }
  return debriefs;
}

/* -------------------------------------------------------------- getters */

gboolean
rubric_debrief_get_loading (RubricDebrief *self)
{
  g_return_val_if_fail (RUBRIC_IS_DEBRIEF (self), FALSE);
  return self->loading;
}

/**
 * rubric_debrief_get_blind:
 *
 * Returns: whether the user's own scorecard is in the set and not sealed,
 *   so that the others' ratings and notes are hidden
 */
gboolean
rubric_debrief_get_blind (RubricDebrief *self)
{
  g_return_val_if_fail (RUBRIC_IS_DEBRIEF (self), FALSE);
  return self->blind;
}

/**
 * rubric_debrief_get_blind_text:
 *
 * Returns: what a blind debrief says instead of the panel's scorecards
 */
const char *
rubric_debrief_get_blind_text (void)
{
  /* Translators: in a debrief, while the user's own scorecard is not
   * sealed: the other interviewers' ratings and notes are hidden */
  return _("Seal your scorecard to see the panel");
}

/**
 * rubric_debrief_get_kit:
 *
 * Returns: (transfer none) (nullable): the kit the matrix follows: the one
 *   given, or a stand-in made of what the sessions kept of another
 */
RubricKit *
rubric_debrief_get_kit (RubricDebrief *self)
{
  g_return_val_if_fail (RUBRIC_IS_DEBRIEF (self), NULL);

  if (self->entries->len > 0)
    return ((Entry *) g_ptr_array_index (self->entries, 0))->kit;
  return self->kit;
}

/**
 * rubric_debrief_get_candidate:
 *
 * Returns: the candidate, as the first file about them writes the name
 */
const char *
rubric_debrief_get_candidate (RubricDebrief *self)
{
  g_return_val_if_fail (RUBRIC_IS_DEBRIEF (self), NULL);
  return self->candidate;
}

const char *
rubric_debrief_get_role (RubricDebrief *self)
{
  g_return_val_if_fail (RUBRIC_IS_DEBRIEF (self), NULL);
  return self->role;
}

/**
 * rubric_debrief_get_session_id:
 *
 * Returns: (nullable): the id of the first session kept: what the
 *   candidate's anonymous alias is made from
 */
const char *
rubric_debrief_get_session_id (RubricDebrief *self)
{
  g_return_val_if_fail (RUBRIC_IS_DEBRIEF (self), NULL);

  if (self->entries->len == 0)
    return NULL;
  return ((Entry *) g_ptr_array_index (self->entries, 0))->session_id;
}

guint
rubric_debrief_get_n_problems (RubricDebrief *self)
{
  g_return_val_if_fail (RUBRIC_IS_DEBRIEF (self), 0);
  return self->problems->len;
}

/**
 * rubric_debrief_get_problem:
 *
 * Returns: the files that failed to load in the order of the files, then
 *   those the matching rules left out or warn about
 */
const RubricDebriefProblem *
rubric_debrief_get_problem (RubricDebrief *self,
                            guint          index)
{
  g_return_val_if_fail (RUBRIC_IS_DEBRIEF (self), NULL);
  g_return_val_if_fail (index < self->problems->len, NULL);
  return g_ptr_array_index (self->problems, index);
}

/**
 * rubric_debrief_has_errors:
 *
 * Returns: whether a file was left out, or the files are about more than
 *   one candidate (warnings do not count)
 */
gboolean
rubric_debrief_has_errors (RubricDebrief *self)
{
  g_return_val_if_fail (RUBRIC_IS_DEBRIEF (self), FALSE);

  for (guint i = 0; i < self->problems->len; i++)
    if (((RubricDebriefProblem *) g_ptr_array_index (self->problems, i))->error)
      return TRUE;
  return FALSE;
}

guint
rubric_debrief_get_n_interviewers (RubricDebrief *self)
{
  g_return_val_if_fail (RUBRIC_IS_DEBRIEF (self), 0);
  return self->n_interviewers;
}

/**
 * rubric_debrief_get_interviewer:
 *
 * Returns: the INDEXth interviewer, in the order of their files; the
 *   columns of the topics' cells and the questions' answers
 */
const RubricDebriefInterviewer *
rubric_debrief_get_interviewer (RubricDebrief *self,
                                guint          index)
{
  g_return_val_if_fail (RUBRIC_IS_DEBRIEF (self), NULL);
  g_return_val_if_fail (index < self->n_interviewers, NULL);
  return &self->interviewers[index];
}

guint
rubric_debrief_get_n_topics (RubricDebrief *self)
{
  g_return_val_if_fail (RUBRIC_IS_DEBRIEF (self), 0);
  return self->n_topics;
}

const RubricDebriefTopic *
rubric_debrief_get_topic (RubricDebrief *self,
                          guint          index)
{
  g_return_val_if_fail (RUBRIC_IS_DEBRIEF (self), NULL);
  g_return_val_if_fail (index < self->n_topics, NULL);
  return &self->topics[index];
}

guint
rubric_debrief_get_n_questions (RubricDebrief *self)
{
  g_return_val_if_fail (RUBRIC_IS_DEBRIEF (self), 0);
  return self->n_questions;
}

const RubricDebriefQuestion *
rubric_debrief_get_question (RubricDebrief *self,
                             guint          index)
{
  g_return_val_if_fail (RUBRIC_IS_DEBRIEF (self), NULL);
  g_return_val_if_fail (index < self->n_questions, NULL);
  return &self->questions[index];
}

/**
 * rubric_debrief_get_mixed:
 *
 * Returns: whether the counted recommendations are mixed: a yes (or
 *   strong yes) and a no (or strong no)
 */
gboolean
rubric_debrief_get_mixed (RubricDebrief *self)
{
  g_return_val_if_fail (RUBRIC_IS_DEBRIEF (self), FALSE);
  return self->mixed;
}

/**
 * rubric_debrief_count_recommendation:
 *
 * Returns: how many counted interviewers recommend @recommendation
 */
guint
rubric_debrief_count_recommendation (RubricDebrief        *self,
                                     RubricRecommendation  recommendation)
{
  guint n = 0;

  g_return_val_if_fail (RUBRIC_IS_DEBRIEF (self), 0);

  for (guint i = 0; i < self->n_interviewers; i++)
    n += self->interviewers[i].counted && self->interviewers[i].recommendation == recommendation;
  return n;
}

/* ---------------------------------------------------- for the compare */

static Entry *
entry_at (RubricDebrief *self,
          guint          index)
{
  g_return_val_if_fail (RUBRIC_IS_DEBRIEF (self), NULL);
  g_return_val_if_fail (index < self->entries->len, NULL);
  return g_ptr_array_index (self->entries, index);
}

const RubricSummary *
_rubric_debrief_get_summary (RubricDebrief *self,
                             guint          index)
{
  Entry *entry = entry_at (self, index);

  return entry != NULL ? entry->summary : NULL;
}

const char *
_rubric_debrief_get_interviewer_key (RubricDebrief *self,
                                     guint          index)
{
  Entry *entry = entry_at (self, index);

  return entry != NULL ? entry->interviewer_key : NULL;
}

const char *
_rubric_debrief_get_plan_id (RubricDebrief *self,
                             guint          index)
{
  Entry *entry = entry_at (self, index);

  return entry != NULL ? entry->plan_id : NULL;
}

const char *
_rubric_debrief_get_plan_hash (RubricDebrief *self,
                               guint          index)
{
  Entry *entry = entry_at (self, index);

  return entry != NULL ? entry->plan_hash : NULL;
}

const char *
_rubric_debrief_get_kit_id (RubricDebrief *self,
                            guint          index)
{
  Entry *entry = entry_at (self, index);

  return entry != NULL ? entry->kit_id : NULL;
}

const char * const *
_rubric_debrief_get_plan_topics (RubricDebrief *self,
                                 guint          index)
{
  Entry *entry = entry_at (self, index);

  return entry != NULL ? (const char * const *) entry->plan_topics : no_lines;
}

void
_rubric_debrief_remove_interviewer (RubricDebrief *self,
                                    guint          index)
{
  g_return_if_fail (RUBRIC_IS_DEBRIEF (self));
  g_return_if_fail (index < self->entries->len);

  g_ptr_array_remove_index (self->entries, index);
  rebuild (self);
}

char *
_rubric_debrief_fold_name (const char *name)
{
  return fold_name (name);
}
