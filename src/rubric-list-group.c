/* rubric-list-group.c — a short list of one-line items: strengths or concerns
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One entry row per item, each with a button that removes it, then an
 * entry row that adds one: Enter there adds what was typed and empties
 * it for the next; Enter in an item moves on to the next row. Every row's
 * text field is its Tab stop (the rows themselves are not), so a screen
 * reader hears each name once: "Strength 2", "Remove strength: …".
 *
 * The list is the "items" property, bound to the session by the
 * candidate panel: it changes as the user types, and a new list from the
 * model rebuilds the rows only when it differs from what they show.
 */

#define G_LOG_DOMAIN "rubric-list-group"

#include "config.h"

#include <glib/gi18n.h>

#include "rubric-list-group.h"
#include "rubric-wrap.h"

struct _RubricListGroup
{
  AdwPreferencesGroup parent_instance;

  RubricListGroupKind kind;
  GStrv items;                 /* what the rows hold, trimmed, blank ones left out */

  GtkListBox *list;            /* the item rows, then add_row */
  AdwEntryRow *add_row;
  GtkButton *add_button;
};

G_DEFINE_FINAL_TYPE (RubricListGroup, rubric_list_group, ADW_TYPE_PREFERENCES_GROUP)

G_DEFINE_ENUM_TYPE (RubricListGroupKind, rubric_list_group_kind,
  G_DEFINE_ENUM_VALUE (RUBRIC_LIST_GROUP_STRENGTHS, "strengths"),
  G_DEFINE_ENUM_VALUE (RUBRIC_LIST_GROUP_CONCERNS, "concerns"))

enum {
  PROP_0,
  PROP_KIND,
  PROP_ITEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The remove button of an item row. */
#define REMOVE_BUTTON_KEY "rubric-remove-button"

/* ------------------------------------------------------------------ words */

static const char *
group_title (RubricListGroup *self)
{
  if (self->kind == RUBRIC_LIST_GROUP_CONCERNS)
    /* Translators: a group of the candidate panel: the interviewer's
     * concerns about the candidate, one line each; exports show them */
    return _("Concerns");
  /* Translators: a group of the candidate panel: what the candidate is
   * strong at, one line each; exports show them */
  return _("Strengths");
}

static const char *
add_title (RubricListGroup *self)
{
  if (self->kind == RUBRIC_LIST_GROUP_CONCERNS)
    /* Translators: the empty entry at the end of the list of concerns */
    return _("Add a concern");
  /* Translators: the empty entry at the end of the list of strengths */
  return _("Add a strength");
}

static char *
item_title (RubricListGroup *self,
            guint            number)
{
  if (self->kind == RUBRIC_LIST_GROUP_CONCERNS)
    /* Translators: the title of the Nth concern's entry, e.g. "Concern 2" */
    return g_strdup_printf (_("Concern %u"), number);
  /* Translators: the title of the Nth strength's entry, e.g. "Strength 2" */
  return g_strdup_printf (_("Strength %u"), number);
}

static char *
remove_label (RubricListGroup *self,
              const char      *text)
{
  if (self->kind == RUBRIC_LIST_GROUP_CONCERNS)
    /* Translators: what a screen reader says for the button that removes a
     * concern; %s is the concern */
    return g_strdup_printf (_("Remove concern: %s"), text);
  /* Translators: what a screen reader says for the button that removes a
   * strength; %s is the strength */
  return g_strdup_printf (_("Remove strength: %s"), text);
}

/* ------------------------------------------------------------------- rows */

static guint
n_item_rows (RubricListGroup *self)
{
  return (guint) gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (self->add_row));
}

/* The row at INDEX: an item, or the add row after the last one. */
static GtkWidget *
row_at (RubricListGroup *self,
        guint            index)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->list, (int) index);

  return row != NULL ? GTK_WIDGET (row) : GTK_WIDGET (self->add_row);
}

