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

/* ================================================================ folding */

/* Where a folded byte came from: the original character (and any marks or
 * white space folded away after it), as byte offsets into the original. */
typedef struct
{
  guint32 start;
  guint32 end;
} MapEntry;

/* Folds characters, remembering the folding of each one of the Basic
 * Multilingual Plane it has met (GLib's normalisation allocates). */
typedef struct
{
  guint32 *bmp;   /* 0: not yet; else (offset in pool << 8) | (length + 1) */
  GString *pool;
} Folder;

static void
folder_init (Folder *folder)
{
  folder->bmp = g_new0 (guint32, 0x10000);
  folder->pool = g_string_new (NULL);
}

static void
folder_clear (Folder *folder)
{
  g_clear_pointer (&folder->bmp, g_free);
  if (folder->pool != NULL)
    g_string_free (g_steal_pointer (&folder->pool), TRUE);
}

static inline gboolean
is_space (gunichar c)
{
  if (c < 0x80)
    return c == ' ' || (c >= '\t' && c <= '\r');
  return g_unichar_isspace (c);
}

static void
fold_slow (gunichar  c,
           GString  *out)
{
  char buf[8];
  int n;
  g_autofree char *decomposed = NULL;
  g_autofree char *folded = NULL;
  g_autofree char *again = NULL;

  /* Typographic quotes and dashes search as their ASCII forms. */
  switch (c)
    {
    case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2032:
      g_string_append_c (out, '\'');
      return;
    case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x2033:
      g_string_append_c (out, '"');
      return;
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014:
    case 0x2015: case 0x2212:
      g_string_append_c (out, '-');
      return;
    default:
      break;
    }

  n = g_unichar_to_utf8 (c, buf);
  decomposed = g_utf8_normalize (buf, n, G_NORMALIZE_NFKD);
  if (decomposed == NULL)
    {
      g_string_append_len (out, buf, n);
      return;
    }
  /* Folding can make a precomposed character ("İ" → "i̇"): decompose
   * again, so its mark goes too. */
  folded = g_utf8_casefold (decomposed, -1);
  again = g_utf8_normalize (folded, -1, G_NORMALIZE_NFKD);
  if (again == NULL)
    again = g_strdup (folded);

  for (const char *p = again; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar u = g_utf8_get_char (p);
      GUnicodeType type = g_unichar_type (u);

      if (type == G_UNICODE_NON_SPACING_MARK || type == G_UNICODE_ENCLOSING_MARK)
        continue;
      if (is_space (u))
        g_string_append_c (out, ' ');
      else
        g_string_append_unichar (out, u);
    }
}

/* Appends the folding of @c (never white space) to @out; it may be empty. */
static inline void
fold_char (Folder   *folder,
           gunichar  c,
           GString  *out)
{
  guint32 entry;

  if (c < 0x80)
    {
      g_string_append_c (out, (c >= 'A' && c <= 'Z') ? (char) (c + 32) : (char) c);
      return;
    }
  if (c >= 0x10000)
    {
      fold_slow (c, out);
      return;
    }

  entry = folder->bmp[c];
  if (entry == 0)
    {
      gsize offset = folder->pool->len;
      gsize length;

      fold_slow (c, folder->pool);
      length = folder->pool->len - offset;
      if (length > 250 || offset >= (1 << 24))
        {
          /* Never happens with Unicode as it is; stay correct anyway. */
          g_string_truncate (folder->pool, offset);
          fold_slow (c, out);
          return;
        }
      entry = folder->bmp[c] = ((guint32) offset << 8) | (guint32) (length + 1);
    }
  g_string_append_len (out, folder->pool->str + (entry >> 8), (entry & 0xFF) - 1);
}

/* Appends the folding of @text to @out: each character folded, leading
 * white space dropped and each run of it made one space. With @map, appends
 * to it one MapEntry per byte appended to @out, with offsets into @text. */
