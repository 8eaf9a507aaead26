/* rubric-anki.c — kits as Anki decks (tab-separated text) and back
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The deck is Anki's text import format (Anki 2.1.55 and later read its
 * header lines): a note a line, four tab-separated columns — a GUID that
 * stays the same for a question, so that importing again updates the
 * notes; the prompt; the expected answer, key points and red flags; and
 * the topic's id as the tag. The fields are HTML: every text of the kit is
 * escaped, so no text of a kit is ever read as markup, and a field never
 * holds a tab, a newline or a quote, which Anki would otherwise need
 * quoted. Reading takes that, and the files of Anki's own "Notes in Plain
 * Text" export: quoted fields, headers or none (docs/anki.md).
 */

#define G_LOG_DOMAIN "rubric-anki"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rubric-anki.h"
#include "rubric-file.h"
#include "rubric-json-private.h"

G_DEFINE_QUARK (rubric-anki-error-quark, rubric_anki_error)

/* What a kit holds (docs/kit-format.md). */
#define MAX_TOPICS          100
#define MAX_TOPIC_QUESTIONS 50
#define MAX_ITEMS           20
#define MAX_ID_LENGTH       64
/* Note fields after the front and back, read and ignored: the note
 * types with a few more fields (Basic (optional reversed card)…). */
#define MAX_EXTRA_FIELDS    3

#define KEY_POINTS_CLASS "rubric-key-points"
#define RED_FLAGS_CLASS  "rubric-red-flags"

/* ================================================================ writing */

/* TEXT as HTML text: nothing in it is markup; newlines are <br>, tabs a
 * character reference: the field never holds a tab, newline or quote. */
static void
append_escaped (GString    *out,
                const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    switch (*p)
      {
      case '&': g_string_append (out, "&amp;"); break;
      case '<': g_string_append (out, "&lt;"); break;
      case '>': g_string_append (out, "&gt;"); break;
      case '"': g_string_append (out, "&quot;"); break;
      case '\'': g_string_append (out, "&#39;"); break;
      case '\t': g_string_append (out, "&#9;"); break;
      case '\r':
        if (p[1] != '\n')
          g_string_append (out, "<br>");
        break;
      case '\n': g_string_append (out, "<br>"); break;
      default: g_string_append_c (out, *p);
      }
}

/* A header's value on one line: tabs and newlines become spaces. */
static void
append_header_value (GString    *out,
                     const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    g_string_append_c (out, *p == '\t' || *p == '\n' || *p == '\r' ? ' ' : *p);
}

static void
append_list (GString            *out,
             const char         *class_name,
             const char         *heading,
             RubricQuestion     *question,
             const char * const *items,
             gboolean            levels)
{
  if (items == NULL || items[0] == NULL)
    return;
  /* Attributes unquoted (HTML allows it): the field holds no quote. */
  g_string_append_printf (out, "<div class=%s><b>", class_name);
  append_escaped (out, heading);
  g_string_append (out, "</b><ul>");
  for (guint i = 0; items[i] != NULL; i++)
    {
      RubricKeyPointLevel level = levels ? rubric_question_get_key_point_level (question, i) : RUBRIC_KEY_POINT_LEVEL_NONE;

      if (level == RUBRIC_KEY_POINT_LEVEL_BASELINE)
        g_string_append (out, "<li data-level=baseline>");
      else if (level == RUBRIC_KEY_POINT_LEVEL_SENIOR)
        g_string_append (out, "<li data-level=senior>");
      else
        g_string_append (out, "<li>");
      append_escaped (out, items[i]);
      g_string_append (out, "</li>");
    }
  g_string_append (out, "</ul></div>");
}

static void
append_note (GString        *out,
             RubricKit      *kit,
             RubricQuestion *question)
{
  /* GUID: the same question, the same note, whenever it is exported. */
  g_string_append_printf (out, "%s/%s\t", rubric_kit_get_id (kit), rubric_question_get_id (question));
  append_escaped (out, rubric_question_get_prompt (question));
  g_string_append_c (out, '\t');
  append_escaped (out, rubric_question_get_expected (question));
  /* Translators: a heading on the back of an Anki card, over the points a
   * good answer makes */
  append_list (out, KEY_POINTS_CLASS, _("Key points"), question,
               rubric_question_get_key_points (question), TRUE);
  /* Translators: a heading on the back of an Anki card, over the signs of a
   * weak answer */
  append_list (out, RED_FLAGS_CLASS, _("Red flags"), question,
               rubric_question_get_red_flags (question), FALSE);
  g_string_append_printf (out, "\t%s\n", rubric_topic_get_id (rubric_question_get_topic (question)));
}

static void
append_topic (GString     *out,
              RubricKit   *kit,
              RubricTopic *topic,
              RubricPlan  *plan)
{
  GListModel *questions = rubric_topic_get_questions (topic);

  for (guint i = 0; i < g_list_model_get_n_items (questions); i++)
    {
      g_autoptr(RubricQuestion) question = g_list_model_get_item (questions, i);

      if (plan == NULL || rubric_plan_includes (plan, rubric_question_get_id (question)))
        append_note (out, kit, question);
    }
}

