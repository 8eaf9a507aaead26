/* rubric-application.c
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rubric-application"

#include "config.h"

#include <glib/gi18n.h>
#include <glib-unix.h>
#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <unistd.h>

#include "rubric-anki.h"
#include "rubric-application.h"
#include "rubric-bench.h"
#include "rubric-check.h"
#include "rubric-compare-export.h"
#include "rubric-debrief-export.h"
#include "rubric-debrief-window.h"
#include "rubric-compare-window.h"
#include "rubric-drafts.h"
#include "rubric-file-dialog.h"
#include "rubric-file.h"
#include "rubric-export.h"
#include "rubric-kit.h"
#include "rubric-kit-library.h"
#include "rubric-new-session-dialog.h"
#include "rubric-plan-library.h"
#include "rubric-plans-dialog.h"
#include "rubric-preferences-dialog.h"
#include "rubric-shortcuts-dialog.h"
#include "rubric-shortcuts.h"
#include "rubric-toast.h"
#include "rubric-window.h"

#define MAX_RECENT 10

#define BUNDLED_KIT RESOURCE_PATH "/kits/django-senior.json"
#define BUNDLED_PLAN RESOURCE_PATH "/plans/django-senior-60.json"
/* How `rubric --debrief FILE…` asks GApplication to open its files. */
#define DEBRIEF_HINT "debrief"
/* How `rubric --compare FOLDER|FILE…` asks it to open its folder or files. */
#define COMPARE_HINT "compare"

struct _RubricApplication
{
  AdwApplication parent_instance;

  guint sigint_source;
  guint sigterm_source;
  gboolean handled_locally;

  GSettings *settings;
  RubricKit *kit;                 /* the kit in use */
  RubricKitLibrary *library;      /* the bundled kit and the user's */
  RubricPlanLibrary *plans;       /* the bundled plan and the user's */
  gboolean drafts_checked;
  guint plans_waiting;            /* kits being read for the Plans dialog */
  /* Files being read to open as interviews: until they are, activation
   * shows no start page (the file opens straight into its interview). */
  guint opening;
};

G_DEFINE_FINAL_TYPE (RubricApplication, rubric_application, ADW_TYPE_APPLICATION)

/* Exit statuses of the command-line modes. */
enum {
  EXIT_OK = 0,
  EXIT_INVALID = 1,
  EXIT_USAGE = 2,
};

