/* rubric-anonymize.c — names and other identifying terms out of a text
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What is replaced, and what is not, is docs/anonymise.md. In short: text
 * and names are compared folded (NFKD, case-folded, marks and format
 * characters dropped, quotes and dashes made ASCII, the search's folding),
 * and each match is cut from the original text through the folding's map
 * of offsets, so that a decomposed "é" or a soft hyphen inside a name goes
 * with it.
 */

#define G_LOG_DOMAIN "rubric-anonymize"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rubric-anonymize.h"
#include "rubric-search-private.h"

typedef enum {
  MATCH_ANY_CASE,      /* full names, name parts that are no common word, terms */
  MATCH_CAPITALISED,   /* a name part that is a common word: "Will", never "will" */
} MatchRule;

typedef struct
{
  char     *folded;
  guint     owner;       /* index of its Owner */
  MatchRule rule;
  gboolean  substring;   /* a script without spaces between words: no word boundaries */
} Pattern;

/* A person (their alias) or a term (its replacement). */
typedef struct
{
  char      *replacement;
  GPtrArray *handle_keys;  /* folded, letters and digits only: in an email, handle or URL */
  GPtrArray *part_keys;    /* folded parts of the name: what looks like one when it stays */
} Owner;

typedef struct
{
  gsize start;
  gsize end;
  guint owner;
} Span;

struct _RubricAnonymizer
{
  Folder     folder;
  GPtrArray *owners;       /* Owner */
  GArray    *patterns;     /* Pattern */
  gboolean   sorted;
  guint      n_replaced;
  GPtrArray *remaining;    /* char *, NULL-terminated: what stays that looks like a name */
  GHashTable *remaining_seen;
};

/* Name parts that are also common words: replaced only where they are
 * capitalised ("Will", "May"), so that "we will follow up" keeps its verb.
 * Folded; sorted for bsearch(). */
static const char * const common_words[] = {
  "amber", "art", "baker", "banks", "bell", "best", "bill", "black", "bob",
  "brown", "can", "carol", "cash", "chase", "cook", "crystal", "daisy",
  "dawn", "dean", "don", "drew", "earl", "faith", "field", "fisher", "ford",
  "frank", "gold", "grace", "gray", "green", "grey", "guy", "hall", "heather",
  "hill", "holly", "hope", "hunter", "iris", "ivy", "jack", "jade", "joy",
  "king", "lake", "lane", "lily", "little", "long", "love", "mark", "mason",
  "miles", "miller", "moody", "nick", "page", "pat", "pearl", "price", "ray",
  "reed", "rice", "rich", "rob", "rose", "ruby", "rusty", "sandy", "shepherd",
  "short", "silver", "sky", "smith", "stone", "strong", "summer", "sunny",
  "swift", "taylor", "wall", "ward", "white", "will", "wise", "wood", "young",
};

/* Common words that are capitalised anyway: a month or a day of the week
 * ("in May") is not the interviewer Will May. Replaced only within the
 * full name; standing alone, they are listed as what stays. Folded. */
static const char * const context_words[] = {
  "april", "august", "friday", "june", "mai", "march", "may", "monday",
  "sunday", "tuesday",
};

/* Titles before a name: the word after one is listed when it stays. */
static const char * const honorifics[] = {
  "dame", "dr", "frau", "herr", "madam", "miss", "mr", "mrs", "ms", "mx",
  "prof", "sir",
};

