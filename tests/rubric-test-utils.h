/* rubric-test-utils.h — helpers shared by the in-process UI tests
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rubric-application.h"

G_BEGIN_DECLS

/* Iterate the main context until COND holds, failing the test after MS ms. */
#define RUBRIC_WAIT_FOR(cond, ms)                                             \
  G_STMT_START {                                                              \
    gint64 _deadline = g_get_monotonic_time () + (ms) * G_TIME_SPAN_MILLISECOND; \
    while (!(cond))                                                           \
      {                                                                       \
        if (g_get_monotonic_time () > _deadline)                              \
          g_error ("Timed out after %d ms waiting for: %s", (int) (ms), #cond); \
        g_main_context_iteration (NULL, FALSE);                               \
        g_usleep (1000);                                                      \
      }                                                                       \
  } G_STMT_END

void   rubric_test_init        (int         *argc,
                                char      ***argv);
char  *rubric_test_make_home   (const char   *tmpl);
RubricApplication *rubric_test_new_application (void);
void   rubric_test_iterate     (void);
void   rubric_test_wait        (guint        ms);
void   rubric_test_activate    (GtkWidget   *widget,
                                const char  *action,
                                GVariant    *parameter);
void   rubric_test_show_window    (GtkWindow   *window);
void   rubric_test_destroy_window (GtkWindow   *window);
guint  rubric_test_screenshot  (GtkWidget   *widget,
                                const char  *name);
GObject   *rubric_test_list_item     (GtkListView *list,
                                      guint        position);
GtkWidget *rubric_test_list_view_row (GtkListView *list,
                                      guint        position);
GtkWidget *rubric_test_list_view_child (GtkListView *list,
                                        guint        position);
gpointer rubric_test_template_child (gpointer     widget,
                                     GType        widget_type,
                                     const char  *name);

typedef gboolean (*RubricTestMatch) (GtkWidget     *widget,
                                     gconstpointer  data);
GtkWidget *rubric_test_find        (GtkWidget       *widget,
                                    RubricTestMatch  match,
                                    gconstpointer    data);
GtkWidget *rubric_test_find_descendant (GtkWidget *widget,
                                        GType      type);
GtkLabel  *rubric_test_find_label  (GtkWidget       *widget,
                                    const char      *text);
guint      rubric_test_assert_wrapping_labels (GtkWidget *widget);

G_END_DECLS
