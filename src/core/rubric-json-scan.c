/* rubric-json-scan.c — strict JSON (RFC 8259), checked before json-glib parses
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * json-glib reads more than JSON, and quietly changes some of what it
 * reads: of two members with one name it keeps the last, it cuts a string
 * at "\u0000", caps integers that do not fit in 64 bits, and takes
 * comments and unknown escapes. Rubric would then save the changed file,
 * and what was lost would be lost for good. So every file is scanned here
 * first, in one pass that builds nothing, and json-glib only ever sees
 * JSON that it reads faithfully.
 *
 * Asked to, the same pass writes down what it reads (a RubricJsonTape):
 * the kit loader reads that rather than json-glib's tree, whose building,
 * walking and freeing took most of a big kit's load.
 */

#define G_LOG_DOMAIN "rubric-json-scan"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#if defined(__SSE2__) && defined(__GNUC__)
#include <emmintrin.h>
#endif

#include "rubric-json-private.h"

/* Objects with up to this many members are searched for a repeated name
 * one by one; larger ones get a hash table. A kit's or session's objects
 * have about ten members, its "answers" up to a hundred thousand. */
#define LINEAR_KEYS 16

/* How much of a word or number an error message quotes. */
#define QUOTE_MAX 32

typedef struct
{
  const char *text;    /* the name, unescaped: in the data or in unescaped_keys */
  gsize       length;
  guint       hash;
} Key;

typedef struct
{
  gboolean  is_object;
  guint     first_key;   /* index of the object's first name in keys */
  guint    *table;       /* only for large objects: 1 + index in keys, 0 if free */
  guint     table_mask;  /* its size - 1, a power of 2 */
  guint     item;        /* with a tape: its item, and how many it holds */
  guint     n_children;
} Frame;

typedef struct
{
  const char   *data;
  const char   *end;
  GQuark        domain;
  GError      **error;
  gboolean      maybe_huge;
  guint         depth;
  Frame         frames[RUBRIC_JSON_MAX_DEPTH];
  Key          *keys;             /* the names of every open object */
  guint         n_keys;
  guint         keys_size;
  /* Enough for a kit's or a session's open objects; on the heap only
   * beyond. Not malloc() for every file: after json-glib has freed a
   * tree, glibc's first request of a kilobyte or more pays for sorting
   * all those small chunks, tens of milliseconds for a large kit. */
  Key           keys_inline[48];
  GStringChunk *unescaped_keys;   /* names written with escapes, unescaped */
  /* Only when filling a tape: */
  RubricJsonTape *tape;
  char          *buffer;          /* the copy of data the tape points into */
  guint          items_size;
  const char    *key;             /* the name of the member whose value is next */
  GString       *unescaped;
} Scanner;

typedef enum {
  EXPECT_VALUE,
  EXPECT_KEY,
  EXPECT_COLON,
  EXPECT_COMMA_OR_BRACE,
  EXPECT_COMMA_OR_BRACKET,
  EXPECT_END,
} Expect;

/* ------------------------------------------------------------ locations */

/**
 * rubric_json_locate:
 *
 * Line and column (both from 1, the column counted in characters) of the
 * byte at @offset.
 */
void
rubric_json_locate (const char *data,
                    gsize       offset,
                    guint      *line,
                    guint      *column)
{
  const char *p = data;
  const char *end = data + offset;

  *line = 1;
  *column = 1;
  while (p < end)
    {
      if (*p == '\n')
        {
          (*line)++;
          *column = 1;
        }
      else if (((guchar) *p & 0xC0) != 0x80)
        {
          (*column)++;
        }
      p++;
    }
}

/**
 * rubric_json_set_error_at:
 * @message: the problem, translated, without a place
 *
 * Sets @error to "LINE:COLUMN: @message". The place comes first and is not
 * translated, as compilers write it, so that editors can jump there; every
 * error with a place in a JSON file is written here.
 */
void
rubric_json_set_error_at (GError     **error,
                          GQuark       domain,
                          int          code,
                          guint        line,
                          guint        column,
                          const char  *message)
{
  g_set_error (error, domain, code, "%u:%u: %s", line, column, message);
}

/* Sets the error of @s to @message at the place of @at; returns FALSE. */
static gboolean
fail_at_code (Scanner    *s,
              const char *at,
              int         code,
              const char *message)
{
  guint line, column;

  rubric_json_locate (s->data, at - s->data, &line, &column);
  rubric_json_set_error_at (s->error, s->domain, code, line, column, message);
  return FALSE;
}

static gboolean
fail_at (Scanner    *s,
         const char *at,
         const char *message)
{
  return fail_at_code (s, at, RUBRIC_JSON_ERROR_SYNTAX, message);
}