static int
compare_strings (const void *a,
                 const void *b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static gboolean
in_list (const char * const *list,
         gsize               n,
         const char         *word)
{
  return bsearch (&word, list, n, sizeof (char *), compare_strings) != NULL;
}

/* Scripts written without spaces between words: a name there is found
 * inside longer runs of letters ("王小明说"). */
static gboolean
is_unspaced_script (gunichar c)
{
  static const GUnicodeScript unspaced[] = {
    G_UNICODE_SCRIPT_HAN, G_UNICODE_SCRIPT_HIRAGANA, G_UNICODE_SCRIPT_KATAKANA,
    G_UNICODE_SCRIPT_HANGUL, G_UNICODE_SCRIPT_THAI, G_UNICODE_SCRIPT_LAO,
    G_UNICODE_SCRIPT_KHMER, G_UNICODE_SCRIPT_MYANMAR, G_UNICODE_SCRIPT_TIBETAN,
    G_UNICODE_SCRIPT_YI,
  };
  GUnicodeScript script;

  if (c < 0x80)
    return FALSE;
  script = g_unichar_get_script (c);
  for (guint i = 0; i < G_N_ELEMENTS (unspaced); i++)
    if (unspaced[i] == script)
      return TRUE;
  return FALSE;
}

static gboolean
has_unspaced_script (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (is_unspaced_script (g_utf8_get_char (p)))
      return TRUE;
  return FALSE;
}

/* A character that continues a word of a spaced script: a name must not
 * be found inside "Adalbert", but is next to "说". */
static gboolean
continues_word (gunichar c)
{
  return is_word_char (c) && !is_unspaced_script (c);
}

static char *
fold (RubricAnonymizer *self,
      const char       *text)
{
  GString *out = g_string_new (NULL);

  _rubric_search_fold_text (&self->folder, text, strlen (text), out, NULL);
  while (out->len > 0 && out->str[out->len - 1] == ' ')
    g_string_truncate (out, out->len - 1);
  return g_string_free (out, FALSE);
}

/* FOLDED with only its letters and digits: "jose.muller-lukasz" →
 * "josemullerlukasz". */
static char *
letters_only (const char *folded)
{
  GString *out = g_string_new (NULL);

  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (is_word_char (c))
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

static gboolean
is_name_char (gunichar c)
{
  return g_unichar_isalnum (c) || g_unichar_ismark (c) || g_unichar_type (c) == G_UNICODE_FORMAT ||
         c == '\'' || c == 0x2019 || c == 0x2018 || c == 0x02BC;
}

static gboolean
is_hyphen (gunichar c)
{
  return c == '-' || (c >= 0x2010 && c <= 0x2015) || c == 0x2212 || c == 0xFE63 || c == 0xFF0D;
}

RubricAnonymizer *
rubric_anonymizer_new (void)
{
  RubricAnonymizer *self = g_new0 (RubricAnonymizer, 1);

  _rubric_search_folder_init (&self->folder);
  self->owners = g_ptr_array_new ();
  self->patterns = g_array_new (FALSE, FALSE, sizeof (Pattern));
  self->remaining = g_ptr_array_new_null_terminated (0, g_free, TRUE);
  self->remaining_seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  return self;
}

void
rubric_anonymizer_free (RubricAnonymizer *self)
{
  if (self == NULL)
    return;

  for (guint i = 0; i < self->owners->len; i++)
    {
      Owner *owner = g_ptr_array_index (self->owners, i);

      g_free (owner->replacement);
      g_ptr_array_unref (owner->handle_keys);
      g_ptr_array_unref (owner->part_keys);
      g_free (owner);
    }
  g_ptr_array_unref (self->owners);
  for (guint i = 0; i < self->patterns->len; i++)
    g_free (g_array_index (self->patterns, Pattern, i).folded);
  g_array_unref (self->patterns);
  g_ptr_array_unref (self->remaining);
  g_hash_table_unref (self->remaining_seen);
  _rubric_search_folder_clear (&self->folder);
  g_free (self);
}

static guint
add_owner (RubricAnonymizer *self,
           const char       *replacement)
{
  Owner *owner = g_new0 (Owner, 1);

  owner->replacement = g_strdup (replacement);
  owner->handle_keys = g_ptr_array_new_with_free_func (g_free);
  owner->part_keys = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->owners, owner);
  return self->owners->len - 1;
}

/* Adds FOLDED (taken) unless it is empty or there already. */
static void
add_pattern (RubricAnonymizer *self,
             char             *folded,
             guint             owner,
             MatchRule         rule)
{
  Pattern pattern = { folded, owner, rule, FALSE };

  if (*folded == '\0')
    {
      g_free (folded);
      return;
    }
  for (guint i = 0; i < self->patterns->len; i++)
    {
      Pattern *other = &g_array_index (self->patterns, Pattern, i);

      if (g_str_equal (other->folded, folded))
        {
          /* The first owner keeps it; the looser rule wins. */
          if (rule == MATCH_ANY_CASE)
            other->rule = MATCH_ANY_CASE;
          g_free (folded);
          return;
        }
    }
  pattern.substring = has_unspaced_script (folded);
  g_array_append_val (self->patterns, pattern);
  self->sorted = FALSE;
}

static void
add_key (GPtrArray  *keys,
         const char *key)
{
  if (*key != '\0' && !g_ptr_array_find_with_equal_func (keys, key, g_str_equal, NULL))
    g_ptr_array_add (keys, g_strdup (key));
}

/* The words of NAME: "José Müller-Łukasz" gives "José", "Müller-Łukasz",
 * "Müller" and "Łukasz"; CHUNKS gets the whitespace-separated ones only. */
static GPtrArray *
split_name (const char *name,
            GPtrArray  *chunks)
{
  GPtrArray *words = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) pieces = g_regex_split_simple ("\\s+", name, 0, 0);

  for (guint i = 0; pieces[i] != NULL; i++)
    {
      const char *start = pieces[i];
      const char *end = start + strlen (start);
      const char *p;
      const char *word = NULL;

      /* Trimmed of quotes, brackets, commas: "(Bob)," is "Bob". */
      while (*start != '\0' && !is_name_char (g_utf8_get_char (start)))
        start = g_utf8_next_char (start);
      while (end > start && !is_name_char (g_utf8_get_char (g_utf8_find_prev_char (start, end))))
        end = g_utf8_find_prev_char (start, end);
      if (end <= start)
        continue;
      g_ptr_array_add (chunks, g_strndup (start, end - start));
      g_ptr_array_add (words, g_strndup (start, end - start));

      /* Each part of a hyphenated name by itself, too. */
      for (p = start; p <= end; p = p < end ? g_utf8_next_char (p) : end + 1)
        {
          gboolean inside = p < end && is_name_char (g_utf8_get_char (p));

          if (inside && word == NULL)
            word = p;
          else if (!inside && word != NULL)
            {
              if (word != start || p != end)
                g_ptr_array_add (words, g_strndup (word, p - word));
              word = NULL;
            }
        }
    }
  return words;
}