/**
 * rubric_anki_export:
 * @kit: a kit
 * @plan: (nullable): a plan of @kit: then only its questions, in its
 *   order of topics
 *
 * Returns: (transfer full): the deck, as Anki imports it
 */
GBytes *
rubric_anki_export (RubricKit  *kit,
                    RubricPlan *plan)
{
  g_autoptr(GString) out = g_string_new (NULL);

  g_return_val_if_fail (RUBRIC_IS_KIT (kit), NULL);
  g_return_val_if_fail (plan == NULL || RUBRIC_IS_PLAN (plan), NULL);

  g_string_append (out, "#separator:tab\n#html:true\n#notetype:Basic\n#deck:");
  append_header_value (out, rubric_kit_get_title (kit));
  if (plan != NULL)
    {
      g_string_append (out, " — ");
      append_header_value (out, rubric_plan_get_name (plan));
    }
  g_string_append (out, "\n#guid column:1\n#tags column:4\n#columns:GUID\tFront\tBack\tTags\n");

  if (plan == NULL)
    {
      GListModel *topics = rubric_kit_get_topics (kit);

      for (guint i = 0; i < g_list_model_get_n_items (topics); i++)
        {
          g_autoptr(RubricTopic) topic = g_list_model_get_item (topics, i);

          append_topic (out, kit, topic, NULL);
        }
    }
  else
    for (guint i = 0; i < rubric_plan_get_n_topics (plan); i++)
      {
        RubricTopic *topic = rubric_kit_lookup_topic (kit, rubric_plan_get_topic_id (plan, i));

        if (topic != NULL)
          append_topic (out, kit, topic, plan);
      }

  return g_string_free_to_bytes (g_steal_pointer (&out));
}

/**
 * rubric_anki_export_to_file:
 *
 * rubric_anki_export() written to @file: whole, or not at all.
 */
