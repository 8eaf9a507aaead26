/* rubric-text-line.c — one line of text whose size does not depend on it
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A line of plain text (with Pango attributes), ellipsized at its end, as
 * wide as its parent gives it and as tall as one line of its font. Unlike
 * a GtkLabel, whose size follows its text, changing the text only redraws
 * it: nothing is measured again, so a list of many such lines (the
 * sidebar's search results, rebound at each keystroke) is laid out once.
 * It is drawn as its CSS says (font, colour, opacity); it has no
 * accessible name of its own: the row it is in carries the text.
 */

#define G_LOG_DOMAIN "rubric-text-line"

#include "config.h"

#include "rubric-text-line.h"

struct _RubricTextLine
{
  GtkWidget parent_instance;

  char *text;
  PangoAttrList *attributes;
  PangoLayout *layout;    /* made when drawn; dropped when text or style change */
  int min_chars;
  int natural_chars;
};

G_DEFINE_FINAL_TYPE (RubricTextLine, rubric_text_line, GTK_TYPE_WIDGET)

static void
rubric_text_line_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  RubricTextLine *self = RUBRIC_TEXT_LINE (widget);
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      PangoContext *context = gtk_widget_get_pango_context (widget);
      PangoFontMetrics *metrics = pango_context_get_metrics (context, NULL, NULL);
      int char_width = MAX (pango_font_metrics_get_approximate_char_width (metrics),
                            pango_font_metrics_get_approximate_digit_width (metrics));

      pango_font_metrics_unref (metrics);
      *minimum = PANGO_PIXELS_CEIL (self->min_chars * char_width);
      *natural = MAX (*minimum, PANGO_PIXELS_CEIL (self->natural_chars * char_width));
    }
  else
    {
      /* One line of the font, as a GtkLabel of one line has. */
      g_autoptr(PangoLayout) line = gtk_widget_create_pango_layout (widget, NULL);
      int height, baseline;

      pango_layout_get_pixel_size (line, NULL, &height);
      baseline = PANGO_PIXELS (pango_layout_get_baseline (line));
      *minimum = *natural = height;
      *minimum_baseline = *natural_baseline = baseline;
    }
}

static void
rubric_text_line_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  RubricTextLine *self = RUBRIC_TEXT_LINE (widget);
  int width = gtk_widget_get_width (widget);
  int height;
  GdkRGBA color;

  if (self->text == NULL || *self->text == '\0' || width <= 0)
    return;
  if (self->layout == NULL)
    {
      self->layout = gtk_widget_create_pango_layout (widget, self->text);
      pango_layout_set_attributes (self->layout, self->attributes);
      pango_layout_set_ellipsize (self->layout, PANGO_ELLIPSIZE_END);
    }
  pango_layout_set_width (self->layout, width * PANGO_SCALE);
  pango_layout_get_pixel_size (self->layout, NULL, &height);
  gtk_widget_get_color (widget, &color);

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (0, (gtk_widget_get_height (widget) - height) / 2));
  gtk_snapshot_append_layout (snapshot, self->layout, &color);
  gtk_snapshot_restore (snapshot);
}

static void
rubric_text_line_css_changed (GtkWidget         *widget,
                              GtkCssStyleChange *change)
{
  RubricTextLine *self = RUBRIC_TEXT_LINE (widget);

  /* GTK measures it again when the font changes, and redraws it. */
  GTK_WIDGET_CLASS (rubric_text_line_parent_class)->css_changed (widget, change);
  g_clear_object (&self->layout);
}

static void
rubric_text_line_finalize (GObject *object)
{
  RubricTextLine *self = RUBRIC_TEXT_LINE (object);

  g_clear_object (&self->layout);
  g_clear_pointer (&self->attributes, pango_attr_list_unref);
  g_clear_pointer (&self->text, g_free);
  G_OBJECT_CLASS (rubric_text_line_parent_class)->finalize (object);
}

static void
rubric_text_line_class_init (RubricTextLineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = rubric_text_line_finalize;
  widget_class->measure = rubric_text_line_measure;
  widget_class->snapshot = rubric_text_line_snapshot;
  widget_class->css_changed = rubric_text_line_css_changed;
  gtk_widget_class_set_css_name (widget_class, "label");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_PRESENTATION);
}

static void
rubric_text_line_init (RubricTextLine *self)
{
  self->text = g_strdup ("");
}

/**
 * rubric_text_line_new:
 * @min_chars: the least width it asks for, in characters of its font
 * @natural_chars: the width it would like, in characters
 *
 * Returns: (transfer floating): a new empty line
 */
GtkWidget *
rubric_text_line_new (int min_chars,
                      int natural_chars)
{
  RubricTextLine *self = g_object_new (RUBRIC_TYPE_TEXT_LINE, NULL);

  self->min_chars = MAX (min_chars, 0);
  self->natural_chars = MAX (natural_chars, self->min_chars);
  return GTK_WIDGET (self);
}

/**
 * rubric_text_line_set_text:
 * @text: plain text (never markup); line breaks and tabs show as spaces
 * @attributes: (nullable): attributes for @text, by byte index
 *
 * Shows @text instead: a redraw, nothing measured again.
 */
void
rubric_text_line_set_text (RubricTextLine *self,
                           const char     *text,
                           PangoAttrList  *attributes)
{
  g_autofree char *line = NULL;

  g_return_if_fail (RUBRIC_IS_TEXT_LINE (self));

  /* Compared as it is shown: a passage with a line break is the same
   * line again, not new text to lay out at every refill. */
  line = g_strdelimit (g_strdup (text != NULL ? text : ""), "\n\r\t", ' ');
  if (g_str_equal (line, self->text) &&
      (attributes == self->attributes ||
       (attributes != NULL && self->attributes != NULL && pango_attr_list_equal (attributes, self->attributes))))
    return;
  g_free (self->text);
  self->text = g_steal_pointer (&line);
  if (attributes != NULL)
    pango_attr_list_ref (attributes);
  g_clear_pointer (&self->attributes, pango_attr_list_unref);
  self->attributes = attributes;
  g_clear_object (&self->layout);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * rubric_text_line_get_text:
 *
 * Returns: the whole text (not only what fits)
 */
const char *
rubric_text_line_get_text (RubricTextLine *self)
{
  g_return_val_if_fail (RUBRIC_IS_TEXT_LINE (self), NULL);

  return self->text;
}