/* ------------------------------------------------------- what was found */

static inline gboolean
is_word_char (char c)
{
  return g_ascii_isalnum (c) || c == '_';
}

/* At most QUOTE_MAX bytes of ASCII from @at for which @accept is true,
 * and "…" when there were more. */
static char *
quote_run (const Scanner *s,
           const char    *at,
           gboolean     (*accept) (char c))
{
  const char *p = at;
  GString *text = g_string_new (NULL);

  while (p < s->end && accept (*p) && p - at < QUOTE_MAX)
    p++;
  g_string_append_len (text, at, p - at);
  if (p < s->end && accept (*p))
    g_string_append (text, "…");

  return g_string_free (text, FALSE);
}

/* What a message quotes as found at @at: a whole word (“NaN”, “None”),
 * or one character, named by its code point when it would not show. */
static char *
describe_found (const Scanner *s,
                const char    *at)
{
  gunichar c;

  if (is_word_char (*at))
    return quote_run (s, at, is_word_char);

  /* The data is valid UTF-8: the caller checked. */
  c = g_utf8_get_char (at);
  if (g_unichar_isgraph (c))
    return g_strndup (at, g_utf8_next_char (at) - at);
  return g_strdup_printf ("U+%04X", c);
}

static inline gboolean
is_number_char (char c)
{
  return g_ascii_isalnum (c) || c == '+' || c == '-' || c == '.' || c == '_';
}

/* ---------------------------------------------------------------- errors */

/* Each message here is shown after the line and column of the problem,
 * "12:5: …", which rubric_json_set_error_at() puts before it. */

static gboolean
fail_end (Scanner *s)
{
  /* Translators: an error in a JSON file that was cut short; it is shown
   * after the line and column, as in “12:5: The file ends …” */
  return fail_at (s, s->end, _("The file ends before its JSON is complete"));
}

static gboolean
fail_end_in_string (Scanner *s)
{
  /* Translators: an error in a JSON file that was cut short in the middle
   * of a text in quotes; shown after the line and column */
  return fail_at (s, s->end, _("The file ends inside a string"));
}

static gboolean
fail_number (Scanner    *s,
             const char *at)
{
  g_autofree char *number = quote_run (s, at, is_number_char);
  /* Translators: an error in a JSON file, shown after the line and column;
   * %s is what it has in place of a number, such as “+1”, “01”, “0x1F” or
   * “-Infinity” */
  g_autofree char *message = g_strdup_printf (_("“%s” is not a valid JSON number"), number);

  return fail_at (s, at, message);
}

/* The message for @found where the grammar wants @expected. */
static char *
expected_found (Expect      expected,
                const char *found)
{
  switch (expected)
    {
    case EXPECT_VALUE:
      /* Translators: an error in a JSON file; %s is what it has instead,
       * such as “NaN” or “]”. A value is an object, array, string, number,
       * true, false or null */
      return g_strdup_printf (_("Expected a value, found “%s”"), found);
    case EXPECT_KEY:
      /* Translators: the key (the name) of an object's member must be a
       * "string"; %s is what the file has instead */
      return g_strdup_printf (_("Expected a key in double quotes, found “%s”"), found);
    case EXPECT_COLON:
      /* Translators: a member's key must be followed by a colon; %s is
       * what the file has instead */
      return g_strdup_printf (_("Expected “:” after the key, found “%s”"), found);
    case EXPECT_COMMA_OR_BRACE:
      /* Translators: after a member of an object comes a comma or the
       * object's end; %s is what the file has instead */
      return g_strdup_printf (_("Expected “,” or “}”, found “%s”"), found);
    case EXPECT_COMMA_OR_BRACKET:
      /* Translators: after an item of an array comes a comma or the
       * array's end; %s is what the file has instead */
      return g_strdup_printf (_("Expected “,” or “]”, found “%s”"), found);
    case EXPECT_END:
    default:
      /* Translators: the file has more after its one value; %s is what */
      return g_strdup_printf (_("Expected the end of the file, found “%s”"), found);
    }
}

static gboolean
fail_unexpected (Scanner    *s,
                 const char *at,
                 Expect      expected)
{
  g_autofree char *found = NULL;
  g_autofree char *message = NULL;

  if (at == s->end)
    return fail_end (s);

  /* What json-glib or JavaScript would take, named for what it is. */
  if (*at == '/' && at + 1 < s->end && (at[1] == '/' || at[1] == '*'))
    {
      /* Translators: an error in a JSON file, which has a comment as
       * JavaScript writes them; shown after the line and column */
      return fail_at (s, at, _("JSON does not allow comments"));
    }
  if (*at == '\'' && (expected == EXPECT_VALUE || expected == EXPECT_KEY))
    {
      /* Translators: an error in a JSON file, which has 'text in single
       * quotes'; shown after the line and column */
      return fail_at (s, at, _("Strings in JSON take double quotes, not single ones"));
    }
  if ((*at == '+' || *at == '.') && expected == EXPECT_VALUE)
    return fail_number (s, at);

  found = describe_found (s, at);
  message = expected_found (expected, found);
  return fail_at (s, at, message);
}

