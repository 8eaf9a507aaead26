/* main.c
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rubric"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "rubric-application.h"
#include "rubric-bench.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(RubricApplication) app = NULL;

  rubric_bench_stamp ("main");
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = rubric_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