gboolean
rubric_anki_export_to_file (RubricKit     *kit,
                            RubricPlan    *plan,
                            GFile         *file,
                            GCancellable  *cancellable,
                            GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (RUBRIC_IS_KIT (kit), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  bytes = rubric_anki_export (kit, plan);
  return rubric_file_write (file, bytes, RUBRIC_FILE_WRITE_NONE, NULL, NULL, cancellable, error);
}

/* ================================================================ reading */

typedef struct
{
  GPtrArray *fields;    /* char * */
  GArray *columns;      /* guint: where each field starts on its line */
  GArray *lines;        /* guint: the line each field starts on */
  guint line;           /* where the row starts */
} Row;

static void
row_free (Row *row)
{
  g_ptr_array_unref (row->fields);
  g_array_unref (row->columns);
  g_array_unref (row->lines);
  g_free (row);
}

typedef struct
{
  gboolean html;
  guint guid_column;      /* 1-based; 0: none */
  guint tags_column;
  guint notetype_column;
  guint deck_column;
  char *deck;
} Header;

/* The character column of P on the line that starts at LINE_START. */
static guint
column_of (const char *line_start,
           const char *p)
{
  return (guint) g_utf8_strlen (line_start, p - line_start) + 1;
}

static void
set_invalid (GError    **error,
             guint       line,
             guint       column,
             const char *format,
             ...) G_GNUC_PRINTF (4, 5);

static void
set_invalid (GError    **error,
             guint       line,
             guint       column,
             const char *format,
             ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  if (column > 0)
    /* Translators: where a problem is in an Anki deck; the first %u is the
     * line, the second the column, %s the problem */
    g_set_error (error, RUBRIC_ANKI_ERROR, RUBRIC_ANKI_ERROR_INVALID, _("line %u, column %u: %s"), line, column, message);
  else
    /* Translators: where a problem is in an Anki deck; %u is the line, %s
     * the problem */
    g_set_error (error, RUBRIC_ANKI_ERROR, RUBRIC_ANKI_ERROR_INVALID, _("line %u: %s"), line, message);
}

static gboolean
parse_column_number (char  *value,
                     guint *column)
{
  guint64 number;

  if (!g_ascii_string_to_unsigned (g_strstrip (value), 10, 1, 1000, &number, NULL))
    return FALSE;
  *column = (guint) number;
  return TRUE;
}

/* One "#key:value" line (without its '#'); unknown keys and comments are
 * skipped, as Anki does. */
static gboolean
read_header_line (Header      *header,
                  char        *text,
                  guint        line,
                  GError     **error)
{
  char *colon = strchr (text, ':');
  const char *key;
  char *value;

  if (colon == NULL)
    return TRUE;
  *colon = '\0';
  key = g_strstrip (text);
  value = colon + 1;

  if (g_ascii_strcasecmp (key, "separator") == 0)
    {
      g_autofree char *name = g_strstrip (g_strdup (value));
      gboolean tab = g_ascii_strcasecmp (name, "tab") == 0 || g_str_has_prefix (value, "\t");

      if (!tab)
        {
          set_invalid (error, line, 0, _("only tab-separated decks are read (“#separator:tab”)"));
          return FALSE;
        }
    }
  else if (g_ascii_strcasecmp (key, "html") == 0)
    header->html = g_ascii_strcasecmp (g_strstrip (value), "true") == 0;
  else if (g_ascii_strcasecmp (key, "deck") == 0)
    {
      g_free (header->deck);
      header->deck = g_strdup (g_strstrip (value));
    }
  else
    {
      guint *column = NULL;

      if (g_ascii_strcasecmp (key, "guid column") == 0)
        column = &header->guid_column;
      else if (g_ascii_strcasecmp (key, "tags column") == 0)
        column = &header->tags_column;
      else if (g_ascii_strcasecmp (key, "notetype column") == 0)
        column = &header->notetype_column;
      else if (g_ascii_strcasecmp (key, "deck column") == 0)
        column = &header->deck_column;
      if (column != NULL && !parse_column_number (value, column))
        {
          /* Translators: a problem in an Anki deck's header; %s is the
           * header's name, such as “tags column” */
          set_invalid (error, line, 0, _("“%s” is not a column number"), key);
          return FALSE;
        }
    }
  return TRUE;
}

/* Splits DATA into rows of fields, reading the header lines on the way.
 * Fields are as in the file: quoted ones unquoted, nothing else done. */
static GPtrArray *
split_rows (const char  *data,
            gsize        length,
            Header      *header,
            GError     **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);
  const char *end = data + length;
  const char *p = data;
  const char *line_start = data;
  guint line = 1;

  while (p < end)
    {
      Row *row;

      /* Blank lines, and header lines and comments. */
      if (*p == '\n' || (*p == '\r' && p + 1 < end && p[1] == '\n'))
        {
          p += *p == '\r' ? 2 : 1;
          line++;
          line_start = p;
          continue;
        }
      if (*p == '#')
        {
          const char *eol = memchr (p, '\n', end - p);
          g_autofree char *text = g_strndup (p + 1, (eol != NULL ? eol : end) - p - 1);

          if (!read_header_line (header, text, line, error))
            return NULL;
          p = eol != NULL ? eol + 1 : end;
          line++;
          line_start = p;
          continue;
        }

      row = g_new0 (Row, 1);
      row->fields = g_ptr_array_new_with_free_func (g_free);
      row->columns = g_array_new (FALSE, FALSE, sizeof (guint));
      row->lines = g_array_new (FALSE, FALSE, sizeof (guint));
      row->line = line;
      g_ptr_array_add (rows, row);

      for (;;)
        {
          g_autoptr(GString) field = g_string_new (NULL);
          guint column = column_of (line_start, p);

          g_array_append_val (row->columns, column);
          g_array_append_val (row->lines, line);
          if (p < end && *p == '"')
            {
              guint quote_line = line;

              for (p++; ; p++)
                {
                  if (p >= end)
                    {
                      set_invalid (error, quote_line, column, _("the quoted field is never closed"));
                      return NULL;
                    }
                  if (*p == '"' && p + 1 < end && p[1] == '"')
                    {
                      g_string_append_c (field, '"');
                      p++;
                    }
                  else if (*p == '"')
                    {
                      p++;
                      break;
                    }
                  else
                    {
                      g_string_append_c (field, *p);
                      if (*p == '\n')
                        {
                          line++;
                          line_start = p + 1;
                        }
                    }
                }
              if (p < end && *p != '\t' && *p != '\n' && !(*p == '\r' && p + 1 < end && p[1] == '\n'))
                {
                  set_invalid (error, line, column_of (line_start, p),
                               _("a quoted field must be followed by a tab or the end of the line"));
                  return NULL;
                }
            }
          else
            {
              const char *start = p;

              while (p < end && *p != '\t' && *p != '\n' && !(*p == '\r' && p + 1 < end && p[1] == '\n'))
                p++;
              g_string_append_len (field, start, p - start);
            }
          g_ptr_array_add (row->fields, g_string_free (g_steal_pointer (&field), FALSE));

          if (p < end && *p == '\t')
            {
              p++;
              continue;
            }
          if (p < end)
            {
              p += *p == '\r' ? 2 : 1;
              line++;
              line_start = p;
            }
          break;
        }
    }

  return g_steal_pointer (&rows);
}

/* ------------------------------------------------------------ HTML to text */

static gboolean
starts_with_tag (const char *p,
                 const char *name)
{
  gsize n = strlen (name);

  return p[0] == '<' && g_ascii_strncasecmp (p + 1, name, n) == 0 &&
         (p[n + 1] == '>' || p[n + 1] == ' ' || p[n + 1] == '/' || p[n + 1] == '\t' || p[n + 1] == '\n');
}

/* The character an entity at P (after its '&') stands for; *LENGTH is how
 * much of P it takes, through its ';'. 0 when it is none. */
