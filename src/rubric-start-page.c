/* rubric-start-page.c — what the window shows when no interview is open
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rubric-start-page"

#include "config.h"

#include <glib/gi18n.h>

#include "rubric-a11y.h"
#include "rubric-drafts.h"
#include "rubric-session.h"
#include "rubric-session-info.h"
#include "rubric-start-page.h"
#include "rubric-wrap.h"

struct _RubricStartPage
{
  AdwBin parent_instance;

  GSettings *settings;

  GtkWidget *kit_row;
  GtkWidget *remove_kit_row;
  gboolean syncing;
  GtkWidget *drafts_group;
  GtkListBox *drafts_list;
  GtkWidget *recent_group;
  GtkListBox *recent_list;
  GCancellable *recent_cancellable;
};

G_DEFINE_FINAL_TYPE (RubricStartPage, rubric_start_page, ADW_TYPE_BIN)

static void
clear_list (GtkListBox *list)
{
  gtk_list_box_remove_all (list);
}

/* A row that activates ACTION with a string parameter. Titles come from
 * files: never markup. */
static GtkWidget *
make_row (const char *title,
          const char *subtitle,
          const char *action,
          const char *target)
{
  GtkWidget *row = adw_action_row_new ();

  rubric_wrap_within (GTK_WIDGET (row));

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), action);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", target);

  return row;
}

/* Each recent row titled by who the interview was with, once that is
 * read: "Ada Lovelace", "2026-11-27 · ada.rubric.json". A file without a
 * candidate keeps its name and folder. */
static void
recent_read_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  RubricStartPage *self;
  g_autoptr(GPtrArray) infos = rubric_session_info_read_finish (result, NULL);
  GtkWidget *row;

  /* Cancelled (the list changed, or the page went): the page may be gone,
   * which is why it holds no reference here. */
  if (infos == NULL)
    return;
  self = RUBRIC_START_PAGE (user_data);
  row = GTK_WIDGET (gtk_list_box_get_row_at_index (self->recent_list, 0));

  for (guint i = 0; infos != NULL && i < infos->len && row != NULL; i++, row = gtk_widget_get_next_sibling (row))
    {
      RubricSessionInfo *info = g_ptr_array_index (infos, i);
      const char *candidate = rubric_session_info_get_candidate (info);
      const char *date = rubric_session_info_get_date (info);
      g_autofree char *name = g_file_get_basename (rubric_session_info_get_file (info));
      g_autofree char *display = g_filename_display_name (name);
      g_autofree char *subtitle = NULL;

      if (candidate == NULL || !ADW_IS_ACTION_ROW (row))
        continue;
      if (date != NULL)
        /* Translators: under a recent interview's candidate: its date and
         * its file's name, e.g. "2026-11-27 · ada.rubric.json" */
        subtitle = g_strdup_printf (_("%s · %s"), date, display);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), candidate);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle != NULL ? subtitle : display);
    }
}

static void
update_recent (RubricStartPage *self)
{
  g_auto(GStrv) uris = g_settings_get_strv (self->settings, "recent-sessions");
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);

  g_cancellable_cancel (self->recent_cancellable);
  g_clear_object (&self->recent_cancellable);

  clear_list (self->recent_list);
  for (guint i = 0; uris[i] != NULL; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_uri (uris[i]);
      g_autoptr(GFile) parent = g_file_get_parent (file);
      g_autofree char *name = g_file_get_basename (file);
      g_autofree char *folder = parent != NULL ? g_file_get_parse_name (parent) : g_strdup ("");
      g_autofree char *display = g_filename_display_name (name);

      gtk_list_box_append (self->recent_list, make_row (display, folder, "app.open-uri", uris[i]));
      g_ptr_array_add (files, g_steal_pointer (&file));
    }
  gtk_widget_set_visible (self->recent_group, uris[0] != NULL);

  if (files->len > 0)
    {
      self->recent_cancellable = g_cancellable_new ();
      rubric_session_info_read_async ((GFile * const *) files->pdata, files->len, self->recent_cancellable,
                                      recent_read_cb, self);
    }
}

static void
on_kit_selected_cb (RubricStartPage *self)
{
  GListModel *kits = adw_combo_row_get_model (ADW_COMBO_ROW (self->kit_row));
  guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (self->kit_row));
  g_autoptr(GObject) kit = NULL;

  if (self->syncing || kits == NULL || selected == GTK_INVALID_LIST_POSITION)
    return;
  kit = g_list_model_get_item (kits, selected);
  if (kit != NULL)
    g_signal_emit_by_name (self, "kit-chosen", kit);
}

static void
rubric_start_page_dispose (GObject *object)
{
  RubricStartPage *self = RUBRIC_START_PAGE (object);

  g_cancellable_cancel (self->recent_cancellable);
  g_clear_object (&self->recent_cancellable);
  g_clear_object (&self->settings);
  gtk_widget_dispose_template (GTK_WIDGET (self), RUBRIC_TYPE_START_PAGE);

  G_OBJECT_CLASS (rubric_start_page_parent_class)->dispose (object);
}

