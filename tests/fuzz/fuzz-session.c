/* fuzz-session.c — libFuzzer target for the session loader and writer
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Any input is either refused with a located error, or loads; and what
 * loads, Rubric can save and load again to the very same bytes.
 */

#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "rubric-session.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(RubricSession) session = NULL;
  g_autoptr(RubricSession) again = NULL;
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(GBytes) saved_again = NULL;

  session = rubric_session_new_from_bytes (bytes, NULL, &error);
  if (session == NULL)
    {
      g_assert (error != NULL);
      g_assert (error->domain == RUBRIC_SESSION_ERROR);
      g_assert (error->message[0] == '$' || g_ascii_isdigit (error->message[0]) ||
                error->code == RUBRIC_SESSION_ERROR_TOO_LARGE);
      return 0;
    }

  saved = rubric_session_to_bytes (session);
  again = rubric_session_new_from_bytes (saved, NULL, &error);
  if (again == NULL)
    {
      /* abort(), not g_error(): libFuzzer catches SIGABRT, not SIGTRAP. */
      fprintf (stderr, "A saved session does not load again: %s\n", error->message);
      abort ();
    }

  saved_again = rubric_session_to_bytes (again);
  g_assert (g_bytes_equal (saved, saved_again));

  return 0;
}
