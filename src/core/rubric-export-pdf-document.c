/* rubric-export-pdf-document.c — a PDF document: its pages counted, then
 * drawn with their footers, by a draw function; its metadata
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A document is a draw function, its data, and its title, metadata and
 * footer (PdfDocument): the candidate summary (rubric-export-pdf.c) and
 * the debrief (rubric-debrief-export-pdf.c) are two. Each footer says
 * "Page N of M", so the pages are counted before the first is drawn:
 *
 *  - A PDF is drawn in two passes of the draw function with the pen
 *    (rubric-export-pdf-pen.c). The first only measures: it makes and
 *    shapes every layout, breaks the pages and draws nothing. The second
 *    draws straight on the PDF's pages, with the layouts the first made
 *    (Pdf.laid_out), so no text is shaped twice.
 *  - Printing lays the document out once, each page on a cairo recording
 *    surface, then paints the page a print dialog asks for on its cairo
 *    context (RubricPages, rubric-pages.h).
 *
 * PDFs were once drawn the printing way too, and painting the recorded
 * pages on the PDF took cairo as long as laying them out: drawn straight,
 * the summary of an interview takes half the time, and less memory (no
 * page is kept).
 *
 * It all runs on the calling thread with Pango and cairo objects of its
 * own (the font map is the thread's), so it can run in a worker.
 */

#define G_LOG_DOMAIN "rubric-export-pdf"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n.h>
#include <langinfo.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "rubric-export-pdf-private.h"

#define A4_WIDTH      595.276
#define A4_HEIGHT     841.89
#define LETTER_WIDTH  612.0
#define LETTER_HEIGHT 792.0

#define MARGIN        MM (18)


/* ------------------------------------------------------------ page size */

/**
 * rubric_export_pdf_page_size_for_width_mm:
 * @width_mm: the locale's paper width in millimetres, or 0 when unknown
 *
 * US Letter for a paper 216 mm wide (LC_PAPER of the US, Canada, Mexico…),
 * A4 for every other width and when the width is unknown. In points.
 */
void
rubric_export_pdf_page_size_for_width_mm (int     width_mm,
                                          double *width,
                                          double *height)
{
  g_return_if_fail (width != NULL && height != NULL);

  if (width_mm == 216)
    {
      *width = LETTER_WIDTH;
      *height = LETTER_HEIGHT;
    }
  else
    {
      *width = A4_WIDTH;
      *height = A4_HEIGHT;
    }
}

/* The paper of LC_PAPER (set by setlocale() in main()). */
static void
locale_page_size (double *width,
                  double *height)
{
  int width_mm = 0;

#ifdef __GLIBC__
  width_mm = (int) (gintptr) nl_langinfo (_NL_PAPER_WIDTH);
#endif
  rubric_export_pdf_page_size_for_width_mm (width_mm, width, height);
}

/* ------------------------------------------------------------- writing */

static cairo_status_t
write_cb (void                *closure,
          const unsigned char *data,
          unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static gboolean
check_status (cairo_status_t   status,
              GError         **error)
{
  if (status == CAIRO_STATUS_SUCCESS)
    return TRUE;

  g_set_error (error, RUBRIC_EXPORT_ERROR, RUBRIC_EXPORT_ERROR_FAILED,
               /* Translators: %s says what went wrong, in cairo's words (English) */
               _("Could not draw the PDF: %s"), cairo_status_to_string (status));
  return FALSE;
}

static void
set_metadata (cairo_surface_t   *surface,
              const PdfDocument *document)
{
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, document->title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Rubric");
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT, document->subject);
  if (document->author != NULL && *document->author != '\0')
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, document->author);

  /* The same document gives the same file: the creation date is the
   * interview's, never the clock's, and none when the date is unknown. */
  if (document->date != NULL && g_regex_match_simple ("^[0-9]{4}-[0-9]{2}-[0-9]{2}$", document->date, 0, 0))
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, document->date);
  else
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, NULL);
}

