/* bench-stalls.c — the longest gaps between frames of the real window
 * while typing, autosaving, rating and exporting (build-aux/bench stalls)
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The real RubricApplication and RubricWindow, in this process, on the
 * display tests/with-display gives it. A tick callback keeps the window's
 * frame clock running, so a frame is due every refresh whether or not
 * anything changed, and every "after-paint" of the clock is recorded with
 * what the script was doing then. The script, run from the main loop:
 *
 *  1. opens a session saved to a file (so autosave writes it) whose first
 *     question has a note of 50 KB, in paragraphs;
 *  2. focuses that note (win.focus-notes), puts the cursor at its end and
 *     types 2,000 characters into it, one every 16 ms: each goes the way
 *     GtkTextView's input method commit goes — a user action around
 *     GtkTextView::insert-at-cursor (gtk_text_buffer_insert_interactive_at_cursor),
 *     then the cursor scrolled on screen — so the buffer's handlers (the
 *     rating row's, the spelling checker's, undo) run as for a key press;
 *  3. waits for autosave to catch up;
 *  4. goes through 30 questions as an interviewer does, a step every
 *     100 ms: reveals the answer (win.reveal), then rates the question
 *     (win.rate) and goes on (win.next-question, or win.next-topic at the
 *     end of a topic);
 *  5. opens the Export dialog (win.export) for each format — PDF, Markdown,
 *     HTML, text, CSV —, waits for its preview, then writes the file
 *     (rubric_export_dialog_export_to(), as the file chooser's answer does)
 *     and waits for the dialog to close.
 *
 * Autosaves are counted by a thread that polls the file's change time.
 * Prints the number of frames, the longest gap, the median, 95th and 99th
 * percentiles of the gaps, the worst gaps with their phase, and PASS or
 * MISS against the targets: no gap over 32 ms, 99th percentile
 * ≤ 17 ms.
 *
 * Usage: bench-stalls KIT   (build-aux/bench stalls runs it)
 */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "rubric-export-dialog.h"
#include "rubric-test-utils.h"
#include "rubric-window.h"

#define NOTE_BYTES (50 * 1024)
#define N_TYPED 2000
#define N_RATED 30
#define TYPE_INTERVAL_MS 16
#define RATE_INTERVAL_MS 100
#define TARGET_MAX_MS 32.0
#define TARGET_P99_MS 17.0
#define N_WORST 12

typedef enum {
  PHASE_SETTLE,
  PHASE_TYPING,
  PHASE_AUTOSAVE,
  PHASE_RATING,
  PHASE_EXPORT_PDF,
  PHASE_EXPORT_MARKDOWN,
  PHASE_EXPORT_HTML,
  PHASE_EXPORT_TEXT,
  PHASE_EXPORT_CSV,
  PHASE_DONE,
} Phase;

static const char * const phase_names[] = {
  "settle", "typing", "autosave", "rating",
  "export PDF", "export Markdown", "export HTML", "export text", "export CSV", "done",
};

typedef struct
{
  double gap_ms;
  double layout_ms;    /* the frame's update and layout phases */
  double paint_ms;     /* its paint phase: snapshot, render, present */
  double cpu_ms;       /* CPU time the main thread used in the gap */
  double size_ms;      /* in the window's GdkToplevel::compute-size */
  Phase phase;
  const char *step;
} Gap;

typedef struct
{
  RubricApplication *app;
  RubricWindow *window;
  GtkTextView *notes;
  char *path;
  char *dir;

  Phase phase;
  const char *step;       /* what within the phase */
  guint n_typed;
  guint n_rated;
  guint n_revealed;
  guint n_exported;
  gint64 phase_start;

  gint64 last_paint;
  gint64 last_cpu;
  gint64 update_start;
  gint64 layout_end;
  gint64 paint_end;
  gint64 size_start;
  gint64 size_us;         /* in compute-size since the last paint */
  GArray *gaps;           /* Gap */

  /* How long the script's own calls held the main loop: the longest of
   * each kind, and where the time of a gap went when it was not there. */
  GHashTable *call_ms;    /* name → double* */
  gsize note_bytes;

  /* The autosave counter. */
  GThread *poller;
  gint stop_polling;
  gint n_saves;
  gint n_saves_at_typing_end;
} Bench;

static const char sample[] =
  "Explained the request cycle clearly, from the URL resolver through the view "
  "to the template; needed a hint about middleware order, then got there. ";

