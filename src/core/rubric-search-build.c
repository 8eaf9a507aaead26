/* rubric-search-build.c — building the search index: fields, vocabulary,
 * postings
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rubric-search-build"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "rubric-search-private.h"

/* ----------------------------------------------------------------- build */

/* The vocabulary while it is built: an open-addressing hash table of word
 * ids, the words themselves in the vocabulary text. */
typedef struct
{
  GString *words;
  GArray *starts;              /* guint32 per word */
  guint32 *slots;              /* word id + 1, or 0 */
  guint32 *hashes;
  guint32 capacity;            /* a power of two */
  guint32 n_words;
} VocabularyBuilder;

static inline guint32
hash_bytes (const char *p,
            gsize       length)
{
  guint32 h = 2166136261u;   /* FNV-1a */

  for (gsize i = 0; i < length; i++)
    {
      h ^= (guchar) p[i];
      h *= 16777619u;
    }
  return h;
}

static void
vocabulary_grow (VocabularyBuilder *builder)
{
  guint32 capacity = builder->capacity * 2;
  guint32 *slots = g_new0 (guint32, capacity);
  guint32 *hashes = g_new (guint32, capacity);

  for (guint32 i = 0; i < builder->capacity; i++)
    {
      guint32 h;
      guint32 j;

      if (builder->slots[i] == 0)
        continue;
      h = builder->hashes[i];
      for (j = h & (capacity - 1); slots[j] != 0; j = (j + 1) & (capacity - 1))
        ;
      slots[j] = builder->slots[i];
      hashes[j] = h;
    }

  g_free (builder->slots);
  g_free (builder->hashes);
  builder->slots = slots;
  builder->hashes = hashes;
  builder->capacity = capacity;
}

static guint32
vocabulary_add (VocabularyBuilder *builder,
                const char        *word,
                gsize              length)
{
  guint32 h = hash_bytes (word, length);
  guint32 mask = builder->capacity - 1;
  guint32 j;
  guint32 id;

  for (j = h & mask; builder->slots[j] != 0; j = (j + 1) & mask)
    {
      guint32 other = builder->slots[j] - 1;
      guint32 start = g_array_index (builder->starts, guint32, other);
      guint32 other_length = (other + 1 < builder->n_words
                              ? g_array_index (builder->starts, guint32, other + 1)
                              : (guint32) builder->words->len) - start - 1;

      if (builder->hashes[j] == h && other_length == length &&
          memcmp (builder->words->str + start, word, length) == 0)
        return other;
    }

  id = builder->n_words++;
  builder->slots[j] = id + 1;
  builder->hashes[j] = h;
  {
    guint32 start = (guint32) builder->words->len;

    g_array_append_val (builder->starts, start);
  }
  g_string_append_len (builder->words, word, length);
  g_string_append_c (builder->words, '\n');

  if (builder->n_words * 2 > builder->capacity)
    vocabulary_grow (builder);

  return id;
}

static void
add_field (RubricSearchIndex *self,
           GArray            *fields,
           guint32            question,
           RubricSearchField  kind,
           guint              index,
           const char        *text)
{
  Field field = { question, kind, FALSE, index, (guint32) self->text->len, 0 };
  gsize length;
  gboolean ascii = TRUE;

  if (text == NULL)
    return;
  length = strlen (text);
  _rubric_search_fold_text (&self->folder, text, length, self->text, NULL);
  field.text_length = (guint32) (self->text->len - field.text_start);
  /* ASCII folds byte for byte, except where white space is dropped: when
   * none was, a match's offsets in the folded text are the original's. */
  for (gsize i = 0; i < length && ascii; i++)
    ascii = (guchar) text[i] < 0x80;
  field.same_bytes = ascii && field.text_length == length;
  g_array_append_val (fields, field);
}

/* The kits' questions, in order. A GListStore is not safe to read from two
 * threads at once (it caches its last position), so a worker gets them
 * collected on the thread that owns the kits. */
