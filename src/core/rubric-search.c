/* rubric-search.c — full-text search over the questions of a kit
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * How it works. At build time every field of every question (prompt,
 * expected answer, each key point, each red flag, explanation) is folded —
 * NFKD, combining marks dropped, case-folded, runs of white space made one
 * space — into one arena of text, and cut into words (runs of letters and
 * digits). Each distinct word goes once into a vocabulary, "\n" before and
 * after each, with the sorted list of the fields it occurs in (its
 * postings). Each field also gets a bit mask of the ASCII letters and digits
 * in it.
 *
 * A query is folded the same way and split into terms: words, or "quoted
 * phrases". A term made of letters and digits only can only match inside one
 * word, so the fields it matches are exactly the postings of the vocabulary
 * words that contain it: one memmem() over the vocabulary, no scan of the
 * text (a single letter or digit, in most words, goes by the bit masks).
 * Any other term (a phrase, "select_related", "n+1") is narrowed by the
 * words in it: a word of the term that something follows must end a word of
 * the field, and one that something comes before must start one, so for
 * "n+1" the vocabulary is searched for "n\n" and for "\n1". The fields of
 * the one with the fewest postings are then checked with memmem() over
 * their folded text. Every term must match in a question
 * (AND), in any of its fields; terms of one word run first, and the others
 * only look at the questions still in the running.
 *
 * Per-field and per-question bit masks (one bit a term) record the matches;
 * they and every other buffer a query needs are allocated once, with the
 * index, and only the entries a query touched are cleared after it. The
 * passage and the highlighted ranges are worked out for the results
 * returned only: from the folded text where it has the original's offsets
 * (ASCII without runs of white space), otherwise by folding the field again
 * with a map from each folded byte back to the original character.
 */

#define _GNU_SOURCE   /* memmem() */

#define G_LOG_DOMAIN "rubric-search"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "rubric-search-private.h"

/* Terms past this many in one query are ignored (they fill a guint32). */
#define MAX_TERMS 32

/* A field of at most this many characters is shown whole; a longer one
 * shows the sentence of its first match. */
#define SHORT_FIELD_CHARS 200

/* A sentence longer than this is cut around its first match, with "…" where
 * it was cut. */
#define MAX_PASSAGE_CHARS 400
#define PASSAGE_CONTEXT_CHARS 60

G_DEFINE_ENUM_TYPE (RubricSearchField, rubric_search_field,
  G_DEFINE_ENUM_VALUE (RUBRIC_SEARCH_FIELD_PROMPT, "prompt"),
  G_DEFINE_ENUM_VALUE (RUBRIC_SEARCH_FIELD_EXPECTED, "expected"),
  G_DEFINE_ENUM_VALUE (RUBRIC_SEARCH_FIELD_KEY_POINT, "key-point"),
  G_DEFINE_ENUM_VALUE (RUBRIC_SEARCH_FIELD_RED_FLAG, "red-flag"),
  G_DEFINE_ENUM_VALUE (RUBRIC_SEARCH_FIELD_EXPLANATION, "explanation"))

/* ======================================================= RubricSearchResult */

static void
search_result_clear (RubricSearchResult *self)
{
  g_clear_object (&self->question);
  g_clear_pointer (&self->passage, g_free);
  g_clear_pointer (&self->ranges, g_array_unref);
}

/**
 * rubric_search_result_ref:
 *
 * Returns: (transfer full): @self
 */
RubricSearchResult *
rubric_search_result_ref (RubricSearchResult *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return g_atomic_rc_box_acquire (self);
}

void
rubric_search_result_unref (RubricSearchResult *self)
{
  g_return_if_fail (self != NULL);
  g_atomic_rc_box_release_full (self, (GDestroyNotify) search_result_clear);
}

G_DEFINE_BOXED_TYPE (RubricSearchResult, rubric_search_result,
                     rubric_search_result_ref, rubric_search_result_unref)

/* ======================================================== RubricSearchIndex */





G_DEFINE_FINAL_TYPE (RubricSearchIndex, rubric_search_index, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_KIT,
  N_PROPS
};

static GParamSpec *pspecs[N_PROPS];

/* ----------------------------------------------------------------- GObject */

static void
rubric_search_index_constructed (GObject *object)
{
  RubricSearchIndex *self = RUBRIC_SEARCH_INDEX (object);

  G_OBJECT_CLASS (rubric_search_index_parent_class)->constructed (object);

  /* Built here for rubric_search_index_new(); the private constructor for
   * several kits builds it itself. */
  if (self->kits->len == 1)
    {
      RubricKit *kit = g_ptr_array_steal_index (self->kits, 0);

      _rubric_search_index_build (self, &kit, 1);
      g_object_unref (kit);
    }
}