/* A note of about NOTE_BYTES in paragraphs of some 600 characters, as
 * interviewers write them. */
static char *
make_note (void)
{
  GString *note = g_string_new (NULL);

  /* BENCH_STALLS_NOTE_BYTES: another size, to compare. */
  gsize bytes = g_getenv ("BENCH_STALLS_NOTE_BYTES") != NULL ? (gsize) atol (g_getenv ("BENCH_STALLS_NOTE_BYTES")) : NOTE_BYTES;

  for (guint i = 0; note->len < bytes; i++)
    {
      g_string_append (note, sample);
      if (i % 4 == 3)
        g_string_append (note, "\n\n");
    }
  return g_string_free (note, FALSE);
}

static gpointer
poll_saves (gpointer user_data)
{
  Bench *bench = user_data;
  gint64 last = 0;

  while (!g_atomic_int_get (&bench->stop_polling))
    {
      struct stat st;

      if (g_stat (bench->path, &st) == 0)
        {
          gint64 changed = (gint64) st.st_ctim.tv_sec * G_GINT64_CONSTANT (1000000000) + st.st_ctim.tv_nsec;

          if (last != 0 && changed != last)
            g_atomic_int_inc (&bench->n_saves);
          last = changed;
        }
      g_usleep (20000);
    }
  return NULL;
}

/* The CPU time of the calling thread, in µs. */
static gint64
thread_cpu_us (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return (gint64) ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

static void
on_after_paint_cb (GdkFrameClock *clock,
                   Bench         *bench)
{
  gint64 now = g_get_monotonic_time ();
  gint64 cpu = thread_cpu_us ();

  /* A phase the clock skipped this frame counts as nothing. */
  if (bench->layout_end < bench->update_start)
    bench->layout_end = bench->update_start;
  if (bench->paint_end < bench->layout_end)
    bench->paint_end = bench->layout_end;

  if (bench->last_paint != 0 && bench->phase != PHASE_SETTLE)
    {
      Gap gap = {
        (now - bench->last_paint) / 1000.0,
        (bench->layout_end - bench->update_start) / 1000.0,
        (bench->paint_end - bench->layout_end) / 1000.0,
        (cpu - bench->last_cpu) / 1000.0,
        bench->size_us / 1000.0,
        bench->phase, bench->step
      };

      g_array_append_val (bench->gaps, gap);
    }
  bench->last_paint = now;
  bench->last_cpu = cpu;
  bench->size_us = 0;
}

/* The surface's own handlers of the clock's phases were connected first:
 * these run at the start of update and at the end of layout and paint. */
static void
on_update_cb (GdkFrameClock *clock,
              Bench         *bench)
{
  bench->update_start = g_get_monotonic_time ();
}

/* GtkWindow answers GdkToplevel::compute-size by measuring the whole
 * window for its natural size. GDK emits it in the frame's layout phase,
 * and also from an idle of its own after a resize is queued — outside the
 * phases above —, so it is timed apart: an emission hook runs before the
 * window's handler, a handler connected after runs last. */
static Bench *size_bench;

static gboolean
size_hook_cb (GSignalInvocationHint *hint,
              guint                  n_params,
              const GValue          *params,
              gpointer               user_data)
{
  size_bench->size_start = g_get_monotonic_time ();
  return TRUE;
}

static void
on_compute_size_after_cb (GdkToplevel *toplevel,
                          gpointer     size,
                          Bench       *bench)
{
  bench->size_us += g_get_monotonic_time () - bench->size_start;
}

static void
on_layout_cb (GdkFrameClock *clock,
              Bench         *bench)
{
  bench->layout_end = g_get_monotonic_time ();
}

static void
on_paint_cb (GdkFrameClock *clock,
             Bench         *bench)
{
  bench->paint_end = g_get_monotonic_time ();
}

/* Asks for a frame at every refresh, so gaps are measured when nothing
 * changes on screen too. */
static gboolean
keep_ticking_cb (GtkWidget     *widget,
                 GdkFrameClock *clock,
                 gpointer       user_data)
{
  return G_SOURCE_CONTINUE;
}

/* Runs nothing itself: notes that the call NAME, begun at START, took
 * until now. */
static void
note_call (Bench      *bench,
           const char *name,
           gint64      start)
{
  double ms = (g_get_monotonic_time () - start) / 1000.0;
  double *longest = g_hash_table_lookup (bench->call_ms, name);

  if (longest == NULL)
    {
      longest = g_new0 (double, 1);
      g_hash_table_insert (bench->call_ms, (gpointer) name, longest);
    }
  *longest = MAX (*longest, ms);
}

static void
set_phase (Bench *bench,
           Phase  phase)
{
  bench->phase = phase;
  bench->step = "";
  bench->phase_start = g_get_monotonic_time ();
}

static double
ms_in_phase (Bench *bench)
{
  return (g_get_monotonic_time () - bench->phase_start) / 1000.0;
}

static GtkTextView *
find_notes (Bench *bench)
{
  GtkWidget *focus;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (bench->window), "win.focus-notes", NULL));
  focus = gtk_root_get_focus (GTK_ROOT (bench->window));
  while (focus != NULL && !GTK_IS_TEXT_VIEW (focus))
    focus = gtk_widget_get_parent (focus);
  if (focus == NULL)
    g_error ("win.focus-notes focused no text view");
  if (gtk_text_buffer_get_char_count (gtk_text_view_get_buffer (GTK_TEXT_VIEW (focus))) < 100)
    g_error ("the focused notes are not the 50 KB note");
  return GTK_TEXT_VIEW (focus);
}