/* Pango for print: unhinted, unrounded, each paragraph in its own
 * direction, sizes in points. Made from a cairo context on the PDF itself,
 * for its font options. */
static PangoContext *
create_context (cairo_t *cr)
{
  PangoContext *context = pango_cairo_create_context (cr);
  cairo_font_options_t *options = cairo_font_options_create ();
  g_autoptr(PangoFontDescription) font = pango_font_description_new ();

  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);
  pango_cairo_context_set_resolution (context, 72.0);
  pango_context_set_round_glyph_positions (context, FALSE);
  pango_context_set_base_dir (context, PANGO_DIRECTION_NEUTRAL);
  pango_font_description_set_family (font, RUBRIC_EXPORT_PDF_FONT_FAMILIES);
  pango_font_description_set_size (font, 10 * PANGO_SCALE);
  pango_context_set_font_description (context, font);

  return context;
}

/* Starts laying DOCUMENT out on pages of WIDTH × HEIGHT points, with a
 * Pango context made from CR (for its font options). SURFACE is the PDF
 * surface the outline goes to, or NULL (print): then there is none. */
static void
layout_init (Pdf               *pdf,
             const PdfDocument *document,
             cairo_t           *cr,
             cairo_surface_t   *surface,
             double             page_width,
             double             page_height,
             GCancellable      *cancellable)
{
  pdf->data = document->data;
  pdf->footer = document->footer;
  pdf->cancellable = cancellable;
  pdf->surface = surface;
  pdf->page_width = page_width;
  pdf->page_height = page_height;
  pdf->left = MARGIN;
  pdf->right = page_width - MARGIN;
  pdf->top = MARGIN;
  pdf->bottom = page_height - MARGIN - FOOTER_GAP;
  pdf->width = pdf->right - pdf->left;
  pdf->context = create_context (cr);
  pdf->shared = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  if (surface == NULL)
    {
      pdf->pass = PDF_PASS_RECORD;
      pdf->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) cairo_surface_destroy);
    }
  else
    {
      pdf->pass = PDF_PASS_MEASURE;
      pdf->laid_out = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
    }
}

/* Lays the pages out on recording surfaces with the document's draw
 * function; returns the first failure of a page's drawing. */
static cairo_status_t
layout_run (Pdf               *pdf,
            const PdfDocument *document)
{
  cairo_status_t status = CAIRO_STATUS_SUCCESS;

  g_assert (pdf->pass == PDF_PASS_RECORD);

  document->draw (pdf);
  for (guint i = 0; i < pdf->pages->len && status == CAIRO_STATUS_SUCCESS; i++)
    status = cairo_surface_status (g_ptr_array_index (pdf->pages, i));
  if (status == CAIRO_STATUS_SUCCESS && pdf->cr != NULL)
    status = cairo_status (pdf->cr);
  return status;
}

/* A PDF's first pass: lays the document out as it will be drawn, on a
 * cairo context that keeps nothing, to count its pages. */
static void
measure_pages (Pdf               *pdf,
               const PdfDocument *document)
{
  cairo_surface_t *nowhere = cairo_image_surface_create (CAIRO_FORMAT_A8, 0, 0);
  cairo_surface_t *surface = pdf->surface;

  g_assert (pdf->pass == PDF_PASS_MEASURE);

  pdf->surface = NULL;   /* no outline */
  pdf->cr = cairo_create (nowhere);
  cairo_surface_destroy (nowhere);

  document->draw (pdf);

  g_clear_pointer (&pdf->cr, cairo_destroy);
  pdf->surface = surface;
  pdf->n_pages = MAX (pdf->page, 1);
}

/* A PDF's second pass: draws the document on its pages, each with its
 * footer; returns the first failure. */
