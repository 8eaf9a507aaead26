/* rubric-drop.c — interview files dropped on a window
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A window that takes interview files from a file manager: a
 * GtkDropTarget for a file list on the whole window, and a hint over its
 * content while files are dragged over it, as GNOME's viewers do. A list
 * holding a file of another suffix than the window takes (.json, and for
 * kits .txt and .tsv) is refused while it is still dragged (the pointer
 * says so), and again if it is dropped anyway. What each file is, the
 * window's function asks the core (rubric_anki_classify()): names only
 * sort out what is surely none of Rubric's.
 */

#define G_LOG_DOMAIN "rubric-drop"

#include "config.h"

#include "rubric-drop.h"

#define HINT_KEY "rubric-drop-hint"
#define HINT_DATA_KEY "rubric-drop-hint-data"

static const char * const json_only[] = { ".json", NULL };

/**
 * rubric_drop_dup_files:
 * @value: a #GdkFileList value, as a drop target holds it
 * @suffixes: (nullable) (array zero-terminated=1): the suffixes taken,
 *   such as ".json", in lowercase; %NULL: .json only
 *
 * Returns: (transfer full) (nullable) (element-type GFile): the files of
 *   @value, or %NULL unless it holds at least one file and only files
 *   named with one of @suffixes (in any case)
 */
GPtrArray *
rubric_drop_dup_files (const GValue       *value,
                       const char * const *suffixes)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  GSList *list;

  if (suffixes == NULL)
    suffixes = json_only;
  if (value == NULL || !G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return NULL;
  list = gdk_file_list_get_files (g_value_get_boxed (value));
  for (GSList *l = list; l != NULL; l = l->next)
    {
      g_autofree char *name = g_file_get_basename (l->data);
      g_autofree char *folded = name != NULL ? g_utf8_strdown (name, -1) : NULL;
      gboolean taken = FALSE;

      for (guint i = 0; folded != NULL && suffixes[i] != NULL && !taken; i++)
        taken = g_str_has_suffix (folded, suffixes[i]);
      if (!taken)
        {
          g_slist_free (list);
          return NULL;
        }
      g_ptr_array_add (files, g_object_ref (l->data));
    }
  g_slist_free (list);
  return files->len > 0 ? g_steal_pointer (&files) : NULL;
}

/* What rubric_drop_add() was given, kept on the window: the hint is made
 * the first time files are dragged over it. */
typedef struct
{
  GtkOverlay *overlay;   /* weak */
  char *title;
  char *description;
} HintData;

static void
hint_data_free (HintData *data)
{
  g_clear_weak_pointer (&data->overlay);
  g_free (data->title);
  g_free (data->description);
  g_free (data);
}

static GtkRevealer *
ensure_hint (GtkWidget *window)
{
  GtkRevealer *hint = g_object_get_data (G_OBJECT (window), HINT_KEY);
  HintData *data;
  GtkWidget *status;

  if (hint != NULL)
    return hint;
  data = g_object_get_data (G_OBJECT (window), HINT_DATA_KEY);
  g_return_val_if_fail (data != NULL && data->overlay != NULL, NULL);

  status = adw_status_page_new ();
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (status), "document-open-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (status), data->title);
  adw_status_page_set_description (ADW_STATUS_PAGE (status), data->description);
  hint = GTK_REVEALER (gtk_revealer_new ());
  gtk_revealer_set_transition_type (hint, GTK_REVEALER_TRANSITION_TYPE_CROSSFADE);
  gtk_revealer_set_child (hint, status);
  gtk_widget_set_can_target (GTK_WIDGET (hint), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (hint), FALSE);
  gtk_widget_add_css_class (GTK_WIDGET (hint), "drop-hint");
  gtk_overlay_add_overlay (data->overlay, GTK_WIDGET (hint));
  g_object_set_data (G_OBJECT (window), HINT_KEY, hint);
  return hint;
}

/**
 * rubric_drop_show_hint:
 *
 * Shows or hides the hint over @window's content, in the overlay given to
 * rubric_drop_add(): while files are dragged over it. It is made the first
 * time it is shown; hidden, it is gone from the accessibility tree too.
 */