static const GOptionEntry main_entries[] = {
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Show the version and exit"), NULL },
  { "check", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Check kit and session files, print what is wrong, and exit"), NULL },
  { "export", 0, 0, G_OPTION_ARG_STRING, NULL,
    /* Translators: the description of --export in “rubric --help”. Keep pdf,
     * md, html, txt, csv and anki, which are what the option takes; SESSION
     * and KIT are the files named at the end of the command line */
    N_("Export the summary of SESSION as pdf, md, html, txt or csv, or a KIT as an Anki deck (anki), and exit"),
    /* Translators: the name of the argument of --export in “rubric --help” */
    N_("FORMAT") },
  { "debrief", 0, 0, G_OPTION_ARG_NONE, NULL,
    /* Translators: the description of --debrief in “rubric --help”; keep
     * --export, and translate SESSION as in the other options */
    N_("Show several interviewers' SESSION files of one candidate side by side; with --export, write their debrief summary"), NULL },
  { "compare", 0, 0, G_OPTION_ARG_NONE, NULL,
    /* Translators: the description of --compare in “rubric --help”; keep
     * --export, csv and pdf, and translate SESSION as in the other options */
    N_("Compare the candidates of one role: the SESSION files given, or those of a folder; with --export csv or pdf, write the comparison"), NULL },
  { "output", 'o', 0, G_OPTION_ARG_FILENAME, NULL,
    /* Translators: the description of --output in “rubric --help”; FILE is
     * the name of its argument, as translated just below */
    N_("Write the export to FILE instead of standard output (“-”)"),
    /* Translators: the name of the argument of --output in “rubric --help” */
    N_("FILE") },
  { "include-answers", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Include the expected answers and key points in the export"), NULL },
  { "include-private", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Include the private notes in the export"), NULL },
  { "anonymize", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Replace the candidate's and interviewers' names in the export"), NULL },
  { "redact", 0, 0, G_OPTION_ARG_STRING_ARRAY, NULL,
    /* Translators: the description of --redact in “rubric --help”; TERM is
     * the name of its argument, as translated just below */
    N_("Replace TERM too (an employer, a university, a city); repeat for more"),
    /* Translators: the name of the argument of --redact in “rubric --help” */
    N_("TERM") },
  /* The desktop file's actions, for launchers that run its Exec lines. */
  { "new-interview", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Start a new interview, in the running Rubric if there is one"), NULL },
  { "browse-questions", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Browse the questions of the interview kit, in the running Rubric if there is one"), NULL },
  { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, NULL,
    /* Translators: the files rubric takes on its command line, as
     * “rubric --help” shows them */
    NULL, N_("[FILE…]") },
  { NULL }
};

/* The bundled kit, parsed once in this process and shared by every use:
 * the library, the kit in use, the command-line modes. Main thread only. */
static RubricKit *
bundled_kit (GError **error)
{
  static RubricKit *bundled;

  if (bundled == NULL)
    bundled = rubric_kit_new_from_resource (BUNDLED_KIT, error);
  return bundled != NULL ? g_object_ref (bundled) : NULL;
}

static int
check_files (const char * const *paths)
{
  g_autoptr(GString) report = g_string_new (NULL);
  g_autoptr(GString) problems = g_string_new (NULL);
  g_autoptr(RubricKit) kit = NULL;
  g_autoptr(GError) error = NULL;
  gboolean all_valid = TRUE;

  /* Sessions are checked against the kit Rubric ships. */
  kit = bundled_kit (&error);
  if (kit == NULL)
    /* Translators: %s says what is wrong with the kit */
    g_printerr (_("The bundled interview kit is broken: %s\n"), error->message);

  for (guint i = 0; paths[i] != NULL; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (paths[i]);
      g_autofree char *name = g_filename_display_name (paths[i]);

      if (!rubric_check_file (file, name, kit, report, problems))
        all_valid = FALSE;
    }

  g_print ("%s", report->str);
  g_printerr ("%s", problems->str);

  return all_valid ? EXIT_OK : EXIT_INVALID;
}

/* BYTES (or ERROR, when they could not be made) to OUTPUT: a file, written
 * whole or not at all (an existing one stays as it was); "-", /dev/stdout
 * or a pipe as a stream; standard output when NULL. */
static int
write_export (GBytes     *bytes,
              GError     *error,
              const char *output)
{
  g_autoptr(GError) write_error = NULL;

  if (output != NULL && !rubric_export_path_is_stream (output))
    {
      g_autoptr(GFile) target = g_file_new_for_commandline_arg (output);
      g_autofree char *target_name = g_filename_display_name (output);

      if (bytes == NULL)
        {
          /* Translators: an error of the command line: the file, then why it
           * could not be written */
          g_printerr (_("rubric: could not write %s: %s\n"), target_name, error->message);
          return EXIT_INVALID;
        }
      if (!rubric_file_write (target, bytes, RUBRIC_FILE_WRITE_NONE, NULL, NULL, NULL, &write_error))
        {
          /* The writer's messages name the file already. */
          if (write_error->domain == G_IO_ERROR || write_error->domain == RUBRIC_FILE_ERROR)
            /* Translators: an error of the command line, which says which
             * file and why */
            g_printerr (_("rubric: %s\n"), write_error->message);
          else
            g_printerr (_("rubric: could not write %s: %s\n"), target_name, write_error->message);
          return EXIT_INVALID;
        }
      return EXIT_OK;
    }

  if (bytes == NULL)
    {
      g_printerr ("rubric: %s\n", error->message);
      return EXIT_INVALID;
    }
  {
    FILE *stream = output != NULL ? fopen (output, "wb") : stdout;
    gboolean written = stream != NULL &&
                       fwrite (g_bytes_get_data (bytes, NULL), 1, g_bytes_get_size (bytes), stream) == g_bytes_get_size (bytes) &&
                       fflush (stream) == 0;

    if (stream != NULL && stream != stdout && fclose (stream) != 0)
      written = FALSE;
    if (!written && output != NULL)
      {
        int saved = errno;
        g_autofree char *output_name = g_filename_display_name (output);

        g_printerr (_("rubric: could not write %s: %s\n"), output_name, g_strerror (saved));
        return EXIT_INVALID;
      }
    if (!written)
      {
        g_printerr (_("rubric: could not write to standard output\n"));
        return EXIT_INVALID;
      }
  }
  return EXIT_OK;
}

/* Translators: a warning of the command line; %s lists words, such
 * as “May, Okafor”. Keep “rubric:” and the option --redact */
#define REMAINING_WARNING N_("rubric: warning: these words stay and may be names: %s (replace them with --redact)\n")

/* FORMAT_NAME as FORMAT; when it names none, says so. The candidate
 * summary and the debrief export in the same formats. */
static gboolean
parse_format (const char         *format_name,
              RubricExportFormat *format)
{
  if (rubric_export_format_parse (format_name, format))
    return TRUE;
  /* Translators: an error of the command line; %s is what the user gave
   * to --export. Keep “rubric:” and the format names */
  g_printerr (_("rubric: “%s” is not an export format; use pdf, md, html, txt or csv\n"), format_name);
  return FALSE;
}

/* Whether OUTPUT (NULL: standard output) is a terminal: standard output
 * itself, /dev/tty, a pseudo-terminal named by --output. A character
 * device is opened to tell (a terminal is one, as /dev/null is), without
 * becoming the process's controlling terminal; a pipe never is (opening
 * and closing it would end its reader's input). */
static gboolean
is_terminal (const char *output)
{
  GStatBuf st;
  int fd;
  gboolean terminal;

  if (output == NULL)
    return isatty (STDOUT_FILENO);
  if (g_stat (output, &st) != 0 || !S_ISCHR (st.st_mode))
    return FALSE;
  fd = g_open (output, O_WRONLY | O_NOCTTY | O_NONBLOCK | O_CLOEXEC, 0);
  if (fd < 0)
    return FALSE;
  terminal = isatty (fd);
  close (fd);
  return terminal;
}

/* Whether a PDF was about to go to a terminal (OUTPUT NULL: standard
 * output); then says so. */
static gboolean
pdf_to_terminal (RubricExportFormat  format,
                 const char         *output)
{
  if (format != RUBRIC_EXPORT_FORMAT_PDF || !is_terminal (output))
    return FALSE;
  /* Translators: an error of the command line; keep “rubric:” and the
   * option --output; FILE is the name of its argument in “rubric --help” */
  g_printerr (_("rubric: a PDF is not written to a terminal: use --output FILE or a pipe\n"));
  return TRUE;
}

/* --export anki: the kit (the bundled one when PATHS names none) as an
 * Anki deck; with a plan, its questions only. What each file is, its
 * "format" says. */
static int
export_anki (const char * const *paths,
             const char         *output)
{
  g_autoptr(RubricKit) kit = NULL;
  g_autoptr(RubricPlan) plan = NULL;
  g_autoptr(GBytes) deck = NULL;
  g_autoptr(GError) error = NULL;

  if (output != NULL && g_str_equal (output, "-"))
    output = NULL;

  for (guint i = 0; paths != NULL && paths[i] != NULL; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (paths[i]);
      g_autofree char *name = g_filename_display_name (paths[i]);
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GString) problem = g_string_new (NULL);
      RubricFileKind kind = RUBRIC_FILE_KIND_UNKNOWN;

      if (output != NULL && rubric_export_same_file (paths[i], output))
        {
          /* Translators: an error of the command line; %s is the file given
           * to --output, which is also the kit or plan to export. Keep
           * “rubric:” */
          g_printerr (_("rubric: %s is a file to export: nothing was written\n"), name);
          return EXIT_USAGE;
        }
      bytes = rubric_file_read (file, RUBRIC_ANKI_MAX_INPUT, NULL, NULL, &error);
      if (bytes != NULL)
        kind = rubric_anki_classify (bytes, name);
      if (bytes != NULL && kind == RUBRIC_FILE_KIND_KIT && kit == NULL)
        kit = rubric_kit_new_from_bytes (bytes, &error);
      else if (bytes != NULL && kind == RUBRIC_FILE_KIND_PLAN && plan == NULL)
        plan = rubric_plan_new_from_bytes (bytes, &error);
      else if (bytes != NULL)
        {
          /* Translators: an error of the command line; %s is a file given
           * with --export anki. Keep “rubric:” */
          g_printerr (_("rubric: %s is not a kit or a plan; --export anki takes one kit and one plan at most\n"), name);
          return EXIT_USAGE;
        }
      if (error != NULL)
        {
          /* The same words as --check, and no output file. */
          rubric_check_append_problem (problem, name, error->message);
          g_printerr ("%s", problem->str);
          return EXIT_INVALID;
        }
    }

  if (kit == NULL)
    kit = bundled_kit (NULL);
  if (plan != NULL &&
      (!g_str_equal (rubric_plan_get_kit_id (plan), rubric_kit_get_id (kit)) ||
       !rubric_plan_check (plan, kit, &error)))
    {
      if (error != NULL)
        g_printerr ("rubric: %s\n", error->message);
      else
        /* Translators: an error of the command line; the first %s is the
         * plan's name, the second a kit's title. Keep “rubric:” */
        g_printerr (_("rubric: the plan “%s” is not a plan of the kit “%s”\n"),
                    rubric_plan_get_name (plan), rubric_kit_get_title (kit));
      return EXIT_INVALID;
    }

  deck = rubric_anki_export (kit, plan);
  return write_export (deck, NULL, output);
}

static int
export_session (const char         *format_name,
                const char         *path,
                const char         *output,
                RubricExportFlags   flags,
                const char * const *redact)
{
  g_autoptr(RubricKit) kit = NULL;
  g_autoptr(RubricSession) session = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RubricSummary) summary = NULL;
  g_autofree char *name = g_filename_display_name (path);
  RubricExportFormat format;

  if (!parse_format (format_name, &format))
    return EXIT_USAGE;
  /* "-", /dev/stdout or a pipe: written as a stream, never replaced. */
  if (output != NULL && g_str_equal (output, "-"))
    output = NULL;
  if (output != NULL && rubric_export_same_file (path, output))
    {
      g_autofree char *output_name = g_filename_display_name (output);

      /* Translators: an error of the command line; %s is the file given to
       * --output, which is the interview itself. Keep “rubric:” */
      g_printerr (_("rubric: %s is the interview itself: nothing was written\n"), output_name);
      return EXIT_USAGE;
    }
  if (pdf_to_terminal (format, output))
    return EXIT_USAGE;

  kit = bundled_kit (NULL);
  file = g_file_new_for_commandline_arg (path);
  session = rubric_session_new_from_file (file, kit, NULL, &error);
  if (session == NULL)
    {
      g_autoptr(GString) problem = g_string_new (NULL);

      /* The same words as --check, and no output file. */
      rubric_check_append_problem (problem, name, error->message);
      g_printerr ("%s", problem->str);
      return EXIT_INVALID;
    }

  summary = rubric_summary_new_full (session, kit, flags, redact);
  if (summary->rated == 0)
    /* Translators: a warning of the command line; %s is the session file.
     * Keep “rubric:” */
    g_printerr (_("rubric: warning: nothing was rated in %s: the summary says so\n"), name);
  if (summary->remaining[0] != NULL)
    {
      g_autofree char *words = g_strjoinv (", ", summary->remaining);

      g_printerr (_(REMAINING_WARNING), words);
    }

  bytes = rubric_export_summary_to_bytes (summary, format, &error);
  return write_export (bytes, error, output);
}

/* Adds the file PATH names to FILES, or, when it is a folder and FOLDERS,
 * its session files (rubric_compare_list_folder()). FALSE, said on
 * standard error, when one of them is OUTPUT or the folder cannot be read
 * (STATUS says which). */
static gboolean
add_panel_files (GPtrArray  *files,
                 const char *path,
                 gboolean    folders,
                 const char *output,
                 int        *status)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(GError) error = NULL;

  if (folders && g_file_query_file_type (file, G_FILE_QUERY_INFO_NONE, NULL) == G_FILE_TYPE_DIRECTORY)
    {
      listed = rubric_compare_list_folder (file, NULL, &error);
      if (listed == NULL)
        {
          g_autofree char *name = g_filename_display_name (path);

          /* Translators: an error of the command line: the folder, then
           * why it could not be read. Keep “rubric:” */
          g_printerr (_("rubric: could not read the folder %s: %s\n"), name, error->message);
          *status = EXIT_INVALID;
          return FALSE;
        }
    }
  else
    {
      listed = g_ptr_array_new_with_free_func (g_object_unref);
      g_ptr_array_add (listed, g_steal_pointer (&file));
    }

  for (guint i = 0; i < listed->len; i++)
    {
      GFile *one = g_ptr_array_index (listed, i);
      g_autofree char *one_path = g_file_get_path (one);

      if (output != NULL && rubric_export_same_file (one_path != NULL ? one_path : path, output))
        {
          g_autofree char *output_name = g_filename_display_name (output);

          /* Translators: an error of the command line; %s is the file given
           * to --output, which is one of the interviews. Keep “rubric:” */
          g_printerr (_("rubric: %s is one of the interviews: nothing was written\n"), output_name);
          *status = EXIT_USAGE;
          return FALSE;
        }
      g_ptr_array_add (files, g_object_ref (one));
    }
  return TRUE;
}

/* The end of a debrief's or a compare's export: the words left that look
 * like names on standard error, then BYTES to OUTPUT. Exit 1 when a file
 * was left out (HAS_ERRORS), the export written all the same. */
static int
write_panel_export (GBytes     *bytes,
                    GError     *error,
                    GStrv       remaining,
                    const char *output,
                    gboolean    has_errors)
{
  int status;

  if (remaining != NULL && remaining[0] != NULL)
    {
      g_autofree char *words = g_strjoinv (", ", remaining);

      g_printerr (_(REMAINING_WARNING), words);
    }
  status = write_export (bytes, error, output);
  if (status == EXIT_OK && has_errors)
    return EXIT_INVALID;
  return status;
}

/* Translators: an error of the command line. Keep “rubric:” */
#define NOTHING_READ N_("rubric: no interview could be read: nothing was written\n")

/* `rubric --debrief --export FORMAT FILE…`: the problems of the files on
 * standard error, located as --check says them; the summary of those that
 * loaded. Exit 1 when a file was left out (the summary is written all the
 * same) or none loaded (nothing is written). */
static int
export_debrief (const char         *format_name,
                const char * const *paths,
                const char         *output,
                RubricExportFlags   flags,
                const char * const *redact)
{
  g_autoptr(RubricKit) kit = NULL;
  g_autoptr(RubricDebrief) debrief = NULL;
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) remaining = NULL;
  RubricExportFormat format;
  int status = EXIT_OK;

  if (!parse_format (format_name, &format))
    return EXIT_USAGE;
  g_return_val_if_fail (rubric_debrief_export_format_supported (format), EXIT_USAGE);
  if (output != NULL && g_str_equal (output, "-"))
    output = NULL;
  if (pdf_to_terminal (format, output))
    return EXIT_USAGE;
  for (guint i = 0; paths[i] != NULL; i++)
    if (!add_panel_files (files, paths[i], FALSE, output, &status))
      return status;

  kit = bundled_kit (NULL);
  debrief = rubric_debrief_new (kit);
  rubric_debrief_load (debrief, (GFile * const *) files->pdata, files->len, NULL, NULL);
  for (guint i = 0; i < rubric_debrief_get_n_problems (debrief); i++)
    g_printerr ("%s\n", rubric_debrief_get_problem (debrief, i)->text);
  if (rubric_debrief_get_n_interviewers (debrief) == 0)
    {
      g_printerr ("%s", _(NOTHING_READ));
      return EXIT_INVALID;
    }

  bytes = rubric_debrief_export_to_bytes (debrief, format, flags, redact, &remaining, &error);
  return write_panel_export (bytes, error, remaining, output, rubric_debrief_has_errors (debrief));
}

/* `rubric --compare --export csv|pdf FOLDER|FILE…`: as export_debrief(), for
 * the candidates of one role; a folder stands for its session files. */
static int
export_compare (const char         *format_name,
                const char * const *paths,
                const char         *output,
                RubricExportFlags   flags,
                const char * const *redact)
{
  g_autoptr(RubricKit) kit = NULL;
  g_autoptr(RubricCompare) compare = NULL;
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) remaining = NULL;
  RubricExportFormat format;
  gboolean has_errors = FALSE;
  int status = EXIT_OK;

  if (!rubric_export_format_parse (format_name, &format) || !rubric_compare_export_format_supported (format))
    {
      /* Translators: an error of the command line; %s is what the user gave
       * to --export with --compare. Keep “rubric:”, “csv” and “pdf” */
      g_printerr (_("rubric: “%s” is not a compare format; use csv or pdf\n"), format_name);
      return EXIT_USAGE;
    }
  if (output != NULL && g_str_equal (output, "-"))
    output = NULL;
  if (pdf_to_terminal (format, output))
    return EXIT_USAGE;
  for (guint i = 0; paths[i] != NULL; i++)
    if (!add_panel_files (files, paths[i], TRUE, output, &status))
      return status;

  kit = bundled_kit (NULL);
  compare = rubric_compare_new (kit);
  rubric_compare_load (compare, (GFile * const *) files->pdata, files->len, NULL, NULL);
  for (guint i = 0; i < rubric_compare_get_n_problems (compare); i++)
    {
      const RubricDebriefProblem *problem = rubric_compare_get_problem (compare, i);

      g_printerr ("%s\n", problem->text);
      has_errors |= problem->error;
    }
  if (rubric_compare_get_n_candidates (compare) == 0)
    {
      g_printerr ("%s", _(NOTHING_READ));
      return EXIT_INVALID;
    }

  bytes = rubric_compare_export_to_bytes (compare, format, flags, redact, &remaining, &error);
  return write_panel_export (bytes, error, remaining, output, has_errors);
}

/* Files to open, as interviews (HINT "") or as one debrief (DEBRIEF_HINT):
 * handed to the running instance, or to this one. */
static int
open_files_remotely (GApplication       *application,
                     const char * const *files,
                     const char         *hint)
{
  RubricApplication *self = RUBRIC_APPLICATION (application);
  g_autoptr(GPtrArray) gfiles = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;

  if (!g_application_register (application, NULL, &error))
    {
      self->handled_locally = TRUE;
      g_printerr ("rubric: %s\n", error->message);
      return EXIT_INVALID;
    }
  for (guint i = 0; files[i] != NULL; i++)
    g_ptr_array_add (gfiles, g_file_new_for_commandline_arg (files[i]));
  g_application_open (application, (GFile **) gfiles->pdata, (int) gfiles->len, hint);

  if (g_application_get_is_remote (application))
    {
      self->handled_locally = TRUE;
      return EXIT_OK;
    }
  return -1;
}

/* `rubric --new-interview` or `--browse-questions`: the app action of that
 * name (the desktop file's actions), in the running instance or this one. */
static int
activate_remotely (GApplication *application,
                   const char   *action)
{
  RubricApplication *self = RUBRIC_APPLICATION (application);
  g_autoptr(GError) error = NULL;

  if (!g_application_register (application, NULL, &error))
    {
      self->handled_locally = TRUE;
      g_printerr ("rubric: %s\n", error->message);
      return EXIT_INVALID;
    }
  g_action_group_activate_action (G_ACTION_GROUP (application), action, NULL);
  if (g_application_get_is_remote (application))
    {
      self->handled_locally = TRUE;
      return EXIT_OK;
    }
  return -1;
}

static int
rubric_application_handle_local_options (GApplication *application,
                                         GVariantDict *options)
{
  RubricApplication *self = RUBRIC_APPLICATION (application);
  g_autofree const char **files = NULL;
  gboolean check = g_variant_dict_contains (options, "check");

  g_variant_dict_lookup (options, G_OPTION_REMAINING, "^a&ay", &files);

  if (g_variant_dict_contains (options, "version"))
    {
      self->handled_locally = TRUE;
      if (check || files != NULL)
        {
          /* Translators: an error of the command line; keep “rubric:” and the
           * option names */
          g_printerr (_("rubric: --version takes no other options or files\n"));
          return EXIT_USAGE;
        }
      g_print ("rubric %s\n", VERSION);
      return EXIT_OK;
    }

  if (g_variant_dict_contains (options, "export") || g_variant_dict_contains (options, "debrief") ||
      g_variant_dict_contains (options, "compare"))
    {
      const char *format = NULL;
      g_autofree char *output = NULL;
      g_autofree const char **redact = NULL;
      RubricExportFlags flags = RUBRIC_EXPORT_FLAGS_NONE;

      self->handled_locally = TRUE;
      g_variant_dict_lookup (options, "export", "&s", &format);
      g_variant_dict_lookup (options, "output", "^ay", &output);
      g_variant_dict_lookup (options, "redact", "^a&s", &redact);
      if (g_variant_dict_contains (options, "compare"))
        {
          if (format == NULL && !check && files != NULL && files[0] != NULL &&
              !g_variant_dict_contains (options, "debrief") &&
              !g_variant_dict_contains (options, "include-answers") &&
              !g_variant_dict_contains (options, "include-private") &&
              !g_variant_dict_contains (options, "output") &&
              !g_variant_dict_contains (options, "anonymize") &&
              !g_variant_dict_contains (options, "redact"))
            {
              /* Without --export: the compare window, in this instance or
               * the running one. */
              self->handled_locally = FALSE;
              return open_files_remotely (application, files, COMPARE_HINT);
            }
          if (check || format == NULL || files == NULL || files[0] == NULL ||
              g_variant_dict_contains (options, "debrief") ||
              g_variant_dict_contains (options, "include-answers") ||
              g_variant_dict_contains (options, "include-private"))
            {
              /* Translators: an error of the command line and the right way to
               * use it; keep “rubric:”, the option names, “csv” and “pdf”,
               * and translate FILE, FOLDER and SESSION as in “rubric --help” */
              g_printerr (_("rubric: --compare takes a FOLDER or SESSION files, and --output, --anonymize and --redact only with --export csv or pdf\n"
                            "Usage: rubric --compare FOLDER|SESSION…\n"
                            "       rubric --compare --export csv|pdf [--output FILE] [--anonymize] [--redact TERM…] FOLDER|SESSION…\n"));
              return EXIT_USAGE;
            }
          if (g_variant_dict_contains (options, "anonymize"))
            flags |= RUBRIC_EXPORT_FLAGS_ANONYMIZE;
          return export_compare (format, files, output, flags, redact);
        }
      if (g_variant_dict_contains (options, "debrief"))
        {
          if (format == NULL && !check && files != NULL && files[0] != NULL &&
              !g_variant_dict_contains (options, "include-answers") &&
              !g_variant_dict_contains (options, "include-private") &&
              !g_variant_dict_contains (options, "output") &&
              !g_variant_dict_contains (options, "anonymize") &&
              !g_variant_dict_contains (options, "redact"))
            {
              /* Without --export: the debrief window, in this instance or
               * the running one. */
              self->handled_locally = FALSE;
              return open_files_remotely (application, files, DEBRIEF_HINT);
            }
          if (check || format == NULL || files == NULL || files[0] == NULL ||
              g_variant_dict_contains (options, "include-answers") ||
              g_variant_dict_contains (options, "include-private"))
            {
              /* Translators: an error of the command line and the right way to
               * use it; keep “rubric:” and the option names, and translate
               * FORMAT, FILE and SESSION as in “rubric --help”. A debrief never
               * holds private notes or expected answers */
              g_printerr (_("rubric: --debrief needs --export FORMAT and at least one SESSION\n"
                            "Usage: rubric --debrief --export FORMAT [--output FILE] [--anonymize] [--redact TERM…] SESSION…\n"));
              return EXIT_USAGE;
            }
          if (g_variant_dict_contains (options, "anonymize"))
            flags |= RUBRIC_EXPORT_FLAGS_ANONYMIZE;
          return export_debrief (format, files, output, flags, redact);
        }
      if (format != NULL && g_ascii_strcasecmp (format, "anki") == 0)
        {
          if (check || (files != NULL && files[0] != NULL && files[1] != NULL && files[2] != NULL) ||
              g_variant_dict_contains (options, "include-answers") ||
              g_variant_dict_contains (options, "include-private") ||
              g_variant_dict_contains (options, "anonymize") ||
              g_variant_dict_contains (options, "redact"))
            {
              /* Translators: an error of the command line and the right way
               * to use it; keep “rubric:”, the option names and “anki”, and
               * translate FILE, KIT and PLAN as in “rubric --help” */
              g_printerr (_("rubric: --export anki takes a KIT, a PLAN or both (none: the kit that comes with Rubric), and --output\n"
                            "Usage: rubric --export anki [--output FILE] [KIT] [PLAN]\n"));
              return EXIT_USAGE;
            }
          return export_anki (files, output);
        }
      if (check || files == NULL || files[0] == NULL || files[1] != NULL)
        {
          /* Translators: an error of the command line and the right way to
           * use it; keep “rubric:” and the option names, and translate
           * FORMAT, FILE and SESSION as in “rubric --help” */
          g_printerr (_("rubric: --export needs exactly one SESSION\n"
                        "Usage: rubric --export FORMAT [--output FILE] [--include-answers] [--include-private] [--anonymize] [--redact TERM…] SESSION\n"));
          return EXIT_USAGE;
        }
      if (g_variant_dict_contains (options, "include-answers"))
        flags |= RUBRIC_EXPORT_FLAGS_INCLUDE_ANSWERS;
      if (g_variant_dict_contains (options, "include-private"))
        flags |= RUBRIC_EXPORT_FLAGS_INCLUDE_PRIVATE;
      if (g_variant_dict_contains (options, "anonymize"))
        flags |= RUBRIC_EXPORT_FLAGS_ANONYMIZE;
      return export_session (format, files[0], output, flags, redact);
    }

  if (g_variant_dict_contains (options, "output") ||
      g_variant_dict_contains (options, "include-answers") ||
      g_variant_dict_contains (options, "include-private") ||
      g_variant_dict_contains (options, "anonymize") ||
      g_variant_dict_contains (options, "redact"))
    {
      self->handled_locally = TRUE;
      /* Translators: an error of the command line; keep “rubric:” and the
       * option names */
      g_printerr (_("rubric: --output, --include-answers, --include-private, --anonymize and --redact go with --export\n"));
      return EXIT_USAGE;
    }

  if (check)
    {
      self->handled_locally = TRUE;
      if (files == NULL || files[0] == NULL)
        {
          /* Translators: an error of the command line and the right way to
           * use it; keep “rubric:” and the option name, and translate FILE as
           * in “rubric --help” */
          g_printerr (_("rubric: --check needs at least one FILE\n"
                        "Usage: rubric --check FILE…\n"));
          return EXIT_USAGE;
        }
      return check_files (files);
    }

  if (g_variant_dict_contains (options, "new-interview"))
    return activate_remotely (application, "new-interview");
  if (g_variant_dict_contains (options, "browse-questions"))
    return activate_remotely (application, "browse-questions");

  if (files != NULL && files[0] != NULL)
    return open_files_remotely (application, files, "");

  return -1;
}

static gboolean
rubric_application_local_command_line (GApplication   *application,
                                       char         ***arguments,
                                       int            *exit_status)
{
  RubricApplication *self = RUBRIC_APPLICATION (application);
  gboolean handled;

  handled = G_APPLICATION_CLASS (rubric_application_parent_class)->local_command_line (application, arguments, exit_status);

  /* GApplication exits with 1 when it cannot parse the options; for us
   * 1 means "a file is invalid", and a usage error is 2. */
  if (handled && *exit_status == 1 && !self->handled_locally)
    *exit_status = EXIT_USAGE;

  return handled;
}

static gboolean
quit_on_signal_cb (gpointer user_data)
{
  g_autoptr(GList) windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (user_data)));

  /* SIGINT and SIGTERM (a logout, a service manager) cannot wait for an
   * answer: every window writes what it has and closes; untitled
   * interviews stay drafts, offered back at the next start. */
  for (const GList *l = windows; l != NULL; l = l->next)
    if (RUBRIC_IS_WINDOW (l->data))
      rubric_window_close_now (l->data);
    else
      gtk_window_destroy (l->data);

  return G_SOURCE_CONTINUE;
}

