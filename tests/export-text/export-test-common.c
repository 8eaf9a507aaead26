/* export-test-common.c — what the tests of the text export formats share
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Loading the fixtures, exporting them, and reading each format back the
 * way a reader would see it: Markdown without its escapes, HTML without
 * its tags and entities, text without its wrapping, CSV through a strict
 * RFC 4180 parser.
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "export-test-common.h"

const RubricExportFormat export_test_formats[4] = {
  RUBRIC_EXPORT_FORMAT_MARKDOWN,
  RUBRIC_EXPORT_FORMAT_HTML,
  RUBRIC_EXPORT_FORMAT_TEXT,
  RUBRIC_EXPORT_FORMAT_CSV,
};

void
export_test_init (int    *argc,
                  char ***argv)
{
  /* The output must not depend on who runs the tests, or where. */
  g_setenv ("LANGUAGE", "C", TRUE);
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (argc, argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
}

/* The bundled kit, from the source tree. */
RubricKit *
export_test_load_kit (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "..", "data", "kits",
                                                 "django-senior.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  RubricKit *kit = rubric_kit_new_from_file (file, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (rubric_kit_get_id (kit), ==, "django-senior");
  return kit;
}

/* A session from this folder. */
RubricSession *
export_test_load_session (const char *name,
                          RubricKit  *kit)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  RubricSession *session = rubric_session_new_from_file (file, kit, NULL, &error);

  g_assert_no_error (error);
  return session;
}

/* The export as a string, checked to be UTF-8 without a BOM. */
char *
export_test_export (RubricSession      *session,
                    RubricKit          *kit,
                    RubricExportFormat  format,
                    RubricExportFlags   flags)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = rubric_export_to_bytes (session, kit, format, flags, &error);
  gsize size;
  const char *data;

  g_assert_no_error (error);
  g_assert_nonnull (bytes);
  data = g_bytes_get_data (bytes, &size);
  g_assert_cmpuint (size, >, 0);
  g_assert_null (memchr (data, '\0', size));
  g_assert_true (g_utf8_validate (data, size, NULL));
  g_assert_false (size >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0);

  return g_strndup (data, size);
}

const char *
export_test_format_name (RubricExportFormat format)
{
  return rubric_export_format_get_extension (format);
}

/* TEXT as the writers take it: no control characters but newlines and
 * tabs, every line break as LF. */
char *
export_test_clean (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '\r')
        {
          if (p[1] != '\n')
            g_string_append_c (out, '\n');
        }
      else if (c == '\v' || c == '\f' || c == 0x85 || c == 0x2028 || c == 0x2029)
        g_string_append_c (out, '\n');
      else if (c == '\n' || c == '\t' || !g_unichar_iscntrl (c))
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

/* MARKDOWN as it reads: no "> " of a quote, no backslash escapes, no
 * backslash of a hard line break. */
char *
export_test_unescape_markdown (const char *markdown)
{
  g_auto(GStrv) lines = g_strsplit (markdown, "\n", -1);
  GString *out = g_string_new (NULL);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i];

      if (g_str_has_prefix (line, "> "))
        line += 2;
      else if (g_str_equal (line, ">"))
        line += 1;

      for (const char *p = line; *p != '\0'; p++)
        {
          if (*p == '\\' && p[1] != '\0' && g_ascii_ispunct (p[1]))
            p++;
          else if (*p == '\\' && p[1] == '\0')
            break;
          g_string_append_c (out, *p);
        }
      if (lines[i + 1] != NULL)
        g_string_append_c (out, '\n');
    }
  return g_string_free (out, FALSE);
}

/* HTML as it reads: without its tags, its entities decoded. The writer
 * escapes every '<' of the text, so each one left is a tag. */