static gunichar
read_entity (const char *p,
             gsize      *length)
{
  static const struct { const char *name; gunichar c; } named[] = {
    { "amp;", '&' }, { "lt;", '<' }, { "gt;", '>' }, { "quot;", '"' },
    { "apos;", '\'' }, { "nbsp;", ' ' },
  };
  const char *semicolon;

  for (guint i = 0; i < G_N_ELEMENTS (named); i++)
    if (g_str_has_prefix (p, named[i].name))
      {
        *length = strlen (named[i].name);
        return named[i].c;
      }

  semicolon = strchr (p, ';');
  if (p[0] == '#' && semicolon != NULL && semicolon - p <= 9 && semicolon - p >= 2)
    {
      g_autofree char *digits = g_strndup (p + 1, semicolon - p - 1);
      gboolean hex = digits[0] == 'x' || digits[0] == 'X';
      guint64 value;

      if (g_ascii_string_to_unsigned (hex ? digits + 1 : digits, hex ? 16 : 10, 1, 0x10ffff, &value, NULL) &&
          g_unichar_validate ((gunichar) value))
        {
          *length = semicolon - p + 1;
          return (gunichar) value;
        }
    }
  return 0;
}

/* HTML as the text it shows: <br> and block ends are newlines, entities
 * the characters they stand for, other tags gone. */
static char *
html_to_text (const char *html,
              gsize       length)
{
  g_autoptr(GString) out = g_string_new (NULL);
  const char *end = html + length;

  for (const char *p = html; p < end; )
    {
      if (*p == '<')
        {
          const char *close = memchr (p, '>', end - p);

          if (close == NULL)
            {
              g_string_append_len (out, p, end - p);
              break;
            }
          if (starts_with_tag (p, "br") || starts_with_tag (p, "/div") || starts_with_tag (p, "/p") ||
              starts_with_tag (p, "/li"))
            g_string_append_c (out, '\n');
          p = close + 1;
        }
      else if (*p == '&')
        {
          g_autofree char *rest = g_strndup (p + 1, MIN (end - p - 1, 12));
          gsize taken = 0;
          gunichar c = read_entity (rest, &taken);

          if (c != 0)
            {
              g_string_append_unichar (out, c);
              p += 1 + taken;
            }
          else
            g_string_append_c (out, *p++);
        }
      else
        g_string_append_c (out, *p++);
    }

  /* No blank text at either end. */
  return g_strstrip (g_string_free (g_steal_pointer (&out), FALSE));
}

/* Where the <div> of class CLASS_NAME starts in BACK, its attribute
 * quoted or not (Anki's editor quotes it), or NULL. */
static const char *
find_div (const char *back,
          const char *class_name)
{
  for (const char *p = back; (p = strstr (p, "<div")) != NULL; p++)
    {
      const char *end = strchr (p, '>');
      g_autofree char *tag = NULL;
      g_autofree char *bare = g_strdup_printf ("class=%s", class_name);
      g_autofree char *quoted = g_strdup_printf ("class=\"%s\"", class_name);

      if (end == NULL)
        return NULL;
      tag = g_strndup (p, end - p);
      if (strstr (tag, bare) != NULL || strstr (tag, quoted) != NULL)
        return p;
    }
  return NULL;
}

/* The items of the <ul> in the <div class=CLASS_NAME> of BACK, each with
 * its level (a GINT_TO_POINTER of RubricKeyPointLevel) in LEVELS; *START
 * is where that div starts (unchanged when there is none). */
static GPtrArray *
read_list (const char  *back,
           const char  *class_name,
           GPtrArray   *levels,
           const char **start)
{
  GPtrArray *items = g_ptr_array_new_with_free_func (g_free);
  const char *div = find_div (back, class_name);
  const char *div_end;
  const char *p;

  if (div == NULL)
    return items;
  if (*start == NULL || div < *start)
    *start = div;
  div_end = strstr (div, "</ul>");
  if (div_end == NULL)
    div_end = div + strlen (div);

  for (p = div; (p = strstr (p, "<li")) != NULL && p < div_end; )
    {
      const char *open_end = strchr (p, '>');
      const char *close;
      RubricKeyPointLevel level = RUBRIC_KEY_POINT_LEVEL_NONE;
      char *text;

      if (open_end == NULL)
        break;
      close = strstr (open_end, "</li>");
      if (close == NULL || close > div_end)
        close = div_end;
      {
        g_autofree char *tag = g_strndup (p, open_end - p);
        const char *value = strstr (tag, "data-level=");

        if (value != NULL)
          {
            value += strlen ("data-level=");
            value += *value == '"';
            if (g_str_has_prefix (value, "senior"))
              level = RUBRIC_KEY_POINT_LEVEL_SENIOR;
            else if (g_str_has_prefix (value, "baseline"))
              level = RUBRIC_KEY_POINT_LEVEL_BASELINE;
          }
      }
      text = html_to_text (open_end + 1, close - open_end - 1);
      if (*text != '\0')
        {
          g_ptr_array_add (items, text);
          if (levels != NULL)
            g_ptr_array_add (levels, GINT_TO_POINTER (level));
        }
      else
        g_free (text);
      p = close;
    }
  return items;
}

/* ------------------------------------------------------------- ids, names */

/* TEXT as an id: lowercase letters and digits, runs joined by '-'; "" when
 * nothing of it is left. */
