/* rubric-test-utils.c — helpers shared by the in-process UI tests
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "rubric-test-utils.h"
#include "rubric-wrap.h"

void
rubric_test_init (int    *argc,
                  char ***argv)
{
  /* The tests assert English strings. */
  g_setenv ("LANGUAGE", "C", TRUE);
  setlocale (LC_ALL, "C.UTF-8");

  gtk_test_init (argc, argv, NULL);
  adw_init ();

  /* Animations only make tests slower and less deterministic. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
}

/* A folder of the test's own (TMPL as for g_dir_make_tmp()), where
 * drafts, recent files and the rest go: XDG_DATA_HOME, and XDG_STATE_HOME
 * under it. Call it before rubric_test_init(). */
char *
rubric_test_make_home (const char *tmpl)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *home = g_dir_make_tmp (tmpl, &error);
  g_autofree char *state = NULL;

  g_assert_no_error (error);
  state = g_build_filename (home, "state", NULL);
  g_setenv ("XDG_DATA_HOME", home, TRUE);
  g_setenv ("XDG_STATE_HOME", state, TRUE);
  return g_steal_pointer (&home);
}

/* The application, registered, and held so that it stays between tests
 * that close every window; release it, then unref, at the end. */
RubricApplication *
rubric_test_new_application (void)
{
  RubricApplication *app = rubric_application_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  g_application_hold (G_APPLICATION (app));
  return app;
}

void
rubric_test_iterate (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* Lets the main loop run for MS milliseconds: animations, restyles and
 * redraws settle before a screenshot. */
void
rubric_test_wait (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * G_TIME_SPAN_MILLISECOND;

  while (g_get_monotonic_time () < end)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (2000);
    }
}

/* Activates ACTION (with PARAMETER, which may be floating) on WIDGET, as
 * its menu item or key would, and lets what follows run; the test fails
 * when no such action is there. */
void
rubric_test_activate (GtkWidget  *widget,
                      const char *action,
                      GVariant   *parameter)
{
  g_autoptr(GVariant) owned = parameter != NULL ? g_variant_ref_sink (parameter) : NULL;

  g_assert_true (gtk_widget_activate_action_variant (widget, action, owned));
  rubric_test_iterate ();
}

void
rubric_test_show_window (GtkWindow *window)
{
  gtk_window_present (window);
  RUBRIC_WAIT_FOR (gtk_widget_get_mapped (GTK_WIDGET (window)), 5000);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  rubric_test_iterate ();
}

/* Destroys WINDOW and fails the test if anything still holds it a few
 * seconds later. */
void
rubric_test_destroy_window (GtkWindow *window)
{
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_destroy (window);
  rubric_test_iterate ();
  /* A task in a worker (a search index, a kit being read) holds the
   * window until it returns, which on a loaded machine can be after the
   * loop is idle here: the window must be gone soon, never leaked. */
  RUBRIC_WAIT_FOR (window == NULL, 5000);
}

/* The object NAME in WIDGET's template of WIDGET_TYPE; the test fails
 * without it. */
gpointer
rubric_test_template_child (gpointer    widget,
                            GType       widget_type,
                            const char *name)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (widget), widget_type, name);

  g_assert_nonnull (object);
  return object;
}

/* The first of WIDGET and its descendants, depth first, that MATCH
 * accepts; NULL when none does. */
GtkWidget *
rubric_test_find (GtkWidget       *widget,
                  RubricTestMatch  match,
                  gconstpointer    data)
{
  if (match (widget, data))
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = rubric_test_find (c, match, data);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
is_shown_label_with_text (GtkWidget     *widget,
                          gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
         g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0;
}

/* The first label shown in WIDGET whose text, as drawn, is TEXT; NULL when
 * none is. A label that read TEXT as markup shows other text (or none, if
 * TEXT is not valid markup), so this also tells that it was taken as text. */
GtkLabel *
rubric_test_find_label (GtkWidget  *widget,
                        const char *text)
{
  return (GtkLabel *) rubric_test_find (widget, is_shown_label_with_text, text);
}

static gboolean
is_of_type (GtkWidget     *widget,
            gconstpointer  type)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (type));
}