/* -------------------------------------------------------------- strings */

/* Whether a byte ends the plain run of a string: '"', '\\' or a control
 * character, which JSON allows only escaped. */
static inline gboolean
is_string_special (guchar c)
{
  return c == '"' || c == '\\' || c < 0x20;
}

/* The first byte from @p on that is_string_special(), or @end. A kit is
 * mostly strings, so they are skipped sixteen bytes at a time with SSE2,
 * which every x86-64 has, or else eight at a time in a 64-bit word. */
static inline const char *
find_string_special (const char *p,
                     const char *end)
{
#if defined(__SSE2__) && defined(__GNUC__)
  const __m128i quote = _mm_set1_epi8 ('"');
  const __m128i backslash = _mm_set1_epi8 ('\\');
  const __m128i control = _mm_set1_epi8 (0x1F);

  while (end - p >= 16)
    {
      __m128i v = _mm_loadu_si128 ((const __m128i *) (gconstpointer) p);
      /* b <= 0x1F exactly when min (b, 0x1F) == b, unsigned */
      __m128i hits = _mm_or_si128 (_mm_or_si128 (_mm_cmpeq_epi8 (v, quote),
                                                 _mm_cmpeq_epi8 (v, backslash)),
                                   _mm_cmpeq_epi8 (_mm_min_epu8 (v, control), v));
      int mask = _mm_movemask_epi8 (hits);

      if (mask != 0)
        return p + __builtin_ctz ((unsigned int) mask);
      p += 16;
    }
#else
  const guint64 ones = G_GUINT64_CONSTANT (0x0101010101010101);
  const guint64 highs = G_GUINT64_CONSTANT (0x8080808080808080);

  /* A byte b is flagged when b ^ '"', b ^ '\\' or b - 0x20 borrows, that
   * is, when it is '"', '\\' or less than 0x20; the byte loop below then
   * finds which. */
  while (end - p >= 8)
    {
      guint64 v, quote, backslash;

      memcpy (&v, p, 8);
      quote = v ^ (ones * '"');
      backslash = v ^ (ones * '\\');
      if ((((quote - ones) & ~quote) |
           ((backslash - ones) & ~backslash) |
           ((v - ones * 0x20) & ~v)) & highs)
        break;
      p += 8;
    }
#endif
  while (p < end && !is_string_special ((guchar) *p))
    p++;
  return p;
}

