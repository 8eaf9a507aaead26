/* rubric-search-fold.c — text folded for searching: case, accents and
 * widths made alike, with a map back to the original's offsets
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rubric-search-fold"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "rubric-search-private.h"

void
_rubric_search_folder_init (Folder *folder)
{
  folder->bmp = g_new0 (guint32, 0x10000);
  folder->pool = g_string_new (NULL);
}

void
_rubric_search_folder_clear (Folder *folder)
{
  g_clear_pointer (&folder->bmp, g_free);
  if (folder->pool != NULL)
    g_string_free (g_steal_pointer (&folder->pool), TRUE);
}


static gboolean
fold_letter (gunichar  u,
             GString  *out)
{
  static const struct {
    gunichar letter;
    const char *ascii;
  } letters[] = {
    { 0x00E6, "ae" }, { 0x00F0, "d" }, { 0x00F8, "o" }, { 0x00FE, "th" },
    { 0x0111, "d" }, { 0x0127, "h" }, { 0x0131, "i" }, { 0x0142, "l" },
    { 0x014B, "n" }, { 0x0153, "oe" }, { 0x0167, "t" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (letters); i++)
    if (letters[i].letter == u)
      {
        g_string_append (out, letters[i].ascii);
        return TRUE;
      }
  return FALSE;
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
    case 0x02BC:
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

  /* Invisible: a soft hyphen or a zero-width space inside a word does not
   * make it another word. */
  if (g_unichar_type (c) == G_UNICODE_FORMAT)
    return;

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
      /* Letters with a stroke or of their own that no decomposition
       * reaches: "Łukasz" is found as "Lukasz", "Yıldız" as "Yildiz". */
      if (fold_letter (u, out))
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
void
_rubric_search_fold_text (Folder     *folder,
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


/* Whether the byte at @p of folded @text starts a word. */
gboolean
_rubric_search_is_word_start (const char *text,
               const char *p)
{
  const char *prev;

  if (p == text)
    return TRUE;
  prev = g_utf8_find_prev_char (text, p);
  return prev == NULL || !is_word_char (g_utf8_get_char (prev));
}