static void
rubric_start_page_class_init (RubricStartPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rubric_start_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/rubric-start-page.ui");
  gtk_widget_class_bind_template_child (widget_class, RubricStartPage, kit_row);
  gtk_widget_class_bind_template_child (widget_class, RubricStartPage, remove_kit_row);
  gtk_widget_class_bind_template_child (widget_class, RubricStartPage, drafts_group);

  /**
   * RubricStartPage::kit-chosen:
   * @kit: the item of the list the user picked (a #RubricKitEntry of the
   *   library, or a #RubricKit)
   */
  g_signal_new ("kit-chosen", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_OBJECT);
  gtk_widget_class_bind_template_child (widget_class, RubricStartPage, drafts_list);
  gtk_widget_class_bind_template_child (widget_class, RubricStartPage, recent_group);
  gtk_widget_class_bind_template_child (widget_class, RubricStartPage, recent_list);
}

static char *
item_title (GObject *item)
{
  char *title = NULL;

  if (item != NULL)
    g_object_get (item, "title", &title, NULL);
  return title;
}

static void
rubric_start_page_init (RubricStartPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  rubric_wrap_within (GTK_WIDGET (self));
  /* The development build shows its own (striped) icon. The status page
   * is the bin's child, which the bin disposes of: not a bound child. */
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (adw_bin_get_child (ADW_BIN (self))), APP_ID);

  {
    /* The library lists entries (a kit's header), not kits: any item
     * with a title. */
    g_autoptr(GtkExpression) title = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                                                  G_CALLBACK (item_title), NULL, NULL);

    adw_combo_row_set_expression (ADW_COMBO_ROW (self->kit_row), title);
  }
  rubric_a11y_name_combo_row (ADW_COMBO_ROW (self->kit_row));
  rubric_a11y_quiet_scrollers (GTK_WIDGET (self));
  self->settings = g_settings_new (SCHEMA_ID);
  g_signal_connect_object (self->kit_row, "notify::selected",
                           G_CALLBACK (on_kit_selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::recent-sessions",
                           G_CALLBACK (update_recent), self, G_CONNECT_SWAPPED);
  update_recent (self);
}

/**
 * rubric_start_page_set_drafts:
 * @drafts: (element-type RubricDraft): interviews left unsaved by a crash
 */
void
rubric_start_page_set_drafts (RubricStartPage *self,
                              GPtrArray       *drafts)
{
  g_return_if_fail (RUBRIC_IS_START_PAGE (self));

  clear_list (self->drafts_list);
  for (guint i = 0; drafts != NULL && i < drafts->len; i++)
    {
      RubricDraft *draft = g_ptr_array_index (drafts, i);
      RubricSession *session = draft->session;
      g_autofree char *uri = g_file_get_uri (draft->file);
      g_autoptr(GDateTime) modified = g_date_time_to_local (rubric_session_get_modified (session));
      g_autofree char *when = g_date_time_format (modified, "%x %X");
      const char *name = rubric_session_get_candidate_name (session);
      g_autofree char *subtitle = NULL;

      /* Translators: when a recovered interview was last changed; %s is a
       * date and time in the form of the user's locale */
      subtitle = g_strdup_printf (_("Last changed %s"), when);
      gtk_list_box_append (self->drafts_list,
                           make_row (*name != '\0' ? name : _("Unnamed candidate"), subtitle,
                                     "win.restore-draft", uri));
    }
  gtk_widget_set_visible (self->drafts_group, drafts != NULL && drafts->len > 0);
}

/**
 * rubric_start_page_set_kits:
 * @kits: the installed kits: #RubricKitEntry (or #RubricKit) items, each
 *   with an "id" and a "title"
 * @current: the kit in use
 * @removable: whether it may be removed (it is not the bundled one)
 *
 * The kit chooser shows only when there is something to choose.
 */
void
rubric_start_page_set_kits (RubricStartPage *self,
                            GListModel      *kits,
                            RubricKit       *current,
                            gboolean         removable)
{
  guint position = 0;

  g_return_if_fail (RUBRIC_IS_START_PAGE (self));

  self->syncing = TRUE;
  if (adw_combo_row_get_model (ADW_COMBO_ROW (self->kit_row)) != kits)
    adw_combo_row_set_model (ADW_COMBO_ROW (self->kit_row), kits);
  for (guint i = 0; kits != NULL && i < g_list_model_get_n_items (kits); i++)
    {
      g_autoptr(GObject) kit = g_list_model_get_item (kits, i);
      g_autofree char *id = NULL;

      g_object_get (kit, "id", &id, NULL);
      if (current != NULL && g_strcmp0 (id, rubric_kit_get_id (current)) == 0)
        position = i;
    }
  adw_combo_row_set_selected (ADW_COMBO_ROW (self->kit_row), position);
  self->syncing = FALSE;

  gtk_widget_set_visible (self->kit_row, kits != NULL && g_list_model_get_n_items (kits) > 1);
  gtk_widget_set_visible (self->remove_kit_row, removable);
}