static char *
make_id (const char *text,
         gsize       max_length)
{
  g_autoptr(GString) out = g_string_new (NULL);
  gboolean gap = FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_isalnum (*p))
        {
          if (gap && out->len > 0)
            g_string_append_c (out, '-');
          g_string_append_c (out, g_ascii_tolower (*p));
          gap = FALSE;
        }
      else
        gap = TRUE;
    }
  if (out->len > max_length)
    g_string_truncate (out, max_length);
  while (out->len > 0 && out->str[out->len - 1] == '-')
    g_string_truncate (out, out->len - 1);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* The file's name without its folder and its last suffix. */
static char *
name_without_suffix (const char *file_name)
{
  g_autofree char *base = g_path_get_basename (file_name);
  char *dot = strrchr (base, '.');

  if (dot != NULL && dot != base)
    *dot = '\0';
  return g_steal_pointer (&base);
}

/* ------------------------------------------------------- building the kit */

typedef struct
{
  char *id;
  char *title;
  JsonArray *questions;
} Topic;

static void
topic_free (Topic *topic)
{
  g_free (topic->id);
  g_free (topic->title);
  json_array_unref (topic->questions);
  g_free (topic);
}

typedef struct
{
  Header header;
  GPtrArray *topics;        /* Topic *, in the order of first use */
  GHashTable *open_topics;  /* tag → Topic * that still takes questions */
  GHashTable *topic_ids;    /* ids in use */
  GHashTable *question_ids; /* ids in use */
  guint n_notes;
} Import;