static char *
row_text (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

/* What the rows hold now. */
static GStrv
collect_items (RubricListGroup *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  guint n = n_item_rows (self);

  for (guint i = 0; i < n; i++)
    {
      char *text = row_text (ADW_ENTRY_ROW (gtk_list_box_get_row_at_index (self->list, (int) i)));

      if (*text != '\0')
        g_strv_builder_take (builder, text);
      else
        g_free (text);
    }
  return g_strv_builder_end (builder);
}

/* The rows changed: the list follows, and says so when it is another. */
static void
items_changed (RubricListGroup *self)
{
  g_auto(GStrv) items = collect_items (self);

  if (g_strv_equal ((const char * const *) items, (const char * const *) self->items))
    return;
  g_strfreev (self->items);
  self->items = g_steal_pointer (&items);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITEMS]);
}

/* Each row's title numbers it, and its button names what it removes. */
static void
name_row (RubricListGroup *self,
          AdwEntryRow     *row,
          guint            index)
{
  GtkWidget *button = g_object_get_data (G_OBJECT (row), REMOVE_BUTTON_KEY);
  g_autofree char *title = item_title (self, index + 1);
  g_autofree char *text = row_text (row);
  g_autofree char *label = remove_label (self, text);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

static void
name_rows (RubricListGroup *self)
{
  guint n = n_item_rows (self);

  for (guint i = 0; i < n; i++)
    name_row (self, ADW_ENTRY_ROW (gtk_list_box_get_row_at_index (self->list, (int) i)), i);
}

static void
remove_row (RubricListGroup *self,
            AdwEntryRow     *row)
{
  guint index = (guint) gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row));

  /* The focus moves on to the row after it before it goes. */
  if (gtk_widget_get_focus_child (GTK_WIDGET (row)) != NULL ||
      gtk_widget_has_focus (GTK_WIDGET (row)))
    gtk_widget_grab_focus (row_at (self, index + 1));
  gtk_list_box_remove (self->list, GTK_WIDGET (row));
  name_rows (self);
  items_changed (self);
}

static void
on_item_changed_cb (RubricListGroup *self,
                    AdwEntryRow     *row)
{
  name_row (self, row, (guint) gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row)));
  items_changed (self);
}

/* Enter in an item: on to the next row; an item left blank goes. */
static void
on_item_activated_cb (RubricListGroup *self,
                      AdwEntryRow     *row)
{
  g_autofree char *text = row_text (row);

  if (*text == '\0')
    {
      remove_row (self, row);
      return;
    }
  gtk_widget_grab_focus (row_at (self, (guint) gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row)) + 1));
}

static void
on_remove_clicked_cb (RubricListGroup *self,
                      GtkButton       *button)
{
  AdwEntryRow *row = ADW_ENTRY_ROW (gtk_widget_get_ancestor (GTK_WIDGET (button), ADW_TYPE_ENTRY_ROW));

  /* The button has the focus: the row after it takes it. */
  gtk_widget_grab_focus (row_at (self, (guint) gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row)) + 1));
  remove_row (self, row);
}

/* A row for TEXT at INDEX, wired once its text is in: showing an item
 * does not write it back. */
static void
insert_row (RubricListGroup *self,
            guint            index,
            const char      *text)
{
  GtkWidget *row = adw_entry_row_new ();
  GtkWidget *button = gtk_button_new_from_icon_name ("list-remove-symbolic");

  /* Its text field is the Tab stop, named once. */
  gtk_widget_set_focusable (row, FALSE);
  gtk_editable_set_text (GTK_EDITABLE (row), text);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  /* Translators: the tooltip of the button that removes a strength or a
   * concern from its list */
  gtk_widget_set_tooltip_text (button, _("Remove"));
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), button);
  g_object_set_data (G_OBJECT (row), REMOVE_BUTTON_KEY, button);

  gtk_list_box_insert (self->list, row, (int) index);
  name_row (self, ADW_ENTRY_ROW (row), index);

  g_signal_connect_object (row, "changed", G_CALLBACK (on_item_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (row, "entry-activated", G_CALLBACK (on_item_activated_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_remove_clicked_cb), self, G_CONNECT_SWAPPED);
}

/* Enter in the add row (or its button): what it holds becomes the last
 * item, and it is empty again for the next one. */
static void
add_typed_item (RubricListGroup *self)
{
  g_autofree char *text = row_text (self->add_row);

  if (*text == '\0')
    return;

  insert_row (self, n_item_rows (self), text);
  gtk_editable_set_text (GTK_EDITABLE (self->add_row), "");
  items_changed (self);
}

static void
on_add_clicked_cb (RubricListGroup *self)
{
  add_typed_item (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->add_row));
}