static void
rubric_application_quit_action (GSimpleAction *action,
                                GVariant      *parameter,
                                gpointer       user_data)
{
  RubricApplication *self = user_data;
  g_autoptr(GList) windows = NULL;

  /* Close every window the way its close button would, so each one runs
   * its close-request handler (saving its state) and may still refuse.
   * The application ends by itself once its last window is gone. */
  windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));
  for (const GList *l = windows; l != NULL; l = l->next)
    {
      AdwDialog *dialog;

      /* A window with a dialog open would only close the dialog. */
      if (ADW_IS_APPLICATION_WINDOW (l->data))
        while ((dialog = adw_application_window_get_visible_dialog (l->data)))
          adw_dialog_force_close (dialog);
      gtk_window_close (GTK_WINDOW (l->data));
    }

  if (gtk_application_get_windows (GTK_APPLICATION (self)) == NULL)
    g_application_quit (G_APPLICATION (self));
}

static void
rubric_application_about_action (GSimpleAction *action,
                                 GVariant      *parameter,
                                 gpointer       user_data)
{
  RubricApplication *self = user_data;
  static const char *developers[] = { "The Rubric authors", NULL };
  AdwDialog *dialog;
  GtkWindow *window;

  window = gtk_application_get_active_window (GTK_APPLICATION (self));

  dialog = adw_about_dialog_new ();
  g_object_set (dialog,
                "application-name", _("Rubric"),
                "application-icon", APP_ID,
                "developer-name", "The Rubric authors",
                "version", VERSION,
                "website", "https://rubricapp.github.io/",
                "issue-url", "https://github.com/rubricapp/rubric/issues",
                "developers", developers,
                /* Translators: replace with your names, one name per line */
                "translator-credits", _("translator-credits"),
                "copyright", "© 2026 The Rubric authors",
                "license-type", GTK_LICENSE_GPL_3_0,
                "comments", _("Run structured interviews and share the results"),
                NULL);
  if (self->kit != NULL)
    {
      g_autofree char *kit = NULL;

      /* Translators: the bundled interview kit's title and format version */
      kit = g_strdup_printf (_("Interview kit: %s (format %d)"),
                             rubric_kit_get_title (self->kit), rubric_kit_get_version (self->kit));
      adw_about_dialog_set_release_notes_version (ADW_ABOUT_DIALOG (dialog), VERSION);
      adw_about_dialog_add_legal_section (ADW_ABOUT_DIALOG (dialog), kit,
                                          _("The questions, expected answers and references of the bundled kit are part of Rubric."),
                                          GTK_LICENSE_GPL_3_0, NULL);
    }

  adw_dialog_present (dialog, GTK_WIDGET (window));
}