static void
import_clear (Import *import)
{
  g_free (import->header.deck);
  g_clear_pointer (&import->topics, g_ptr_array_unref);
  g_clear_pointer (&import->open_topics, g_hash_table_unref);
  g_clear_pointer (&import->topic_ids, g_hash_table_unref);
  g_clear_pointer (&import->question_ids, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Import, import_clear)

/* The topic a note tagged TAG joins ("" for none): a new one when the
 * topic of that tag is full. */
static Topic *
topic_for (Import     *import,
           const char *tag,
           guint       line,
           GError    **error)
{
  Topic *topic = g_hash_table_lookup (import->open_topics, tag);
  g_autofree char *base = NULL;
  g_autofree char *id = NULL;
  guint part = 1;

  if (topic != NULL && json_array_get_length (topic->questions) < MAX_TOPIC_QUESTIONS)
    return topic;
  if (import->topics->len == MAX_TOPICS)
    {
      g_set_error (error, RUBRIC_ANKI_ERROR, RUBRIC_ANKI_ERROR_TOO_BIG,
                   /* Translators: %u is a line of an Anki deck, then the most
                    * topics a kit has, then the most questions a topic has */
                   _("line %u: the deck is too big for a kit: at most %u topics of %u questions"),
                   line, MAX_TOPICS, MAX_TOPIC_QUESTIONS);
      return NULL;
    }

  base = make_id (tag, MAX_ID_LENGTH - 4);
  if (*base == '\0')
    g_set_str (&base, "imported");
  id = g_strdup (base);
  while (g_hash_table_contains (import->topic_ids, id))
    {
      g_free (id);
      id = g_strdup_printf ("%s-%u", base, ++part);
    }

  topic = g_new0 (Topic, 1);
  topic->id = g_steal_pointer (&id);
  if (*tag == '\0')
    /* Translators: the topic of the questions of an Anki deck that had no
     * tags */
    topic->title = g_strdup (_("Imported"));
  else
    topic->title = g_strdup (tag);
  if (part > 1 && g_hash_table_contains (import->open_topics, tag))
    {
      /* A topic's second part: the same title, numbered. */
      char *title = g_strdup_printf ("%s (%u)", topic->title, part);

      g_free (topic->title);
      topic->title = title;
    }
  topic->questions = json_array_new ();
  g_hash_table_add (import->topic_ids, g_strdup (topic->id));
  g_hash_table_replace (import->open_topics, g_strdup (tag), topic);
  g_ptr_array_add (import->topics, topic);
  return topic;
}

static char *
question_id (Import     *import,
             const char *guid)
{
  const char *slash = guid != NULL ? strrchr (guid, '/') : NULL;
  char *id;

  /* Rubric's own GUIDs: KIT-ID/QUESTION-ID. */
  if (slash != NULL && rubric_json_is_id (slash + 1) && strlen (slash + 1) <= MAX_ID_LENGTH &&
      !g_hash_table_contains (import->question_ids, slash + 1))
    id = g_strdup (slash + 1);
  else
    {
      guint n = import->n_notes;

      id = NULL;
      do
        {
          g_free (id);
          id = g_strdup_printf ("q%u", n++);
        }
      while (g_hash_table_contains (import->question_ids, id));
    }
  g_hash_table_add (import->question_ids, g_strdup (id));
  return id;
}

static JsonArray *
string_array (GPtrArray *items)
{
  JsonArray *array = json_array_sized_new (items->len);

  for (guint i = 0; i < items->len; i++)
    json_array_add_string_element (array, g_ptr_array_index (items, i));
  return array;
}

/* The note of ROW as a question of its topic. */
static gboolean
add_note (Import  *import,
          Row     *row,
          GError **error)
{
  Header *header = &import->header;
  guint n_special = (header->guid_column > 0) + (header->tags_column > 0) +
                    (header->notetype_column > 0) + (header->deck_column > 0);
  guint min_fields = n_special + 2;
  guint max_fields = n_special + 2 + MAX_EXTRA_FIELDS;
  const char *note_fields[2] = { NULL, NULL };
  guint note_columns[2] = { 0, 0 };
  guint note_lines[2] = { 0, 0 };
  const char *guid = NULL;
  const char *tags = "";
  guint n_note = 0;
  g_autofree char *front = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(GPtrArray) key_points = NULL;
  g_autoptr(GPtrArray) levels = g_ptr_array_new ();
  g_autoptr(GPtrArray) red_flags = NULL;
  g_auto(GStrv) tag_list = NULL;
  JsonObject *question;
  JsonArray *points;
  Topic *topic;

  for (guint i = 0; i < row->fields->len; i++)
    {
      const char *field = g_ptr_array_index (row->fields, i);
      guint column = i + 1;

      if (column == header->guid_column)
        guid = field;
      else if (column == header->tags_column)
        tags = field;
      else if (column == header->deck_column)
        {
          if (header->deck == NULL && *field != '\0')
            header->deck = g_strdup (field);
        }
      else if (column == header->notetype_column)
        ;
      else if (n_note < 2)
        {
          note_columns[n_note] = g_array_index (row->columns, guint, i);
          note_lines[n_note] = g_array_index (row->lines, guint, i);
          note_fields[n_note++] = field;
        }
    }
  /* n_note < 2: a special column past the end of a short row. */
  if (row->fields->len < min_fields || row->fields->len > max_fields || n_note < 2)
    {
      set_invalid (error, row->line, 0,
                   /* Translators: a problem in a line of an Anki deck: the
                    * first two %u are the fewest and most fields a line
                    * has, the last how many it has */
                   g_dngettext (GETTEXT_PACKAGE,
                                "expected %u to %u tab-separated fields, found %u",
                                "expected %u to %u tab-separated fields, found %u",
                                row->fields->len),
                   min_fields, max_fields, row->fields->len);
      return FALSE;
    }

  if (header->html)
    {
      const char *back = note_fields[1];
      const char *lists = NULL;

      front = html_to_text (note_fields[0], strlen (note_fields[0]));
      key_points = read_list (back, KEY_POINTS_CLASS, levels, &lists);
      red_flags = read_list (back, RED_FLAGS_CLASS, NULL, &lists);
      expected = html_to_text (back, lists != NULL ? (gsize) (lists - back) : strlen (back));
    }
  else
    {
      front = g_strstrip (g_strdup (note_fields[0]));
      expected = g_strstrip (g_strdup (note_fields[1]));
      key_points = g_ptr_array_new_with_free_func (g_free);
      red_flags = g_ptr_array_new_with_free_func (g_free);
    }

  if (!g_utf8_validate (front, -1, NULL) || rubric_json_is_blank (front))
    {
      set_invalid (error, note_lines[0], note_columns[0], _("the front of the card is empty"));
      return FALSE;
    }
  if (rubric_json_is_blank (expected))
    {
      set_invalid (error, note_lines[1], note_columns[1], _("the back of the card has no answer"));
      return FALSE;
    }
  if (key_points->len > MAX_ITEMS || red_flags->len > MAX_ITEMS)
    {
      set_invalid (error, note_lines[1], note_columns[1],
                   /* Translators: a problem in a line of an Anki deck; %u is
                    * the most key points, and red flags, a question has */
                   _("more than %u key points or red flags"), MAX_ITEMS);
      return FALSE;
    }
  /* A kit's question makes at least one point: a card without a list of
   * them makes its answer the one. */
  if (key_points->len == 0)
    {
      g_ptr_array_add (key_points, g_strdup (expected));
      g_ptr_array_add (levels, GINT_TO_POINTER (RUBRIC_KEY_POINT_LEVEL_NONE));
    }

  /* The first tag is the topic. */
  tag_list = g_strsplit_set (tags, " \t\n", -1);
  for (guint i = 0; tag_list[i] != NULL; i++)
    if (*tag_list[i] != '\0')
      {
        tags = tag_list[i];
        break;
      }
  if (tag_list[0] == NULL || rubric_json_is_blank (tags))
    tags = "";
  topic = topic_for (import, tags, row->line, error);
  if (topic == NULL)
    return FALSE;

  import->n_notes++;
  question = json_object_new ();
  {
    g_autofree char *id = question_id (import, guid);

    json_object_set_string_member (question, "id", id);
  }
  json_object_set_string_member (question, "kind",
                                 json_array_get_length (topic->questions) == 0 ? "main" : "follow-up");
  json_object_set_string_member (question, "prompt", front);
  json_object_set_string_member (question, "expected", expected);
  points = json_array_sized_new (key_points->len);
  for (guint i = 0; i < key_points->len; i++)
    {
      RubricKeyPointLevel level = GPOINTER_TO_INT (g_ptr_array_index (levels, i));
      const char *text = g_ptr_array_index (key_points, i);

      if (level == RUBRIC_KEY_POINT_LEVEL_NONE)
        json_array_add_string_element (points, text);
      else
        {
          JsonObject *point = json_object_new ();

          json_object_set_string_member (point, "text", text);
          json_object_set_string_member (point, "level",
                                         level == RUBRIC_KEY_POINT_LEVEL_SENIOR ? "senior" : "baseline");
          json_array_add_object_element (points, point);
        }
    }
  json_object_set_array_member (question, "key_points", points);
  if (red_flags->len > 0)
    json_object_set_array_member (question, "red_flags", string_array (red_flags));
  json_array_add_object_element (topic->questions, question);
  return TRUE;
}

/* The first line that is not UTF-8, or 0. */
static guint
first_bad_line (const char *data,
                gsize       length)
{
  const char *bad = NULL;
  guint line = 1;

  if (g_utf8_validate_len (data, length, &bad))
    return 0;
  for (const char *p = data; p < bad; p++)
    if (*p == '\n')
      line++;
  return line;
}

/**
 * rubric_anki_import:
 * @bytes: an Anki deck as tab-separated text: Rubric's own
 *   (rubric_anki_export()), or Anki's "Notes in Plain Text"
 * @file_name: (nullable): the deck's file name: the kit's title when the
 *   deck names none
 *
 * Makes a kit of the deck's notes: a question a note, the first tag its
 * topic (docs/anki.md says how).
 *
 * Returns: (transfer full): the kit file's bytes, which
 *   rubric_kit_new_from_bytes() loads; %NULL with a %RUBRIC_ANKI_ERROR
 *   whose message starts with the line of the problem
 */
GBytes *
rubric_anki_import (GBytes      *bytes,
                    const char  *file_name,
                    GError     **error)
{
  g_auto(Import) import = { { 0, } };
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *title = NULL;
  g_autofree char *id_base = NULL;
  g_autofree char *kit_id = NULL;
  g_autofree char *description = NULL;
  const char *data;
  gsize length;
  guint bad_line;

  g_return_val_if_fail (bytes != NULL, NULL);

  data = g_bytes_get_data (bytes, &length);
  if (data == NULL)
    data = "";
  /* A byte order mark is no part of the first field. */
  if (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    {
      data += 3;
      length -= 3;
    }
  bad_line = first_bad_line (data, length);
  if (bad_line > 0)
    {
      set_invalid (error, bad_line, 0, _("not UTF-8 text"));
      return NULL;
    }
  import.topics = g_ptr_array_new_with_free_func ((GDestroyNotify) topic_free);
  import.open_topics = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  import.topic_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  import.question_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  rows = split_rows (data, length, &import.header, error);
  if (rows == NULL)
    return NULL;
  for (guint i = 0; i < rows->len; i++)
    if (!add_note (&import, g_ptr_array_index (rows, i), error))
      return NULL;
  if (import.n_notes == 0)
    {
      g_set_error_literal (error, RUBRIC_ANKI_ERROR, RUBRIC_ANKI_ERROR_EMPTY,
                           _("The deck has no notes"));
      return NULL;
    }

  if (import.header.deck != NULL && !rubric_json_is_blank (import.header.deck))
    title = g_strdup (import.header.deck);
  else if (file_name != NULL)
    title = name_without_suffix (file_name);
  if (title == NULL || rubric_json_is_blank (title) || !g_utf8_validate (title, -1, NULL))
    /* Translators: the title of a kit made of an Anki deck without a name */
    g_set_str (&title, _("Anki Deck"));
  id_base = make_id (title, MAX_ID_LENGTH - 5);
  kit_id = *id_base != '\0' ? g_strconcat ("anki-", id_base, NULL) : g_strdup ("anki-deck");
  /* Translators: the description of a kit made of an Anki deck; %s is the
   * deck's name */
  description = g_strdup_printf (_("Imported from the Anki deck “%s”."), title);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder, "rubric-kit");
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, RUBRIC_KIT_FORMAT_VERSION);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, kit_id);
  json_builder_set_member_name (builder, "title");
  json_builder_add_string_value (builder, title);
  json_builder_set_member_name (builder, "description");
  json_builder_add_string_value (builder, description);
  /* "und": ISO 639's undetermined; a deck does not say. */
  json_builder_set_member_name (builder, "language");
  json_builder_add_string_value (builder, "und");
  json_builder_set_member_name (builder, "topics");
  json_builder_begin_array (builder);
  for (guint i = 0; i < import.topics->len; i++)
    {
      Topic *topic = g_ptr_array_index (import.topics, i);
      guint n = json_array_get_length (topic->questions);
      g_autofree char *summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                               /* Translators: the summary of a topic
                                                                * made of an Anki deck's cards */
                                                               "%u card of an Anki deck",
                                                               "%u cards of an Anki deck", n), n);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, topic->id);
      json_builder_set_member_name (builder, "title");
      json_builder_add_string_value (builder, topic->title);
      json_builder_set_member_name (builder, "summary");
      json_builder_add_string_value (builder, summary);
      json_builder_set_member_name (builder, "questions");
      json_builder_add_value (builder, json_node_init_array (json_node_alloc (), topic->questions));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  return rubric_json_to_file_bytes (root, error);
}

