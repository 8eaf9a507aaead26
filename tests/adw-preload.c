/* adw-preload.c — lets gtk4-builder-tool validate Rubric's .ui files
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * gtk4-builder-tool knows only GTK's own types, so it rejects every Adw*
 * object, every template whose parent is one, and Rubric's own widgets
 * used inside other templates. Preloaded into the tool, this registers
 * libadwaita's types before the tool's main() runs, and stand-ins for
 * Rubric's widgets with their real parent types, so the tool checks every
 * property and child around them.
 */

#include <adwaita.h>

static const struct {
  const char *name;
  GType (*parent) (void);
} stand_ins[] = {
  { "RubricStartPage", adw_bin_get_type },
  { "RubricCandidatePanel", adw_bin_get_type },
  { "RubricSidebar", adw_bin_get_type },
  { "RubricQuestionPane", adw_bin_get_type },
};

__attribute__((constructor)) static void
preload_adwaita (void)
{
  adw_init ();

  for (guint i = 0; i < G_N_ELEMENTS (stand_ins); i++)
    {
      GType parent = stand_ins[i].parent ();
      GTypeQuery query;

      g_type_query (parent, &query);
      g_type_register_static_simple (parent, g_intern_static_string (stand_ins[i].name),
                                     query.class_size, NULL, query.instance_size, NULL, 0);
    }
}