/* One character, as GtkTextView's input method commit types it. */
static void
type_char (GtkTextView *view,
           char         c)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  char text[2] = { c, '\0' };

  gtk_text_buffer_begin_user_action (buffer);
  g_signal_emit_by_name (view, "insert-at-cursor", text);
  gtk_text_buffer_end_user_action (buffer);
  gtk_text_view_scroll_mark_onscreen (view, gtk_text_buffer_get_insert (buffer));
}

static AdwDialog *
visible_dialog (Bench *bench)
{
  return adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (bench->window));
}

static gboolean
export_step (Bench *bench)
{
  RubricExportFormat format = bench->phase - PHASE_EXPORT_PDF;
  AdwDialog *dialog = visible_dialog (bench);

  if (g_str_equal (bench->step, ""))
    {
      gint64 start = g_get_monotonic_time ();

      g_assert_null (dialog);
      bench->step = "opening the dialog";
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (bench->window), "win.export", NULL));
      note_call (bench, "win.export", start);
      return G_SOURCE_CONTINUE;
    }
  if (g_str_equal (bench->step, "opening the dialog"))
    {
      gint64 start = g_get_monotonic_time ();

      g_assert_true (RUBRIC_IS_EXPORT_DIALOG (dialog));
      bench->step = "preview";
      rubric_export_dialog_set_format (RUBRIC_EXPORT_DIALOG (dialog), format);
      note_call (bench, "choosing the format", start);
      return G_SOURCE_CONTINUE;
    }
  if (g_str_equal (bench->step, "preview"))
    {
      g_autofree char *preview = rubric_export_dialog_dup_preview (RUBRIC_EXPORT_DIALOG (dialog));

      /* The preview shown, and looked at for a moment. */
      if ((rubric_export_format_is_text (format) && preview == NULL) || ms_in_phase (bench) < 500)
        return G_SOURCE_CONTINUE;
      if (rubric_export_format_is_text (format) && strstr (preview, "Explained the request cycle") == NULL)
        g_error ("the %s preview has no note", rubric_export_format_get_extension (format));
      {
        g_autofree char *name = g_strdup_printf ("summary.%s", rubric_export_format_get_extension (format));
        g_autofree char *out = g_build_filename (bench->dir, name, NULL);
        g_autoptr(GFile) file = g_file_new_for_path (out);

        gint64 start = g_get_monotonic_time ();

        bench->step = "writing";
        rubric_export_dialog_export_to (RUBRIC_EXPORT_DIALOG (dialog), file);
        note_call (bench, "rubric_export_dialog_export_to", start);
      }
      return G_SOURCE_CONTINUE;
    }
  /* Writing: the dialog closes when the file is written. */
  if (dialog != NULL)
    return G_SOURCE_CONTINUE;
  bench->n_exported++;
  set_phase (bench, bench->phase + 1);
  return G_SOURCE_CONTINUE;
}

/* BENCH_STALLS_SKIP=typing,rating leaves those out: a profile of the
 * rest. */
static gboolean
skip (const char *what)
{
  const char *list = g_getenv ("BENCH_STALLS_SKIP");

  return list != NULL && strstr (list, what) != NULL;
}