/* The window whose interview is FILE: by name, or, with the STAMP of
 * FILE as just read, the same file through a link (rubric-file.h). */
static RubricWindow *
find_window_for (RubricApplication *self,
                 GFile             *file,
                 const char        *stamp)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    {
      RubricInterview *interview;
      GFile *open;

      if (!RUBRIC_IS_WINDOW (l->data))
        continue;
      open = rubric_window_get_file (l->data);
      if (open != NULL && g_file_equal (open, file))
        return l->data;
      interview = rubric_window_get_interview (l->data);
      if (open != NULL && interview != NULL &&
          rubric_file_stamps_same_file (stamp, rubric_interview_get_stamp (interview)))
        return l->data;
    }
  return NULL;
}

/* A window for a new or opened session: INTO (the window files were
 * dropped on) or else the active one, while it shows no interview;
 * otherwise a new one (one interview per window: an interview open is
 * never replaced). */
static RubricWindow *
window_for_session (RubricApplication *self,
                    GtkWindow         *into)
{
  GtkWindow *window = into != NULL ? into : gtk_application_get_active_window (GTK_APPLICATION (self));

  if (RUBRIC_IS_WINDOW (window) && rubric_window_get_session (RUBRIC_WINDOW (window)) == NULL)
    return RUBRIC_WINDOW (window);

  return rubric_window_new (self);
}

static void check_drafts (RubricApplication *self,
                          RubricWindow      *window);

typedef struct
{
  RubricApplication *app;
  GFile *file;
  GWeakRef into;   /* the GtkWindow to open it in, if it still shows no interview */
  RubricSession *session;   /* read, while its kit is */
  char *stamp;
} OpenData;

static void
open_data_free (OpenData *data)
{
  data->app->opening--;
  g_application_release (G_APPLICATION (data->app));
  g_object_unref (data->app);
  g_object_unref (data->file);
  g_weak_ref_clear (&data->into);
  g_clear_object (&data->session);
  g_free (data->stamp);
  g_free (data);
}

static void open_loaded_session (OpenData      *data,
                                 RubricSession *session,
                                 const char    *stamp);

/* The session's own kit read (or not: then the session shows its questions
 * as it stored them, and the alert says what is wrong with the kit). */
static void
session_kit_loaded_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  OpenData *data = user_data;
  g_autoptr(RubricSession) session = g_steal_pointer (&data->session);
  g_autofree char *stamp = g_steal_pointer (&data->stamp);
  g_autoptr(GError) error = NULL;
  g_autoptr(RubricKit) kit = rubric_kit_library_load_kit_finish (RUBRIC_KIT_LIBRARY (object), result, &error);
  g_autoptr(RubricApplication) app = g_object_ref (data->app);

  open_loaded_session (data, session, stamp);
  if (kit == NULL)
    {
      GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

      if (RUBRIC_IS_WINDOW (window))
        rubric_window_show_error (RUBRIC_WINDOW (window), _("Could Not Open the Kit"), error->message);
    }
}

static void
session_loaded_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  OpenData *data = user_data;
  g_autoptr(RubricSession) session = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *stamp = NULL;
  RubricKitEntry *entry;

  session = rubric_session_load_finish (result, &stamp, &error);
  if (session == NULL)
    {
      g_autofree char *basename = g_file_get_basename (data->file);
      g_autofree char *name = g_filename_display_name (basename);
      g_autofree char *message = NULL;
      GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (data->app));

      /* The window in front stays as it was. */
      if (!RUBRIC_IS_WINDOW (active))
        {
          active = GTK_WINDOW (rubric_window_new (data->app));
          gtk_window_present (active);
        }
      /* The file's name, then exactly what is wrong and where. */
      message = g_strdup_printf ("%s\n%s", name, error->message);
      rubric_window_show_error (RUBRIC_WINDOW (active), _("Could Not Open the Interview"), message);
      if (!data->app->drafts_checked)
        {
          data->app->drafts_checked = TRUE;
          check_drafts (data->app, RUBRIC_WINDOW (active));
        }
      open_data_free (data);
      return;
    }

  /* A kit of the user's that the session names is read now, the first
   * time it is used. */
  entry = rubric_kit_library_get_loaded (data->app->library) ?
          rubric_kit_library_lookup (data->app->library, rubric_session_get_kit_id (session)) : NULL;
  if (entry != NULL && rubric_kit_entry_get_kit (entry) == NULL)
    {
      data->session = g_steal_pointer (&session);
      data->stamp = g_steal_pointer (&stamp);
      rubric_kit_library_load_kit_async (data->app->library, entry, NULL, session_kit_loaded_cb, data);
      return;
    }
  open_loaded_session (data, session, stamp);
}

