/* adw-preload.c — lets gtk4-builder-tool validate libadwaita .ui files
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * gtk4-builder-tool knows only GTK's own types, so it rejects every Adw*
 * object and every template whose parent is one. Preloaded into the tool,
 * this registers libadwaita's types before the tool's main() runs.
 */

#include <adwaita.h>

__attribute__((constructor)) static void
preload_adwaita (void)
{
  adw_init ();
}