static cairo_status_t
draw_pages (Pdf               *pdf,
            const PdfDocument *document)
{
  cairo_status_t status;

  pdf->pass = PDF_PASS_DRAW;
  pdf->page = 0;
  pdf->y = pdf->top;

  document->draw (pdf);
  if (pdf->cr == NULL)   /* a document with nothing in it: one empty page */
    pdf_new_page (pdf);

  pdf_end_page (pdf);
  status = pdf->status;
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (pdf->surface);
  if (status == CAIRO_STATUS_SUCCESS && pdf->page != pdf->n_pages
      && !g_cancellable_is_cancelled (pdf->cancellable))
    g_critical ("The document had %d pages when measured and %d when drawn", pdf->n_pages, pdf->page);
  return status;
}

static void
layout_clear (Pdf *pdf)
{
  g_clear_pointer (&pdf->cr, cairo_destroy);
  g_clear_pointer (&pdf->shared, g_hash_table_unref);
  g_clear_pointer (&pdf->laid_out, g_hash_table_unref);
  g_clear_pointer (&pdf->pages, g_ptr_array_unref);
  g_clear_object (&pdf->context);
}

/* Paints page INDEX (from 0) as laid out on pdf->cr, with its footer. */
static void
paint_page (Pdf   *pdf,
            guint  index)
{
  cairo_set_source_surface (pdf->cr, g_ptr_array_index (pdf->pages, index), 0, 0);
  cairo_paint (pdf->cr);
  pdf->page = index + 1;
  pdf_draw_footer (pdf);
}

/* Draws the document on a PDF surface writing to OUTPUT. */
static gboolean
render (const PdfDocument  *document,
        double              page_width,
        double              page_height,
        GByteArray         *output,
        GCancellable       *cancellable,
        GError            **error)
{
  Pdf pdf = { 0, };
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;

  surface = cairo_pdf_surface_create_for_stream (write_cb, output, page_width, page_height);
  if (!check_status (cairo_surface_status (surface), error))
    {
      cairo_surface_destroy (surface);
      return FALSE;
    }
  set_metadata (surface, document);

  cr = cairo_create (surface);
  layout_init (&pdf, document, cr, surface, page_width, page_height, cancellable);
  cairo_destroy (cr);
  measure_pages (&pdf, document);
  status = g_cancellable_is_cancelled (cancellable) ? CAIRO_STATUS_SUCCESS : draw_pages (&pdf, document);

  layout_clear (&pdf);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  return check_status (status, error);
}

/**
 * pdf_render:
 * @cancellable: (nullable): stops the drawing between the two passes, and
 *   wherever the document's draw function looks at it
 *
 * Counts @document's pages with its draw function, then draws them, each
 * with its footer, on pages of the locale's paper size (A4, or US Letter
 * where LC_PAPER says so; turned when the document is landscape). Any
 * thread may call it.
 *
 * Returns: (transfer full) (nullable): the PDF
 */