static void
open_loaded_session (OpenData      *data,
                     RubricSession *session,
                     const char    *stamp)
{
  RubricWindow *window;

  window = find_window_for (data->app, data->file, stamp);
  if (window == NULL)
    {
      g_autoptr(GtkWindow) into = g_weak_ref_get (&data->into);

      window = window_for_session (data->app, into);
      rubric_window_open_session (window, session, data->file, stamp);
      if (!rubric_drafts_is_draft (data->file))
        rubric_application_add_recent (data->app, data->file);
    }
  gtk_window_present (GTK_WINDOW (window));

  /* Started with a file: crashed drafts are still offered, once. */
  if (!data->app->drafts_checked)
    {
      data->app->drafts_checked = TRUE;
      check_drafts (data->app, window);
    }
  open_data_free (data);
}

static void
open_file_into (RubricApplication *self,
                GFile             *file,
                GtkWindow         *into)
{
  RubricWindow *window;
  OpenData *data;

  window = find_window_for (self, file, NULL);
  if (window != NULL)
    {
      gtk_window_present (GTK_WINDOW (window));
      return;
    }

  data = g_new0 (OpenData, 1);
  data->app = g_object_ref (self);
  data->file = g_object_ref (file);
  g_weak_ref_init (&data->into, into);
  /* Started with a file, GApplication activates right after opening: the
   * window waits for the session rather than showing the start page
   * first, and the application stays up meanwhile. */
  self->opening++;
  g_application_hold (G_APPLICATION (self));
  /* Checked against the kit in use; the window then finds the session's own. */
  rubric_session_load_async (file, self->kit, NULL, session_loaded_cb, data);
}

/**
 * rubric_application_open_file:
 *
 * Opens an interview file in a window — or presents the window that has
 * it open already. A file that cannot be opened gets an alert saying
 * exactly what is wrong, and nothing changes.
 */
void
rubric_application_open_file (RubricApplication *self,
                              GFile             *file)
{
  g_return_if_fail (RUBRIC_IS_APPLICATION (self));
  g_return_if_fail (G_IS_FILE (file));

  open_file_into (self, file, NULL);
}

/**
 * rubric_application_open_files:
 * @into: (nullable): the window the files were dropped on
 * @files: (array length=n_files): interview files
 *
 * What Open and a drop do with the files picked: one file opens as an
 * interview (in @into while it shows none, as rubric_application_open_file()
 * otherwise); several open as one debrief, which says itself what does
 * not match (another candidate, one interviewer twice).
 */
void
rubric_application_open_files (RubricApplication *self,
                               GtkWindow         *into,
                               GFile * const     *files,
                               guint              n_files)
{
  g_return_if_fail (RUBRIC_IS_APPLICATION (self));
  g_return_if_fail (into == NULL || GTK_IS_WINDOW (into));
  g_return_if_fail (files != NULL || n_files == 0);

  if (n_files == 1)
    open_file_into (self, files[0], into);
  else if (n_files > 1)
    rubric_application_open_debrief (self, files, n_files);
}

typedef struct
{
  RubricApplication *self;
  GtkWindow *into;
  GPtrArray *files;
} TakeData;

static void
take_data_free (TakeData *data)
{
  g_object_unref (data->self);
  g_clear_object (&data->into);
  g_ptr_array_unref (data->files);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TakeData, take_data_free)

static void
files_classified_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(TakeData) data = user_data;
  g_autoptr(GArray) kinds = rubric_anki_classify_files_finish (result, NULL);
  g_autoptr(GPtrArray) sessions = g_ptr_array_new ();
  GtkWindow *window = data->into != NULL ? data->into : gtk_application_get_active_window (GTK_APPLICATION (data->self));

  if (kinds == NULL)
    return;
  for (guint i = 0; i < data->files->len; i++)
    {
      GFile *file = g_ptr_array_index (data->files, i);
      RubricFileKind kind = g_array_index (kinds, RubricFileKind, i);
      g_autofree char *basename = g_file_get_basename (file);
      g_autofree char *name = g_filename_display_name (basename);
      g_autofree char *text = NULL;

      switch (kind)
        {
        case RUBRIC_FILE_KIND_SESSION:
          g_ptr_array_add (sessions, file);
          break;
        case RUBRIC_FILE_KIND_KIT:
        case RUBRIC_FILE_KIND_ANKI:
          rubric_application_import_kit (data->self, file);
          break;
        case RUBRIC_FILE_KIND_PLAN:
          /* Translators: a notification after a drop; %s is the file's name */
          text = g_strdup_printf (_("“%s” is an interview plan: import it in Interview Plans"), name);
          break;
        case RUBRIC_FILE_KIND_UNKNOWN:
        default:
          /* Translators: a notification after a drop; %s is the file's name */
          text = g_strdup_printf (_("“%s” is not an interview, a kit or an Anki deck"), name);
          break;
        }
      if (text != NULL && RUBRIC_IS_WINDOW (window))
        rubric_window_add_toast (RUBRIC_WINDOW (window), rubric_toast_new (text));
    }
  if (sessions->len > 0)
    rubric_application_open_files (data->self, data->into, (GFile * const *) sessions->pdata, sessions->len);
}

/**
 * rubric_application_take_files:
 * @into: (nullable): the window the files were dropped on
 * @files: (array length=n_files): files of any kind
 *
 * What a drop on a window does: each file is what its contents say
 * (rubric_anki_classify()). Interviews open as
 * rubric_application_open_files() opens them; kits and Anki decks are
 * imported, each with a notification; anything else gets a notification
 * that says it was not taken.
 */
void
rubric_application_take_files (RubricApplication *self,
                               GtkWindow         *into,
                               GFile * const     *files,
                               guint              n_files)
{
  TakeData *data;

  g_return_if_fail (RUBRIC_IS_APPLICATION (self));
  g_return_if_fail (into == NULL || GTK_IS_WINDOW (into));
  g_return_if_fail (files != NULL || n_files == 0);

  data = g_new0 (TakeData, 1);
  data->self = g_object_ref (self);
  data->into = into != NULL ? g_object_ref (into) : NULL;
  data->files = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < n_files; i++)
    g_ptr_array_add (data->files, g_object_ref (files[i]));
  rubric_anki_classify_files_async (files, n_files, NULL, files_classified_cb, data);
}

void
rubric_application_add_recent (RubricApplication *self,
                               GFile             *file)
{
  g_auto(GStrv) old = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) recent = NULL;
  g_autofree char *uri = NULL;
  guint n = 1;

  g_return_if_fail (RUBRIC_IS_APPLICATION (self));
  g_return_if_fail (G_IS_FILE (file));

  uri = g_file_get_uri (file);
  old = g_settings_get_strv (self->settings, "recent-sessions");
  g_strv_builder_add (builder, uri);
  for (guint i = 0; old[i] != NULL && n < MAX_RECENT; i++)
    if (!g_str_equal (old[i], uri))
      {
        g_strv_builder_add (builder, old[i]);
        n++;
      }
  recent = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, "recent-sessions", (const char * const *) recent);
}

RubricKit *
rubric_application_get_kit (RubricApplication *self)
{
  g_return_val_if_fail (RUBRIC_IS_APPLICATION (self), NULL);
  return self->kit;
}

static void
new_session_response_cb (RubricNewSessionDialog *dialog,
                         const char             *response,
                         RubricApplication      *self)
{
  g_autoptr(RubricSession) session = NULL;
  g_autoptr(RubricPlan) plan = NULL;
  RubricWindow *window;

  if (!g_str_equal (response, "start"))
    return;

  session = rubric_new_session_dialog_dup_session (dialog);
  /* The interview runs the plan chosen, and keeps a copy of it. */
  plan = rubric_new_session_dialog_dup_plan (dialog);
  if (plan != NULL)
    rubric_session_set_plan (session, plan);
  window = window_for_session (self, NULL);
  rubric_window_open_session (window, session, NULL, NULL);
  gtk_window_present (GTK_WINDOW (window));
}

static void
rubric_application_new_interview_action (GSimpleAction *action,
                                         GVariant      *parameter,
                                         gpointer       user_data)
{
  RubricApplication *self = user_data;
  g_autofree char *interviewer = g_settings_get_string (self->settings, "default-interviewer");
  RubricNewSessionDialog *dialog = rubric_new_session_dialog_new (self->kit, interviewer);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  rubric_new_session_dialog_set_plan_library (dialog, self->plans);

  if (window == NULL)
    {
      window = GTK_WINDOW (rubric_window_new (self));
      gtk_window_present (window);
    }

  g_signal_connect_object (dialog, "response", G_CALLBACK (new_session_response_cb), self, 0);
  adw_dialog_present (ADW_DIALOG (dialog), GTK_WIDGET (window));
}

/* The files picked in a chooser of several, or NULL when it was
 * cancelled or none was picked. */
static GPtrArray *
picked_files (GObject      *dialog,
              GAsyncResult *result)
{
  g_autoptr(GListModel) model = gtk_file_dialog_open_multiple_finish (GTK_FILE_DIALOG (dialog), result, NULL);
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);

  if (model == NULL)
    return NULL;
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    g_ptr_array_add (files, g_list_model_get_item (model, i));
  return files->len > 0 ? g_steal_pointer (&files) : NULL;
}

/* Open: one file is an interview, several their debrief — as a drop. */
static void
open_response_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(RubricApplication) self = user_data;
  g_autoptr(GPtrArray) files = picked_files (object, result);

  if (files != NULL)
    rubric_application_open_files (self, NULL, (GFile * const *) files->pdata, files->len);
}

static void
rubric_application_open_action (GSimpleAction *action,
                                GVariant      *parameter,
                                gpointer       user_data)
{
  RubricApplication *self = user_data;
  g_autoptr(GtkFileDialog) dialog = rubric_file_dialog_new_for_sessions (_("Open Interview"));

  gtk_file_dialog_open_multiple (dialog, gtk_application_get_active_window (GTK_APPLICATION (self)),
                                 NULL, open_response_cb, g_object_ref (self));
}