char *
export_test_unescape_html (const char *html)
{
  static const struct { const char *entity; char c; } entities[] = {
    { "&amp;", '&' }, { "&lt;", '<' }, { "&gt;", '>' }, { "&quot;", '"' }, { "&#39;", '\'' },
  };
  GString *out = g_string_new (NULL);

  for (const char *p = html; *p != '\0'; p++)
    {
      if (*p == '<')
        {
          const char *end = strchr (p, '>');

          g_assert_nonnull (end);
          p = end;
          continue;
        }
      if (*p == '&')
        {
          gboolean known = FALSE;

          for (guint i = 0; i < G_N_ELEMENTS (entities) && !known; i++)
            if (g_str_has_prefix (p, entities[i].entity))
              {
                g_string_append_c (out, entities[i].c);
                p += strlen (entities[i].entity) - 1;
                known = TRUE;
              }
          if (!known)
            g_error ("a bare '&' in the HTML: %.20s", p);
          continue;
        }
      g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

/* TEXT without any white space, to find words however they were wrapped. */
char *
export_test_squeeze (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isspace (*p))
      g_string_append_c (out, *p);
  return g_string_free (out, FALSE);
}

/* CSV by RFC 4180, strictly: each record ends with CRLF (the last one
 * too), a field is quoted or holds none of , " CR LF, a quote in a quoted
 * field is doubled. Returns the records, each a GStrv. */
GPtrArray *
export_test_parse_csv (const char  *csv,
                       GError     **error)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
  const char *p = csv;

  while (*p != '\0')
    {
      GString *field = g_string_new (NULL);

      if (*p == '"')
        {
          for (p++;; p++)
            {
              if (*p == '\0')
                {
                  g_string_free (field, TRUE);
                  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                               "record %u: a quoted field does not end", records->len + 1);
                  return NULL;
                }
              if (*p == '"' && p[1] == '"')
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
                g_string_append_c (field, *p);
            }
        }
      else
        {
          for (; *p != '\0' && *p != ',' && *p != '\r'; p++)
            {
              if (*p == '"' || *p == '\n')
                {
                  g_string_free (field, TRUE);
                  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                               "record %u: a bare '%s' in an unquoted field", records->len + 1,
                               *p == '"' ? "\"" : "\\n");
                  return NULL;
                }
              g_string_append_c (field, *p);
            }
        }

      g_ptr_array_add (fields, g_string_free (field, FALSE));

      if (*p == ',')
        {
          p++;
          if (*p == '\0')
            break;
          continue;
        }
      if (p[0] == '\r' && p[1] == '\n')
        {
          p += 2;
          g_ptr_array_add (fields, NULL);
          g_ptr_array_add (records, g_ptr_array_steal (fields, NULL));
          continue;
        }
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "record %u: expected ',' or CRLF after a field, found %.10s", records->len + 1, p);
      return NULL;
    }

  if (fields->len > 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "the last record does not end with CRLF");
      return NULL;
    }
  return g_steal_pointer (&records);
}

/* Columns on a terminal: two for wide characters, none for combining ones. */
guint
export_test_text_width (const char *text)
{
  guint width = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_iszerowidth (c))
        width += g_unichar_iswide (c) ? 2 : 1;
    }
  return width;
}

/* Whether each line of TEXT reads in OUTPUT, as the format shows it: lines
 * are trimmed (the writers trim them), tabs may have become spaces, text
 * is rewrapped in the plain text format and quoted in CSV. */
gboolean
export_test_has_text (RubricExportFormat  format,
                      const char         *output,
                      const char         *text)
{
  g_autofree char *clean = export_test_clean (text);
  g_auto(GStrv) lines = g_strsplit (clean, "\n", -1);
  g_autofree char *haystack = NULL;
  g_autoptr(GPtrArray) records = NULL;

  switch (format)
    {
    case RUBRIC_EXPORT_FORMAT_MARKDOWN:
      haystack = export_test_unescape_markdown (output);
      break;
    case RUBRIC_EXPORT_FORMAT_HTML:
      haystack = export_test_unescape_html (output);
      break;
    case RUBRIC_EXPORT_FORMAT_TEXT:
      haystack = export_test_squeeze (output);
      break;
    case RUBRIC_EXPORT_FORMAT_CSV:
      {
        g_autoptr(GError) error = NULL;

        records = export_test_parse_csv (output, &error);
        g_assert_no_error (error);
      }
      break;
    case RUBRIC_EXPORT_FORMAT_PDF:
    default:
      g_assert_not_reached ();
    }
  if (haystack != NULL)
    g_strdelimit (haystack, "\t", ' ');

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *line = g_strstrip (g_strdelimit (g_strdup (lines[i]), "\t", ' '));
      g_autofree char *needle = NULL;
      gboolean found = FALSE;

      if (*line == '\0')
        continue;

      needle = format == RUBRIC_EXPORT_FORMAT_TEXT ? export_test_squeeze (line) : g_strdup (line);
      if (haystack != NULL)
        found = strstr (haystack, needle) != NULL;
      else
        for (guint r = 0; r < records->len && !found; r++)
          {
            char **record = g_ptr_array_index (records, r);

            for (guint f = 0; record[f] != NULL && !found; f++)
              {
                g_autofree char *field = g_strdelimit (g_strdup (record[f]), "\t", ' ');

                found = strstr (field, needle) != NULL;
              }
          }
      if (!found)
        return FALSE;
    }
  return TRUE;
}

void
export_test_assert_has_text (RubricExportFormat  format,
                             const char         *output,
                             const char         *text)
{
  if (!export_test_has_text (format, output, text))
    g_error ("the %s export lacks “%.200s”", export_test_format_name (format), text);
}
