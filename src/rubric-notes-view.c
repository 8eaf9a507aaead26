/* rubric-notes-view.c — a text view for notes, spell checked where it can be
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rubric-notes-view"

#include "config.h"

#if HAVE_SPELLCHECK
# include <libspelling.h>
#endif

#include "rubric-notes-view.h"

/* libspelling checks GtkSourceBuffers only, so with it the view is a
 * GtkSourceView; without it a plain GtkTextView, as before. */
#if HAVE_SPELLCHECK
typedef GtkSourceView RubricNotesViewParent;
typedef GtkSourceViewClass RubricNotesViewParentClass;
# define RUBRIC_NOTES_VIEW_PARENT_TYPE GTK_SOURCE_TYPE_VIEW
#else
typedef GtkTextView RubricNotesViewParent;
typedef GtkTextViewClass RubricNotesViewParentClass;
# define RUBRIC_NOTES_VIEW_PARENT_TYPE GTK_TYPE_TEXT_VIEW
#endif

typedef struct
{
  RubricNotesViewParent parent_instance;

#if HAVE_SPELLCHECK
  /* The checker of the buffer shown, and that buffer: held here so that
   * the checker goes while its buffer is still whole (the adapter only
   * has a weak reference to it, and checking a buffer on its way out is
   * a critical or a crash). */
  SpellingTextBufferAdapter *adapter;
  GtkTextBuffer *buffer;
  gboolean wanted;   /* shown and painted once, or asked for: checks from then on */
  GdkFrameClock *frame_clock;  /* shown: waits for the frame that shows it to be painted */
  gulong paint_id;
  guint idle_id;
#endif
} RubricNotesView;

typedef struct
{
  RubricNotesViewParentClass parent_class;
} RubricNotesViewClass;

G_DEFINE_FINAL_TYPE (RubricNotesView, rubric_notes_view, RUBRIC_NOTES_VIEW_PARENT_TYPE)

#if HAVE_SPELLCHECK
/* One settings object for every notes view of the process: each checker
 * follows its "spell-check" key. */
static GSettings *
get_settings (void)
{
  static GSettings *settings;

  if (g_once_init_enter_pointer (&settings))
    g_once_init_leave_pointer (&settings, g_settings_new (SCHEMA_ID));
  return settings;
}

/* The checker goes with its tag, so no underline is left behind in a
 * buffer shown again later (a topic's notes) with a new checker. It is
 * disposed now, while its buffer is whole: a timeout of its own may keep
 * it alive a little longer, and it must not check anything then. */
static void
release_adapter (RubricNotesView *self)
{
  if (self->adapter != NULL)
    {
      GtkTextTag *tag = spelling_text_buffer_adapter_get_tag (self->adapter);

      g_settings_unbind (self->adapter, "enabled");
      if (tag != NULL)
        gtk_text_tag_table_remove (gtk_text_buffer_get_tag_table (self->buffer), tag);
      g_object_run_dispose (G_OBJECT (self->adapter));
      g_clear_object (&self->adapter);
    }
  g_clear_object (&self->buffer);
}

/* The user's dictionary. Hunspell reads and parses it when libspelling
 * first asks for it (50-160 ms), so a worker asks, once per process,
 * through libspelling's default provider, which keeps it; the default
 * checker of every view then finds it loaded. Until the worker is done the
 * main thread asks libspelling for nothing (its provider is not safe to
 * call from two threads at once): views shown meanwhile wait, and get
 * their checkers when it is in. */
typedef enum
{
  DICTIONARY_UNREAD,
  DICTIONARY_READING,
  DICTIONARY_READ,
} DictionaryState;

static GMutex dictionary_lock;
static GCond dictionary_cond;
static DictionaryState dictionary_state;   /* under dictionary_lock */
static gboolean dictionary_held;          /* under dictionary_lock: see rubric_notes_view_hold_dictionary() */
static GPtrArray *dictionary_waiting;     /* GWeakRef to views, on the main thread */

static void on_buffer_notify_cb (RubricNotesView *self);

static void
read_dictionary_thread (GTask        *task,
                        gpointer      source_object,
                        gpointer      task_data,
                        GCancellable *cancellable)
{
  SpellingProvider *provider;
  const char *code;
  g_autoptr(SpellingDictionary) dictionary = NULL;

  g_mutex_lock (&dictionary_lock);
  while (dictionary_held)
    g_cond_wait (&dictionary_cond, &dictionary_lock);
  g_mutex_unlock (&dictionary_lock);

  /* What spelling_checker_get_default() would do on the main thread. */
  provider = g_object_ref (spelling_provider_get_default ());
  code = spelling_provider_get_default_code (provider);
  if (code != NULL)
    dictionary = spelling_provider_load_dictionary (provider, code);
  /* (libspelling keeps it.) Nothing more of libspelling's here. */
  g_clear_object (&dictionary);

  g_mutex_lock (&dictionary_lock);
  dictionary_state = DICTIONARY_READ;
  g_cond_broadcast (&dictionary_cond);
  g_mutex_unlock (&dictionary_lock);

  /* The provider goes back to the main thread with the task. */
  g_task_return_pointer (task, provider, g_object_unref);
}