/* ============================================================ classifying */

/* The "format" of the JSON object DATA holds, or NULL. */
static char *
dup_json_format (GBytes *bytes)
{
  g_autoptr(JsonNode) root = rubric_json_parse (bytes, RUBRIC_ANKI_ERROR, NULL);
  JsonObject *object;

  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return NULL;
  object = json_node_get_object (root);
  if (!json_object_has_member (object, "format") ||
      !JSON_NODE_HOLDS_VALUE (json_object_get_member (object, "format")) ||
      json_node_get_value_type (json_object_get_member (object, "format")) != G_TYPE_STRING)
    return NULL;
  return g_strdup (json_object_get_string_member (object, "format"));
}

static gboolean
has_text_suffix (const char *file_name)
{
  g_autofree char *folded = file_name != NULL ? g_ascii_strdown (file_name, -1) : NULL;

  return folded != NULL && (g_str_has_suffix (folded, ".txt") || g_str_has_suffix (folded, ".tsv"));
}

/**
 * rubric_anki_classify:
 * @bytes: a file's contents
 * @file_name: (nullable): its name
 *
 * What a file is, by what it says of itself: JSON by its "format" member
 * (anything else JSON goes to the session loader, which says what is
 * wrong with it); text named .txt or .tsv is an Anki deck, read only
 * when it is imported.
 *
 * Returns: the kind of file
 */
