/* rubric-a11y.c — names and Tab stops GTK 4.18 and libadwaita 1.7 leave out
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What a screen reader found nameless or doubled, and why:
 *
 * - A menu item of a GMenu (GtkModelButton) is labelled by its own label,
 *   which has the presentation role, so the label adds nothing to its name:
 *   every item reads ''. The item is named by its text instead.
 * - A combo row's items are list items whose name is their content, which
 *   is no name either; each is named by its string.
 * - A GtkScrolledWindow is focusable, without a name, although it only
 *   takes focus when nothing inside it can; where the content holds the
 *   controls, the scroller is no Tab stop. A dialog's content is not
 *   inside the dialog before it is presented: pass adw_dialog_get_child().
 */

#define G_LOG_DOMAIN "rubric-a11y"

#include "config.h"

#include "rubric-a11y.h"

typedef void (*WidgetFunc) (GtkWidget *widget);

static void
foreach_descendant (GtkWidget  *widget,
                    WidgetFunc  func)
{
  func (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    foreach_descendant (child, func);
}

static void
quiet_scroller (GtkWidget *widget)
{
  if (GTK_IS_SCROLLED_WINDOW (widget))
    gtk_widget_set_focusable (widget, FALSE);
}

static void
name_menu_item (GtkWidget *widget)
{
  g_autofree char *text = NULL;

  if (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (widget)) != GTK_ACCESSIBLE_ROLE_MENU_ITEM ||
      g_object_class_find_property (G_OBJECT_GET_CLASS (widget), "text") == NULL)
    return;

  /* "text" is the label without its mnemonic underline. A labelled-by
   * relation wins over the label property, so it goes. */
  g_object_get (widget, "text", &text, NULL);
  if (text == NULL || *text == '\0')
    return;
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
}

static void
name_menu_items (GtkWidget *popover)
{
  foreach_descendant (popover, name_menu_item);
  foreach_descendant (popover, quiet_scroller);
}

static void
name_menu_button_items (GtkWidget *widget)
{
  GtkPopover *popover;

  if (!GTK_IS_MENU_BUTTON (widget))
    return;
  /* The items take their labelled-by relation back while the menu is
   * built and shown, so they are named each time it opens. */
  popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (widget));
  if (popover != NULL)
    g_signal_connect (popover, "map", G_CALLBACK (name_menu_items), NULL);
}

/**
 * rubric_a11y_name_menus:
 * @root: a widget whose menu buttons' menus are built
 *
 * Names every item of the menus of the menu buttons in @root by its text.
 */
void
rubric_a11y_name_menus (GtkWidget *root)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  foreach_descendant (root, name_menu_button_items);
}

static void
combo_item_bound_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *list_item,
                     AdwComboRow              *row)
{
  gpointer item = gtk_list_item_get_item (list_item);
  GtkExpression *expression = adw_combo_row_get_expression (row);
  g_auto(GValue) value = G_VALUE_INIT;

  if (expression != NULL && gtk_expression_evaluate (expression, item, &value) && G_VALUE_HOLDS_STRING (&value))
    gtk_list_item_set_accessible_label (list_item, g_value_get_string (&value));
  else if (GTK_IS_STRING_OBJECT (item))
    gtk_list_item_set_accessible_label (list_item, gtk_string_object_get_string (item));
}

/* The drop-down's list is named as the row is. */
static void
name_popup_lists (GtkWidget  *widget,
                  const char *name)
{
  if (GTK_IS_LIST_VIEW (widget) && gtk_widget_get_ancestor (widget, GTK_TYPE_POPOVER) != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    name_popup_lists (child, name);
}

/**
 * rubric_a11y_name_combo_row:
 * @row: a combo row with its default factory
 *
 * Names each item of @row's drop-down by its string, as the row shows it,
 * and the drop-down's list by the row's title.
 */
void
rubric_a11y_name_combo_row (AdwComboRow *row)
{
  GtkListItemFactory *factory;

  g_return_if_fail (ADW_IS_COMBO_ROW (row));

  factory = adw_combo_row_get_factory (row);
  g_return_if_fail (GTK_IS_SIGNAL_LIST_ITEM_FACTORY (factory));
  g_signal_connect_object (factory, "bind", G_CALLBACK (combo_item_bound_cb), row, G_CONNECT_AFTER);
  name_popup_lists (GTK_WIDGET (row), adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
}

/**
 * rubric_a11y_show_banner:
 * @shown: whether the banner is to show
 *
 * Reveals or hides @banner. A banner that is only not revealed stays in
 * the accessibility tree and says it is showing, so a screen reader would
 * read its title; hidden here, it is gone from the tree too.
 */
void
rubric_a11y_show_banner (AdwBanner *banner,
                         gboolean   shown)
{
  g_return_if_fail (ADW_IS_BANNER (banner));

  gtk_widget_set_visible (GTK_WIDGET (banner), shown);
  adw_banner_set_revealed (banner, shown);
}

/**
 * rubric_a11y_announce:
 * @widget: the widget the message is about, such as the window
 * @message: what a screen reader says, politely
 *
 * gtk_accessible_announce(), where it can be heard. GTK 4.18's test
 * backend (GTK_A11Y=test, as the UI tests run) has no announce function:
 * GtkTestATContext leaves GtkATContextClass.announce unset, and
 * gtk_at_context_announce() calls it once the context is realized — a
 * crash on a NULL function. No screen reader listens there, so nothing
 * is announced. Without a context (GTK_A11Y=none) GTK says nothing itself.
 */
void
rubric_a11y_announce (GtkWidget  *widget,
                      const char *message)
{
  g_autoptr(GtkATContext) context = NULL;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (message != NULL);

  context = gtk_accessible_get_at_context (GTK_ACCESSIBLE (widget));
  if (context == NULL || g_str_equal (G_OBJECT_TYPE_NAME (context), "GtkTestATContext"))
    return;
  gtk_accessible_announce (GTK_ACCESSIBLE (widget), message, GTK_ACCESSIBLE_ANNOUNCEMENT_PRIORITY_MEDIUM);
}

/**
 * rubric_a11y_quiet_scrollers:
 * @root: a widget whose scrolled windows all hold focusable controls
 *
 * Takes the scrolled windows in @root out of the Tab order; their content
 * keeps its own.
 */
void
rubric_a11y_quiet_scrollers (GtkWidget *root)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  foreach_descendant (root, quiet_scroller);
}