static inline int
hex_value (char c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

/* The code unit of "\uXXXX" at @at (the backslash), or -1. */
static int
read_unicode_escape (const Scanner *s,
                     const char    *at)
{
  int unit = 0;

  if (s->end - at < 6 || at[0] != '\\' || at[1] != 'u')
    return -1;
  for (guint i = 2; i < 6; i++)
    {
      int digit = hex_value (at[i]);

      if (digit < 0)
        return -1;
      unit = unit * 16 + digit;
    }
  return unit;
}

static gboolean
fail_escape (Scanner    *s,
             const char *at)
{
  g_autoptr(GString) escape = g_string_new ("\\");
  const char *p = at + 1;
  g_autofree char *message = NULL;

  /* "\x", or "\u" and what follows it in place of four hex digits. */
  if (*p == 'u')
    {
      g_string_append_c (escape, 'u');
      for (p++; p < s->end && p < at + 6 && g_ascii_isgraph (*p) && *p != '"' && *p != '\\'; p++)
        g_string_append_c (escape, *p);
    }
  else
    {
      g_string_append_len (escape, p, g_utf8_next_char (p) - p);
    }

  /* Translators: an error in a JSON file, shown after the line and column;
   * %s is a backslash and what follows it in a string, such as “\x” or
   * “\u12”. JSON knows only \" \\ \/ \b \f \n \r \t and \u with four
   * hexadecimal digits */
  message = g_strdup_printf (_("“%s” is not an escape that JSON knows"), escape->str);
  return fail_at (s, at, message);
}

/* Scans the string whose opening quote is at @p. Returns what follows its
 * closing quote, or NULL with the error set. Sets *@has_escapes, if given,
 * to whether the string has escapes (a key with them is unescaped). */
static const char *
scan_string (Scanner    *s,
             const char *p,
             gboolean   *has_escapes)
{
  const char *end = s->end;
  gboolean escapes = FALSE;

  for (p++;;)
    {
      int unit;

      p = find_string_special (p, end);
      if (p == end)
        {
          fail_end_in_string (s);
          return NULL;
        }
      if (*p == '"')
        break;

      if (*p != '\\')
        {
          g_autofree char *message = NULL;

          /* A line break in a string whose closing quote never comes is
           * a file cut short, not a line break to escape. */
          if ((*p == '\n' || *p == '\r') && memchr (p, '"', end - p) == NULL)
            {
              fail_end_in_string (s);
              return NULL;
            }

          /* Translators: an error in a JSON file, shown after the line and
           * column: a string has a raw control character (a line break, a
           * tab, …) which JSON allows only written as an escape such as \n
           * or \t; %04X is its code point */
          message = g_strdup_printf (_("A string contains the control character U+%04X, which JSON allows only as an escape such as “\\n”"),
                                     (guint) (guchar) *p);
          fail_at (s, p, message);
          return NULL;
        }

      escapes = TRUE;
      if (p + 1 == end)
        {
          fail_end_in_string (s);
          return NULL;
        }
      switch (p[1])
        {
        case '"': case '\\': case '/': case 'b': case 'f': case 'n': case 'r': case 't':
          p += 2;
          continue;
        case 'u':
          break;
        default:
          if ((guchar) p[1] < 0x20)
            {
              p++;   /* the control character's own error */
              continue;
            }
          fail_escape (s, p);
          return NULL;
        }

      unit = read_unicode_escape (s, p);
      if (unit < 0)
        {
          fail_escape (s, p);
          return NULL;
        }

      if (unit == 0)
        {
          /* Translators: an error in a JSON file, shown after the line and
           * column: a string has the escape \u0000, a character that ends
           * text in C, so its rest would be lost */
          fail_at (s, p, _("A string contains “\\u0000”, the null character, which Rubric cannot keep"));
          return NULL;
        }

      if (unit >= 0xD800 && unit <= 0xDBFF)
        {
          int low = read_unicode_escape (s, p + 6);

          if (low >= 0xDC00 && low <= 0xDFFF)
            {
              p += 12;
              continue;
            }
        }
      if (unit >= 0xD800 && unit <= 0xDFFF)
        {
          g_autofree char *escape = g_strndup (p, 6);
          g_autofree char *message =
            /* Translators: an error in a JSON file, shown after the line
             * and column; %s is an escape such as “\ud800”: half of a
             * UTF-16 surrogate pair, which stands for a character only
             * with its other half next to it */
            g_strdup_printf (_("“%s” is half of a surrogate pair, without its other half"), escape);

          fail_at (s, p, message);
          return NULL;
        }

      p += 6;
    }

  if (has_escapes != NULL)
    *has_escapes = escapes;
  return p + 1;
}

/* The string between @start and @end, whose escapes scan_string()
 * checked, unescaped into @out. */
static void
unescape (const char *start,
          const char *end,
          GString    *out)
{
  const char *p = start;

  g_string_truncate (out, 0);
  while (p < end)
    {
      if (*p != '\\')
        {
          g_string_append_c (out, *p++);
          continue;
        }

      switch (p[1])
        {
        case 'b': g_string_append_c (out, '\b'); p += 2; break;
        case 'f': g_string_append_c (out, '\f'); p += 2; break;
        case 'n': g_string_append_c (out, '\n'); p += 2; break;
        case 'r': g_string_append_c (out, '\r'); p += 2; break;
        case 't': g_string_append_c (out, '\t'); p += 2; break;
        case 'u':
          {
            gunichar c = 0;

            for (guint i = 2; i < 6; i++)
              c = c * 16 + hex_value (p[i]);
            p += 6;
            if (c >= 0xD800 && c <= 0xDBFF)
              {
                gunichar low = 0;

                for (guint i = 2; i < 6; i++)
                  low = low * 16 + hex_value (p[i]);
                c = 0x10000 + ((c - 0xD800) << 10) + (low - 0xDC00);
                p += 6;
              }
            g_string_append_unichar (out, c);
          }
          break;
        default:   /* '"', '\\' and '/' stand for themselves */
          g_string_append_c (out, p[1]);
          p += 2;
          break;
        }
    }
}

/* -------------------------------------------------------------- numbers */

/* Skips the digits at @p, of which there must be one at least, in the
 * number that starts at @start. Returns what follows them, or NULL with
 * the error set. */
static const char *
scan_digits (Scanner    *s,
             const char *start,
             const char *p)
{
  if (p == s->end || !g_ascii_isdigit (*p))
    {
      fail_number (s, start);
      return NULL;
    }
  while (p < s->end && g_ascii_isdigit (*p))
    p++;
  return p;
}

/* Scans the number at @p (a '-' or a digit): JSON's grammar exactly, and
 * whole numbers in the range of gint64, which json-glib would otherwise
 * cap without a word. */
static const char *
scan_number (Scanner    *s,
             const char *p,
             gboolean   *is_whole)
{
  const char *start = p;
  const char *end = s->end;
  const char *digits;
  gboolean negative = FALSE;
  gboolean whole = TRUE;
  gsize n_digits;

  if (*p == '-')
    {
      negative = TRUE;
      p++;
    }

  digits = p;
  if (p < end && *p == '0')
    p++;
  else if (p < end && *p >= '1' && *p <= '9')
    while (p < end && g_ascii_isdigit (*p))
      p++;
  else
    {
      fail_number (s, start);
      return NULL;
    }
  n_digits = p - digits;

  if (p < end && *p == '.')
    {
      whole = FALSE;
      p = scan_digits (s, start, p + 1);
      if (p == NULL)
        return NULL;
    }

  if (p < end && (*p == 'e' || *p == 'E'))
    {
      whole = FALSE;
      /* An exponent can take a number past what a double holds (1e999):
       * check_numbers() looks at the parsed values then. */
      s->maybe_huge = TRUE;
      p++;
      if (p < end && (*p == '+' || *p == '-'))
        p++;
      p = scan_digits (s, start, p);
      if (p == NULL)
        return NULL;
    }

  /* "01", "0x1F", "1.2.3", "12abc": one token, not a number and more. */
  if (p < end && (is_word_char (*p) || *p == '.'))
    {
      fail_number (s, start);
      return NULL;
    }

  if (whole)
    {
      if (n_digits > 19 ||
          (n_digits == 19 &&
           memcmp (digits, negative ? "9223372036854775808" : "9223372036854775807", 19) > 0))
        {
          g_autofree char *min = g_strdup_printf ("%" G_GINT64_FORMAT, G_MININT64);
          g_autofree char *max = g_strdup_printf ("%" G_GINT64_FORMAT, G_MAXINT64);
          g_autofree char *message =
            /* Translators: an error in a JSON file, shown after the line
             * and column: a number without a fraction is too large to read
             * exactly; the %s are the smallest and the largest allowed */
            g_strdup_printf (_("The whole number is out of range (%s to %s)"), min, max);

          fail_at (s, start, message);
          return NULL;
        }
    }
  else if (n_digits >= 300)
    {
      /* Over 10^308 a double is infinite. */
      s->maybe_huge = TRUE;
    }

  *is_whole = whole;
  return p;
}

/* ------------------------------------------------------------- the keys */

static inline guint
hash_key (const char *text,
          gsize       length)
{
  guint32 hash = 2166136261u;   /* FNV-1a */

  for (gsize i = 0; i < length; i++)
    hash = (hash ^ (guchar) text[i]) * 16777619u;
  return hash;
}

static inline gboolean
same_key (const Key *a,
          const Key *b)
{
  return a->hash == b->hash && a->length == b->length && memcmp (a->text, b->text, a->length) == 0;
}

/* Puts keys[index] into the frame's table; returns the index of an equal
 * key already there, or G_MAXUINT. */
static guint
table_insert (Scanner *s,
              Frame   *frame,
              guint    index)
{
  const Key *keys = s->keys;
  guint slot = keys[index].hash & frame->table_mask;

  while (frame->table[slot] != 0)
    {
      guint other = frame->table[slot] - 1;

      if (same_key (&keys[other], &keys[index]))
        return other;
      slot = (slot + 1) & frame->table_mask;
    }
  frame->table[slot] = index + 1;
  return G_MAXUINT;
}

/* Makes the frame's table twice as large as its keys (at least), with
 * all of them in it. */
static void
table_rebuild (Scanner *s,
               Frame   *frame)
{
  guint n_keys = s->n_keys - frame->first_key;
  guint size = 64;

  while (size < 2 * n_keys)
    size *= 2;

  g_free (frame->table);
  frame->table = g_new0 (guint, size);
  frame->table_mask = size - 1;
  for (guint i = frame->first_key; i < s->n_keys; i++)
    table_insert (s, frame, i);
}

static gboolean
fail_duplicate (Scanner    *s,
                const char *at,
                const Key  *key)
{
  g_autoptr(GString) name = g_string_new (NULL);
  g_autofree char *message = NULL;

  /* The name as it would be written, short, and without raw control
   * characters, which could move a terminal's cursor. */
  for (const char *p = key->text; p < key->text + key->length; p = g_utf8_next_char (p))
    {
      if (g_utf8_strlen (name->str, -1) >= QUOTE_MAX)
        {
          g_string_append (name, "…");
          break;
        }
      if ((guchar) *p < 0x20)
        g_string_append_printf (name, "\\u%04x", (guint) (guchar) *p);
      else
        g_string_append_len (name, p, g_utf8_next_char (p) - p);
    }

  /* Translators: an error in a JSON file, shown after the line and column:
   * an object has two members of one name, such as “rating”; the place is
   * the second */
  message = g_strdup_printf (_("The key “%s” appears twice in the same object"), name->str);
  return fail_at (s, at, message);
}

/* Adds the name whose string starts at @quote and ends before @after to
 * the innermost object; fails when the object already has it. Names are
 * compared unescaped: "a" and "\u0061" are one name to json-glib. */
static gboolean
add_key (Scanner    *s,
         const char *quote,
         const char *after,
         gboolean    has_escapes)
{
  Frame *frame = &s->frames[s->depth - 1];
  Key key;
  guint n_keys;

  if (G_LIKELY (!has_escapes))
    {
      key.text = quote + 1;
      key.length = after - quote - 2;
    }
  else
    {
      g_autoptr(GString) text = g_string_new (NULL);

      unescape (quote + 1, after - 1, text);
      if (s->unescaped_keys == NULL)
        s->unescaped_keys = g_string_chunk_new (4096);
      key.text = g_string_chunk_insert_len (s->unescaped_keys, text->str, text->len);
      key.length = text->len;
    }
  key.hash = hash_key (key.text, key.length);

  n_keys = s->n_keys - frame->first_key;
  if (frame->table == NULL)
    {
      for (guint i = frame->first_key; i < s->n_keys; i++)
        if (same_key (&s->keys[i], &key))
          return fail_duplicate (s, quote, &key);
    }

  if (s->n_keys == s->keys_size)
    {
      s->keys_size *= 2;
      if (s->keys == s->keys_inline)
        {
          s->keys = g_new (Key, s->keys_size);
          memcpy (s->keys, s->keys_inline, s->n_keys * sizeof (Key));
        }
      else
        {
          s->keys = g_renew (Key, s->keys, s->keys_size);
        }
    }
  s->keys[s->n_keys++] = key;

  if (frame->table == NULL)
    {
      if (n_keys + 1 > LINEAR_KEYS)
        table_rebuild (s, frame);
      return TRUE;
    }

  if (table_insert (s, frame, s->n_keys - 1) != G_MAXUINT)
    return fail_duplicate (s, quote, &key);
  if (2 * (n_keys + 1) > frame->table_mask + 1)
    table_rebuild (s, frame);
  return TRUE;
}

/* ---------------------------------------------------------------- tapes */

/* Adds an item to the tape; it is the value of the member named last. */
static RubricJsonItem *
emit (Scanner            *s,
      RubricJsonItemType  type,
      const char         *text)
{
  RubricJsonTape *tape = s->tape;
  RubricJsonItem *item;

  if (G_UNLIKELY (tape->n_items == s->items_size))
    {
      s->items_size = MAX (1024, 2 * s->items_size);
      tape->items = g_renew (RubricJsonItem, tape->items, s->items_size);
    }
  item = &tape->items[tape->n_items++];
  item->type = type;
  item->whole = FALSE;
  item->next = tape->n_items;
  item->length = 0;
  item->key = s->key;
  item->text = text;
  s->key = NULL;
  if (s->depth > 0)
    s->frames[s->depth - 1].n_children++;
  return item;
}

/* The string whose quotes are at @quote and before @after, in the tape's
 * buffer: unescaped in its place (never longer than written), and ended
 * with a NUL where its closing quote is or before. */
static const char *
tape_string (Scanner    *s,
             const char *quote,
             const char *after,
             gboolean    has_escapes)
{
  char *start = s->buffer + (quote + 1 - s->data);
  gsize length = after - quote - 2;

  if (G_UNLIKELY (has_escapes))
    {
      if (s->unescaped == NULL)
        s->unescaped = g_string_new (NULL);
      unescape (quote + 1, after - 1, s->unescaped);
      memcpy (start, s->unescaped->str, s->unescaped->len);
      length = s->unescaped->len;
    }
  start[length] = '\0';
  return start;
}

/* ----------------------------------------------------------- structure */

/* Opens the object or array at @at; refuses one level too deep before
 * json-glib's parser, which recurses, can see it: a file of a million
 * '[' must not take the stack with it. */
static gboolean
push (Scanner    *s,
      const char *at,
      gboolean    is_object)
{
  Frame *frame;

  if (s->depth == RUBRIC_JSON_MAX_DEPTH)
    {
      g_autofree char *message =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                      /* Translators: shown after the file's line and
                                       * column; %u is the deepest nesting allowed */
                                      "Nested deeper than %u level",
                                      "Nested deeper than %u levels",
                                      RUBRIC_JSON_MAX_DEPTH),
                         RUBRIC_JSON_MAX_DEPTH);

      return fail_at_code (s, at, RUBRIC_JSON_ERROR_TOO_DEEP, message);
    }

  if (s->tape != NULL)
    emit (s, is_object ? RUBRIC_JSON_ITEM_OBJECT : RUBRIC_JSON_ITEM_ARRAY, NULL);

  frame = &s->frames[s->depth++];
  frame->is_object = is_object;
  frame->first_key = s->n_keys;
  frame->table = NULL;
  frame->table_mask = 0;
  if (s->tape != NULL)
    {
      frame->item = s->tape->n_items - 1;
      frame->n_children = 0;
    }
  return TRUE;
}