RubricFileKind
rubric_anki_classify (GBytes     *bytes,
                      const char *file_name)
{
  const char *data;
  gsize length;
  gsize i = 0;

  g_return_val_if_fail (bytes != NULL, RUBRIC_FILE_KIND_UNKNOWN);

  data = g_bytes_get_data (bytes, &length);
  if (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    i = 3;
  while (i < length && g_ascii_isspace (data[i]))
    i++;
  if (i < length && data[i] == '{')
    {
      g_autofree char *format = dup_json_format (bytes);

      if (g_strcmp0 (format, "rubric-kit") == 0)
        return RUBRIC_FILE_KIND_KIT;
      if (g_strcmp0 (format, "rubric-plan") == 0)
        return RUBRIC_FILE_KIND_PLAN;
      return RUBRIC_FILE_KIND_SESSION;
    }
  if (has_text_suffix (file_name) && g_utf8_validate_len (data, length, NULL))
    return RUBRIC_FILE_KIND_ANKI;
  return RUBRIC_FILE_KIND_UNKNOWN;
}

static void
classify_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  GPtrArray *files = task_data;
  g_autoptr(GArray) kinds = g_array_sized_new (FALSE, TRUE, sizeof (RubricFileKind), files->len);

  for (guint i = 0; i < files->len; i++)
    {
      GFile *file = g_ptr_array_index (files, i);
      g_autofree char *name = g_file_get_basename (file);
      g_autoptr(GBytes) bytes = rubric_json_read_file (file, RUBRIC_ANKI_ERROR, NULL, cancellable, NULL);
      RubricFileKind kind = RUBRIC_FILE_KIND_UNKNOWN;

      if (g_task_return_error_if_cancelled (task))
        return;
      if (bytes != NULL)
        kind = rubric_anki_classify (bytes, name);
      else
        {
          /* Unreadable: whoever reads it says why, by its name. */
          g_autofree char *folded = name != NULL ? g_ascii_strdown (name, -1) : NULL;

          if (folded != NULL && g_str_has_suffix (folded, ".json"))
            kind = RUBRIC_FILE_KIND_SESSION;
          else if (has_text_suffix (name))
            kind = RUBRIC_FILE_KIND_ANKI;
        }
      g_array_append_val (kinds, kind);
    }
  g_task_return_pointer (task, g_steal_pointer (&kinds), (GDestroyNotify) g_array_unref);
}

/**
 * rubric_anki_classify_files_async:
 * @files: (array length=n_files): files
 *
 * rubric_anki_classify() for each file, read in a worker thread.
 */
void
rubric_anki_classify_files_async (GFile * const       *files,
                                  guint                n_files,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  GPtrArray *copy = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < n_files; i++)
    g_ptr_array_add (copy, g_object_ref (files[i]));
  g_task_set_source_tag (task, rubric_anki_classify_files_async);
  g_task_set_task_data (task, copy, (GDestroyNotify) g_ptr_array_unref);
  g_task_run_in_thread (task, classify_thread);
}

/**
 * rubric_anki_classify_files_finish:
 *
 * Returns: (transfer full) (element-type RubricFileKind): each file's
 *   kind, in the order given
 */
GArray *
rubric_anki_classify_files_finish (GAsyncResult  *result,
                                   GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
