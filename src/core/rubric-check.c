/* rubric-check.c — checks kit and session files, for `rubric --check`
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rubric-check"

#include "config.h"

#include <glib/gi18n.h>

#include "rubric-check.h"
#include "rubric-json-private.h"
#include "rubric-kit-private.h"
#include "rubric-plan.h"
#include "rubric-session-private.h"

/**
 * rubric_check_append_problem:
 *
 * "FILE:LINE:COLUMN: what" for syntax errors, "FILE: $.path: what" for
 * the rest — the forms editors and compilers use, so a click jumps there.
 */
void
rubric_check_append_problem (GString    *out,
                             const char *name,
                             const char *message)
{
  if (g_ascii_isdigit (message[0]))
    g_string_append_printf (out, "%s:%s\n", name, message);
  else
    g_string_append_printf (out, "%s: %s\n", name, message);
}

/**
 * rubric_check_format_problem:
 *
 * Returns: (transfer full): the problem as rubric_check_append_problem()
 *   says it, on one line: what a library reports of a file it skipped
 */
char *
rubric_check_format_problem (const char *name,
                             const char *message)
{
  g_autoptr(GString) text = g_string_new (NULL);

  rubric_check_append_problem (text, name, message);
  if (text->len > 0 && text->str[text->len - 1] == '\n')
    g_string_truncate (text, text->len - 1);

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Which loader to use: a session or a plan says so in its "format";
 * everything else is checked as a kit, whose loader names what is wrong. */
static gboolean
has_format (JsonNode   *root,
            const char *name)
{
  JsonObject *object;
  JsonNode *format;

  if (!JSON_NODE_HOLDS_OBJECT (root))
    return FALSE;
  object = json_node_get_object (root);
  format = json_object_get_member (object, "format");

  return format != NULL && JSON_NODE_HOLDS_VALUE (format) &&
         json_node_get_value_type (format) == G_TYPE_STRING &&
         g_str_equal (json_node_get_string (format), name);
}

/**
 * rubric_check_file:
 * @file: a kit, session or plan file
 * @display_name: how to name the file in the report
 * @kit: (nullable): the kit to check sessions' question ids against
 * @report: where "NAME: OK" goes
 * @problems: where errors and warnings go, one a line
 *
 * Returns: whether the file is valid (warnings do not make it invalid)
 */
gboolean
rubric_check_file (GFile      *file,
                   const char *display_name,
                   RubricKit  *kit,
                   GString    *report,
                   GString    *problems)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (display_name != NULL, FALSE);

  bytes = rubric_json_read_file (file, RUBRIC_KIT_ERROR, NULL, NULL, &error);
  if (bytes == NULL)
    {
      rubric_check_append_problem (problems, display_name, error->message);
      return FALSE;
    }

  /* Parsed here for the look at its format, and a session is loaded from
   * this same tree (a file can be 16 MB); a kit's loader reads the bytes
   * again from its own tape, which is faster than walking the tree. The
   * loaders' own syntax errors are these same ones. */
  root = rubric_json_parse (bytes, RUBRIC_KIT_ERROR, &error);
  if (root == NULL)
    {
      rubric_check_append_problem (problems, display_name, error->message);
      return FALSE;
    }

  if (has_format (root, "rubric-plan"))
    {
      g_autoptr(RubricPlan) plan = rubric_plan_new_from_bytes (bytes, &error);

      /* Against the kit only when it is the plan's: another kit's ids say
       * nothing about it. */
      if (plan == NULL ||
          (kit != NULL && g_str_equal (rubric_plan_get_kit_id (plan), rubric_kit_get_id (kit)) &&
           !rubric_plan_check (plan, kit, &error)))
        {
          rubric_check_append_problem (problems, display_name, error->message);
          return FALSE;
        }
    }
  else if (has_format (root, "rubric-session"))
    {
      g_autoptr(RubricSession) session = rubric_session_new_from_json (root, kit, &error);
      const char * const *warnings;

      if (session == NULL)
        {
          rubric_check_append_problem (problems, display_name, error->message);
          return FALSE;
        }

      warnings = rubric_session_get_warnings (session);
      for (guint i = 0; warnings[i] != NULL; i++)
        {
          /* Translators: printed by “rubric --check” before a problem that
           * does not stop a file from opening, the way compilers print
           * warnings; %s is the problem */
          g_autofree char *warning = g_strdup_printf (_("warning: %s"), warnings[i]);

          rubric_check_append_problem (problems, display_name, warning);
        }

      /* A sealed scorecard edited since is not valid: the panel would
       * trust what it no longer holds. */
      if (rubric_session_get_seal_state (session) == RUBRIC_SEAL_BROKEN)
        {
          g_autofree char *where = rubric_session_dup_seal_mismatch (session);
          g_autofree char *sealed_at = g_date_time_format (rubric_session_get_sealed_at (session), "%Y-%m-%d %H:%M");
          /* Translators: printed by “rubric --check” for a sealed
           * interview file that was edited afterwards; the first %s is
           * where, such as $.answers["queries.optimise"], which stays as it
           * is; the second when it was sealed */
          g_autofree char *message = g_strdup_printf (_("%s: This no longer matches the seal of %s UTC; the file was changed after it was sealed"),
                                                      where, sealed_at);

          rubric_check_append_problem (problems, display_name, message);
          return FALSE;
        }
    }
  else
    {
      g_autoptr(RubricKit) checked = rubric_kit_new_from_json (root, bytes, &error);

      if (checked == NULL)
        {
          rubric_check_append_problem (problems, display_name, error->message);
          return FALSE;
        }
    }

  g_string_append_printf (report, "%s: OK\n", display_name);
  return TRUE;
}