/* "Müller" as Germans write it without umlauts: "Mueller". NULL when NAME
 * has none. */
static char *
transliterate_umlauts (const char *name)
{
  static const struct {
    gunichar letter;
    const char *ascii;
  } umlauts[] = {
    { 0x00E4, "ae" }, { 0x00F6, "oe" }, { 0x00FC, "ue" },
    { 0x00C4, "Ae" }, { 0x00D6, "Oe" }, { 0x00DC, "Ue" },
  };
  g_autofree char *composed = g_utf8_normalize (name, -1, G_NORMALIZE_NFC);
  GString *out = g_string_new (NULL);
  gboolean changed = FALSE;

  for (const char *p = composed; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      guint i;

      for (i = 0; i < G_N_ELEMENTS (umlauts); i++)
        if (umlauts[i].letter == c)
          break;
      if (i < G_N_ELEMENTS (umlauts))
        {
          g_string_append (out, umlauts[i].ascii);
          changed = TRUE;
        }
      else
        g_string_append_unichar (out, c);
    }
  if (!changed)
    {
      g_string_free (out, TRUE);
      return NULL;
    }
  return g_string_free (out, FALSE);
}

static gboolean
is_han_name (const char *folded)
{
  glong length = g_utf8_strlen (folded, -1);

  if (length < 3 || length > 4)
    return FALSE;
  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_get_script (g_utf8_get_char (p)) != G_UNICODE_SCRIPT_HAN)
      return FALSE;
  return TRUE;
}