static void
rubric_search_index_finalize (GObject *object)
{
  RubricSearchIndex *self = RUBRIC_SEARCH_INDEX (object);

  g_clear_pointer (&self->questions, g_ptr_array_unref);
  g_clear_pointer (&self->kits, g_ptr_array_unref);
  g_free (self->first_field);
  g_free (self->is_main);
  g_free (self->fields);
  if (self->text != NULL)
    g_string_free (self->text, TRUE);
  g_free (self->vocabulary);
  g_free (self->word_start);
  g_free (self->postings);
  g_free (self->postings_start);
  g_free (self->field_chars);
  g_free (self->field_initials);
  _rubric_search_folder_clear (&self->folder);
  g_free (self->field_mask);
  g_free (self->field_word_start);
  g_free (self->field_stamp);
  g_free (self->question_mask);
  g_free (self->touched_fields);
  g_free (self->touched_questions);
  g_free (self->candidates);
  g_string_free (self->query_text, TRUE);
  g_string_free (self->fold_scratch, TRUE);
  g_array_unref (self->map_scratch);
  g_mutex_clear (&self->lock);

  G_OBJECT_CLASS (rubric_search_index_parent_class)->finalize (object);
}

static void
rubric_search_index_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  RubricSearchIndex *self = RUBRIC_SEARCH_INDEX (object);

  switch (prop_id)
    {
    case PROP_KIT:
      g_value_set_object (value, rubric_search_index_get_kit (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rubric_search_index_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  RubricSearchIndex *self = RUBRIC_SEARCH_INDEX (object);

  switch (prop_id)
    {
    case PROP_KIT:
      /* Construct-only: constructed() builds the index from it. */
      if (g_value_get_object (value) != NULL)
        g_ptr_array_add (self->kits, g_value_dup_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rubric_search_index_class_init (RubricSearchIndexClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = rubric_search_index_constructed;
  object_class->finalize = rubric_search_index_finalize;
  object_class->get_property = rubric_search_index_get_property;
  object_class->set_property = rubric_search_index_set_property;

  /**
   * RubricSearchIndex:kit:
   *
   * The kit searched (the first, for an index over several).
   */
  pspecs[PROP_KIT] =
    g_param_spec_object ("kit", NULL, NULL, RUBRIC_TYPE_KIT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, pspecs);
}

static void
rubric_search_index_init (RubricSearchIndex *self)
{
  self->kits = g_ptr_array_new_with_free_func (g_object_unref);
  self->questions = g_ptr_array_new_with_free_func (g_object_unref);
  self->text = g_string_new (NULL);
  g_mutex_init (&self->lock);
  _rubric_search_folder_init (&self->folder);
  self->query_text = g_string_new (NULL);
  self->fold_scratch = g_string_new (NULL);
  self->map_scratch = g_array_new (FALSE, FALSE, sizeof (MapEntry));
}

/**
 * rubric_search_index_new:
 * @kit: the kit to search
 *
 * Builds the index of every question of @kit: the time it takes grows with
 * the size of the kit (some milliseconds for the shipped one). The index
 * keeps a reference to @kit.
 *
 * Returns: (transfer full): the index
 */
RubricSearchIndex *
rubric_search_index_new (RubricKit *kit)
{
  g_return_val_if_fail (RUBRIC_IS_KIT (kit), NULL);

  return g_object_new (RUBRIC_TYPE_SEARCH_INDEX, "kit", kit, NULL);
}

typedef struct {
  RubricKit *kit;
  GPtrArray *questions;
} NewData;

static void
new_data_free (NewData *data)
{
  g_object_unref (data->kit);
  g_ptr_array_unref (data->questions);
  g_free (data);
}

static void
new_in_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  NewData *data = task_data;
  g_autoptr(RubricSearchIndex) index = NULL;

  if (g_task_return_error_if_cancelled (task))
    return;
  index = g_object_new (RUBRIC_TYPE_SEARCH_INDEX, NULL);
  _rubric_search_index_build_from (index, &data->kit, 1, data->questions);
  g_task_return_pointer (task, g_steal_pointer (&index), g_object_unref);
}

/**
 * rubric_search_index_new_async:
 * @kit: a kit, which is never changed once loaded
 *
 * Indexes @kit in a worker thread, so that a big kit's index (a fifth of
 * a second for 5,000 questions) does not hold the main loop; @callback
 * gets it with rubric_search_index_new_finish(). The questions are
 * collected first, on the calling thread: the kit's list models are not
 * to be read from two threads at once.
 */
void
rubric_search_index_new_async (RubricKit           *kit,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  NewData *data;

  g_return_if_fail (RUBRIC_IS_KIT (kit));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  data = g_new0 (NewData, 1);
  data->kit = g_object_ref (kit);
  data->questions = _rubric_search_collect_questions (&kit, 1);
  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, rubric_search_index_new_async);
  g_task_set_task_data (task, data, (GDestroyNotify) new_data_free);
  g_task_run_in_thread (task, new_in_thread);
}

/**
 * rubric_search_index_new_finish:
 *
 * Returns: (transfer full) (nullable): the index, or %NULL with @error set
 *   (%G_IO_ERROR_CANCELLED only)
 */
RubricSearchIndex *
rubric_search_index_new_finish (GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == rubric_search_index_new_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

RubricSearchIndex *
rubric_search_index_new_for_kits (RubricKit * const *kits,
                                  guint              n_kits)
{
  RubricSearchIndex *self;

  g_return_val_if_fail (kits != NULL || n_kits == 0, NULL);
  for (guint i = 0; i < n_kits; i++)
    g_return_val_if_fail (RUBRIC_IS_KIT (kits[i]), NULL);

  self = g_object_new (RUBRIC_TYPE_SEARCH_INDEX, NULL);
  _rubric_search_index_build (self, kits, n_kits);

  return self;
}

/**
 * rubric_search_index_get_kit:
 *
 * Returns: (transfer none) (nullable): the kit searched
 */
RubricKit *
rubric_search_index_get_kit (RubricSearchIndex *self)
{
  g_return_val_if_fail (RUBRIC_IS_SEARCH_INDEX (self), NULL);

  return self->kits->len > 0 ? g_ptr_array_index (self->kits, 0) : NULL;
}

/* ----------------------------------------------------------------- query */

/* Splits the folded query into terms: words and "quoted phrases". Leading
 * and trailing punctuation goes ("django," finds "django"), unless nothing
 * else is left. */
static guint
split_query (const char *text,
             Term       *terms)
{
  static const char leading[] = "([{'\"";
  static const char trailing[] = ")]}'\",;:!?.";
  const char *p = text;
  guint n = 0;

  while (*p != '\0' && n < MAX_TERMS)
    {
      const char *start;
      const char *end;
      Term term = { 0 };

      if (*p == ' ')
        {
          p++;
          continue;
        }

      if (*p == '"')
        {
          /* A phrase, to the closing quote or the end. */
          start = ++p;
          end = strchr (p, '"');
          if (end == NULL)
            end = p + strlen (p);
          p = *end != '\0' ? end + 1 : end;
          while (start < end && *start == ' ')
            start++;
          while (end > start && end[-1] == ' ')
            end--;
        }
      else
        {
          start = p;
          while (*p != '\0' && *p != ' ' && *p != '"')
            p++;
          end = p;
          {
            const char *s = start;
            const char *e = end;

            while (s < e && strchr (leading, *s) != NULL)
              s++;
            while (e > s && strchr (trailing, e[-1]) != NULL)
              e--;
            if (s < e)
              {
                start = s;
                end = e;
              }
          }
        }

      if (start >= end)
        continue;

      term.text = start;
      term.length = end - start;
      term.is_word = TRUE;
      for (const char *q = start; q < end; q = g_utf8_next_char (q))
        if (!is_word_char (g_utf8_get_char (q)))
          {
            term.is_word = FALSE;
            break;
          }

      /* The same term twice is one term. */
      {
        gboolean seen = FALSE;

        for (guint i = 0; i < n && !seen; i++)
          seen = terms[i].length == term.length && memcmp (terms[i].text, term.text, term.length) == 0;
        if (!seen)
          terms[n++] = term;
      }
    }

  return n;
}

/* The word of the vocabulary at byte @offset of it. */
static inline guint32
word_at (RubricSearchIndex *self,
         gsize              offset)
{
  guint32 low = 0;
  guint32 high = self->n_words;   /* word_start[n_words] is the end */

  while (high - low > 1)
    {
      guint32 middle = low + (high - low) / 2;

      if (self->word_start[middle] <= offset)
        low = middle;
      else
        high = middle;
    }
  return low;
}

typedef struct
{
  RubricSearchIndex *self;
  const Term *term;
  guint32 bit;
  guint32 before;      /* the bits of the terms already run */
  guint n_alive;       /* questions that matched all of them and this one */
} TermPass;

/* Records that the term of @pass matches in field @f. */
static inline void
mark (TermPass *pass,
      guint32   f,
      gboolean  at_word_start)
{
  RubricSearchIndex *self = pass->self;
  guint32 q = self->fields[f].question;
  guint32 old = self->question_mask[q];

  if (self->field_mask[f] == 0)
    self->touched_fields[self->n_touched_fields++] = f;
  self->field_mask[f] |= pass->bit;
  if (at_word_start)
    self->field_word_start[f] |= pass->bit;
  if (old == 0)
    self->touched_questions[self->n_touched_questions++] = q;
  if ((old & pass->bit) == 0)
    {
      /* Only fields of questions still alive get here. */
      self->question_mask[q] = old | pass->bit;
      pass->n_alive++;
    }
}

/* Whether field @f can still be a result: it matched every term before. */
static inline gboolean
alive (const TermPass *pass,
       guint32         f)
{
  RubricSearchIndex *self = pass->self;

  if (pass->before == 0)
    return TRUE;
  return (self->question_mask[self->fields[f].question] & pass->before) == pass->before;
}

/* Checks a term that is not a single word against the folded text of
 * field @f. */
static void
check_field (TermPass *pass,
             guint32   f)
{
  RubricSearchIndex *self = pass->self;
  const char *text = self->text->str + self->fields[f].text_start;
  gsize length = self->fields[f].text_length;
  const char *p = text;
  const char *hit;
  gboolean found = FALSE;

  while ((hit = memmem (p, length - (p - text), pass->term->text, pass->term->length)) != NULL)
    {
      found = TRUE;
      if (_rubric_search_is_word_start (text, hit))
        {
          mark (pass, f, TRUE);
          return;
        }
      p = g_utf8_next_char (hit);
    }
  if (found)
    mark (pass, f, FALSE);
}

/* Calls @visit for each word of the vocabulary @needle is in, and whether
 * it is at the start of the word. A needle may start or end with "\n", to
 * find only words that start or end with the rest of it. */
typedef void (*VisitWord) (TermPass *pass,
                           guint32   word,
                           gboolean  at_start);

static void
scan_vocabulary (TermPass   *pass,
                 const char *needle,
                 gsize       needle_length,
                 VisitWord   visit)
{
  RubricSearchIndex *self = pass->self;
  const char *vocabulary = self->vocabulary;
  const char *end = vocabulary + self->vocabulary_length;
  const char *p = vocabulary;
  const char *hit;
  gsize skip = needle[0] == '\n' ? 1 : 0;

  while (p < end && (hit = memmem (p, end - p, needle, needle_length)) != NULL)
    {
      gsize offset = hit + skip - vocabulary;
      guint32 w = word_at (self, offset);

      visit (pass, w, offset == self->word_start[w]);
      /* On from the "\n" before the next word. */
      p = vocabulary + self->word_start[w + 1] - 1;
    }
}

/* The fields word @w is in, in order. */
static inline const guint32 *
get_postings (const RubricSearchIndex *self,
              guint32                  w,
              guint32                 *n_postings)
{
  *n_postings = self->postings_start[w + 1] - self->postings_start[w];
  return self->postings + self->postings_start[w];
}

static void
count_postings (TermPass *pass,
                guint32   w,
                gboolean  at_start)
{
  guint32 n;

  get_postings (pass->self, w, &n);
  pass->n_alive += n;
}

static void
mark_postings (TermPass *pass,
               guint32   w,
               gboolean  at_start)
{
  guint32 n;
  const guint32 *fields = get_postings (pass->self, w, &n);

  for (guint32 i = 0; i < n; i++)
    if (alive (pass, fields[i]))
      mark (pass, fields[i], at_start);
}

/* Like mark_postings(), but each field is checked for the whole term, and
 * only once however many of the matching words it has. */
static void
check_postings (TermPass *pass,
                guint32   w,
                gboolean  at_start)
{
  RubricSearchIndex *self = pass->self;
  guint32 n;
  const guint32 *fields = get_postings (self, w, &n);

  for (guint32 i = 0; i < n; i++)
    if (self->field_stamp[fields[i]] != self->stamp && alive (pass, fields[i]))
      {
        self->field_stamp[fields[i]] = self->stamp;
        check_field (pass, fields[i]);
      }
}

/* Marks the fields, and questions, that @pass's term matches in. */
static void
run_term (TermPass *pass)
{
  RubricSearchIndex *self = pass->self;
  const Term *term = pass->term;
  const char *term_end = term->text + term->length;
  char best[260];
  gsize best_length = 0;
  gsize best_postings = G_MAXSIZE;

  if (term->is_word && term->length == 1 && char_bit (term->text[0]) != 0)
    {
      /* One ASCII letter or digit, in most words: faster by the fields. */
      guint64 bit = char_bit (term->text[0]);

      for (guint32 f = 0; f < self->n_fields; f++)
        if ((self->field_chars[f] & bit) != 0 && alive (pass, f))
          mark (pass, f, (self->field_initials[f] & bit) != 0);
      return;
    }

  if (term->is_word)
    {
      /* Exactly the fields of the words it is in. */
      scan_vocabulary (pass, term->text, term->length, mark_postings);
      return;
    }

  /* Its other words narrow the fields to check: the word a term's word is
   * in starts with it when something comes before it in the term ("n" of
   * "n+1" ends a word, "1" starts one), and ends with it when something
   * comes after. The one with the fewest postings wins. */
  for (const char *q = next_word (term->text, term_end); q < term_end; q = next_word (q, term_end))
    {
      const char *stop = word_end (q, term_end);
      char needle[260];
      gsize length = 0;

      if (stop - q > 256)
        {
          q = stop;
          continue;
        }
      if (q > term->text)
        needle[length++] = '\n';
      memcpy (needle + length, q, stop - q);
      length += stop - q;
      if (stop < term_end)
        needle[length++] = '\n';

      pass->n_alive = 0;
      scan_vocabulary (pass, needle, length, count_postings);
      if (pass->n_alive < best_postings)
        {
          best_postings = pass->n_alive;
          memcpy (best, needle, length);
          best_length = length;
        }
      q = stop;
    }
  pass->n_alive = 0;

  if (++self->stamp == 0)
    {
      memset (self->field_stamp, 0, self->n_fields * sizeof (guint32));
      self->stamp = 1;
    }

  if (best_length > 0)
    {
      scan_vocabulary (pass, best, best_length, check_postings);
    }
  else
    {
      /* No word in it at all ("++"): check every field. */
      for (guint32 f = 0; f < self->n_fields; f++)
        if (alive (pass, f))
          check_field (pass, f);
    }
}

static inline int
count_bits (guint32 bits)
{
  bits = bits - ((bits >> 1) & 0x55555555u);
  bits = (bits & 0x33333333u) + ((bits >> 2) & 0x33333333u);
  return (int) ((((bits + (bits >> 4)) & 0x0F0F0F0Fu) * 0x01010101u) >> 24);
}

static int
field_weight (RubricSearchField field)
{
  switch (field)
    {
    case RUBRIC_SEARCH_FIELD_PROMPT:
      return 3;
    case RUBRIC_SEARCH_FIELD_EXPECTED:
      return 2;
    case RUBRIC_SEARCH_FIELD_KEY_POINT:
    case RUBRIC_SEARCH_FIELD_RED_FLAG:
    case RUBRIC_SEARCH_FIELD_EXPLANATION:
    default:
      return 1;
    }
}

/* Scores question @q, which matched every term, and picks the field to show:
 * the one of most weight, then with most terms, then with most terms at a
 * word start, then the first. The score orders by the same, with a main
 * question over a follow-up between field weight and terms; then by how
 * well each term matched anywhere. */
static Candidate
score_question (RubricSearchIndex *self,
                guint32            q,
                guint              n_terms)
{
  Candidate candidate = { 0, q, G_MAXUINT32 };
  int best_weight = 0;
  int best_terms = 0;
  int best_starts = 0;
  int term_weight[MAX_TERMS] = { 0 };
  guint32 all_starts = 0;
  int sum_weights = 0;

  for (guint32 f = self->first_field[q]; f < self->first_field[q + 1]; f++)
    {
      guint32 mask = self->field_mask[f];
      int weight;
      int terms;
      int starts;

      if (mask == 0)
        continue;
      weight = field_weight (self->fields[f].field);
      terms = count_bits (mask);
      starts = count_bits (self->field_word_start[f]);
      all_starts |= self->field_word_start[f];
      for (guint t = 0; t < n_terms; t++)
        if ((mask & (1u << t)) && weight > term_weight[t])
          term_weight[t] = weight;

      if (weight > best_weight ||
          (weight == best_weight && (terms > best_terms ||
                                     (terms == best_terms && starts > best_starts))))
        {
          best_weight = weight;
          best_terms = terms;
          best_starts = starts;
          candidate.field = f;
        }
    }

  for (guint t = 0; t < n_terms; t++)
    sum_weights += term_weight[t];

  candidate.score = best_weight * 1e9
                    + (self->is_main[q] ? 1e8 : 0)
                    + best_terms * 1e6
                    + best_starts * 1e4
                    + sum_weights * 1e2
                    + count_bits (all_starts);
  return candidate;
}

/* Whether @a comes before @b: a higher score, then kit order. */
static inline gboolean
better (const Candidate *a,
        const Candidate *b)
{
  return a->score > b->score || (a->score == b->score && a->question < b->question);
}

static int
compare_candidates (const void *a,
                    const void *b)
{
  if (better (a, b))
    return -1;
  if (better (b, a))
    return 1;
  return 0;
}

/* Keeps the best @k of the candidates in a heap whose root is the worst
 * kept; returns how many it kept (at the start of the array). */
static guint
keep_best (Candidate *candidates,
           guint      n,
           guint      k)
{
  guint kept = 0;

  for (guint i = 0; i < n; i++)
    {
      Candidate c = candidates[i];
      guint j;

      if (kept < k)
        {
          /* Sift up. */
          for (j = kept++; j > 0 && better (&candidates[(j - 1) / 2], &c); j = (j - 1) / 2)
            candidates[j] = candidates[(j - 1) / 2];
          candidates[j] = c;
        }
      else if (better (&c, &candidates[0]))
        {
          /* Replace the root and sift down. */
          j = 0;
          for (;;)
            {
              guint child = 2 * j + 1;

              if (child >= k)
                break;
              if (child + 1 < k && better (&candidates[child], &candidates[child + 1]))
                child++;
              if (!better (&c, &candidates[child]))
                break;
              candidates[j] = candidates[child];
              j = child;
            }
          candidates[j] = c;
        }
    }

  return kept;
}

static const char *
field_text (RubricQuestion *question,
            const Field    *field)
{
  switch ((RubricSearchField) field->field)
    {
    case RUBRIC_SEARCH_FIELD_PROMPT:
      return rubric_question_get_prompt (question);
    case RUBRIC_SEARCH_FIELD_EXPECTED:
      return rubric_question_get_expected (question);
    case RUBRIC_SEARCH_FIELD_KEY_POINT:
      return rubric_question_get_key_points (question)[field->index];
    case RUBRIC_SEARCH_FIELD_RED_FLAG:
      return rubric_question_get_red_flags (question)[field->index];
    case RUBRIC_SEARCH_FIELD_EXPLANATION:
      return rubric_question_get_explanation (question);
    default:
      g_assert_not_reached ();
    }
}

static int
compare_ranges (const void *a,
                const void *b)
{
  const RubricSearchRange *x = a;
  const RubricSearchRange *y = b;

  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  return (x->end > y->end) - (x->end < y->end);
}

/* Whether the character ending just before @p ends a sentence. */
static gboolean
ends_sentence (const char *text,
               const char *p)
{
  const char *prev = g_utf8_find_prev_char (text, p);
  gunichar c;

  if (prev == NULL)
    return FALSE;
  c = g_utf8_get_char (prev);
  return c == '.' || c == '!' || c == '?' || c == 0x2026 /* … */ ||
         c == 0x3002 || c == 0xFF01 || c == 0xFF1F;   /* 。！？ */
}

/* The sentence of @text around byte @at: [*start, *end), without white
 * space around it. A sentence ends at a line break, or at . ! ? … followed
 * by white space. */
static void
find_sentence (const char *text,
               gsize       length,
               gsize       at,
               gsize      *start,
               gsize      *end)
{
  const char *p = text;
  const char *stop = text + length;
  const char *sentence = text;

  while (p < stop)
    {
      gunichar c = g_utf8_get_char (p);

      if (is_space (c) && (c == '\n' || ends_sentence (text, p)))
        {
          if ((gsize) (p - text) > at)
            break;
          while (p < stop && is_space (g_utf8_get_char (p)))
            p = g_utf8_next_char (p);
          sentence = p;
          continue;
        }
      p = g_utf8_next_char (p);
    }

  while (sentence < p && is_space (g_utf8_get_char (sentence)))
    sentence = g_utf8_next_char (sentence);
  while (p > sentence)
    {
      const char *prev = g_utf8_find_prev_char (sentence, p);

      if (prev == NULL || !is_space (g_utf8_get_char (prev)))
        break;
      p = prev;
    }

  *start = sentence - text;
  *end = p - text;
}

/* Moves @p forward (@step > 0) or back over up to @n characters of
 * [@text, @stop), then on to the nearest white space that way. */
static const char *
walk (const char *text,
      const char *stop,
      const char *p,
      int         step,
      guint       n)
{
  for (guint i = 0; i < n; i++)
    {
      const char *q = step > 0 ? (p < stop ? g_utf8_next_char (p) : NULL)
                               : g_utf8_find_prev_char (text, p);
      if (q == NULL)
        return p;
      p = q;
    }
  for (guint i = 0; i < 20; i++)   /* to a word boundary, if near */
    {
      const char *q;

      if (step > 0 ? p >= stop : p <= text)
        return p;
      if (is_space (g_utf8_get_char (step > 0 ? p : g_utf8_find_prev_char (text, p))))
        return p;
      q = step > 0 ? g_utf8_next_char (p) : g_utf8_find_prev_char (text, p);
      p = q;
    }
  return p;
}

static RubricSearchResult *
make_result (RubricSearchIndex *self,
             const Candidate   *candidate,
             const Term        *terms,
             guint              n_terms)
{
  RubricQuestion *question = g_ptr_array_index (self->questions, candidate->question);
  const Field *field = &self->fields[candidate->field];
  const char *text = field_text (question, field);
  gsize length = strlen (text);
  const char *folded;
  gsize folded_length;
  const MapEntry *map = NULL;
  g_autoptr(GArray) all = g_array_new (FALSE, FALSE, sizeof (RubricSearchRange));
  RubricSearchResult *result;
  gsize start = 0;
  gsize end = length;
  gboolean cut_start = FALSE;
  gboolean cut_end = FALSE;
  const char *ellipsis = "…";
  gsize offset;

  /* Every match of every term in the field, in original bytes: through a
   * map from the folded text back to the original, unless they are the
   * same bytes apart from case. */
  if (field->same_bytes)
    {
      folded = self->text->str + field->text_start;
      folded_length = field->text_length;
    }
  else
    {
      g_string_truncate (self->fold_scratch, 0);
      g_array_set_size (self->map_scratch, 0);
      _rubric_search_fold_text (&self->folder, text, length, self->fold_scratch, self->map_scratch);
      folded = self->fold_scratch->str;
      folded_length = self->fold_scratch->len;
      map = (const MapEntry *) (gpointer) self->map_scratch->data;
    }
  for (guint t = 0; t < n_terms; t++)
    {
      const char *p = folded;
      const char *fend = folded + folded_length;
      const char *hit;

      while (p < fend && (hit = memmem (p, fend - p, terms[t].text, terms[t].length)) != NULL)
        {
          gsize s = hit - folded;
          gsize e = s + terms[t].length;
          RubricSearchRange range = {
            map != NULL ? map[s].start : (guint) s,
            map != NULL ? map[e - 1].end : (guint) e,
          };

          g_array_append_val (all, range);
          p = folded + e;
        }
    }
  if (all->len > 1)
    qsort (all->data, all->len, sizeof (RubricSearchRange), compare_ranges);

  /* The passage: the whole field, or the sentence of the first match. */
  if (length > SHORT_FIELD_CHARS && g_utf8_strlen (text, length) > SHORT_FIELD_CHARS)
    {
      gsize first = all->len > 0 ? g_array_index (all, RubricSearchRange, 0).start : 0;

      find_sentence (text, length, first, &start, &end);
      if (g_utf8_strlen (text + start, end - start) > MAX_PASSAGE_CHARS)
        {
          const char *s = walk (text + start, text + end, text + first, -1, PASSAGE_CONTEXT_CHARS);
          const char *e = walk (text + start, text + end, s, +1, MAX_PASSAGE_CHARS - PASSAGE_CONTEXT_CHARS);

          cut_start = s > text + start;
          cut_end = e < text + end;
          start = s - text;
          end = e - text;
        }
    }

  result = g_atomic_rc_box_new0 (RubricSearchResult);
  result->question = g_object_ref (question);
  result->field = (RubricSearchField) field->field;
  result->index = field->index;
  result->score = candidate->score;
  result->ranges = g_array_new (FALSE, FALSE, sizeof (RubricSearchRange));

  {
    GString *passage = g_string_sized_new (end - start + 8);

    if (cut_start)
      g_string_append (passage, ellipsis);
    offset = passage->len;
    g_string_append_len (passage, text + start, end - start);
    if (cut_end)
      g_string_append (passage, ellipsis);
    result->passage = g_string_free (passage, FALSE);
  }

  /* The matches within it, merged where they overlap or touch. */
  for (guint i = 0; i < all->len; i++)
    {
      RubricSearchRange range = g_array_index (all, RubricSearchRange, i);
      RubricSearchRange *last;

      if (range.end <= start || range.start >= end)
        continue;
      range.start = (guint) (MAX (range.start, start) - start + offset);
      range.end = (guint) (MIN (range.end, end) - start + offset);
      last = result->ranges->len > 0
             ? &g_array_index (result->ranges, RubricSearchRange, result->ranges->len - 1)
             : NULL;
      if (last != NULL && range.start <= last->end)
        last->end = MAX (last->end, range.end);
      else
        g_array_append_val (result->ranges, range);
    }

  return result;
}

/**
 * rubric_search_index_query:
 * @self: the index
 * @query: what to look for: words, each of which must be found somewhere in
 *   a question (in any field), and "quoted phrases"; case and accents do
 *   not matter
 * @max_results: at most this many results; 0 for all
 *
 * Finds the questions that match @query, best first: those with a match in
 * the prompt, then in the expected answer, then in a key point, red flag or
 * explanation; a main question before a follow-up with a match in the same
 * field; then those with more of the words in that field, and more of them
 * at the start of a word; otherwise in kit order. A blank query finds
 * nothing. Queries from several threads take turns.
 *
 * Returns: (transfer container) (element-type RubricSearchResult): the
 *   results
 */
GPtrArray *
rubric_search_index_query (RubricSearchIndex *self,
                           const char        *query,
                           guint              max_results)
{
  GPtrArray *results;
  Term terms[MAX_TERMS];
  guint n_terms;
  guint32 all_bits;
  guint n_candidates = 0;
  guint n_kept;

  g_return_val_if_fail (RUBRIC_IS_SEARCH_INDEX (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  results = g_ptr_array_new_with_free_func ((GDestroyNotify) rubric_search_result_unref);
  if (!g_utf8_validate (query, -1, NULL))
    return results;

  g_mutex_lock (&self->lock);

  g_string_truncate (self->query_text, 0);
  _rubric_search_fold_text (&self->folder, query, strlen (query), self->query_text, NULL);
  n_terms = split_query (self->query_text->str, terms);
  if (n_terms == 0 || self->n_fields == 0)
    goto out;
  all_bits = n_terms == 32 ? G_MAXUINT32 : (1u << n_terms) - 1;

  /* Each term marks the fields, and questions, it matches: single words
   * first, as they are the cheapest, then the others only in the questions
   * left. As soon as no question is left, there is no result. */
  {
    guint32 before = 0;

    for (guint pass_number = 0; pass_number < 2; pass_number++)
      for (guint t = 0; t < n_terms; t++)
        {
          TermPass pass = { self, &terms[t], 1u << t, before, 0 };

          if (terms[t].is_word != (pass_number == 0))
            continue;
          run_term (&pass);
          before |= pass.bit;
          if (pass.n_alive == 0)
            goto out;
        }
  }

  /* The questions that matched every term. */
  for (guint32 i = 0; i < self->n_touched_questions; i++)
    {
      guint32 q = self->touched_questions[i];

      if (self->question_mask[q] == all_bits)
        self->candidates[n_candidates++] = score_question (self, q, n_terms);
    }

  if (max_results == 0 || max_results >= n_candidates)
    n_kept = n_candidates;
  else
    n_kept = keep_best (self->candidates, n_candidates, max_results);
  qsort (self->candidates, n_kept, sizeof (Candidate), compare_candidates);

  for (guint i = 0; i < n_kept; i++)
    g_ptr_array_add (results, make_result (self, &self->candidates[i], terms, n_terms));

out:
  for (guint32 i = 0; i < self->n_touched_fields; i++)
    {
      guint32 f = self->touched_fields[i];

      self->field_mask[f] = 0;
      self->field_word_start[f] = 0;
    }
  for (guint32 i = 0; i < self->n_touched_questions; i++)
    self->question_mask[self->touched_questions[i]] = 0;
  self->n_touched_fields = 0;
  self->n_touched_questions = 0;

  g_mutex_unlock (&self->lock);

  return results;
}