GBytes *
pdf_render (const PdfDocument  *document,
            GCancellable       *cancellable,
            GError            **error)
{
  g_autoptr(GByteArray) output = NULL;
  double width, height;

  g_return_val_if_fail (document != NULL && document->draw != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  locale_page_size (&width, &height);
  if (document->landscape)
    {
      double portrait_width = width;

      width = height;
      height = portrait_width;
    }

  output = g_byte_array_new ();
  if (!render (document, width, height, output, cancellable, error))
    return NULL;

  return g_byte_array_free_to_bytes (g_steal_pointer (&output));
}

/**
 * pdf_render_panel:
 * @draw: lays the document out, with @data as pdf->data
 * @title: the metadata's title, and the footer's
 * @subject: the metadata's subject
 *
 * pdf_render() for what a panel's files make (a debrief, a compare):
 * landscape, with no author and no creation date, since such a document
 * has several of each, and the same input gives the same file.
 *
 * Returns: (transfer full) (nullable): the PDF
 */
GBytes *
pdf_render_panel (PdfDrawFunc    draw,
                  gconstpointer  data,
                  const char    *title,
                  const char    *subject,
                  GCancellable  *cancellable,
                  GError       **error)
{
  PdfDocument document = { 0, };

  document.draw = draw;
  document.data = data;
  document.title = title;
  document.subject = subject;
  document.footer = title;
  document.landscape = TRUE;

  return pdf_render (&document, cancellable, error);
}

/* ------------------------------------------------------- pages to print */

struct _RubricPages
{
  PdfDocument     document;
  gpointer        data;        /* document.data, owned */
  GDestroyNotify  data_free;
  char           *title;       /* document.title and .footer, owned */
  char           *footer;
  Pdf             pdf;         /* the pages, once laid out */
  gboolean        laid_out;
};

/**
 * pdf_pages_new:
 * @document: what draws the pages; its data and strings are not kept
 * @data: (transfer full): the document's data, freed with @data_free
 *
 * @document for printing: laid out on a page size and a cairo context
 * that a print dialog gives (rubric_pages_paginate()), then painted page
 * by page (rubric_pages_draw_page()). The same layout as pdf_render()'s,
 * without the PDF's metadata and outline.
 *
 * Returns: (transfer full): the pages, not yet laid out
 */
RubricPages *
pdf_pages_new (const PdfDocument *document,
               gpointer           data,
               GDestroyNotify     data_free)
{
  RubricPages *self = g_new0 (RubricPages, 1);

  g_return_val_if_fail (document != NULL && document->draw != NULL, NULL);

  self->document.draw = document->draw;
  self->data = data;
  self->data_free = data_free;
  self->title = g_strdup (document->title);
  self->footer = g_strdup (document->footer);
  self->document.data = data;
  self->document.title = self->title;
  self->document.footer = self->footer;

  return self;
}

/**
 * rubric_pages_get_title:
 *
 * Returns: the document's title, for the print job's name
 */
const char *
rubric_pages_get_title (RubricPages *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->title;
}

/**
 * rubric_pages_paginate:
 * @cr: a cairo context on what the pages will be painted on, for its
 *   font options
 * @width: the paper's width in points: the margins are the PDF's
 * @height: the paper's height in points
 *
 * Lays the document out on pages of @width × @height points, again if it
 * was laid out before.
 *
 * Returns: the number of pages, 1 or more
 */
guint
rubric_pages_paginate (RubricPages *self,
                       cairo_t     *cr,
                       double       width,
                       double       height)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (cr != NULL, 0);

  if (self->laid_out)
    layout_clear (&self->pdf);
  memset (&self->pdf, 0, sizeof self->pdf);
  layout_init (&self->pdf, &self->document, cr, NULL, width, height, NULL);
  if (layout_run (&self->pdf, &self->document) != CAIRO_STATUS_SUCCESS)
    g_warning ("Could not lay the pages of “%s” out", self->title);
  g_clear_pointer (&self->pdf.cr, cairo_destroy);
  self->pdf.n_pages = self->pdf.pages->len;
  self->laid_out = TRUE;

  return self->pdf.pages->len;
}

/**
 * rubric_pages_draw_page:
 * @cr: where to paint the page, in points from the paper's top left
 * @index: the page, from 0
 *
 * Paints page @index as rubric_pages_paginate() laid it out, with its
 * footer ("Page N of M").
 */
void
rubric_pages_draw_page (RubricPages *self,
                        cairo_t     *cr,
                        guint        index)
{
  g_return_if_fail (self != NULL && self->laid_out);
  g_return_if_fail (index < self->pdf.pages->len);

  cairo_save (cr);
  self->pdf.cr = cr;
  paint_page (&self->pdf, index);
  self->pdf.cr = NULL;
  cairo_restore (cr);
}

void
rubric_pages_free (RubricPages *self)
{
  if (self == NULL)
    return;
  if (self->laid_out)
    layout_clear (&self->pdf);
  if (self->data_free != NULL)
    self->data_free (self->data);
  g_free (self->title);
  g_free (self->footer);
  g_free (self);
}