void
rubric_drop_show_hint (GtkWidget *window,
                       gboolean   shown)
{
  GtkRevealer *hint = g_object_get_data (G_OBJECT (window), HINT_KEY);

  if (hint == NULL && !shown)
    return;
  if (hint == NULL)
    hint = ensure_hint (window);
  g_return_if_fail (GTK_IS_REVEALER (hint));

  gtk_widget_set_visible (GTK_WIDGET (hint), shown);
  gtk_revealer_set_reveal_child (hint, shown);
}

static void
current_drop_cb (GtkDropTarget *target,
                 GParamSpec    *pspec,
                 GtkWidget     *window)
{
  rubric_drop_show_hint (window, gtk_drop_target_get_current_drop (target) != NULL);
}

/* The list is known before it is dropped (preloaded): other files are
 * refused there and then. */
static void
value_cb (GtkDropTarget *target,
          GParamSpec    *pspec,
          const char * const *suffixes)
{
  const GValue *value = gtk_drop_target_get_value (target);
  g_autoptr(GPtrArray) files = NULL;

  if (value == NULL)
    return;
  files = rubric_drop_dup_files (value, suffixes);
  if (files == NULL)
    gtk_drop_target_reject (target);
}

typedef struct
{
  RubricDropFunc func;
  const char * const *suffixes;
} DropData;

static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         DropData      *data)
{
  GtkWidget *window = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (target));
  g_autoptr(GPtrArray) files = rubric_drop_dup_files (value, data->suffixes);

  rubric_drop_show_hint (window, FALSE);
  if (files == NULL)
    return FALSE;
  data->func (window, (GFile * const *) files->pdata, files->len);
  return TRUE;
}

/**
 * rubric_drop_add:
 * @window: a window
 * @overlay: the overlay over @window's content (from its template, so that
 *   the content is not moved under a new one, which costs a window its
 *   whole tree's styles again), where the hint shows
 * @title: what the hint says in large, such as "Drop Interview Files"
 * @description: what dropping them does
 * @suffixes: (nullable) (array zero-terminated=1): the suffixes of the
 *   files taken, in lowercase, static; %NULL: .json only
 * @func: called with the files dropped
 *
 * Makes @window take interview files dropped on it: a drop target for a
 * file list is added to it, and while files are dragged over it a hint
 * shows in @overlay (made the first time).
 *
 * Returns: (transfer none): the drop target
 */
GtkDropTarget *
rubric_drop_add (AdwApplicationWindow *window,
                 GtkOverlay           *overlay,
                 const char           *title,
                 const char           *description,
                 const char * const   *suffixes,
                 RubricDropFunc        func)
{
  GtkDropTarget *target;
  HintData *hint;
  DropData *data;

  g_return_val_if_fail (ADW_IS_APPLICATION_WINDOW (window), NULL);
  g_return_val_if_fail (GTK_IS_OVERLAY (overlay), NULL);
  g_return_val_if_fail (func != NULL, NULL);

  hint = g_new0 (HintData, 1);
  g_set_weak_pointer (&hint->overlay, overlay);
  hint->title = g_strdup (title);
  hint->description = g_strdup (description);
  g_object_set_data_full (G_OBJECT (window), HINT_DATA_KEY, hint, (GDestroyNotify) hint_data_free);

  target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  gtk_drop_target_set_preload (target, TRUE);
  g_signal_connect_object (target, "notify::current-drop", G_CALLBACK (current_drop_cb), window, 0);
  g_signal_connect (target, "notify::value", G_CALLBACK (value_cb), (gpointer) suffixes);
  data = g_new0 (DropData, 1);
  data->func = func;
  data->suffixes = suffixes;
  g_signal_connect_data (target, "drop", G_CALLBACK (drop_cb), data, (GClosureNotify) g_free, 0);
  gtk_widget_add_controller (GTK_WIDGET (window), GTK_EVENT_CONTROLLER (target));

  return target;
}