static void
pop (Scanner *s)
{
  Frame *frame = &s->frames[--s->depth];

  if (s->tape != NULL)
    {
      RubricJsonItem *item = &s->tape->items[frame->item];

      item->next = s->tape->n_items;
      item->length = frame->n_children;
    }

  g_clear_pointer (&frame->table, g_free);
  s->n_keys = frame->first_key;
}

static inline const char *
skip_space (const char *p,
            const char *end)
{
  while (p < end)
    {
      if (*p == ' ' || *p == '\t' || *p == '\r')
        {
          p++;
        }
      else if (*p == '\n')
        {
          /* Indentation, eight spaces at a time: pretty-printed files
           * have more of it than of anything but strings. */
          for (p++; end - p >= 8 && memcmp (p, "        ", 8) == 0; p += 8)
            ;
        }
      else
        {
          break;
        }
    }
  return p;
}

/* Whether the word at @p is @literal (true, false, null) and no more. */
static inline gboolean
is_literal (const Scanner *s,
            const char    *p,
            const char    *literal,
            gsize          length)
{
  return (gsize) (s->end - p) >= length && memcmp (p, literal, length) == 0 &&
         (p + length == s->end || !is_word_char (p[length]));
}

static gboolean
scan (Scanner *s)
{
  const char *end = s->end;
  const char *p = s->data;

  /* The grammar as a loop over an explicit stack: no recursion here
   * either. */
value:
  p = skip_space (p, end);
  if (p == end)
    return fail_end (s);
  switch (*p)
    {
    case '{':
    case '[':
      {
        gboolean is_object = *p == '{';

        if (!push (s, p, is_object))
          return FALSE;
        p = skip_space (p + 1, end);
        if (p < end && *p == (is_object ? '}' : ']'))
          {
            pop (s);
            p++;
            goto after_value;
          }
        if (is_object)
          goto key;
        goto value;
      }

    case '"':
      {
        const char *quote = p;
        gboolean has_escapes = FALSE;

        p = scan_string (s, p, &has_escapes);
        if (p == NULL)
          return FALSE;
        if (s->tape != NULL)
          emit (s, RUBRIC_JSON_ITEM_STRING, tape_string (s, quote, p, has_escapes));
        goto after_value;
      }

    case '-': case '0': case '1': case '2': case '3': case '4':
    case '5': case '6': case '7': case '8': case '9':
      {
        const char *start = p;
        gboolean whole = FALSE;

        p = scan_number (s, p, &whole);
        if (p == NULL)
          return FALSE;
        if (s->tape != NULL)
          emit (s, RUBRIC_JSON_ITEM_NUMBER, s->buffer + (start - s->data))->whole = whole;
        goto after_value;
      }

    case 't':
      if (!is_literal (s, p, "true", 4))
        return fail_unexpected (s, p, EXPECT_VALUE);
      if (s->tape != NULL)
        emit (s, RUBRIC_JSON_ITEM_BOOLEAN, NULL)->whole = TRUE;
      p += 4;
      goto after_value;

    case 'f':
      if (!is_literal (s, p, "false", 5))
        return fail_unexpected (s, p, EXPECT_VALUE);
      if (s->tape != NULL)
        emit (s, RUBRIC_JSON_ITEM_BOOLEAN, NULL);
      p += 5;
      goto after_value;

    case 'n':
      if (!is_literal (s, p, "null", 4))
        return fail_unexpected (s, p, EXPECT_VALUE);
      if (s->tape != NULL)
        emit (s, RUBRIC_JSON_ITEM_NULL, NULL);
      p += 4;
      goto after_value;

    default:
      return fail_unexpected (s, p, EXPECT_VALUE);
    }

key:
  /* At the first non-space after '{' or ','. */
  {
    const char *quote = p;
    gboolean has_escapes = FALSE;

    if (p == end)
      return fail_end (s);
    if (*p != '"')
      return fail_unexpected (s, p, EXPECT_KEY);
    p = scan_string (s, p, &has_escapes);
    if (p == NULL || !add_key (s, quote, p, has_escapes))
      return FALSE;
    if (s->tape != NULL)
      s->key = tape_string (s, quote, p, has_escapes);
    p = skip_space (p, end);
    if (p == end || *p != ':')
      return fail_unexpected (s, p, EXPECT_COLON);
    p++;
    goto value;
  }

after_value:
  p = skip_space (p, end);
  if (s->depth == 0)
    return p == end || fail_unexpected (s, p, EXPECT_END);
  if (p == end)
    return fail_end (s);

  if (*p == ',')
    {
      const char *comma = p;
      gboolean is_object = s->frames[s->depth - 1].is_object;

      p = skip_space (p + 1, end);
      if (p < end && *p == (is_object ? '}' : ']'))
        {
          /* Translators: an error in a JSON file, shown after the line and
           * column: a comma before the “]” or “}” that ends a list or
           * object, which JavaScript allows and JSON does not */
          return fail_at (s, comma, _("JSON allows no comma after the last item"));
        }
      if (is_object)
        goto key;
      goto value;
    }

  if (s->frames[s->depth - 1].is_object)
    {
      if (*p != '}')
        return fail_unexpected (s, p, EXPECT_COMMA_OR_BRACE);
    }
  else if (*p != ']')
    {
      return fail_unexpected (s, p, EXPECT_COMMA_OR_BRACKET);
    }
  pop (s);
  p++;
  goto after_value;
}