static void
add_name_form (RubricAnonymizer *self,
               const char       *name,
               guint             owner_index)
{
  Owner *owner = g_ptr_array_index (self->owners, owner_index);
  g_autoptr(GPtrArray) chunks = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) words = split_name (name, chunks);
  g_autoptr(GString) all = g_string_new (NULL);
  char *full = fold (self, name);

  /* The full name, in any case. */
  if (has_unspaced_script (full) && is_han_name (full))
    /* 王小明: the given name 小明 (the last two characters) alone gives
     * him away as well. */
    add_pattern (self, g_utf8_substring (full, g_utf8_strlen (full, -1) - 2, g_utf8_strlen (full, -1)),
                 owner_index, MATCH_ANY_CASE);
  add_pattern (self, full, owner_index, MATCH_ANY_CASE);

  for (guint i = 0; i < words->len; i++)
    {
      g_autofree char *folded = fold (self, g_ptr_array_index (words, i));
      g_autofree char *bare = letters_only (folded);
      gboolean context = in_list (context_words, G_N_ELEMENTS (context_words), bare);
      gboolean common = context || in_list (common_words, G_N_ELEMENTS (common_words), bare);

      if (g_utf8_strlen (bare, -1) < 2)
        continue;
      add_key (owner->part_keys, bare);
      /* A handle that holds a name part: "jmuller84", "@lukasz.dev". */
      if (!common && g_utf8_strlen (bare, -1) >= 3)
        add_key (owner->handle_keys, bare);
      if (context)
        continue;
      add_pattern (self, g_strdup (folded), owner_index, common ? MATCH_CAPITALISED : MATCH_ANY_CASE);
      /* O'Brien written OBrien. */
      if (strchr (folded, '\'') != NULL)
        {
          g_auto(GStrv) pieces = g_strsplit (folded, "'", -1);

          add_pattern (self, g_strjoinv ("", pieces), owner_index, common ? MATCH_CAPITALISED : MATCH_ANY_CASE);
        }
    }

  /* The name turned round or with an initial: "May, Will", "W. May". */
  if (chunks->len >= 2)
    {
      g_autofree char *first = fold (self, g_ptr_array_index (chunks, 0));
      g_autofree char *last = fold (self, g_ptr_array_index (chunks, chunks->len - 1));
      g_autofree char *initial = g_utf8_substring (first, 0, 1);
      g_autofree char *last_initial = g_utf8_substring (last, 0, 1);

      add_pattern (self, g_strdup_printf ("%s %s", last, first), owner_index, MATCH_ANY_CASE);
      add_pattern (self, g_strdup_printf ("%s, %s", last, first), owner_index, MATCH_ANY_CASE);
      add_pattern (self, g_strdup_printf ("%s. %s", initial, last), owner_index, MATCH_ANY_CASE);
      add_pattern (self, g_strdup_printf ("%s %s", initial, last), owner_index, MATCH_ANY_CASE);
      add_pattern (self, g_strdup_printf ("%s %s.", first, last_initial), owner_index, MATCH_ANY_CASE);

      /* The whole name run together is a handle, or its initial and
       * surname: "willmay", "wmay". */
      for (guint i = 0; i < chunks->len; i++)
        {
          g_autofree char *folded = fold (self, g_ptr_array_index (chunks, i));
          g_autofree char *bare = letters_only (folded);

          g_string_append (all, bare);
        }
      add_key (owner->handle_keys, all->str);
      {
        g_autofree char *bare_last = letters_only (last);
        g_autofree char *short_form = g_strconcat (initial, bare_last, NULL);

        if (g_utf8_strlen (short_form, -1) >= 4)
          add_key (owner->handle_keys, short_form);
      }
    }
}

/**
 * rubric_anonymizer_add_person:
 * @name: a person's full name, as written
 * @alias: what replaces it: "Candidate 7C2E", "Interviewer A"
 *
 * Replaces the full name (and the name turned round, or with an
 * initial) in any case; each part of it that is not a common word in any
 * case, a part that is a common word only where capitalised; emails,
 * handles and URLs that hold a part of the name, whole. A German name is
 * also found without its umlauts ("Mueller" for "Müller").
 */