GPtrArray *
_rubric_search_collect_questions (RubricKit * const *kits,
                                  guint              n_kits)
{
  GPtrArray *questions = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint k = 0; k < n_kits; k++)
    {
      GListModel *topics = rubric_kit_get_topics (kits[k]);

      for (guint i = 0; i < g_list_model_get_n_items (topics); i++)
        {
          g_autoptr(RubricTopic) topic = g_list_model_get_item (topics, i);
          GListModel *list = rubric_topic_get_questions (topic);

          for (guint j = 0; j < g_list_model_get_n_items (list); j++)
            g_ptr_array_add (questions, g_list_model_get_item (list, j));
        }
    }
  return questions;
}

void
_rubric_search_index_build (RubricSearchIndex *self,
                            RubricKit * const *kits,
                            guint              n_kits)
{
  g_autoptr(GPtrArray) questions = _rubric_search_collect_questions (kits, n_kits);

  _rubric_search_index_build_from (self, kits, n_kits, questions);
}

/* Reads only the questions' own (immutable) fields: any thread. */
void
_rubric_search_index_build_from (RubricSearchIndex *self,
                                 RubricKit * const *kits,
                                 guint              n_kits,
                                 GPtrArray         *questions)
{
  g_autoptr(GArray) fields = g_array_new (FALSE, FALSE, sizeof (Field));
  g_autoptr(GArray) first_field = g_array_new (FALSE, FALSE, sizeof (guint32));
  g_autoptr(GArray) pairs = g_array_new (FALSE, FALSE, sizeof (guint32));
  g_autofree guint32 *pairs_start = NULL;
  g_autofree guint32 *last_field = NULL;
  g_autofree guint32 *cursor = NULL;
  g_autofree guint64 *word_chars = NULL;
  VocabularyBuilder vocabulary = { 0 };
  guint32 n_questions;

  /* The questions, and the folded text of every field. */
  for (guint k = 0; k < n_kits; k++)
    g_ptr_array_add (self->kits, g_object_ref (kits[k]));
  for (guint j = 0; j < questions->len; j++)
    {
      RubricQuestion *question = g_object_ref (g_ptr_array_index (questions, j));
      guint32 q = self->questions->len;
      guint32 first = fields->len;
      const char * const *list;

      g_ptr_array_add (self->questions, question);
      g_array_append_val (first_field, first);

      add_field (self, fields, q, RUBRIC_SEARCH_FIELD_PROMPT, 0,
                 rubric_question_get_prompt (question));
      add_field (self, fields, q, RUBRIC_SEARCH_FIELD_EXPECTED, 0,
                 rubric_question_get_expected (question));
      list = rubric_question_get_key_points (question);
      for (guint n = 0; list != NULL && list[n] != NULL; n++)
        add_field (self, fields, q, RUBRIC_SEARCH_FIELD_KEY_POINT, n, list[n]);
      list = rubric_question_get_red_flags (question);
      for (guint n = 0; list != NULL && list[n] != NULL; n++)
        add_field (self, fields, q, RUBRIC_SEARCH_FIELD_RED_FLAG, n, list[n]);
      add_field (self, fields, q, RUBRIC_SEARCH_FIELD_EXPLANATION, 0,
                 rubric_question_get_explanation (question));
    }

  n_questions = self->questions->len;
  {
    guint32 end = fields->len;

    g_array_append_val (first_field, end);
  }
  self->n_fields = fields->len;
  self->fields = (Field *) g_array_free (g_steal_pointer (&fields), FALSE);
  self->first_field = (guint32 *) g_array_free (g_steal_pointer (&first_field), FALSE);
  self->is_main = g_new (guint8, MAX (n_questions, 1));
  for (guint32 q = 0; q < n_questions; q++)
    self->is_main[q] = rubric_question_get_kind (g_ptr_array_index (self->questions, q)) ==
                       RUBRIC_QUESTION_KIND_MAIN;

  /* The words of each field, once each: (field, word) pairs in field
   * order. */
  vocabulary.words = g_string_new ("\n");
  vocabulary.starts = g_array_new (FALSE, FALSE, sizeof (guint32));
  vocabulary.capacity = 4096;
  vocabulary.slots = g_new0 (guint32, vocabulary.capacity);
  vocabulary.hashes = g_new (guint32, vocabulary.capacity);
  pairs_start = g_new (guint32, self->n_fields + 1);
  last_field = NULL;
  {
    gsize last_field_size = 0;

    for (guint32 f = 0; f < self->n_fields; f++)
      {
        const char *p = self->text->str + self->fields[f].text_start;
        const char *end = p + self->fields[f].text_length;

        pairs_start[f] = pairs->len;
        for (p = next_word (p, end); p < end; p = next_word (p, end))
          {
            const char *stop = word_end (p, end);
            guint32 id = vocabulary_add (&vocabulary, p, stop - p);

            if (id >= last_field_size)
              {
                gsize size = MAX (last_field_size * 2, 4096);

                while (size <= id)
                  size *= 2;
                last_field = g_renew (guint32, last_field, size);
                memset (last_field + last_field_size, 0, (size - last_field_size) * sizeof (guint32));
                last_field_size = size;
              }
            if (last_field[id] != f + 1)
              {
                last_field[id] = f + 1;
                g_array_append_val (pairs, id);
              }
            p = stop;
          }
      }
    pairs_start[self->n_fields] = pairs->len;
  }

  /* The postings: for each word, its fields, ascending; and which ASCII
   * letters and digits each field has, and starts words with. */
  self->n_words = vocabulary.n_words;
  self->postings_start = g_new0 (guint32, self->n_words + 1);
  for (guint i = 0; i < pairs->len; i++)
    self->postings_start[g_array_index (pairs, guint32, i) + 1]++;
  for (guint32 w = 0; w < self->n_words; w++)
    self->postings_start[w + 1] += self->postings_start[w];
  cursor = g_memdup2 (self->postings_start, (self->n_words + 1) * sizeof (guint32));
  self->postings = g_new (guint32, MAX (pairs->len, 1));
  word_chars = g_new0 (guint64, MAX (self->n_words, 1));
  for (guint32 w = 0; w < self->n_words; w++)
    {
      guint32 start = g_array_index (vocabulary.starts, guint32, w);
      guint32 stop = w + 1 < self->n_words ? g_array_index (vocabulary.starts, guint32, w + 1) - 1
                                           : (guint32) vocabulary.words->len - 1;

      for (guint32 i = start; i < stop; i++)
        word_chars[w] |= char_bit (vocabulary.words->str[i]);
    }
  self->field_chars = g_new0 (guint64, MAX (self->n_fields, 1));
  self->field_initials = g_new0 (guint64, MAX (self->n_fields, 1));
  for (guint32 f = 0; f < self->n_fields; f++)
    for (guint32 i = pairs_start[f]; i < pairs_start[f + 1]; i++)
      {
        guint32 w = g_array_index (pairs, guint32, i);

        self->postings[cursor[w]++] = f;
        self->field_chars[f] |= word_chars[w];
        self->field_initials[f] |= char_bit (vocabulary.words->str[g_array_index (vocabulary.starts, guint32, w)]);
      }

  {
    guint32 end = (guint32) vocabulary.words->len + 1;

    g_array_append_val (vocabulary.starts, end);
  }
  self->vocabulary_length = vocabulary.words->len;
  self->vocabulary = g_string_free (vocabulary.words, FALSE);
  self->word_start = (guint32 *) g_array_free (vocabulary.starts, FALSE);
  g_free (vocabulary.slots);
  g_free (vocabulary.hashes);

  /* What queries work with. */
  self->field_mask = g_new0 (guint32, MAX (self->n_fields, 1));
  self->field_word_start = g_new0 (guint32, MAX (self->n_fields, 1));
  self->field_stamp = g_new0 (guint32, MAX (self->n_fields, 1));
  self->touched_fields = g_new (guint32, MAX (self->n_fields, 1));
  self->question_mask = g_new0 (guint32, MAX (n_questions, 1));
  self->touched_questions = g_new (guint32, MAX (n_questions, 1));
  self->candidates = g_new (Candidate, MAX (n_questions, 1));
}