static void
fold_text (Folder     *folder,
           const char *text,
           gsize       length,
           GString    *out,
           GArray     *map)
{
  const char *p = text;
  const char *end = text + length;
  gsize base = out->len;
  gsize last = G_MAXSIZE;        /* where the last character appended starts */

  while (p < end)
    {
      const char *next;
      gunichar c;
      gsize before = out->len;

      if ((guchar) *p < 0x80)
        {
          c = (guchar) *p;
          next = p + 1;
        }
      else
        {
          c = g_utf8_get_char (p);
          next = g_utf8_next_char (p);
        }

      if (is_space (c))
        {
          if (out->len > base && out->str[out->len - 1] != ' ')
            g_string_append_c (out, ' ');
        }
      else
        {
          fold_char (folder, c, out);
        }

      if (out->len == before)
        {
          /* Folded away (a mark, more white space): it belongs to the
           * character before it. */
          if (map != NULL && last != G_MAXSIZE)
            for (gsize j = last; j < out->len; j++)
              g_array_index (map, MapEntry, j - base).end = (guint32) (next - text);
        }
      else
        {
          if (map != NULL)
            {
              MapEntry *entries;

              g_array_set_size (map, out->len - base);
              entries = &g_array_index (map, MapEntry, 0);
              for (gsize j = before; j < out->len; j++)
                {
                  entries[j - base].start = (guint32) (p - text);
                  entries[j - base].end = (guint32) (next - text);
                }
            }
          last = before;
        }
      p = next;
    }
}

/* A letter, digit or mark: part of a word. Folded text only. */
static inline gboolean
is_word_char (gunichar c)
{
  if (c < 0x80)
    return g_ascii_isalnum (c);
  return g_unichar_isalnum (c) || g_unichar_ismark (c);
}

/* Whether the byte at @p of folded @text starts a word. */
static gboolean
is_word_start (const char *text,
               const char *p)
{
  const char *prev;

  if (p == text)
    return TRUE;
  prev = g_utf8_find_prev_char (text, p);
  return prev == NULL || !is_word_char (g_utf8_get_char (prev));
}

/* A bit for each ASCII letter and digit (folded: lowercase), 0 for any
 * other byte. */
static inline guint64
char_bit (char c)
{
  if (c >= 'a' && c <= 'z')
    return G_GUINT64_CONSTANT (1) << (c - 'a');
  if (c >= '0' && c <= '9')
    return G_GUINT64_CONSTANT (1) << (26 + c - '0');
  return 0;
}

/* The end of the word starting at @p (folded text). */
static inline const char *
word_end (const char *p,
          const char *end)
{
  while (p < end)
    {
      if ((guchar) *p < 0x80)
        {
          if (!g_ascii_isalnum (*p))
            break;
          p++;
        }
      else
        {
          if (!is_word_char (g_utf8_get_char (p)))
            break;
          p = g_utf8_next_char (p);
        }
    }
  return p;
}

/* The start of the next word at or after @p (folded text), or @end. */
static inline const char *
next_word (const char *p,
           const char *end)
{
  while (p < end)
    {
      if ((guchar) *p < 0x80)
        {
          if (g_ascii_isalnum (*p))
            break;
          p++;
        }
      else
        {
          if (is_word_char (g_utf8_get_char (p)))
            break;
          p = g_utf8_next_char (p);
        }
    }
  return p;
}

/* ======================================================== RubricSearchIndex */

/* One field of one question. */
typedef struct
{
  guint32 question;     /* into questions */
  guint8 field;         /* RubricSearchField */
  guint8 same_bytes;    /* its folded text has the original's offsets */
  guint16 index;        /* which key point or red flag */
  guint32 text_start;   /* its folded text in text */
  guint32 text_length;
} Field;

typedef struct
{
  const char *text;     /* folded */
  gsize length;
  gboolean is_word;     /* letters and digits only */
} Term;

typedef struct
{
  double score;
  guint32 question;
  guint32 field;
} Candidate;

struct _RubricSearchIndex
{
  GObject parent_instance;

  GPtrArray *kits;
  GPtrArray *questions;        /* RubricQuestion, in kit order */
  guint32 *first_field;        /* per question, and one past the last */
  guint8 *is_main;             /* per question */

  Field *fields;
  guint32 n_fields;
  GString *text;               /* the folded text of every field */