/* The user's own interviewer name, for the blind rule; NULL when unset. */
static char *
dup_me (RubricApplication *self)
{
  g_autofree char *me = g_settings_get_string (self->settings, "default-interviewer");

  return *me != '\0' ? g_steal_pointer (&me) : NULL;
}

/**
 * rubric_application_open_debrief:
 *
 * Opens @files as one debrief in a window of its own, read in a worker,
 * with the user's own name (the default interviewer) deciding whether it
 * is blind.
 */
void
rubric_application_open_debrief (RubricApplication *self,
                                 GFile * const     *files,
                                 guint              n_files)
{
  g_autoptr(RubricDebrief) debrief = NULL;
  g_autofree char *me = NULL;
  RubricDebriefWindow *window;

  g_return_if_fail (RUBRIC_IS_APPLICATION (self));

  debrief = rubric_debrief_new (self->kit);
  me = dup_me (self);
  rubric_debrief_set_me (debrief, me);
  window = rubric_debrief_window_new (GTK_APPLICATION (self), debrief);
  gtk_window_present (GTK_WINDOW (window));
  rubric_debrief_window_load (window, files, n_files);
}

static void
debrief_response_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(RubricApplication) self = user_data;
  g_autoptr(GPtrArray) files = picked_files (object, result);

  if (files != NULL)
    rubric_application_open_debrief (self, (GFile * const *) files->pdata, files->len);
}

static void
rubric_application_debrief_action (GSimpleAction *action,
                                   GVariant      *parameter,
                                   gpointer       user_data)
{
  RubricApplication *self = user_data;
  /* Translators: the title of the file chooser of several interviewers'
   * scorecards of one candidate */
  g_autoptr(GtkFileDialog) dialog = rubric_file_dialog_new_for_sessions (_("Debrief Scorecards"));

  gtk_file_dialog_open_multiple (dialog, gtk_application_get_active_window (GTK_APPLICATION (self)),
                                 NULL, debrief_response_cb, g_object_ref (self));
}

/**
 * rubric_application_open_compare:
 * @sources: (array length=n_sources): session files and folders of them
 *
 * Opens the session files of @sources (a folder's, listed) as candidates
 * compared for one role, in a window of its own, listed and read in a
 * worker; each candidate opens as a debrief from there.
 */
void
rubric_application_open_compare (RubricApplication *self,
                                 GFile * const     *sources,
                                 guint              n_sources)
{
  g_autoptr(RubricCompare) compare = NULL;
  g_autofree char *me = NULL;
  RubricCompareWindow *window;

  g_return_if_fail (RUBRIC_IS_APPLICATION (self));

  compare = rubric_compare_new (self->kit);
  me = dup_me (self);
  rubric_compare_set_me (compare, me);
  window = rubric_compare_window_new (GTK_APPLICATION (self), compare);
  gtk_window_present (GTK_WINDOW (window));
  rubric_compare_window_open (window, sources, n_sources);
}

static void
debrief_folder_response_cb (GObject      *object,
                            GAsyncResult *result,
                            gpointer      user_data)
{
  g_autoptr(RubricApplication) self = user_data;
  g_autoptr(GFile) folder = gtk_file_dialog_select_folder_finish (GTK_FILE_DIALOG (object), result, NULL);

  if (folder != NULL)
    rubric_application_open_compare (self, &folder, 1);
}

static void
rubric_application_debrief_folder_action (GSimpleAction *action,
                                          GVariant      *parameter,
                                          gpointer       user_data)
{
  RubricApplication *self = user_data;
  g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();

  /* Translators: the title of the folder chooser of "Debrief a Folder…" */
  gtk_file_dialog_set_title (dialog, _("Debrief a Folder"));
  gtk_file_dialog_set_accept_label (dialog, _("_Debrief"));
  gtk_file_dialog_select_folder (dialog, gtk_application_get_active_window (GTK_APPLICATION (self)),
                                 NULL, debrief_folder_response_cb, g_object_ref (self));
}

static void
rubric_application_open_uri_action (GSimpleAction *action,
                                    GVariant      *parameter,
                                    gpointer       user_data)
{
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (parameter, NULL));

  rubric_application_open_file (user_data, file);
}

static void
rubric_application_preferences_action (GSimpleAction *action,
                                       GVariant      *parameter,
                                       gpointer       user_data)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (user_data));

  adw_dialog_present (rubric_preferences_dialog_new (), GTK_WIDGET (window));
}

static void
rubric_application_shortcuts_action (GSimpleAction *action,
                                     GVariant      *parameter,
                                     gpointer       user_data)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (user_data));

  adw_dialog_present (rubric_shortcuts_dialog_new (GTK_APPLICATION (user_data)), GTK_WIDGET (window));
}

/* The guide in the user's language, or else the English one: under
 * RUBRIC_HELP_DIR (the source's help/, uninstalled) as LANG/index.html;
 * installed, as HELP_DIR/LANG/rubric/index.html. NULL when none is there. */
static GFile *
find_help (void)
{
  const char *uninstalled = g_getenv ("RUBRIC_HELP_DIR");
  const char * const *languages = g_get_language_names ();

  for (guint i = 0; languages[i] != NULL; i++)
    {
      g_autofree char *path = NULL;

      if (uninstalled != NULL && *uninstalled != '\0')
        path = g_build_filename (uninstalled, languages[i], "index.html", NULL);
      else
        path = g_build_filename (HELP_DIR, languages[i], PACKAGE_NAME, "index.html", NULL);
      if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
        return g_file_new_for_path (path);
    }
  return NULL;
}

static void
help_launched_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(RubricApplication) self = user_data;
  g_autoptr(GError) error = NULL;
  GtkWindow *window;

  if (gtk_uri_launcher_launch_finish (GTK_URI_LAUNCHER (object), result, &error) ||
      g_error_matches (error, GTK_DIALOG_ERROR, GTK_DIALOG_ERROR_DISMISSED))
    return;
  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (RUBRIC_IS_WINDOW (window))
    rubric_window_show_error (RUBRIC_WINDOW (window), _("Could Not Open the Help"), error->message);
  else
    g_warning ("Could not open the help: %s", error->message);
}

/* The guide, installed with Rubric as one HTML page, in the web browser
 * (in Flatpak through the OpenURI portal). */
static void
rubric_application_help_action (GSimpleAction *action,
                                GVariant      *parameter,
                                gpointer       user_data)
{
  RubricApplication *self = user_data;
  g_autoptr(GFile) help = find_help ();
  g_autoptr(GtkUriLauncher) launcher = NULL;
  g_autofree char *uri = NULL;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (help == NULL)
    {
      if (RUBRIC_IS_WINDOW (window))
        rubric_window_show_error (RUBRIC_WINDOW (window), _("Could Not Open the Help"),
                                  _("The guide is not installed."));
      else
        g_warning ("The guide is not installed in %s", HELP_DIR);
      return;
    }
  uri = g_file_get_uri (help);
  launcher = gtk_uri_launcher_new (uri);
  gtk_uri_launcher_launch (launcher, window, NULL, help_launched_cb, g_object_ref (self));
}

/* app.browse-questions (the desktop file's "Browse Questions"): the kit as
 * the study reference, in the active window while it shows no interview,
 * else in a new one. */
static void
rubric_application_browse_questions_action (GSimpleAction *action,
                                            GVariant      *parameter,
                                            gpointer       user_data)
{
  RubricWindow *window = window_for_session (user_data, NULL);

  gtk_window_present (GTK_WINDOW (window));
  rubric_window_browse (window);
}

/* The installed kits read so far, as RubricKits: what a plan imported in
 * the Plans dialog is checked against. */
static GListModel *
loaded_kits (RubricApplication *self)
{
  GListModel *entries = rubric_kit_library_get_kits (self->library);
  GListStore *kits = g_list_store_new (RUBRIC_TYPE_KIT);

  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(RubricKitEntry) entry = g_list_model_get_item (entries, i);

      if (rubric_kit_entry_get_kit (entry) != NULL)
        g_list_store_append (kits, rubric_kit_entry_get_kit (entry));
    }
  if (g_list_model_get_n_items (G_LIST_MODEL (kits)) == 0)
    g_list_store_append (kits, self->kit);
  return G_LIST_MODEL (kits);
}

static void
present_plans_dialog (RubricApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  g_autoptr(GListModel) kits = loaded_kits (self);
  RubricPlansDialog *dialog = rubric_plans_dialog_new (self->plans, self->kit, kits);

  adw_dialog_present (ADW_DIALOG (dialog), GTK_WIDGET (window));
}

static void
plans_kit_loaded_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(RubricApplication) self = user_data;
  g_autoptr(RubricKit) kit = rubric_kit_library_load_kit_finish (RUBRIC_KIT_LIBRARY (object), result, NULL);

  /* A kit that does not load is left out: a plan for it is refused. */
  if (--self->plans_waiting == 0)
    present_plans_dialog (self);
}

/* A plan imported there is checked against the kit it names: every
 * installed kit is read first (in workers) — plans are where they all are
 * used. */
static void
rubric_application_plans_action (GSimpleAction *action,
                                 GVariant      *parameter,
                                 gpointer       user_data)
{
  RubricApplication *self = user_data;
  GListModel *entries = rubric_kit_library_get_kits (self->library);

  if (self->plans_waiting > 0)
    return;
  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(RubricKitEntry) entry = g_list_model_get_item (entries, i);

      if (rubric_kit_entry_get_kit (entry) != NULL)
        continue;
      self->plans_waiting++;
      rubric_kit_library_load_kit_async (self->library, entry, NULL, plans_kit_loaded_cb, g_object_ref (self));
    }
  if (self->plans_waiting == 0)
    present_plans_dialog (self);
}

/**
 * rubric_application_get_plan_library:
 *
 * Returns: (transfer none): the interview plans, the bundled one first
 */