/* ---------------------------------------------------------------- GObject */

static void
rubric_list_group_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), RUBRIC_TYPE_LIST_GROUP);

  G_OBJECT_CLASS (rubric_list_group_parent_class)->dispose (object);
}

static void
rubric_list_group_finalize (GObject *object)
{
  RubricListGroup *self = RUBRIC_LIST_GROUP (object);

  g_strfreev (self->items);

  G_OBJECT_CLASS (rubric_list_group_parent_class)->finalize (object);
}

static void
rubric_list_group_constructed (GObject *object)
{
  RubricListGroup *self = RUBRIC_LIST_GROUP (object);

  G_OBJECT_CLASS (rubric_list_group_parent_class)->constructed (object);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), group_title (self));
  /* The list is named like those of every preferences group. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  group_title (self), -1);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->add_row), add_title (self));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->add_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  add_title (self), -1);
}

static void
rubric_list_group_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  RubricListGroup *self = RUBRIC_LIST_GROUP (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_ITEMS:
      g_value_set_boxed (value, self->items);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rubric_list_group_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  RubricListGroup *self = RUBRIC_LIST_GROUP (object);

  switch (prop_id)
    {
    case PROP_KIND:
      self->kind = g_value_get_enum (value);
      break;
    case PROP_ITEMS:
      rubric_list_group_set_items (self, g_value_get_boxed (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rubric_list_group_class_init (RubricListGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rubric_list_group_dispose;
  object_class->finalize = rubric_list_group_finalize;
  object_class->constructed = rubric_list_group_constructed;
  object_class->get_property = rubric_list_group_get_property;
  object_class->set_property = rubric_list_group_set_property;

  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, RUBRIC_TYPE_LIST_GROUP_KIND, RUBRIC_LIST_GROUP_STRENGTHS,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* Never NULL; trimmed, without blank items. */
  properties[PROP_ITEMS] =
    g_param_spec_boxed ("items", NULL, NULL, G_TYPE_STRV,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/rubric-list-group.ui");
  gtk_widget_class_bind_template_child (widget_class, RubricListGroup, list);
  gtk_widget_class_bind_template_child (widget_class, RubricListGroup, add_row);
  gtk_widget_class_bind_template_child (widget_class, RubricListGroup, add_button);
}

static void
rubric_list_group_init (RubricListGroup *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  rubric_wrap_within (GTK_WIDGET (self));
  self->items = g_new0 (char *, 1);

  g_signal_connect_object (self->add_row, "entry-activated", G_CALLBACK (add_typed_item), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->add_button, "clicked", G_CALLBACK (on_add_clicked_cb), self, G_CONNECT_SWAPPED);
}

/* ------------------------------------------------------------------ public */

GtkWidget *
rubric_list_group_new (RubricListGroupKind kind)
{
  return g_object_new (RUBRIC_TYPE_LIST_GROUP, "kind", kind, NULL);
}

/**
 * rubric_list_group_get_items:
 *
 * Returns: (transfer none): the items the rows hold, trimmed, without
 *   blank ones
 */
const char * const *
rubric_list_group_get_items (RubricListGroup *self)
{
  g_return_val_if_fail (RUBRIC_IS_LIST_GROUP (self), NULL);
  return (const char * const *) self->items;
}

/**
 * rubric_list_group_set_items:
 * @items: (nullable): the list to show
 *
 * Shows @items, one row each, unless the rows already hold them: a list
 * that comes back from the model as the user typed it leaves the rows,
 * the cursor and the focus alone.
 */
void
rubric_list_group_set_items (RubricListGroup    *self,
                             const char * const *items)
{
  static const char * const none[] = { NULL };
  guint n;

  g_return_if_fail (RUBRIC_IS_LIST_GROUP (self));

  if (items == NULL)
    items = none;
  if (g_strv_equal (items, (const char * const *) self->items))
    return;

  for (n = n_item_rows (self); n > 0; n--)
    gtk_list_box_remove (self->list, GTK_WIDGET (gtk_list_box_get_row_at_index (self->list, 0)));
  for (guint i = 0; items[i] != NULL; i++)
    insert_row (self, i, items[i]);

  g_strfreev (self->items);
  self->items = collect_items (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITEMS]);
}