void
rubric_anonymizer_add_person (RubricAnonymizer *self,
                              const char       *name,
                              const char       *alias)
{
  g_autofree char *german = NULL;
  guint owner;

  g_return_if_fail (self != NULL);
  g_return_if_fail (alias != NULL);

  if (name == NULL)
    return;
  owner = add_owner (self, alias);
  add_name_form (self, name, owner);
  german = transliterate_umlauts (name);
  if (german != NULL)
    add_name_form (self, german, owner);
}

/**
 * rubric_anonymizer_add_term:
 * @term: an employer, a university, a city…
 * @replacement: what replaces it
 *
 * Replaces @term as a whole word (or words), in any case and with or
 * without accents.
 */
void
rubric_anonymizer_add_term (RubricAnonymizer *self,
                            const char       *term,
                            const char       *replacement)
{
  char *folded;

  g_return_if_fail (self != NULL);
  g_return_if_fail (replacement != NULL);

  if (term == NULL)
    return;
  folded = fold (self, term);
  if (*folded == '\0')
    {
      g_free (folded);
      return;
    }
  add_pattern (self, folded, add_owner (self, replacement), MATCH_ANY_CASE);
}

static int
compare_longest_first (gconstpointer a,
                       gconstpointer b)
{
  const Pattern *pa = a;
  const Pattern *pb = b;
  gsize la = strlen (pa->folded);
  gsize lb = strlen (pb->folded);

  return la < lb ? 1 : la > lb ? -1 : 0;
}

static gboolean
overlaps (GArray *spans,
          gsize   start,
          gsize   end)
{
  for (guint i = 0; i < spans->len; i++)
    {
      const Span *span = &g_array_index (spans, Span, i);

      if (start < span->end && span->start < end)
        return TRUE;
    }
  return FALSE;
}

static gboolean
is_capitalised (gunichar c)
{
  return g_unichar_isupper (c) || g_unichar_istitle (c);
}

static gboolean
looks_like_handle (const char *token)
{
  const char *slash = strchr (token, '/');
  const char *dot = strchr (token, '.');

  return strchr (token, '@') != NULL || strstr (token, "://") != NULL ||
         g_str_has_prefix (token, "www.") || (slash != NULL && dot != NULL && dot < slash);
}

/* Emails, @handles and URLs that hold a part of someone's name go whole:
 * "jose.muller-lukasz@example.com", "github.com/jmuller". */