RubricPlanLibrary *
rubric_application_get_plan_library (RubricApplication *self)
{
  g_return_val_if_fail (RUBRIC_IS_APPLICATION (self), NULL);
  return self->plans;
}

static void
plans_loaded_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!rubric_plan_library_load_finish (RUBRIC_PLAN_LIBRARY (object), result, &error))
    {
      g_warning ("Could not look for interview plans: %s", error->message);
      return;
    }
  for (const char * const *w = rubric_plan_library_get_warnings (RUBRIC_PLAN_LIBRARY (object)); *w != NULL; w++)
    g_message ("Plan skipped: %s", *w);
}

static void rubric_application_import_kit_action (GSimpleAction *action,
                                                  GVariant      *parameter,
                                                  gpointer       user_data);
static void rubric_application_remove_kit_action (GSimpleAction *action,
                                                  GVariant      *parameter,
                                                  gpointer       user_data);
static void rubric_application_import_anki_action (GSimpleAction *action,
                                                   GVariant      *parameter,
                                                   gpointer       user_data);
static void rubric_application_show_recovered_action (GSimpleAction *action,
                                                      GVariant      *parameter,
                                                      gpointer       user_data);

static const GActionEntry app_actions[] = {
  { .name = "quit", .activate = rubric_application_quit_action },
  { .name = "about", .activate = rubric_application_about_action },
  { .name = "new-interview", .activate = rubric_application_new_interview_action },
  { .name = "open", .activate = rubric_application_open_action },
  { .name = "debrief", .activate = rubric_application_debrief_action },
  { .name = "debrief-folder", .activate = rubric_application_debrief_folder_action },
  { .name = "open-uri", .activate = rubric_application_open_uri_action, .parameter_type = "s" },
  { .name = "preferences", .activate = rubric_application_preferences_action },
  { .name = "shortcuts", .activate = rubric_application_shortcuts_action },
  { .name = "help", .activate = rubric_application_help_action },
  { .name = "browse-questions", .activate = rubric_application_browse_questions_action },
  { .name = "plans", .activate = rubric_application_plans_action },
  { .name = "import-kit", .activate = rubric_application_import_kit_action },
  { .name = "import-anki", .activate = rubric_application_import_anki_action },
  { .name = "remove-kit", .activate = rubric_application_remove_kit_action },
  { .name = "show-recovered", .activate = rubric_application_show_recovered_action },
};

static void
last_kit_loaded_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(RubricApplication) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(RubricKit) kit = rubric_kit_library_load_kit_finish (RUBRIC_KIT_LIBRARY (object), result, &error);

  if (kit == NULL)
    {
      g_message ("Kit skipped: %s", error->message);
      return;
    }
  /* Unless another was chosen meanwhile. */
  if (rubric_kit_library_is_bundled (self->library, self->kit))
    rubric_application_set_kit (self, kit);
}

static void
library_loaded_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(RubricApplication) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *kit_id = NULL;
  RubricKitEntry *entry;

  if (!rubric_kit_library_load_finish (RUBRIC_KIT_LIBRARY (object), result, &error))
    {
      g_warning ("Could not look for installed kits: %s", error->message);
      return;
    }
  for (const char * const *w = rubric_kit_library_get_warnings (self->library); *w != NULL; w++)
    g_message ("Kit skipped: %s", *w);

  /* The kit chosen last time, if it is still there: read now, as it is
   * the one in use. */
  kit_id = g_settings_get_string (self->settings, "kit");
  entry = *kit_id != '\0' ? rubric_kit_library_lookup (self->library, kit_id) : NULL;
  if (entry != NULL)
    rubric_kit_library_load_kit_async (self->library, entry, NULL, last_kit_loaded_cb, g_object_ref (self));
}

/**
 * rubric_application_lookup_kit:
 *
 * Returns: (transfer none) (nullable): an installed kit, if it has been
 *   read (rubric_application_choose_kit(), or a session that names it)
 */
RubricKit *
rubric_application_lookup_kit (RubricApplication *self,
                               const char        *kit_id)
{
  RubricKitEntry *entry;

  g_return_val_if_fail (RUBRIC_IS_APPLICATION (self), NULL);

  if (g_strcmp0 (rubric_kit_get_id (self->kit), kit_id) == 0)
    return self->kit;
  entry = rubric_kit_library_get_loaded (self->library) ? rubric_kit_library_lookup (self->library, kit_id) : NULL;
  return entry != NULL ? rubric_kit_entry_get_kit (entry) : NULL;
}

/**
 * rubric_application_get_kits:
 *
 * Returns: (transfer none): the installed kits (#RubricKitEntry: a kit's
 *   header), the bundled one first
 */
GListModel *
rubric_application_get_kits (RubricApplication *self)
{
  g_return_val_if_fail (RUBRIC_IS_APPLICATION (self), NULL);
  return rubric_kit_library_get_kits (self->library);
}

gboolean
rubric_application_is_bundled_kit (RubricApplication *self,
                                   RubricKit         *kit)
{
  g_return_val_if_fail (RUBRIC_IS_APPLICATION (self), FALSE);
  return rubric_kit_library_is_bundled (self->library, kit);
}

/**
 * rubric_application_set_kit:
 *
 * The kit for new interviews and for studying, remembered for next time.
 */
void
rubric_application_set_kit (RubricApplication *self,
                            RubricKit         *kit)
{
  g_return_if_fail (RUBRIC_IS_APPLICATION (self));
  g_return_if_fail (RUBRIC_IS_KIT (kit));

  if (!g_set_object (&self->kit, kit))
    return;
  g_settings_set_string (self->settings, "kit",
                         rubric_kit_library_is_bundled (self->library, kit) ? "" : rubric_kit_get_id (kit));

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (RUBRIC_IS_WINDOW (l->data) && rubric_window_get_session (l->data) == NULL)
      rubric_window_set_kit (l->data, kit);
}

static void
chosen_kit_loaded_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(RubricApplication) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(RubricKit) kit = rubric_kit_library_load_kit_finish (RUBRIC_KIT_LIBRARY (object), result, &error);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (kit != NULL)
    {
      rubric_application_set_kit (self, kit);
      return;
    }

  /* Nothing changes: the kit in use stays, and the choosers go back to
   * it. Then exactly what is wrong with the file, and where. */
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (RUBRIC_IS_WINDOW (l->data))
      rubric_window_show_kit_in_use (RUBRIC_WINDOW (l->data));
  if (RUBRIC_IS_WINDOW (window))
    rubric_window_show_error (RUBRIC_WINDOW (window), _("Could Not Open the Kit"), error->message);
}

/**
 * rubric_application_choose_kit:
 * @entry: an installed kit, as the library lists it
 *
 * Makes @entry's kit the one in use, reading it first if nothing has yet
 * (in a worker thread). A kit that does not load changes nothing, and the
 * active window says what is wrong with it.
 */
void
rubric_application_choose_kit (RubricApplication *self,
                               RubricKitEntry    *entry)
{
  g_return_if_fail (RUBRIC_IS_APPLICATION (self));
  g_return_if_fail (RUBRIC_IS_KIT_ENTRY (entry));

  rubric_kit_library_load_kit_async (self->library, entry, NULL, chosen_kit_loaded_cb, g_object_ref (self));
}

static void
import_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(RubricApplication) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(RubricKit) kit = NULL;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  g_autofree char *name = g_strdup (g_object_get_data (G_OBJECT (object), "rubric-import-name"));

  kit = rubric_kit_library_import_finish (RUBRIC_KIT_LIBRARY (object), result, &error);
  if (!RUBRIC_IS_WINDOW (window))
    return;

  if (kit == NULL)
    {
      /* Exactly what is wrong, and where, as the core says it. */
      g_autofree char *message = g_strdup_printf ("%s\n%s", name != NULL ? name : "", error->message);

      rubric_window_show_error (RUBRIC_WINDOW (window), _("Could Not Import the Kit"), message);
      return;
    }

  rubric_application_set_kit (self, kit);
  {
    /* Translators: %s is the imported kit's title */
    g_autofree char *text = g_strdup_printf (_("Kit “%s” imported and in use"), rubric_kit_get_title (kit));

    rubric_window_add_toast (RUBRIC_WINDOW (window), rubric_toast_new (text));
  }
}

void
rubric_application_import_kit (RubricApplication *self,
                               GFile             *file)
{
  g_autofree char *basename = NULL;

  g_return_if_fail (RUBRIC_IS_APPLICATION (self));
  g_return_if_fail (G_IS_FILE (file));

  if (!rubric_kit_library_get_loaded (self->library))
    {
      GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

      if (RUBRIC_IS_WINDOW (window))
        rubric_window_add_toast (RUBRIC_WINDOW (window),
                                 rubric_toast_new (_("Still looking for installed kits; try again in a moment")));
      return;
    }

  basename = g_file_get_basename (file);
  g_object_set_data_full (G_OBJECT (self->library), "rubric-import-name",
                          g_filename_display_name (basename), g_free);
  rubric_kit_library_import_async (self->library, file, NULL, import_done_cb, g_object_ref (self));
}

static void
import_response_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(RubricApplication) self = user_data;
  g_autoptr(GFile) file = gtk_file_dialog_open_finish (GTK_FILE_DIALOG (object), result, NULL);

  if (file != NULL)
    rubric_application_import_kit (self, file);
}

static void
rubric_application_import_kit_action (GSimpleAction *action,
                                      GVariant      *parameter,
                                      gpointer       user_data)
{
  RubricApplication *self = user_data;
  g_autoptr(GtkFileDialog) dialog = rubric_file_dialog_new (_("Import a Kit"),
                                                            /* Translators: the name of a file type in
                                                             * the file chooser: interview kit files */
                                                            _("Interview Kits"), "json", NULL);
  gtk_file_dialog_open (dialog, gtk_application_get_active_window (GTK_APPLICATION (self)),
                        NULL, import_response_cb, g_object_ref (self));
}

/* An Anki deck as a new kit: the library makes the kit of it
 * (rubric_anki_import()) and installs it as any kit. */