/* Read: the views that waited get their checkers. */
static void
dictionary_read_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  /* Kept for the process, as libspelling keeps its default checker (the
   * dictionary is read once: this runs once). */
  static SpellingProvider *provider;
  g_autoptr(GPtrArray) waiting = g_steal_pointer (&dictionary_waiting);

  g_assert (provider == NULL);
  provider = g_task_propagate_pointer (G_TASK (result), NULL);
  for (guint i = 0; waiting != NULL && i < waiting->len; i++)
    {
      GWeakRef *ref = g_ptr_array_index (waiting, i);
      RubricNotesView *view = g_weak_ref_get (ref);

      if (view != NULL)
        {
          on_buffer_notify_cb (view);
          g_object_unref (view);
        }
    }
}

static void
weak_ref_free (gpointer data)
{
  g_weak_ref_clear (data);
  g_free (data);
}

/* Whether the dictionary is in; if not, it is being read, and @self gets
 * its checker when it is. */
static gboolean
dictionary_ready (RubricNotesView *self)
{
  DictionaryState state;
  GWeakRef *ref;

  g_mutex_lock (&dictionary_lock);
  state = dictionary_state;
  if (state == DICTIONARY_UNREAD)
    dictionary_state = DICTIONARY_READING;
  g_mutex_unlock (&dictionary_lock);

  if (state == DICTIONARY_READ)
    return TRUE;
  if (state == DICTIONARY_UNREAD)
    {
      g_autoptr(GTask) task = g_task_new (NULL, NULL, dictionary_read_cb, NULL);

      g_task_set_source_tag (task, dictionary_ready);
      g_task_set_name (task, "[rubric] read the spelling dictionary");
      g_task_run_in_thread (task, read_dictionary_thread);
    }
  if (dictionary_waiting == NULL)
    dictionary_waiting = g_ptr_array_new_with_free_func (weak_ref_free);
  /* Once each, however often its buffer changes meanwhile. */
  for (guint i = 0; i < dictionary_waiting->len; i++)
    {
      GObject *waiting = g_weak_ref_get (g_ptr_array_index (dictionary_waiting, i));
      gboolean found = waiting == (GObject *) self;

      g_clear_object (&waiting);
      if (found)
        return FALSE;
    }
  ref = g_new0 (GWeakRef, 1);
  g_weak_ref_init (ref, self);
  g_ptr_array_add (dictionary_waiting, ref);
  return FALSE;
}

/* Each buffer shown gets a checker, on or off as the "spell-check"
 * setting says; its menu (suggestions, "Add to Dictionary", languages)
 * goes into the view's context menu, as in GNOME Text Editor. */
static void
on_buffer_notify_cb (RubricNotesView *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));

  if (buffer == self->buffer)
    return;
  /* Not before the view is first shown: the checker loads the user's
   * dictionary, which a window that shows no notes (the start page, study)
   * never needs. */
  if (!self->wanted)
    return;
  /* Nor before the dictionary is in (it comes with the checker then). */
  if (!dictionary_ready (self))
    return;
  /* Out of the view's menu and actions first: disposing the checker cuts
   * every handler on it, the view's action muxer's too. */
  gtk_widget_insert_action_group (GTK_WIDGET (self), "spelling", NULL);
  gtk_text_view_set_extra_menu (GTK_TEXT_VIEW (self), NULL);
  release_adapter (self);

  if (GTK_SOURCE_IS_BUFFER (buffer))
    {
      /* Plain text as before: the theme's colours rather than a source
       * style scheme's (which would stay light in the dark style), and no
       * bracket matching. */
      gtk_source_buffer_set_style_scheme (GTK_SOURCE_BUFFER (buffer), NULL);
      gtk_source_buffer_set_highlight_matching_brackets (GTK_SOURCE_BUFFER (buffer), FALSE);

      /* The checker follows the user's locale for its language. */
      self->buffer = g_object_ref (buffer);
      self->adapter = spelling_text_buffer_adapter_new (GTK_SOURCE_BUFFER (buffer), spelling_checker_get_default ());
      g_settings_bind (get_settings (), "spell-check", self->adapter, "enabled", G_SETTINGS_BIND_GET);
    }

  gtk_text_view_set_extra_menu (GTK_TEXT_VIEW (self),
                                self->adapter != NULL ? spelling_text_buffer_adapter_get_menu_model (self->adapter) : NULL);
  gtk_widget_insert_action_group (GTK_WIDGET (self), "spelling", G_ACTION_GROUP (self->adapter));
}

