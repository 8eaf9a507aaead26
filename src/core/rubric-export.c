/* rubric-export.c — candidate summaries in PDF, Markdown, HTML, text and CSV
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rubric-export"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "rubric-anonymize.h"
#include "rubric-export-private.h"
#include "rubric-file.h"

G_DEFINE_QUARK (rubric-export-error-quark, rubric_export_error)

static const struct {
  const char *name;
  const char *extension;
  const char *mime_type;
} formats[] = {
  [RUBRIC_EXPORT_FORMAT_PDF] = { "pdf", "pdf", "application/pdf" },
  [RUBRIC_EXPORT_FORMAT_MARKDOWN] = { "md", "md", "text/markdown" },
  [RUBRIC_EXPORT_FORMAT_HTML] = { "html", "html", "text/html" },
  [RUBRIC_EXPORT_FORMAT_TEXT] = { "txt", "txt", "text/plain" },
  [RUBRIC_EXPORT_FORMAT_CSV] = { "csv", "csv", "text/csv" },
};

/**
 * rubric_export_format_parse:
 * @name: "pdf", "md", "html", "txt" or "csv"
 *
 * Returns: whether @name is a format
 */
gboolean
rubric_export_format_parse (const char         *name,
                            RubricExportFormat *format)
{
  g_return_val_if_fail (name != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (g_str_equal (name, formats[i].name))
      {
        if (format != NULL)
          *format = i;
        return TRUE;
      }
  return FALSE;
}

const char *
rubric_export_format_get_extension (RubricExportFormat format)
{
  g_return_val_if_fail (format < G_N_ELEMENTS (formats), NULL);
  return formats[format].extension;
}

const char *
rubric_export_format_get_mime_type (RubricExportFormat format)
{
  g_return_val_if_fail (format < G_N_ELEMENTS (formats), NULL);
  return formats[format].mime_type;
}

gboolean
rubric_export_format_is_text (RubricExportFormat format)
{
  return format != RUBRIC_EXPORT_FORMAT_PDF;
}

/* The summary in FORMAT; only the PDF, which takes a while, looks at
 * CANCELLABLE. Any thread may call it. */
static GBytes *
write_summary (const RubricSummary  *summary,
               RubricExportFormat    format,
               GCancellable         *cancellable,
               GError              **error)
{
  g_return_val_if_fail (summary != NULL, NULL);

  switch (format)
    {
    case RUBRIC_EXPORT_FORMAT_MARKDOWN:
      return rubric_export_write_markdown (summary);
    case RUBRIC_EXPORT_FORMAT_HTML:
      return rubric_export_write_html (summary);
    case RUBRIC_EXPORT_FORMAT_TEXT:
      return rubric_export_write_text (summary);
    case RUBRIC_EXPORT_FORMAT_CSV:
      return rubric_export_write_csv (summary);
    case RUBRIC_EXPORT_FORMAT_PDF:
      return rubric_export_write_pdf (summary, cancellable, error);
    default:
      g_set_error (error, RUBRIC_EXPORT_ERROR, RUBRIC_EXPORT_ERROR_FAILED,
                   _("Unknown export format"));
      return NULL;
    }
}

/**
 * rubric_export_summary_to_bytes:
 * @summary: a summary, from rubric_summary_new_full() for instance
 *
 * Returns: (transfer full) (nullable): @summary in @format
 */
GBytes *
rubric_export_summary_to_bytes (const RubricSummary  *summary,
                                RubricExportFormat    format,
                                GError              **error)
{
  g_return_val_if_fail (summary != NULL, NULL);

  return write_summary (summary, format, NULL, error);
}

/**
 * rubric_export_to_bytes:
 * @kit: (nullable): the session's kit
 *
 * Returns: (transfer full) (nullable): the summary in @format
 */
GBytes *
rubric_export_to_bytes (RubricSession       *session,
                        RubricKit           *kit,
                        RubricExportFormat   format,
                        RubricExportFlags    flags,
                        GError             **error)
{
  g_autoptr(RubricSummary) summary = NULL;

  g_return_val_if_fail (RUBRIC_IS_SESSION (session), NULL);
  g_return_val_if_fail (kit == NULL || RUBRIC_IS_KIT (kit), NULL);

  summary = rubric_summary_new (session, kit, flags);
  return write_summary (summary, format, NULL, error);
}

/**
 * rubric_export_to_file:
 *
 * Writes the summary to @file with rubric_file_write(): a failed export
 * leaves an existing file as it was. This blocks;
 * call it from a thread or the command line.
 */
gboolean
rubric_export_to_file (RubricSession       *session,
                       RubricKit           *kit,
                       RubricExportFormat   format,
                       RubricExportFlags    flags,
                       GFile               *file,
                       GCancellable        *cancellable,
                       GError             **error)
{
  g_autoptr(RubricSummary) summary = NULL;

  g_return_val_if_fail (RUBRIC_IS_SESSION (session), FALSE);
  g_return_val_if_fail (kit == NULL || RUBRIC_IS_KIT (kit), FALSE);

  summary = rubric_summary_new (session, kit, flags);
  return rubric_export_summary_to_file (summary, format, file, cancellable, error);
}

/**
 * rubric_export_summary_to_file:
 *
 * Like rubric_export_to_file(), for a summary made already.
 */
gboolean
rubric_export_summary_to_file (const RubricSummary  *summary,
                               RubricExportFormat    format,
                               GFile                *file,
                               GCancellable         *cancellable,
                               GError              **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (summary != NULL, FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  bytes = rubric_export_summary_to_bytes (summary, format, error);
  if (bytes == NULL)
    return FALSE;

  return rubric_file_write (file, bytes, RUBRIC_FILE_WRITE_NONE, NULL, NULL, cancellable, error);
}

typedef struct
{
  RubricSummary *summary;
  RubricExportFormat format;
  GFile *file;
  GPtrArray *keep;   /* GFile: never written, nullable */
} ExportData;

static void
export_data_free (ExportData *data)
{
  g_clear_pointer (&data->summary, rubric_summary_free);
  g_clear_object (&data->file);
  g_clear_pointer (&data->keep, g_ptr_array_unref);
  g_free (data);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportData *data = task_data;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  if (data->keep != NULL && rubric_file_is_one_of (data->file, data->keep, cancellable))
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_EXISTS, "%s",
                               /* Translators: an error when the file chosen for an
                                * export is the interview's own file */
                               _("That is the interview itself: nothing was written."));
      return;
    }
  bytes = write_summary (data->summary, data->format, cancellable, &error);
  if (bytes == NULL ||
      !rubric_file_write (data->file, bytes, RUBRIC_FILE_WRITE_NONE, NULL, NULL, cancellable, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

/**
 * rubric_export_to_file_async:
 *
 * What the summary says is taken from the session now, on the caller's
 * thread; it is drawn (a PDF takes a while) and written with
 * rubric_file_write() in a worker thread. Cancelled, it leaves no file
 * behind (and an existing one as it was).
 *
 * The task has no source object, and its data are the summary (plain
 * text and numbers) and @file, so nothing is released in the worker that
 * belongs to the caller's thread.
 */
void
rubric_export_to_file_async (RubricSession       *session,
                             RubricKit           *kit,
                             RubricExportFormat   format,
                             RubricExportFlags    flags,
                             GFile               *file,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_return_if_fail (RUBRIC_IS_SESSION (session));
  g_return_if_fail (kit == NULL || RUBRIC_IS_KIT (kit));

  rubric_export_summary_to_file_async (rubric_summary_new (session, kit, flags), format, file, NULL,
                                       cancellable, callback, user_data);
}

/**
 * rubric_export_summary_to_file_async:
 * @summary: (transfer full): what to export
 * @keep: (nullable): a file the export must never replace (the interview's
 *   own): when @file is it, by name or through a link, nothing is written
 *   and the error says so
 *
 * Like rubric_export_to_file_async(), for a summary made already; finish
 * with rubric_export_to_file_finish().
 */
void
rubric_export_summary_to_file_async (RubricSummary       *summary,
                                     RubricExportFormat   format,
                                     GFile               *file,
                                     GFile               *keep,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ExportData *data;

  g_return_if_fail (summary != NULL);
  g_return_if_fail (G_IS_FILE (file));

  data = g_new0 (ExportData, 1);
  data->summary = summary;
  data->format = format;
  data->file = g_object_ref (file);
  if (keep != NULL)
    {
      data->keep = g_ptr_array_new_with_free_func (g_object_unref);
      g_ptr_array_add (data->keep, g_object_ref (keep));
    }

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, rubric_export_summary_to_file_async);
  /* The result says what is on the disk: a file written just before the
   * cancel is reported written. */
  g_task_set_check_cancellable (task, FALSE);
  g_task_set_task_data (task, data, (GDestroyNotify) export_data_free);
  g_task_run_in_thread (task, export_thread);
}

gboolean
rubric_export_to_file_finish (GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == rubric_export_summary_to_file_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

typedef struct
{
  RubricSummary *summary;
  RubricExportFormat format;
} BytesData;

static void
bytes_data_free (BytesData *data)
{
  g_clear_pointer (&data->summary, rubric_summary_free);
  g_free (data);
}

static void
bytes_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  BytesData *data = task_data;
  GError *error = NULL;
  GBytes *bytes = write_summary (data->summary, data->format, cancellable, &error);

  if (bytes == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, bytes, (GDestroyNotify) g_bytes_unref);
}

/**
 * rubric_export_summary_to_bytes_async:
 * @summary: (transfer full): what to export, made on the caller's thread
 *   with rubric_summary_new()
 *
 * Writes @summary in @format in a worker thread (the Export dialog's
 * preview). Cancelling @cancellable stops a PDF between two questions or
 * pages, and the result is then always %G_IO_ERROR_CANCELLED, even when
 * the worker had finished: a preview for options changed since is never
 * shown.
 */
void
rubric_export_summary_to_bytes_async (RubricSummary       *summary,
                                      RubricExportFormat   format,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  BytesData *data;

  g_return_if_fail (summary != NULL);

  data = g_new0 (BytesData, 1);
  data->summary = summary;
  data->format = format;

  /* No source object: see rubric_export_to_file_async(). */
  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, rubric_export_summary_to_bytes_async);
  g_task_set_task_data (task, data, (GDestroyNotify) bytes_data_free);
  g_task_run_in_thread (task, bytes_thread);
}

/**
 * rubric_export_summary_to_bytes_finish:
 *
 * Returns: (transfer full) (nullable): the summary in its format
 */
GBytes *
rubric_export_summary_to_bytes_finish (GAsyncResult  *result,
                                       GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == rubric_export_summary_to_bytes_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * rubric_export_suggest_filename:
 *
 * Returns: (transfer full): e.g. "Ada Lovelace 2026-11-27.pdf", or
 *   "Candidate 7C2E 2026-11-27.pdf" when anonymised
 */
char *
rubric_export_suggest_filename (RubricSession      *session,
                                RubricExportFormat  format,
                                RubricExportFlags   flags)
{
  g_autofree char *clean = NULL;
  g_autofree char *date = NULL;
  g_autofree char *internal = NULL;
  g_autofree char *alias = NULL;
  const char *name;

  g_return_val_if_fail (RUBRIC_IS_SESSION (session), NULL);

  name = clean = rubric_export_clean_text (rubric_session_get_candidate_name (session));
  g_strdelimit (clean, "\n\t", ' ');
  if (flags & RUBRIC_EXPORT_FLAGS_ANONYMIZE)
    name = alias = rubric_anonymize_candidate_alias (rubric_session_get_id (session));
  else if (rubric_export_is_blank (name))
    /* Translators: the start of an exported summary's file name */
    name = _("Interview summary");
  date = rubric_export_clean_text (rubric_session_get_date (session));
  /* One not for the candidate says so before it is opened. */
  if (flags & (RUBRIC_EXPORT_FLAGS_INCLUDE_PRIVATE | RUBRIC_EXPORT_FLAGS_INCLUDE_ANSWERS))
    {
      /* Translators: an exported summary's file name that holds private
       * notes or expected answers, e.g. "Ada Lovelace (internal)" before
       * the date */
      internal = g_strdup_printf (_("%s (internal)"), name);
      name = internal;
    }

  return rubric_file_suggest_name (name, date, formats[format].extension);
}

/* ----------------------------------------------------- shared by writers */

/**
 * rubric_export_clean_text:
 *
 * Text from the file, as valid UTF-8 without control characters (C0 and
 * C1, but newlines and tabs), Unicode noncharacters, or the bidi
 * embedding, override and isolate controls (U+202A–202E, U+2066–2069),
 * which could make a note read backwards ("5 — Expert" as "trepxE — 5")
 * or a name end in ".pdf" that ends in ".exe"; every
 * line break (CR LF, CR, NEL, the Unicode line and paragraph separators,
 * vertical tab, form feed) becomes LF.
 *
 * Returns: (transfer full): the clean text
 */
char *
rubric_export_clean_text (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text != NULL ? text : "", -1);
  GString *out = g_string_sized_new (strlen (valid));

  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '\r')
        {
          if (p[1] != '\n')
            g_string_append_c (out, '\n');
        }
      else if (c == '\n' || c == '\v' || c == '\f' || c == 0x85 || c == 0x2028 || c == 0x2029)
        g_string_append_c (out, '\n');
      else if (c == '\t')
        g_string_append_c (out, (char) c);
      else if (g_unichar_iscntrl (c) || (c >= 0xFDD0 && c <= 0xFDEF) || (c & 0xFFFE) == 0xFFFE ||
               (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069))
        continue;
      else
        g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

/**
 * rubric_export_new_anonymizer:
 * @anonymize: whether names go too (%RUBRIC_EXPORT_FLAGS_ANONYMIZE)
 * @redact: (nullable) (array zero-terminated=1): terms to leave out
 *
 * The anonymizer every export shares: each term of @redact (cleaned)
 * becomes "[redacted]"; add the people with rubric_export_candidate_name()
 * and rubric_anonymizer_add_person().
 *
 * Returns: (transfer full) (nullable): the anonymizer, or %NULL when
 *   neither anonymising nor redacting
 */
RubricAnonymizer *
rubric_export_new_anonymizer (gboolean            anonymize,
                              const char * const *redact)
{
  RubricAnonymizer *anonymizer;

  if (!anonymize && (redact == NULL || redact[0] == NULL))
    return NULL;
  anonymizer = rubric_anonymizer_new ();
  for (guint i = 0; redact != NULL && redact[i] != NULL; i++)
    {
      g_autofree char *term = rubric_export_clean_text (redact[i]);

      /* Translators: in an exported summary, instead of an identifying
       * term the user asked to leave out (an employer, a city) */
      rubric_anonymizer_add_term (anonymizer, g_strstrip (term), _("[redacted]"));
    }
  return anonymizer;
}

/* TEXT cleaned, and through ANONYMIZER (nullable) when there is one:
 * every free text of an export. */
char *
rubric_export_apply_anonymizer (RubricAnonymizer *anonymizer,
                                const char       *text)
{
  g_autofree char *clean = rubric_export_clean_text (text);

  if (anonymizer == NULL)
    return g_steal_pointer (&clean);
  return rubric_anonymizer_apply (anonymizer, clean);
}

/* What is left that looks like a name: for the exports' REMAINING. */
GStrv
rubric_export_dup_remaining (RubricAnonymizer *anonymizer)
{
  if (anonymizer == NULL)
    return g_new0 (char *, 1);
  return g_strdupv ((GStrv) rubric_anonymizer_get_remaining (anonymizer));
}

/**
 * rubric_export_candidate_name:
 * @anonymizer: (nullable): the export's
 * @name: the candidate's name, as the session has it
 * @session_id: (nullable): what the alias is made from
 *
 * Returns: (transfer full): @name cleaned; or, with @anonymize, its
 *   alias ("Candidate 7C2E"), and @name is replaced by it in every text
 *   @anonymizer goes over
 */
char *
rubric_export_candidate_name (RubricAnonymizer *anonymizer,
                              gboolean          anonymize,
                              const char       *name,
                              const char       *session_id)
{
  g_autofree char *clean = rubric_export_clean_text (name);
  char *alias;

  if (!anonymize)
    return g_steal_pointer (&clean);
  alias = rubric_anonymize_candidate_alias (session_id != NULL ? session_id : "");
  rubric_anonymizer_add_person (anonymizer, clean, alias);
  return alias;
}

/* Whether TEXT shows nothing: only white space and control characters. */
gboolean
rubric_export_is_blank (const char *text)
{
  g_autofree char *clean = rubric_export_clean_text (text);

  for (const char *p = clean; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

/* Starts a block of plain text or Markdown: exactly one blank line after
 * what came before (nothing at the very start). */
void
rubric_export_begin_block (GString *out)
{
  if (out->len == 0)
    return;
  while (out->len < 2 || out->str[out->len - 1] != '\n' || out->str[out->len - 2] != '\n')
    g_string_append_c (out, '\n');
}

/**
 * rubric_export_same_file:
 *
 * rubric_file_is_one_of() for the command line's paths, as the windows
 * check their files.
 *
 * Returns: whether the paths A and B name one file (by name, or the same
 *   device and inode through links), so that writing an export to B would
 *   destroy A
 */
gboolean
rubric_export_same_file (const char *a,
                         const char *b)
{
  g_autoptr(GFile) file_a = NULL;
  g_autoptr(GFile) file_b = NULL;
  g_autoptr(GPtrArray) others = g_ptr_array_new ();

  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  file_a = g_file_new_for_path (a);
  file_b = g_file_new_for_path (b);
  g_ptr_array_add (others, file_a);
  return rubric_file_is_one_of (file_b, others, NULL);
}

/**
 * rubric_export_path_is_stream:
 *
 * Returns: whether PATH is a character device, a pipe or a socket
 *   (/dev/stdout, a named pipe): written as it is, never replaced
 */
gboolean
rubric_export_path_is_stream (const char *path)
{
  GStatBuf st;

  g_return_val_if_fail (path != NULL, FALSE);

  if (g_stat (path, &st) != 0)
    return FALSE;
  return S_ISCHR (st.st_mode) || S_ISFIFO (st.st_mode) || S_ISSOCK (st.st_mode);
}