static void
rubric_application_import_anki_action (GSimpleAction *action,
                                       GVariant      *parameter,
                                       gpointer       user_data)
{
  RubricApplication *self = user_data;
  g_autoptr(GtkFileDialog) dialog = rubric_file_dialog_new (_("Import an Anki Deck"),
                                                            _("Anki Decks"), "txt", "text/plain");
  g_autoptr(GtkFileFilter) filter = g_list_model_get_item (gtk_file_dialog_get_filters (dialog), 0);

  gtk_file_filter_add_suffix (filter, "tsv");
  gtk_file_dialog_open (dialog, gtk_application_get_active_window (GTK_APPLICATION (self)),
                        NULL, import_response_cb, g_object_ref (self));
}

static void
remove_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(RubricApplication) self = user_data;
  g_autoptr(GError) error = NULL;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (!rubric_kit_library_remove_finish (RUBRIC_KIT_LIBRARY (object), result, &error) && RUBRIC_IS_WINDOW (window))
    rubric_window_show_error (RUBRIC_WINDOW (window), _("Could Not Remove the Kit"), error->message);
}

/* Undo in the toast: the kit back in the library, its file untouched,
 * and chosen again as it was. */
static void
on_undo_remove_kit_cb (AdwToast          *toast,
                       RubricApplication *self)
{
  RubricKit *kit = g_object_get_data (G_OBJECT (toast), "rubric-kit");

  if (self->library != NULL && rubric_kit_library_put_back (self->library, kit))
    rubric_application_set_kit (self, kit);
}

/* The toast went (its time ran out, or it was closed) without Undo: now
 * the file goes. */
static void
on_remove_kit_toast_dismissed_cb (AdwToast          *toast,
                                  RubricApplication *self)
{
  RubricKit *kit = g_object_get_data (G_OBJECT (toast), "rubric-kit");

  if (self->library != NULL && rubric_kit_library_is_set_aside (self->library, kit))
    rubric_kit_library_remove_async (self->library, kit, NULL, remove_done_cb, g_object_ref (self));
}

/* Removing a kit asks nothing: it goes at once, with Undo in a toast. Its
 * file stays on disk until the toast goes (or Rubric quits), so Undo puts
 * back the very bytes, and a crash meanwhile loses nothing: the kit is
 * simply there again at the next start. */
static void
rubric_application_remove_kit_action (GSimpleAction *action,
                                      GVariant      *parameter,
                                      gpointer       user_data)
{
  RubricApplication *self = user_data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  g_autoptr(RubricKit) kit = NULL;
  g_autofree char *text = NULL;
  AdwToast *toast;

  if (rubric_kit_library_is_bundled (self->library, self->kit) || !RUBRIC_IS_WINDOW (window))
    return;

  kit = g_object_ref (self->kit);
  /* Back to the bundled kit first: the removed one is never in use. */
  rubric_application_set_kit (self, rubric_kit_library_get_bundled (self->library));
  if (!rubric_kit_library_set_aside (self->library, kit))
    return;

  /* Translators: a notification with an Undo button after an imported
   * interview kit was removed; %s is the kit's title */
  text = g_strdup_printf (_("“%s” removed"), rubric_kit_get_title (kit));
  toast = rubric_toast_new (text);
  adw_toast_set_button_label (toast, _("_Undo"));
  /* Undo is for now: not behind another toast. */
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_object_set_data_full (G_OBJECT (toast), "rubric-kit", g_steal_pointer (&kit), g_object_unref);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_undo_remove_kit_cb), self, 0);
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (on_remove_kit_toast_dismissed_cb), self, 0);
  rubric_window_add_toast (RUBRIC_WINDOW (window), toast);
}

static void
rubric_application_startup (GApplication *application)
{
  RubricApplication *self = RUBRIC_APPLICATION (application);

  g_autoptr(GError) error = NULL;
  g_autoptr(GAction) safe_mode = NULL;

  G_APPLICATION_CLASS (rubric_application_parent_class)->startup (application);

  self->settings = g_settings_new (SCHEMA_ID);
  /* The bundled kit lives in the binary's resources: reading it does not
   * touch the disk. */
  self->kit = bundled_kit (&error);
  if (self->kit == NULL)
    g_error ("The bundled interview kit does not load: %s", error->message);

  /* The user's own kits are found in the background (their headers only:
   * a kit is read whole when it is used); the library shares the bundled
   * kit rather than parsing it again. */
  self->library = rubric_kit_library_new_for_kit (self->kit);
  rubric_kit_library_load_async (self->library, NULL, library_loaded_cb, g_object_ref (self));
  /* And the interview plans. */
  {
    g_autoptr(GBytes) bundled = g_resources_lookup_data (BUNDLED_PLAN, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);

    self->plans = rubric_plan_library_new (bundled);
    rubric_plan_library_load_async (self->plans, NULL, plans_loaded_cb, NULL);
  }

  safe_mode = g_settings_create_action (self->settings, "safe-mode");
  g_action_map_add_action (G_ACTION_MAP (self), safe_mode);

  g_action_map_add_action_entries (G_ACTION_MAP (self),
                                   app_actions, G_N_ELEMENTS (app_actions),
                                   self);

  rubric_shortcuts_set_accels (GTK_APPLICATION (self));

  self->sigint_source = g_unix_signal_add (SIGINT, quit_on_signal_cb, self);
  self->sigterm_source = g_unix_signal_add (SIGTERM, quit_on_signal_cb, self);
  rubric_bench_stamp ("ready");
}

static void
rubric_application_shutdown (GApplication *application)
{
  RubricApplication *self = RUBRIC_APPLICATION (application);

  g_clear_handle_id (&self->sigint_source, g_source_remove);
  g_clear_handle_id (&self->sigterm_source, g_source_remove);

  /* A kit removed while its toast still showed goes now, before the
   * windows (and their toasts) do. */
  if (self->library != NULL)
    rubric_kit_library_remove_set_aside (self->library);

  G_APPLICATION_CLASS (rubric_application_parent_class)->shutdown (application);

  g_clear_object (&self->kit);
  g_clear_object (&self->library);
  g_clear_object (&self->plans);
  g_clear_object (&self->settings);
}

static void
drafts_listed_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(RubricWindow) window = user_data;
  g_autoptr(GPtrArray) drafts = NULL;
  g_autoptr(GPtrArray) offered = NULL;
  g_auto(GStrv) problems = NULL;
  GtkApplication *app;

  drafts = rubric_drafts_list_finish (result, &problems, NULL);
  app = gtk_window_get_application (GTK_WINDOW (window));
  if (drafts == NULL || app == NULL)
    return;

  /* Drafts of interviews open in this instance are not left behind. */
  offered = g_ptr_array_new_with_free_func ((GDestroyNotify) rubric_draft_free);
  for (guint i = 0; i < drafts->len; i++)
    {
      RubricDraft *draft = g_ptr_array_index (drafts, i);
      RubricSession *session = draft->session;
      gboolean open = FALSE;

      for (GList *l = gtk_application_get_windows (app); l != NULL; l = l->next)
        if (RUBRIC_IS_WINDOW (l->data) && rubric_window_get_session (l->data) != NULL)
          {
            RubricSession *other = rubric_window_get_session (l->data);
            open = open || g_date_time_equal (rubric_session_get_created (other),
                                              rubric_session_get_created (session));
          }
      if (!open)
        g_ptr_array_add (offered, rubric_draft_new (draft->file, session));
    }

  rubric_window_show_drafts (window, offered, (const char * const *) problems);
}

/* Interviews a crash left unsaved are offered back in @window: on its start
 * page, or with a notification when it already shows an interview. */
static void
check_drafts (RubricApplication *self,
              RubricWindow      *window)
{
  rubric_drafts_list_async (self->kit, NULL, drafts_listed_cb, g_object_ref (window));
}

static void
rubric_application_show_recovered_action (GSimpleAction *action,
                                          GVariant      *parameter,
                                          gpointer       user_data)
{
  RubricApplication *self = user_data;
  RubricWindow *window = rubric_window_new (self);

  gtk_window_present (GTK_WINDOW (window));
  check_drafts (self, window);
}

static void
rubric_application_activate (GApplication *application)
{
  RubricApplication *self = RUBRIC_APPLICATION (application);
  GtkWindow *window;

  window = gtk_application_get_active_window (GTK_APPLICATION (application));
  /* A file on its way opens its own window: no start page before it. */
  if (window == NULL && self->opening > 0)
    return;
  if (window == NULL)
    window = GTK_WINDOW (rubric_window_new (self));

  gtk_window_present (window);

  /* Once per run. */
  if (!self->drafts_checked && RUBRIC_IS_WINDOW (window))
    {
      self->drafts_checked = TRUE;
      check_drafts (self, RUBRIC_WINDOW (window));
    }
}

static void
rubric_application_open (GApplication  *application,
                         GFile        **files,
                         int            n_files,
                         const char    *hint)
{
  if (g_strcmp0 (hint, DEBRIEF_HINT) == 0)
    {
      rubric_application_open_debrief (RUBRIC_APPLICATION (application), files, (guint) n_files);
      return;
    }
  if (g_strcmp0 (hint, COMPARE_HINT) == 0)
    {
      rubric_application_open_compare (RUBRIC_APPLICATION (application), files, (guint) n_files);
      return;
    }
  for (int i = 0; i < n_files; i++)
    rubric_application_open_file (RUBRIC_APPLICATION (application), files[i]);
}

static void
rubric_application_class_init (RubricApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  app_class->local_command_line = rubric_application_local_command_line;
  app_class->handle_local_options = rubric_application_handle_local_options;
  app_class->startup = rubric_application_startup;
  app_class->shutdown = rubric_application_shutdown;
  app_class->activate = rubric_application_activate;
  app_class->open = rubric_application_open;
}

static void
rubric_application_init (RubricApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), main_entries);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Run structured technical interviews and share the results."));
}

RubricApplication *
rubric_application_new (void)
{
  return g_object_new (RUBRIC_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", RESOURCE_PATH,
                       NULL);
}