static void
collect_wrapping_labels (GtkWidget *widget,
                         GtkWidget *root,
                         GString   *without,
                         guint     *n_wrapping)
{
  /* Not GTK's tooltips and popovers: surfaces of their own, measured when
   * they show. */
  if (widget != root && GTK_IS_NATIVE (widget) && !GTK_IS_WINDOW (widget))
    return;
  if (GTK_IS_LABEL (widget) && gtk_label_get_wrap (GTK_LABEL (widget)))
    {
      (*n_wrapping)++;
      if (gtk_label_get_width_chars (GTK_LABEL (widget)) < RUBRIC_WRAP_MIN_CHARS)
        {
          g_string_append_printf (without, "\n  “%s” in", gtk_label_get_text (GTK_LABEL (widget)));
          for (GtkWidget *a = gtk_widget_get_parent (widget); a != NULL && a != root; a = gtk_widget_get_parent (a))
            g_string_append_printf (without, " %s", G_OBJECT_TYPE_NAME (a));
        }
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    collect_wrapping_labels (child, root, without, n_wrapping);
  /* A dialog not presented does not hold its child yet. */
  if (ADW_IS_DIALOG (widget) && adw_dialog_get_child (ADW_DIALOG (widget)) != NULL &&
      !gtk_widget_is_ancestor (adw_dialog_get_child (ADW_DIALOG (widget)), widget))
    collect_wrapping_labels (adw_dialog_get_child (ADW_DIALOG (widget)), root, without, n_wrapping);
}

/**
 * rubric_test_assert_wrapping_labels:
 *
 * Fails, naming them, if a label that wraps in @widget (itself included,
 * and a dialog's child) has no minimum width (rubric-wrap.h): GTK would lay
 * its text out a character a line to find one.
 *
 * Returns: how many labels wrap there, to check that the walk saw them
 */
guint
rubric_test_assert_wrapping_labels (GtkWidget *widget)
{
  g_autoptr(GString) without = g_string_new (NULL);
  guint n_wrapping = 0;

  collect_wrapping_labels (widget, widget, without, &n_wrapping);
  if (without->len > 0)
    g_error ("labels that wrap with no minimum width:%s", without->str);
  return n_wrapping;
}

/* The first of WIDGET and its descendants that is a TYPE, or NULL. */
GtkWidget *
rubric_test_find_descendant (GtkWidget *widget,
                             GType      type)
{
  return rubric_test_find (widget, is_of_type, GSIZE_TO_POINTER (type));
}

/* Renders WIDGET to NAME.png in $RUBRIC_SCREENSHOT_DIR (the build folder)
 * and returns how many distinct colours it holds, so a caller can tell a
 * real frame from a blank one. */
guint
rubric_test_screenshot (GtkWidget  *widget,
                        const char *name)
{
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GHashTable) colours = NULL;
  g_autofree guchar *pixels = NULL;
  g_autofree char *file_name = NULL;
  g_autofree char *path = NULL;
  const char *dir;
  GskRenderer *renderer;
  int width;
  int height;

  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  g_assert_cmpint (width, >, 0);
  g_assert_cmpint (height, >, 0);

  /* The paintable has nothing to give until the widget has been drawn
   * since its last change: wait for a frame if needed. */
  paintable = gtk_widget_paintable_new (widget);
  for (guint attempt = 0; node == NULL && attempt < 50; attempt++)
    {
      g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();

      gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
      node = gtk_snapshot_to_node (snapshot);
      if (node == NULL)
        {
          gtk_widget_queue_draw (widget);
          gtk_test_widget_wait_for_draw (widget);
        }
    }
  g_assert_nonnull (node);

  renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  texture = gsk_renderer_render_texture (renderer, node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));

  dir = g_getenv ("RUBRIC_SCREENSHOT_DIR");
  if (dir == NULL)
    dir = g_get_tmp_dir ();
  file_name = g_strdup_printf ("%s.png", name);
  path = g_build_filename (dir, file_name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("screenshot: %s", path);

  width = gdk_texture_get_width (texture);
  height = gdk_texture_get_height (texture);
  pixels = g_malloc ((gsize) width * height * 4);
  gdk_texture_download (texture, pixels, (gsize) width * 4);

  colours = g_hash_table_new (NULL, NULL);
  for (gsize i = 0; i < (gsize) width * height; i++)
    {
      guint32 pixel;

      memcpy (&pixel, pixels + i * 4, sizeof pixel);
      g_hash_table_add (colours, GUINT_TO_POINTER (pixel));
    }

  return g_hash_table_size (colours);
}

/* The item at POSITION of LIST's model (borrowed), or NULL. */
GObject *
rubric_test_list_item (GtkListView *list,
                       guint        position)
{
  GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (list));
  g_autoptr(GObject) item = g_list_model_get_item (model, position);

  return item;  /* the model keeps it */
}

/* The row LIST shows for the item at POSITION: the widget around the
 * child its factory made, which marks its item as "rubric-item"; NULL
 * when the item has no row on screen. */
GtkWidget *
rubric_test_list_view_row (GtkListView *list,
                           guint        position)
{
  GObject *item = rubric_test_list_item (list, position);

  if (item == NULL)
    return NULL;
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *child = gtk_widget_get_first_child (row);

      if (child != NULL && gtk_widget_get_visible (row) &&
          g_object_get_data (G_OBJECT (child), "rubric-item") == item)
        return row;
    }
  return NULL;
}

/* What LIST's factory made for the item at POSITION, inside the row
 * rubric_test_list_view_row() finds; NULL when it has no row on screen. */
GtkWidget *
rubric_test_list_view_child (GtkListView *list,
                             guint        position)
{
  GtkWidget *row = rubric_test_list_view_row (list, position);

  return row != NULL ? gtk_widget_get_first_child (row) : NULL;
}