/* A right click outside the selection puts the cursor where it was, so
 * that the menu offers corrections for the word under the pointer, not
 * for the one the cursor was in. */
static void
on_click_pressed_cb (RubricNotesView *self,
                     int              n_press,
                     double           x,
                     double           y,
                     GtkGestureClick *gesture)
{
  GtkTextView *view = GTK_TEXT_VIEW (self);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter iter, start, end;
  int bx, by;

  if (n_press != 1 || self->adapter == NULL || !spelling_text_buffer_adapter_get_enabled (self->adapter))
    return;

  gtk_text_view_window_to_buffer_coords (view, GTK_TEXT_WINDOW_WIDGET, (int) x, (int) y, &bx, &by);
  gtk_text_view_get_iter_at_location (view, &iter, bx, by);
  if (!gtk_text_buffer_get_selection_bounds (buffer, &start, &end) ||
      !gtk_text_iter_in_range (&iter, &start, &end))
    gtk_text_buffer_place_cursor (buffer, &iter);
  spelling_text_buffer_adapter_update_corrections (self->adapter);
}
#endif

#if HAVE_SPELLCHECK
static void
stop_waiting (RubricNotesView *self)
{
  if (self->frame_clock != NULL)
    g_clear_signal_handler (&self->paint_id, self->frame_clock);
  g_clear_object (&self->frame_clock);
}

#endif

static void
rubric_notes_view_dispose (GObject *object)
{
  RubricNotesView *self = (RubricNotesView *) object;

#if HAVE_SPELLCHECK
  /* Before GtkTextView lets its buffer go. */
  g_signal_handlers_disconnect_by_func (self, on_buffer_notify_cb, NULL);
  gtk_widget_insert_action_group (GTK_WIDGET (self), "spelling", NULL);
  gtk_text_view_set_extra_menu (GTK_TEXT_VIEW (self), NULL);
  release_adapter (self);
  stop_waiting (self);
  g_clear_handle_id (&self->idle_id, g_source_remove);
#endif

  G_OBJECT_CLASS (rubric_notes_view_parent_class)->dispose (object);
}

#if HAVE_SPELLCHECK
/* The frame that shows the view is on screen: the checker comes in the
 * idle time after it. */
static gboolean
check_idle_cb (gpointer user_data)
{
  RubricNotesView *self = user_data;

  self->idle_id = 0;
  self->wanted = TRUE;
  on_buffer_notify_cb (self);
  return G_SOURCE_REMOVE;
}

static void
on_after_paint_cb (GdkFrameClock   *frame_clock,
                   RubricNotesView *self)
{
  stop_waiting (self);
  if (!self->wanted && self->idle_id == 0)
    self->idle_id = g_idle_add_full (G_PRIORITY_LOW, check_idle_cb, self, NULL);
}

/* Shown for the first time: the view asks for its checker once the frame
 * that shows it has been painted, so that the first frame of a window
 * never waits for it, nor shares the machine with the worker that reads
 * the dictionary (dictionary_ready()). */
static void
rubric_notes_view_map (GtkWidget *widget)
{
  RubricNotesView *self = (RubricNotesView *) widget;
  GdkFrameClock *frame_clock;

  GTK_WIDGET_CLASS (rubric_notes_view_parent_class)->map (widget);
  if (self->wanted || self->frame_clock != NULL || self->idle_id != 0)
    return;
  frame_clock = gtk_widget_get_frame_clock (widget);
  if (frame_clock != NULL)
    {
      self->frame_clock = g_object_ref (frame_clock);
      self->paint_id = g_signal_connect (frame_clock, "after-paint", G_CALLBACK (on_after_paint_cb), self);
    }
  else
    self->idle_id = g_idle_add_full (G_PRIORITY_LOW, check_idle_cb, self, NULL);
}

/* Hidden again before its frame was painted: it waits for the next
 * showing. */
static void
rubric_notes_view_unmap (GtkWidget *widget)
{
  stop_waiting ((RubricNotesView *) widget);
  GTK_WIDGET_CLASS (rubric_notes_view_parent_class)->unmap (widget);
}
#endif

