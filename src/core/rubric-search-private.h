/* rubric-search-private.h — what the benchmark needs of the search index
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <string.h>

#include "rubric-search.h"

G_BEGIN_DECLS

/* One index over the questions of several kits, in the order given (and
 * rubric_search_index_get_kit() returns the first). A kit holds at most
 * 5,000 questions (100 topics of 50), so this is how build-aux/bench kit
 * measures a search over 10,000. Not public API. */
RubricSearchIndex *rubric_search_index_new_for_kits (RubricKit * const *kits,
                                                     guint              n_kits);

/* ---------------------------------------------------------------- folding */

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

void _rubric_search_folder_init (Folder *folder);
void _rubric_search_folder_clear (Folder *folder);
void _rubric_search_fold_text (Folder *folder, const char *text, gsize length, GString *out, GArray *map);
gboolean _rubric_search_is_word_start (const char *text, const char *p);

static inline gboolean
is_space (gunichar c)
{
  if (c < 0x80)
    return c == ' ' || (c >= '\t' && c <= '\r');
  return g_unichar_isspace (c);
}

/* A letter, digit or mark: part of a word. Folded text only. */
static inline gboolean
is_word_char (gunichar c)
{
  if (c < 0x80)
    return g_ascii_isalnum (c);
  return g_unichar_isalnum (c) || g_unichar_ismark (c);
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

/* ------------------------------------------------------------ the index */

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

void       _rubric_search_index_build       (RubricSearchIndex *self, RubricKit * const *kits, guint n_kits);
GPtrArray *_rubric_search_collect_questions (RubricKit * const *kits, guint n_kits);
void       _rubric_search_index_build_from  (RubricSearchIndex *self, RubricKit * const *kits, guint n_kits,
                                             GPtrArray *questions);

G_END_DECLS