static gboolean
step_cb (gpointer user_data)
{
  Bench *bench = user_data;

  switch (bench->phase)
    {
    case PHASE_SETTLE:
      if (ms_in_phase (bench) < 1500)
        return G_SOURCE_CONTINUE;
      bench->notes = find_notes (bench);
      {
        GtkTextBuffer *buffer = gtk_text_view_get_buffer (bench->notes);
        GtkTextIter end;

        gtk_text_buffer_get_end_iter (buffer, &end);
        gtk_text_buffer_place_cursor (buffer, &end);
        gtk_text_view_scroll_mark_onscreen (bench->notes, gtk_text_buffer_get_insert (buffer));
      }
      set_phase (bench, PHASE_TYPING);
      bench->step = "typing";
      return G_SOURCE_CONTINUE;

    case PHASE_TYPING:
      if (bench->n_typed < N_TYPED && !skip ("typing"))
        {
          char c = sample[bench->n_typed % (sizeof sample - 1)];

          gint64 start = g_get_monotonic_time ();

          type_char (bench->notes, bench->n_typed % 500 == 499 ? '\n' : c);
          note_call (bench, "typing a character", start);
          bench->n_typed++;
          return G_SOURCE_CONTINUE;
        }
      bench->n_saves_at_typing_end = g_atomic_int_get (&bench->n_saves);
      set_phase (bench, PHASE_AUTOSAVE);
      return G_SOURCE_CONTINUE;

    case PHASE_AUTOSAVE:
      if (ms_in_phase (bench) < 3000)
        return G_SOURCE_CONTINUE;
      set_phase (bench, PHASE_RATING);
      return G_SOURCE_CONTINUE;

    case PHASE_RATING:
      if (ms_in_phase (bench) < (bench->n_rated + bench->n_revealed + 1) * RATE_INTERVAL_MS)
        return G_SOURCE_CONTINUE;
      if (bench->n_rated < N_RATED && !skip ("rating"))
        {
          GtkWidget *widget = GTK_WIDGET (bench->window);

          gint64 start = g_get_monotonic_time ();

          /* The answer first, as the candidate finishes. */
          if (bench->n_revealed == bench->n_rated)
            {
              bench->step = "win.reveal";
              g_assert_true (gtk_widget_activate_action (widget, "win.reveal", NULL));
              note_call (bench, "win.reveal", start);
              bench->n_revealed++;
              return G_SOURCE_CONTINUE;
            }

          bench->step = "win.rate, win.next-question";
          g_assert_true (gtk_widget_activate_action (widget, "win.rate", "i", (int) (bench->n_rated % 5) + 1));
          note_call (bench, "win.rate", start);
          bench->n_rated++;
          start = g_get_monotonic_time ();
          {
            guint topic = rubric_window_get_topic_index (bench->window);
            guint question = rubric_window_get_question_index (bench->window);

            /* The next question, or the next topic after its last. */
            gtk_widget_activate_action (widget, "win.next-question", NULL);
            if (rubric_window_get_topic_index (bench->window) == topic &&
                rubric_window_get_question_index (bench->window) == question)
              gtk_widget_activate_action (widget, "win.next-topic", NULL);
          }
          note_call (bench, "win.next-question or -topic", start);
          return G_SOURCE_CONTINUE;
        }
      if (ms_in_phase (bench) < (2 * N_RATED + 10) * RATE_INTERVAL_MS)
        return G_SOURCE_CONTINUE;
      set_phase (bench, PHASE_EXPORT_PDF);
      return G_SOURCE_CONTINUE;

    case PHASE_EXPORT_PDF:
    case PHASE_EXPORT_MARKDOWN:
    case PHASE_EXPORT_HTML:
    case PHASE_EXPORT_TEXT:
    case PHASE_EXPORT_CSV:
      return export_step (bench);

    case PHASE_DONE:
    default:
      return G_SOURCE_REMOVE;
    }
}

static int
compare_gaps (const void *a,
              const void *b)
{
  double x = ((const Gap *) a)->gap_ms, y = ((const Gap *) b)->gap_ms;

  return (x < y) - (x > y);   /* longest first */
}

static int
compare_gaps_by_cpu (const void *a,
                     const void *b)
{
  const Gap *x = a, *y = b;

  return (x->cpu_ms < y->cpu_ms) - (x->cpu_ms > y->cpu_ms);   /* most first */
}