  char *vocabulary;            /* "\n" then every word, each followed by "\n" */
  gsize vocabulary_length;
  guint32 *word_start;         /* per word; then one past the last "\n" */
  guint32 n_words;
  guint32 *postings;           /* per word, its fields, ascending */
  guint32 *postings_start;     /* per word, and one past the last */
  guint64 *field_chars;        /* per field: the ASCII letters and digits in it */
  guint64 *field_initials;     /* per field: those that start a word */

  /* What a query works with; only query() touches them, under the lock. */
  GMutex lock;
  Folder folder;
  guint32 *field_mask;         /* per field: the terms that match in it */
  guint32 *field_word_start;   /* per field: those that match at a word start */
  guint32 *field_stamp;        /* per field: the term generation that checked it */
  guint32 stamp;
  guint32 *question_mask;      /* per question: the terms that match in it */
  guint32 *touched_fields;
  guint32 n_touched_fields;
  guint32 *touched_questions;
  guint32 n_touched_questions;
  Candidate *candidates;
  GString *query_text;
  GString *fold_scratch;
  GArray *map_scratch;
};

G_DEFINE_FINAL_TYPE (RubricSearchIndex, rubric_search_index, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_KIT,
  N_PROPS
};

static GParamSpec *pspecs[N_PROPS];

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
  fold_text (&self->folder, text, length, self->text, NULL);
  field.text_length = (guint32) (self->text->len - field.text_start);
  /* ASCII folds byte for byte, except where white space is dropped: when
   * none was, a match's offsets in the folded text are the original's. */
  for (gsize i = 0; i < length && ascii; i++)
    ascii = (guchar) text[i] < 0x80;
  field.same_bytes = ascii && field.text_length == length;
  g_array_append_val (fields, field);
}

static void
build (RubricSearchIndex *self,
       RubricKit * const *kits,
       guint              n_kits)
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
    {
      GListModel *topics = rubric_kit_get_topics (kits[k]);

      g_ptr_array_add (self->kits, g_object_ref (kits[k]));
      for (guint i = 0; i < g_list_model_get_n_items (topics); i++)
        {
          g_autoptr(RubricTopic) topic = g_list_model_get_item (topics, i);
          GListModel *questions = rubric_topic_get_questions (topic);

          for (guint j = 0; j < g_list_model_get_n_items (questions); j++)
            {
              RubricQuestion *question = g_list_model_get_item (questions, j);
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
        }
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

      build (self, &kit, 1);
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
  folder_clear (&self->folder);
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
  folder_init (&self->folder);
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

RubricSearchIndex *
rubric_search_index_new_for_kits (RubricKit * const *kits,
                                  guint              n_kits)
{
  RubricSearchIndex *self;

  g_return_val_if_fail (kits != NULL || n_kits == 0, NULL);
  for (guint i = 0; i < n_kits; i++)
    g_return_val_if_fail (RUBRIC_IS_KIT (kits[i]), NULL);

  self = g_object_new (RUBRIC_TYPE_SEARCH_INDEX, NULL);
  build (self, kits, n_kits);

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
      if (is_word_start (text, hit))
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

static void
count_postings (TermPass *pass,
                guint32   w,
                gboolean  at_start)
{
  pass->n_alive += pass->self->postings_start[w + 1] - pass->self->postings_start[w];
}

static void
mark_postings (TermPass *pass,
               guint32   w,
               gboolean  at_start)
{
  RubricSearchIndex *self = pass->self;
  const guint32 *posting = self->postings + self->postings_start[w];
  const guint32 *last = self->postings + self->postings_start[w + 1];

  for (; posting < last; posting++)
    if (alive (pass, *posting))
      mark (pass, *posting, at_start);
}

static void
check_postings (TermPass *pass,
                guint32   w,
                gboolean  at_start)
{
  RubricSearchIndex *self = pass->self;
  const guint32 *posting = self->postings + self->postings_start[w];
  const guint32 *last = self->postings + self->postings_start[w + 1];

  for (; posting < last; posting++)
    {
      guint32 f = *posting;

      if (self->field_stamp[f] != self->stamp && alive (pass, f))
        {
          self->field_stamp[f] = self->stamp;
          check_field (pass, f);
        }
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
      fold_text (&self->folder, text, length, self->fold_scratch, self->map_scratch);
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
  fold_text (&self->folder, query, strlen (query), self->query_text, NULL);
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