/**
 * rubric_json_check_syntax:
 * @data: (array length=length): a whole file, without a byte-order mark
 * @maybe_huge: (out): set when a number may be too large for a double
 *   (one with an exponent, or with 300 digits or more before its point),
 *   which json-glib reads as infinity: then the caller checks the values
 * @error: the first problem, with its LINE:COLUMN, in @domain
 *
 * Whether @data is one JSON value (RFC 8259) of UTF-8 text, nested at
 * most RUBRIC_JSON_MAX_DEPTH deep, that json-glib reads without losing
 * anything: no object has a name twice, no string has "\u0000" and every
 * whole number fits in a gint64.
 */
gboolean
rubric_json_check_syntax (const char  *data,
                          gsize        length,
                          GQuark       domain,
                          gboolean    *maybe_huge,
                          GError     **error)
{
  return rubric_json_scan_to_tape (data, length, domain, maybe_huge, NULL, error);
}

/**
 * rubric_json_scan_to_tape:
 * @tape: (nullable): an empty tape to fill, or %NULL only to check
 *
 * rubric_json_check_syntax() that, with @tape, also writes down what it
 * read: when it succeeds, @tape holds the file's values (with the same
 * numbers as json-glib would read, but for @maybe_huge ones, which the
 * caller checks as after rubric_json_check_syntax()). When it fails,
 * @tape holds what it read before and is only to be freed.
 */