static double
percentile (const Gap *sorted,   /* longest first */
            guint      n,
            double     p)
{
  guint rank = (guint) ((1.0 - p) * n);

  return sorted[MIN (rank, n - 1)].gap_ms;
}

static void
report (Bench *bench)
{
  Gap *gaps = (Gap *) bench->gaps->data;
  guint n = bench->gaps->len;
  double max, p50, p95, p99;
  gboolean met;
  guint per_phase[PHASE_DONE + 1] = { 0 };
  guint late_per_phase[PHASE_DONE + 1] = { 0 };
  double max_per_phase[PHASE_DONE + 1] = { 0 };
  double layout_per_phase[PHASE_DONE + 1] = { 0 };
  double paint_per_phase[PHASE_DONE + 1] = { 0 };
  double cpu_max_per_phase[PHASE_DONE + 1] = { 0 };
  g_autofree Gap *by_cpu = g_memdup2 (gaps, n * sizeof (Gap));

  g_assert_cmpuint (n, >, 0);
  for (guint i = 0; i < n; i++)
    {
      per_phase[gaps[i].phase]++;
      if (gaps[i].gap_ms > TARGET_MAX_MS)
        late_per_phase[gaps[i].phase]++;
      max_per_phase[gaps[i].phase] = MAX (max_per_phase[gaps[i].phase], gaps[i].gap_ms);
      layout_per_phase[gaps[i].phase] += gaps[i].layout_ms;
      paint_per_phase[gaps[i].phase] += gaps[i].paint_ms;
      cpu_max_per_phase[gaps[i].phase] = MAX (cpu_max_per_phase[gaps[i].phase], gaps[i].cpu_ms);
    }
  qsort (gaps, n, sizeof (Gap), compare_gaps);
  max = gaps[0].gap_ms;
  p50 = percentile (gaps, n, 0.50);
  p95 = percentile (gaps, n, 0.95);
  p99 = percentile (gaps, n, 0.99);
  met = max <= TARGET_MAX_MS && p99 <= TARGET_P99_MS;

  printf ("A note of %.1f KB: %u characters typed, %d autosaves (%d while typing), %u questions rated, %u formats exported\n\n",
          bench->note_bytes / 1024.0, bench->n_typed, g_atomic_int_get (&bench->n_saves), bench->n_saves_at_typing_end,
          bench->n_rated, bench->n_exported);
  printf ("%-16s %7s %12s %11s %12s %12s %13s\n", "phase", "frames", "gaps > 32ms", "longest ms",
          "layout ms/fr", "paint ms/fr", "most CPU ms");
  for (Phase p = PHASE_TYPING; p < PHASE_DONE; p++)
    printf ("%-16s %7u %12u %11.1f %12.2f %12.2f %13.1f\n", phase_names[p], per_phase[p], late_per_phase[p], max_per_phase[p],
            per_phase[p] > 0 ? layout_per_phase[p] / per_phase[p] : 0.0,
            per_phase[p] > 0 ? paint_per_phase[p] / per_phase[p] : 0.0,
            cpu_max_per_phase[p]);
  printf ("\nFrames %u; gaps: longest %.1f ms, median %.1f, 95th %.1f, 99th %.1f ms\n", n, max, p50, p95, p99);
  qsort (by_cpu, n, sizeof (Gap), compare_gaps_by_cpu);
  printf ("Main-thread CPU per gap (its own work; the rest of a gap is waiting: the clock, the X server, a busy machine):\n"
          "  longest %.1f ms, median %.1f, 99th %.1f ms\n", by_cpu[0].cpu_ms,
          by_cpu[MIN (n / 2, n - 1)].cpu_ms, by_cpu[MIN ((guint) (0.01 * n), n - 1)].cpu_ms);
  printf ("Worst gaps (the frame's update+layout, its paint, the main thread's CPU time in the whole gap,\n"
          "the window's compute-size in the whole gap):\n");
  for (guint i = 0; i < MIN (n, N_WORST); i++)
    printf ("  %7.1f ms  (layout %5.1f, paint %5.1f, CPU %5.1f, size %5.1f)  %s%s%s\n", gaps[i].gap_ms,
            gaps[i].layout_ms, gaps[i].paint_ms, gaps[i].cpu_ms, gaps[i].size_ms, phase_names[gaps[i].phase],
            *gaps[i].step != '\0' ? ": " : "", gaps[i].step);
  printf ("\nThe script's own calls, longest of each (the rest of a gap is the main loop's: layout, drawing, handlers):\n");
  {
    GHashTableIter iter;
    gpointer name, longest;

    g_hash_table_iter_init (&iter, bench->call_ms);
    while (g_hash_table_iter_next (&iter, &name, &longest))
      printf ("  %7.1f ms  %s\n", *(double *) longest, (const char *) name);
  }
  printf ("\nTargets: longest gap ≤ %.0f ms, 99th percentile ≤ %.0f ms: %s\n",
          TARGET_MAX_MS, TARGET_P99_MS, met ? "PASS" : "MISS");
}