static void
find_handles (RubricAnonymizer *self,
              const char       *text,
              GArray           *spans)
{
  const char *p = text;

  while (*p != '\0')
    {
      const char *start, *end;
      g_autofree char *token = NULL;
      g_autofree char *folded = NULL;
      g_autofree char *bare = NULL;

      while (*p != '\0' && g_unichar_isspace (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      start = p;
      while (*p != '\0' && !g_unichar_isspace (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      end = p;

      /* Not the brackets or the full stop around it. */
      while (start < end && strchr ("(<[{\"'", *start) != NULL)
        start++;
      while (end > start && strchr (".,;:!?)>]}\"'", end[-1]) != NULL)
        end--;
      if (end <= start)
        continue;

      token = g_strndup (start, end - start);
      if (!looks_like_handle (token))
        continue;
      folded = fold (self, token);
      bare = letters_only (folded);
      for (guint i = 0; i < self->owners->len; i++)
        {
          Owner *owner = g_ptr_array_index (self->owners, i);
          gboolean found = FALSE;

          for (guint k = 0; k < owner->handle_keys->len && !found; k++)
            found = strstr (bare, g_ptr_array_index (owner->handle_keys, k)) != NULL;
          if (found && !overlaps (spans, start - text, end - text))
            {
              Span span = { start - text, end - text, i };

              g_array_append_val (spans, span);
              break;
            }
        }
    }
}

static void
find_patterns (RubricAnonymizer *self,
               const char       *text,
               const GString    *folded,
               const MapEntry   *map,
               GArray           *spans)
{
  for (guint i = 0; i < self->patterns->len; i++)
    {
      const Pattern *pattern = &g_array_index (self->patterns, Pattern, i);
      gsize length = strlen (pattern->folded);
      const char *hit = folded->str;

      while ((hit = strstr (hit, pattern->folded)) != NULL)
        {
          gsize fs = hit - folded->str;
          gsize fe = fs + length;
          gsize start = map[fs].start;
          gsize end = map[fe - 1].end;
          gboolean ok = TRUE;

          if (!pattern->substring)
            {
              if (fs > 0)
                ok = !continues_word (g_utf8_get_char (g_utf8_find_prev_char (folded->str, hit)));
              if (ok && fe < folded->len)
                ok = !continues_word (g_utf8_get_char (folded->str + fe));
              /* A match must start and end where characters do: "ﬁ" is
               * "fi", and "f" alone is not a word of it. */
              if (ok && fs > 0 && map[fs - 1].start == map[fs].start)
                ok = FALSE;
              if (ok && fe < folded->len && map[fe].start == map[fe - 1].start)
                ok = FALSE;
            }
          if (ok && pattern->rule == MATCH_CAPITALISED)
            ok = is_capitalised (g_utf8_get_char (text + start));
          if (ok && !overlaps (spans, start, end))
            {
              Span span = { start, end, pattern->owner };

              g_array_append_val (spans, span);
            }
          hit = g_utf8_next_char (hit);
        }
    }
}

static int
compare_spans (gconstpointer a,
               gconstpointer b)
{
  const Span *sa = a;
  const Span *sb = b;

  return sa->start < sb->start ? -1 : sa->start > sb->start ? 1 : 0;
}

/* "José Müller-Łukasz" matched part by part is one replacement, not three. */
static void
merge_spans (const char *text,
             GArray     *spans)
{
  guint i = 1;

  while (i < spans->len)
    {
      Span *before = &g_array_index (spans, Span, i - 1);
      const Span *span = &g_array_index (spans, Span, i);
      gboolean gap_only = before->owner == span->owner;

      for (const char *p = text + before->end; gap_only && p < text + span->start; p = g_utf8_next_char (p))
        {
          gunichar c = g_utf8_get_char (p);

          gap_only = g_unichar_isspace (c) || is_hyphen (c);
        }
      if (gap_only)
        {
          before->end = span->end;
          g_array_remove_index (spans, i);
        }
      else
        i++;
    }
}

static void
note_remaining (RubricAnonymizer *self,
                const char       *word,
                const char       *folded)
{
  if (g_hash_table_contains (self->remaining_seen, folded))
    return;
  g_hash_table_add (self->remaining_seen, g_strdup (folded));
  g_ptr_array_add (self->remaining, g_strdup (word));
}

/* Whether a capitalised word that stayed looks like part of a name: it is
 * one ("May" standing alone), or one with an ending ("Müllers"). */
static gboolean
looks_like_name_part (RubricAnonymizer *self,
                      const char       *folded)
{
  for (guint i = 0; i < self->owners->len; i++)
    {
      Owner *owner = g_ptr_array_index (self->owners, i);

      for (guint k = 0; k < owner->part_keys->len; k++)
        {
          const char *part = g_ptr_array_index (owner->part_keys, k);

          if (g_str_equal (folded, part) ||
              (g_utf8_strlen (part, -1) >= 4 && g_str_has_prefix (folded, part)))
            return TRUE;
        }
    }
  return FALSE;
}

/* Each capitalised word outside SPANS that looks like a name part, or
 * that follows a title ("Dr Okafor"), goes on the list of what stays. */
static void
find_remaining (RubricAnonymizer *self,
                const char       *text,
                GArray           *spans)
{
  const char *p = text;
  gboolean after_title = FALSE;

  while (*p != '\0')
    {
      const char *start;
      g_autofree char *word = NULL;
      g_autofree char *folded = NULL;
      g_autofree char *bare = NULL;
      gboolean titled = after_title;

      if (!g_unichar_isalnum (g_utf8_get_char (p)))
        {
          gunichar c = g_utf8_get_char (p);

          if (!g_unichar_isspace (c) && c != '.')
            after_title = FALSE;
          p = g_utf8_next_char (p);
          continue;
        }
      start = p;
      while (*p != '\0' && is_name_char (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);

      word = g_strndup (start, p - start);
      folded = fold (self, word);
      bare = letters_only (folded);
      after_title = in_list (honorifics, G_N_ELEMENTS (honorifics), bare);
      if (overlaps (spans, start - text, p - text) || !is_capitalised (g_utf8_get_char (start)))
        continue;
      if (titled || looks_like_name_part (self, bare))
        note_remaining (self, word, bare);
    }
}

/**
 * rubric_anonymizer_apply:
 *
 * Returns: (transfer full): @text with every name and term replaced
 */
char *
rubric_anonymizer_apply (RubricAnonymizer *self,
                         const char       *text)
{
  g_autoptr(GString) folded = NULL;
  g_autoptr(GArray) map = NULL;
  g_autoptr(GArray) spans = NULL;
  GString *out;
  gsize at = 0;

  g_return_val_if_fail (self != NULL, NULL);

  if (text == NULL)
    return NULL;

  if (!self->sorted)
    {
      g_array_sort (self->patterns, compare_longest_first);
      self->sorted = TRUE;
    }

  folded = g_string_new (NULL);
  map = g_array_new (FALSE, FALSE, sizeof (MapEntry));
  spans = g_array_new (FALSE, FALSE, sizeof (Span));
  _rubric_search_fold_text (&self->folder, text, strlen (text), folded, map);

  find_handles (self, text, spans);
  if (folded->len > 0)
    find_patterns (self, text, folded, (const MapEntry *) (gpointer) map->data, spans);
  g_array_sort (spans, compare_spans);
  merge_spans (text, spans);
  find_remaining (self, text, spans);

  out = g_string_sized_new (strlen (text));
  for (guint i = 0; i < spans->len; i++)
    {
      const Span *span = &g_array_index (spans, Span, i);
      const Owner *owner = g_ptr_array_index (self->owners, span->owner);

      g_string_append_len (out, text + at, span->start - at);
      g_string_append (out, owner->replacement);
      at = span->end;
    }
  g_string_append (out, text + at);
  self->n_replaced += spans->len;

  return g_string_free (out, FALSE);
}

/**
 * rubric_anonymizer_get_n_replaced:
 *
 * Returns: how many names and terms rubric_anonymizer_apply() has
 *   replaced so far, in all texts
 */
guint
rubric_anonymizer_get_n_replaced (RubricAnonymizer *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_replaced;
}

/**
 * rubric_anonymizer_get_remaining:
 *
 * Returns: (transfer none): the capitalised words rubric_anonymizer_apply()
 *   left that look like a name (a part of a name standing alone, as
 *   "May" does in "in May"; a word after "Dr" or "Ms"), each once, in the
 *   order met: for the user to check
 */
const char * const *
rubric_anonymizer_get_remaining (RubricAnonymizer *self)
{
  static const char * const none[] = { NULL };

  g_return_val_if_fail (self != NULL, NULL);
  /* An empty GPtrArray may have no storage at all. */
  if (self->remaining->pdata == NULL)
    return none;
  return (const char * const *) self->remaining->pdata;
}

/**
 * rubric_anonymize_candidate_alias:
 * @session_id: the session's id, written once when it was made
 *
 * Returns: (transfer full): "Candidate 7C2E": the same for every export
 *   of a session, and nothing in it comes from the candidate's name
 */
char *
rubric_anonymize_candidate_alias (const char *session_id)
{
  g_autofree char *seed = g_strconcat ("rubric-anonymous:", session_id != NULL ? session_id : "", NULL);
  g_autofree char *hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, seed, -1);
  g_autofree char *code = g_ascii_strup (hash, 4);

  /* Translators: an anonymised candidate, e.g. "Candidate 7C2E" */
  return g_strdup_printf (_("Candidate %s"), code);
}