gboolean
rubric_json_scan_to_tape (const char      *data,
                          gsize            length,
                          GQuark           domain,
                          gboolean        *maybe_huge,
                          RubricJsonTape  *tape,
                          GError         **error)
{
  Scanner s = { 0, };
  const char *bad;
  gboolean ok;

  g_return_val_if_fail (data != NULL || length == 0, FALSE);

  *maybe_huge = FALSE;

  if (!g_utf8_validate_len (data, length, &bad))
    {
      guint line, column;

      rubric_json_locate (data, bad - data, &line, &column);
      rubric_json_set_error_at (error, domain, RUBRIC_JSON_ERROR_NOT_UTF8, line, column,
                                /* Translators: shown after the line and column */
                                _("The file is not UTF-8 text"));
      return FALSE;
    }

  if (skip_space (data, data + length) == data + length)
    {
      rubric_json_set_error_at (error, domain, RUBRIC_JSON_ERROR_SYNTAX, 1, 1,
                                /* Translators: shown after the line and column, “1:1: ” */
                                _("The file is empty"));
      return FALSE;
    }

  s.data = data;
  s.end = data + length;
  s.domain = domain;
  s.error = error;
  s.keys = s.keys_inline;
  s.keys_size = G_N_ELEMENTS (s.keys_inline);
  if (tape != NULL)
    {
      s.tape = tape;
      tape->buffer = g_malloc (length + 1);
      memcpy (tape->buffer, data, length);
      tape->buffer[length] = '\0';
      s.buffer = tape->buffer;
    }

  ok = scan (&s);

  while (s.depth > 0)
    pop (&s);
  if (s.keys != s.keys_inline)
    g_free (s.keys);
  g_clear_pointer (&s.unescaped_keys, g_string_chunk_free);
  if (s.unescaped != NULL)
    g_string_free (s.unescaped, TRUE);
  *maybe_huge = s.maybe_huge;

  return ok;
}
