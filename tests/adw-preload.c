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

/* The properties the .ui files set on a stand-in: strings, whatever the
 * real type, since the builder reads each value as its pspec says. */
static void
stand_in_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
}

static void
stand_in_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
}

/* RubricListGroup's "kind" ("strengths" or "concerns"). */
static void
list_group_class_init (gpointer klass,
                       gpointer data)
{
  GObjectClass *object_class = klass;

  object_class->get_property = stand_in_get_property;
  object_class->set_property = stand_in_set_property;
  g_object_class_install_property (object_class, 1,
                                   g_param_spec_string ("kind", NULL, NULL, NULL,
                                                        G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS));
}

static const struct {
  const char *name;
  GType (*parent) (void);
  GClassInitFunc class_init;
} stand_ins[] = {
  { "RubricStartPage", adw_bin_get_type, NULL },
  { "RubricCandidatePanel", adw_bin_get_type, NULL },
  { "RubricSidebar", adw_bin_get_type, NULL },
  { "RubricQuestionPane", adw_bin_get_type, NULL },
  { "RubricListGroup", adw_preferences_group_get_type, list_group_class_init },
  /* A GtkSourceView in a build with spell checking: the .ui files set
   * GtkTextView's properties only. */
  { "RubricNotesView", gtk_text_view_get_type, NULL },
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
                                     query.class_size, stand_ins[i].class_init,
                                     query.instance_size, NULL, 0);
    }
}