#if HAVE_SPELLCHECK
/* The views show plain text in the theme's colours, with no style scheme
 * (see on_buffer_notify_cb()), yet every GtkSourceBuffer starts with the
 * default scheme, and the first one in the process reads every scheme file
 * to find it: some 3 ms of the candidate panel's template, and memory kept.
 * Rubric shows no source code, so the scheme manager looks nowhere. */
static void
look_for_no_style_schemes (void)
{
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      static const char * const nowhere[] = { NULL };

      gtk_source_style_scheme_manager_set_search_path (gtk_source_style_scheme_manager_get_default (), nowhere);
      g_once_init_leave (&done, 1);
    }
}
#endif

static void
rubric_notes_view_class_init (RubricNotesViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = rubric_notes_view_dispose;
#if HAVE_SPELLCHECK
  GTK_WIDGET_CLASS (klass)->map = rubric_notes_view_map;
  GTK_WIDGET_CLASS (klass)->unmap = rubric_notes_view_unmap;
#endif

#if HAVE_SPELLCHECK
  spelling_init ();
  look_for_no_style_schemes ();
#endif
}

static void
rubric_notes_view_init (RubricNotesView *self)
{
#if HAVE_SPELLCHECK
  GtkGesture *click;

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_CAPTURE);
  g_signal_connect_object (click, "pressed", G_CALLBACK (on_click_pressed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  /* Each buffer gets its checker once the view has been shown. */
  g_signal_connect (self, "notify::buffer", G_CALLBACK (on_buffer_notify_cb), NULL);
#endif
}

/* Whether this build can check spelling at all: the preference is hidden
 * when it cannot. */
gboolean
rubric_notes_view_can_check_spelling (void)
{
  return HAVE_SPELLCHECK;
}

/**
 * rubric_notes_view_new_buffer:
 *
 * A buffer that a notes view can check: a GtkSourceBuffer where spell
 * checking is built in, else a plain GtkTextBuffer.
 *
 * Returns: (transfer full): a new buffer
 */
GtkTextBuffer *
rubric_notes_view_new_buffer (void)
{
#if HAVE_SPELLCHECK
  look_for_no_style_schemes ();
  return GTK_TEXT_BUFFER (gtk_source_buffer_new (NULL));
#else
  return gtk_text_buffer_new (NULL);
#endif
}

/**
 * rubric_notes_view_get_spelling:
 * @view: a notes view
 *
 * The checker of the view's buffer, a SpellingTextBufferAdapter (for
 * tests: its "enabled" says whether misspelled words are underlined).
 *
 * Returns: (transfer none) (nullable): the checker, or %NULL in a build
 *   without spell checking
 */
GObject *
rubric_notes_view_get_spelling (GtkTextView *view)
{
  g_return_val_if_fail (G_TYPE_CHECK_INSTANCE_TYPE (view, RUBRIC_TYPE_NOTES_VIEW), NULL);

#if HAVE_SPELLCHECK
  ((RubricNotesView *) view)->wanted = TRUE;
  /* For tests: the dictionary is waited for here. */
  if (!dictionary_ready ((RubricNotesView *) view))
    {
      g_mutex_lock (&dictionary_lock);
      while (dictionary_state != DICTIONARY_READ)
        g_cond_wait (&dictionary_cond, &dictionary_lock);
      g_mutex_unlock (&dictionary_lock);
    }
  on_buffer_notify_cb ((RubricNotesView *) view);
  return G_OBJECT (((RubricNotesView *) view)->adapter);
#else
  return NULL;
#endif
}

/**
 * rubric_notes_view_hold_dictionary:
 * @hold: whether the dictionary may not be read yet
 *
 * For tests: holds the worker that reads the spelling dictionary before
 * it reads (and lets it go on), so that a test can see the views wait for
 * it while the main loop runs on.
 */
void
rubric_notes_view_hold_dictionary (gboolean hold)
{
#if HAVE_SPELLCHECK
  g_mutex_lock (&dictionary_lock);
  dictionary_held = hold;
  g_cond_broadcast (&dictionary_cond);
  g_mutex_unlock (&dictionary_lock);
#endif
}

/**
 * rubric_notes_view_get_checking:
 * @view: a notes view
 *
 * Whether a checker is on the view's buffer yet: only from the view's
 * first showing (or rubric_notes_view_get_spelling()), so that a window
 * that shows no notes loads no dictionary.
 *
 * Returns: %TRUE when the buffer has its checker
 */
gboolean
rubric_notes_view_get_checking (GtkTextView *view)
{
  g_return_val_if_fail (G_TYPE_CHECK_INSTANCE_TYPE (view, RUBRIC_TYPE_NOTES_VIEW), FALSE);

#if HAVE_SPELLCHECK
  return ((RubricNotesView *) view)->adapter != NULL;
#else
  return FALSE;
#endif
}