int
main (int   argc,
      char *argv[])
{
  GdkFrameClock *clock;
  RubricQuestion *first;
  Bench bench = { 0 };
  g_autofree char *home = NULL, *note = NULL, *stamp = NULL;
  g_autoptr(RubricSession) session = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  if (argc != 1)
    {
      fprintf (stderr, "Usage: %s   (under tests/with-display)\n", argv[0]);
      return 2;
    }

  home = rubric_test_make_home ("rubric-bench-stalls-XXXXXX");
  g_setenv ("LANGUAGE", "C", TRUE);
  setlocale (LC_ALL, "C.UTF-8");
  gtk_init ();
  adw_init ();

  /* BENCH_STALLS_NO_ANIMATIONS=1: as with animations turned off in
   * Settings, to tell their frames from the rest. */
  if (g_getenv ("BENCH_STALLS_NO_ANIMATIONS") != NULL)
    g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  bench.app = rubric_test_new_application ();
  bench.dir = g_strdup (home);
  bench.path = g_build_filename (home, "stalls.rubric.json", NULL);
  bench.gaps = g_array_new (FALSE, FALSE, sizeof (Gap));
  bench.call_ms = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);

  /* The session, on disk, with its 50 KB note on the first question. */
  session = rubric_session_new (rubric_application_get_kit (bench.app));
  rubric_session_set_candidate_name (session, "Grace Hopper");
  rubric_session_set_interviewer (session, "Sam Lee");
  {
    g_autoptr(RubricTopic) topic = g_list_model_get_item (rubric_kit_get_topics (rubric_application_get_kit (bench.app)), 0);
    g_autoptr(RubricQuestion) question = g_list_model_get_item (rubric_topic_get_questions (topic), 0);

    first = question;
    note = make_note ();
    bench.note_bytes = strlen (note);
    rubric_answer_set_notes (rubric_session_ensure_answer (session, first), note);
  }
  file = g_file_new_for_path (bench.path);
  if (!rubric_session_save (session, file, NULL, &error) ||
      (stamp = rubric_file_dup_stamp (file, NULL, &error)) == NULL)
    g_error ("%s: %s", bench.path, error->message);

  bench.window = rubric_window_new (bench.app);
  gtk_window_set_default_size (GTK_WINDOW (bench.window), 1200, 800);
  rubric_test_show_window (GTK_WINDOW (bench.window));
  rubric_window_open_session (bench.window, session, file, stamp);

  clock = gtk_widget_get_frame_clock (GTK_WIDGET (bench.window));
  size_bench = &bench;
  g_signal_add_emission_hook (g_signal_lookup ("compute-size", GDK_TYPE_TOPLEVEL), 0, size_hook_cb, NULL, NULL);
  g_signal_connect_after (gtk_native_get_surface (GTK_NATIVE (bench.window)), "compute-size",
                          G_CALLBACK (on_compute_size_after_cb), &bench);
  g_signal_connect (clock, "update", G_CALLBACK (on_update_cb), &bench);
  g_signal_connect (clock, "layout", G_CALLBACK (on_layout_cb), &bench);
  g_signal_connect (clock, "paint", G_CALLBACK (on_paint_cb), &bench);
  g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint_cb), &bench);
  gtk_widget_add_tick_callback (GTK_WIDGET (bench.window), keep_ticking_cb, NULL, NULL);

  bench.poller = g_thread_new ("poll-saves", poll_saves, &bench);
  set_phase (&bench, PHASE_SETTLE);
  g_timeout_add (TYPE_INTERVAL_MS, step_cb, &bench);
  while (bench.phase != PHASE_DONE)
    g_main_context_iteration (NULL, TRUE);

  g_atomic_int_set (&bench.stop_polling, TRUE);
  g_thread_join (bench.poller);
  report (&bench);
  return 0;
}
