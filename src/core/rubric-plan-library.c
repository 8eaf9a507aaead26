/* rubric-plan-library.c — the interview plans: the bundled ones and the user's
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Rubric comes with a plan for its bundled kit, a resource the application
 * hands over as bytes. The user's plans are files in
 * $XDG_DATA_HOME/rubric/plans, one plan a file, named <plan-id>.json when
 * Rubric wrote them. The library is a GListModel of them all: the bundled
 * plans first, then the user's by name.
 *
 * A file in the folder that does not load is skipped and reported as a
 * warning with where its problem is, as is a second plan with an id the
 * library already has; the other plans load all the same. Reading and
 * parsing happen in a worker thread, writing through rubric_file_write_async()
 * (whole or not at all); the model changes on the thread that made the
 * library.
 *
 * Importing never overwrites: a plan whose id is taken by a different plan
 * is kept under a free id (<id>-2, <id>-3…) and, when its name is taken too,
 * a numbered name ("Name (2)"). The same plan imported again is not copied
 * twice.
 */

#define G_LOG_DOMAIN "rubric-plan-library"

#include "config.h"

#include <glib/gi18n.h>

#include "rubric-check.h"
#include "rubric-file.h"
#include "rubric-json-private.h"
#include "rubric-plan-library.h"

G_DEFINE_QUARK (rubric-plan-library-error-quark, rubric_plan_library_error)

#define PLAN_SUFFIX ".json"
/* Ids longer than this get cut before a number is added: ids are 64 at most. */
#define MAX_BASE_ID 56

struct _RubricPlanLibrary
{
  GObject parent_instance;

  GBytes *bundled_bytes;   /* until the first load has parsed them */
  GPtrArray *bundled;      /* RubricPlan */
  GListStore *plans;
  GHashTable *files;       /* a user's RubricPlan (borrowed from plans) → GFile */
  GHashTable *names;       /* every file name in the folder, loaded or not */
  GStrv warnings;
  gboolean loaded;
};

G_DEFINE_FINAL_TYPE (RubricPlanLibrary, rubric_plan_library, G_TYPE_OBJECT)

static void
rubric_plan_library_dispose (GObject *object)
{
  RubricPlanLibrary *self = RUBRIC_PLAN_LIBRARY (object);

  if (self->files != NULL)
    g_hash_table_remove_all (self->files);
  if (self->plans != NULL)
    g_list_store_remove_all (self->plans);

  G_OBJECT_CLASS (rubric_plan_library_parent_class)->dispose (object);
}

static void
rubric_plan_library_finalize (GObject *object)
{
  RubricPlanLibrary *self = RUBRIC_PLAN_LIBRARY (object);

  g_clear_pointer (&self->bundled_bytes, g_bytes_unref);
  g_clear_pointer (&self->bundled, g_ptr_array_unref);
  g_clear_object (&self->plans);
  g_clear_pointer (&self->files, g_hash_table_unref);
  g_clear_pointer (&self->names, g_hash_table_unref);
  g_strfreev (self->warnings);

  G_OBJECT_CLASS (rubric_plan_library_parent_class)->finalize (object);
}

static void
rubric_plan_library_class_init (RubricPlanLibraryClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = rubric_plan_library_dispose;
  G_OBJECT_CLASS (klass)->finalize = rubric_plan_library_finalize;
}

static void
rubric_plan_library_init (RubricPlanLibrary *self)
{
  self->bundled = g_ptr_array_new_with_free_func (g_object_unref);
  self->plans = g_list_store_new (RUBRIC_TYPE_PLAN);
  self->files = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, g_object_unref);
  self->names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->warnings = g_new0 (char *, 1);
}

/**
 * rubric_plan_library_get_folder:
 *
 * Returns: (transfer full): the folder of the user's plans,
 *   $XDG_DATA_HOME/rubric/plans
 */
GFile *
rubric_plan_library_get_folder (void)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "rubric", "plans", NULL);

  return g_file_new_for_path (path);
}

/**
 * rubric_plan_library_new:
 * @bundled_plan_bytes: (nullable): the bundled plan file's contents (the
 *   application passes its resource's bytes)
 *
 * Makes an empty library; rubric_plan_library_load_async() fills it.
 *
 * Returns: (transfer full): the library
 */
RubricPlanLibrary *
rubric_plan_library_new (GBytes *bundled_plan_bytes)
{
  RubricPlanLibrary *self = g_object_new (RUBRIC_TYPE_PLAN_LIBRARY, NULL);

  if (bundled_plan_bytes != NULL)
    self->bundled_bytes = g_bytes_ref (bundled_plan_bytes);

  return self;
}

/* By name as people read it, then by id. */
static int
compare_plans (RubricPlan *a,
               RubricPlan *b)
{
  int result = g_utf8_collate (rubric_plan_get_name (a), rubric_plan_get_name (b));

  if (result != 0)
    return result;
  return g_strcmp0 (rubric_plan_get_id (a), rubric_plan_get_id (b));
}

static gboolean
is_bundled_id (RubricPlanLibrary *self,
               const char        *plan_id)
{
  for (guint i = 0; i < self->bundled->len; i++)
    if (g_str_equal (rubric_plan_get_id (g_ptr_array_index (self->bundled, i)), plan_id))
      return TRUE;
  return FALSE;
}

/* ------------------------------------------------------------------ loading */

typedef struct
{
  RubricPlan *plan;
  GFile *file;
} Entry;

static void
entry_free (Entry *entry)
{
  g_object_unref (entry->plan);
  g_object_unref (entry->file);
  g_free (entry);
}

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  return compare_plans ((*(Entry * const *) a)->plan, (*(Entry * const *) b)->plan);
}

typedef struct
{
  RubricPlan *bundled;     /* parsed when the library had not yet */
  GPtrArray *entries;      /* the user's Entry, sorted */
  GPtrArray *names;        /* every name in the folder */
  GPtrArray *warnings;     /* NULL-terminated */
} LoadResult;

static void
load_result_free (LoadResult *result)
{
  g_clear_object (&result->bundled);
  g_clear_pointer (&result->entries, g_ptr_array_unref);
  g_clear_pointer (&result->names, g_ptr_array_unref);
  g_clear_pointer (&result->warnings, g_ptr_array_unref);
  g_free (result);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LoadResult, load_result_free)

/* One file of the folder: its plan, or a warning saying why not. */
static RubricPlan *
load_one (GFile         *folder,
          const char    *name,
          GHashTable    *seen,
          GPtrArray     *warnings,
          GCancellable  *cancellable)
{
  g_autoptr(GFile) file = g_file_get_child (folder, name);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(RubricPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  const char *first;

  bytes = rubric_json_read_file (file, RUBRIC_PLAN_ERROR, NULL, cancellable, &error);
  if (bytes != NULL)
    plan = rubric_plan_new_from_bytes (bytes, &error);
  if (plan == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_ptr_array_add (warnings, rubric_check_format_problem (name, error->message));
      return NULL;
    }

  first = g_hash_table_lookup (seen, rubric_plan_get_id (plan));
  if (first == NULL)
    {
      g_hash_table_insert (seen, g_strdup (rubric_plan_get_id (plan)), g_strdup (name));
      return g_steal_pointer (&plan);
    }

  if (*first == '\0')
    /* Translators: an interview plan file left out of the library; %s is
     * the plan's id */
    message = g_strdup_printf (_("The plan “%s” has the id of a plan that comes with Rubric, and was skipped"),
                               rubric_plan_get_id (plan));
  else
    /* Translators: a plan file left out of the library: the first %s is
     * the plan's id, the second the file that has it already */
    message = g_strdup_printf (_("The plan “%s” is already in the library, from “%s”, and was skipped"),
                               rubric_plan_get_id (plan), first);
  g_ptr_array_add (warnings, rubric_check_format_problem (name, message));
  return NULL;
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GBytes *bundled_bytes = g_object_get_data (G_OBJECT (task), "bundled-bytes");
  const char * const *bundled_ids = task_data;
  g_autoptr(LoadResult) result = g_new0 (LoadResult, 1);
  g_autoptr(GFile) folder = rubric_plan_library_get_folder ();
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GError) error = NULL;

  result->entries = g_ptr_array_new_with_free_func ((GDestroyNotify) entry_free);
  result->warnings = g_ptr_array_new_null_terminated (0, g_free, TRUE);

  /* The bundled plan is Rubric's own: if it does not load, nothing does. */
  if (bundled_bytes != NULL)
    {
      result->bundled = rubric_plan_new_from_bytes (bundled_bytes, &error);
      if (result->bundled == NULL)
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
      g_hash_table_insert (seen, g_strdup (rubric_plan_get_id (result->bundled)), g_strdup (""));
    }
  for (guint i = 0; bundled_ids != NULL && bundled_ids[i] != NULL; i++)
    g_hash_table_insert (seen, g_strdup (bundled_ids[i]), g_strdup (""));

  result->names = rubric_file_list_names (folder, PLAN_SUFFIX, cancellable, &error);
  if (result->names == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
      /* No folder: no plans of the user's. Any other problem is a
       * warning: the bundled plans are still there. */
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        g_ptr_array_add (result->warnings, rubric_check_format_problem (g_file_peek_path (folder), error->message));
      result->names = g_ptr_array_new_with_free_func (g_free);
    }

  for (guint i = 0; i < result->names->len; i++)
    {
      const char *name = g_ptr_array_index (result->names, i);
      RubricPlan *plan = load_one (folder, name, seen, result->warnings, cancellable);

      if (g_cancellable_set_error_if_cancelled (cancellable, &error))
        {
          g_clear_object (&plan);
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
      if (plan != NULL)
        {
          Entry *entry = g_new0 (Entry, 1);

          entry->plan = plan;
          entry->file = g_file_get_child (folder, name);
          g_ptr_array_add (result->entries, entry);
        }
    }
  g_ptr_array_sort (result->entries, compare_entries);

  g_task_return_pointer (task, g_steal_pointer (&result), (GDestroyNotify) load_result_free);
}

static void
load_cb (GObject      *object,
         GAsyncResult *res,
         gpointer      user_data)
{
  RubricPlanLibrary *self = RUBRIC_PLAN_LIBRARY (object);
  g_autoptr(GTask) task = user_data;
  g_autoptr(LoadResult) result = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;

  result = g_task_propagate_pointer (G_TASK (res), &error);
  if (result == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (result->bundled != NULL && self->bundled->len == 0)
    {
      g_ptr_array_add (self->bundled, g_steal_pointer (&result->bundled));
      g_clear_pointer (&self->bundled_bytes, g_bytes_unref);
    }

  items = g_ptr_array_new ();
  g_ptr_array_extend (items, self->bundled, NULL, NULL);
  g_hash_table_remove_all (self->files);
  for (guint i = 0; i < result->entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (result->entries, i);

      g_ptr_array_add (items, entry->plan);
      g_hash_table_insert (self->files, entry->plan, g_object_ref (entry->file));
    }
  g_hash_table_remove_all (self->names);
  for (guint i = 0; i < result->names->len; i++)
    g_hash_table_add (self->names, g_strdup (g_ptr_array_index (result->names, i)));

  g_strfreev (self->warnings);
  if (result->warnings->len > 0)
    self->warnings = (GStrv) g_ptr_array_steal (result->warnings, NULL);
  else
    self->warnings = g_new0 (char *, 1);

  g_list_store_splice (self->plans, 0, g_list_model_get_n_items (G_LIST_MODEL (self->plans)),
                       items->pdata, items->len);

  self->loaded = TRUE;
  g_task_return_boolean (task, TRUE);
}

/**
 * rubric_plan_library_load_async:
 *
 * Loads the bundled plan (the first time) and reads the folder of the
 * user's plans in a worker thread, then fills the model. A user's plan that
 * does not load is skipped and named in rubric_plan_library_get_warnings();
 * the others load all the same. Calling it again reads the folder again.
 */
void
rubric_plan_library_load_async (RubricPlanLibrary   *self,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) thread_task = NULL;
  g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();

  g_return_if_fail (RUBRIC_IS_PLAN_LIBRARY (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, rubric_plan_library_load_async);

  thread_task = g_task_new (self, cancellable, load_cb, g_steal_pointer (&task));
  for (guint i = 0; i < self->bundled->len; i++)
    g_strv_builder_add (ids, rubric_plan_get_id (g_ptr_array_index (self->bundled, i)));
  g_task_set_task_data (thread_task, g_strv_builder_end (ids), (GDestroyNotify) g_strfreev);
  if (self->bundled->len == 0 && self->bundled_bytes != NULL)
    g_object_set_data_full (G_OBJECT (thread_task), "bundled-bytes",
                            g_bytes_ref (self->bundled_bytes), (GDestroyNotify) g_bytes_unref);
  g_task_run_in_thread (thread_task, load_thread);
}

/**
 * rubric_plan_library_load_finish:
 * @error: the bundled plan's error, if it does not load, or
 *   %G_IO_ERROR_CANCELLED; never a user plan's
 */
gboolean
rubric_plan_library_load_finish (RubricPlanLibrary  *self,
                                 GAsyncResult       *result,
                                 GError            **error)
{
  g_return_val_if_fail (RUBRIC_IS_PLAN_LIBRARY (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == rubric_plan_library_load_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

gboolean
rubric_plan_library_get_loaded (RubricPlanLibrary *self)
{
  g_return_val_if_fail (RUBRIC_IS_PLAN_LIBRARY (self), FALSE);
  return self->loaded;
}

/**
 * rubric_plan_library_get_warnings:
 *
 * Returns: (transfer none): the user's plan files the last load skipped,
 *   one "FILE: message" each (FILE is the name in the plans folder; the
 *   message starts with the JSON path of the problem, and a syntax error
 *   reads "FILE:LINE:COLUMN: message", as `rubric --check` says it)
 */
const char * const *
rubric_plan_library_get_warnings (RubricPlanLibrary *self)
{
  g_return_val_if_fail (RUBRIC_IS_PLAN_LIBRARY (self), NULL);
  return (const char * const *) self->warnings;
}

/* --------------------------------------------------------------- the plans */

/**
 * rubric_plan_library_get_plans:
 *
 * Returns: (transfer none): a #GListModel of #RubricPlan, for every kit:
 *   the bundled plans first, then the user's by name
 */
GListModel *
rubric_plan_library_get_plans (RubricPlanLibrary *self)
{
  g_return_val_if_fail (RUBRIC_IS_PLAN_LIBRARY (self), NULL);
  return G_LIST_MODEL (self->plans);
}

/**
 * rubric_plan_library_lookup:
 *
 * Returns: (transfer none) (nullable): the plan with that id
 */
RubricPlan *
rubric_plan_library_lookup (RubricPlanLibrary *self,
                            const char        *plan_id)
{
  guint n;

  g_return_val_if_fail (RUBRIC_IS_PLAN_LIBRARY (self), NULL);
  g_return_val_if_fail (plan_id != NULL, NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->plans));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RubricPlan) plan = g_list_model_get_item (G_LIST_MODEL (self->plans), i);

      /* The store keeps its reference. */
      if (g_str_equal (rubric_plan_get_id (plan), plan_id))
        return plan;
    }

  return NULL;
}

/**
 * rubric_plan_library_get_bundled_for_kit:
 *
 * Returns: (transfer none) (nullable): the first plan that comes with
 *   Rubric for the kit @kit_id, once loaded
 */
RubricPlan *
rubric_plan_library_get_bundled_for_kit (RubricPlanLibrary *self,
                                         const char        *kit_id)
{
  g_return_val_if_fail (RUBRIC_IS_PLAN_LIBRARY (self), NULL);
  g_return_val_if_fail (kit_id != NULL, NULL);

  for (guint i = 0; i < self->bundled->len; i++)
    {
      RubricPlan *plan = g_ptr_array_index (self->bundled, i);

      if (g_str_equal (rubric_plan_get_kit_id (plan), kit_id))
        return plan;
    }
  return NULL;
}

/**
 * rubric_plan_library_is_bundled:
 *
 * Returns: whether @plan is one that comes with Rubric (by id: no user's
 *   plan can have its id)
 */
gboolean
rubric_plan_library_is_bundled (RubricPlanLibrary *self,
                                RubricPlan        *plan)
{
  g_return_val_if_fail (RUBRIC_IS_PLAN_LIBRARY (self), FALSE);
  g_return_val_if_fail (RUBRIC_IS_PLAN (plan), FALSE);

  return is_bundled_id (self, rubric_plan_get_id (plan));
}

static gboolean
id_is_taken (RubricPlanLibrary *self,
             const char        *id)
{
  g_autofree char *name = g_strconcat (id, PLAN_SUFFIX, NULL);

  /* A file that did not load keeps its name: nothing is written over it. */
  return rubric_plan_library_lookup (self, id) != NULL || is_bundled_id (self, id) ||
         g_hash_table_contains (self->names, name);
}

/* @base as an id: lowercase letters and digits, runs of anything else one
 * "-"; "plan" when nothing is left. */
static char *
make_id (const char *base)
{
  g_autoptr(GString) id = g_string_new (NULL);
  gboolean separator = FALSE;

  for (const char *p = base; *p != '\0' && id->len < MAX_BASE_ID; p++)
    {
      char c = g_ascii_tolower (*p);

      if (g_ascii_isalnum (c))
        {
          if (separator && id->len > 0)
            g_string_append_c (id, '-');
          g_string_append_c (id, c);
          separator = FALSE;
        }
      else
        separator = TRUE;
    }
  if (id->len == 0)
    g_string_assign (id, "plan");

  return g_string_free (g_steal_pointer (&id), FALSE);
}

/**
 * rubric_plan_library_dup_free_id:
 * @base: what the id is made of: an id, or any text
 *
 * Returns: (transfer full): an id no plan of the library has and no file
 *   in its folder is named after: @base made an id, then "-2", "-3"…
 */
char *
rubric_plan_library_dup_free_id (RubricPlanLibrary *self,
                                 const char        *base)
{
  g_autofree char *id = NULL;

  g_return_val_if_fail (RUBRIC_IS_PLAN_LIBRARY (self), NULL);
  g_return_val_if_fail (base != NULL, NULL);

  id = make_id (base);
  if (!id_is_taken (self, id))
    return g_steal_pointer (&id);

  for (guint n = 2;; n++)
    {
      g_autofree char *numbered = g_strdup_printf ("%s-%u", id, n);

      if (!id_is_taken (self, numbered))
        return g_steal_pointer (&numbered);
    }
}

static gboolean
name_is_taken (RubricPlanLibrary *self,
               const char        *name)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->plans));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RubricPlan) plan = g_list_model_get_item (G_LIST_MODEL (self->plans), i);

      if (g_str_equal (rubric_plan_get_name (plan), name))
        return TRUE;
    }
  return FALSE;
}

/* @name, or "@name (2)", "@name (3)"… when a plan has it already. */
static char *
dup_free_name (RubricPlanLibrary *self,
               const char        *name)
{
  if (!name_is_taken (self, name))
    return g_strdup (name);

  for (guint n = 2;; n++)
    {
      /* Translators: the name of a plan made from another of the same
       * name: %s is the name, %u a number from 2 on, e.g. "Team round (2)" */
      g_autofree char *numbered = g_strdup_printf (_("%s (%u)"), name, n);

      if (!name_is_taken (self, numbered))
        return g_steal_pointer (&numbered);
    }
}

/**
 * rubric_plan_library_new_plan:
 *
 * A plan to start from, not yet saved: a free id and name, an hour of @kit
 * as rubric_plan_new_default() chooses it.
 *
 * Returns: (transfer full): the plan
 */
RubricPlan *
rubric_plan_library_new_plan (RubricPlanLibrary *self,
                              RubricKit         *kit)
{
  g_autoptr(RubricPlan) fresh = NULL;
  g_autofree char *base = NULL;
  g_autofree char *id = NULL;
  g_autofree char *name = NULL;
  RubricPlan *plan;

  g_return_val_if_fail (RUBRIC_IS_PLAN_LIBRARY (self), NULL);
  g_return_val_if_fail (RUBRIC_IS_KIT (kit), NULL);

  fresh = rubric_plan_new_default (kit, 60);
  base = g_strconcat (rubric_kit_get_id (kit), "-plan", NULL);
  id = rubric_plan_library_dup_free_id (self, base);
  /* Translators: the name a new interview plan starts with */
  name = dup_free_name (self, _("New Plan"));
  plan = rubric_plan_copy (fresh, id);
  rubric_plan_set_name (plan, name);
  return plan;
}

/**
 * rubric_plan_library_duplicate:
 *
 * Returns: (transfer full): a copy of @plan under a free id and a name of
 *   its own, not yet saved
 */
RubricPlan *
rubric_plan_library_duplicate (RubricPlanLibrary *self,
                               RubricPlan        *plan)
{
  g_autofree char *id = NULL;
  g_autofree char *wanted = NULL;
  g_autofree char *name = NULL;
  RubricPlan *copy;

  g_return_val_if_fail (RUBRIC_IS_PLAN_LIBRARY (self), NULL);
  g_return_val_if_fail (RUBRIC_IS_PLAN (plan), NULL);

  id = rubric_plan_library_dup_free_id (self, rubric_plan_get_id (plan));
  /* Translators: the name of a copy of an interview plan; %s is the
   * plan's name */
  wanted = g_strdup_printf (_("%s (Copy)"), rubric_plan_get_name (plan));
  name = dup_free_name (self, wanted);
  copy = rubric_plan_copy (plan, id);
  rubric_plan_set_name (copy, name);
  return copy;
}

static RubricPlan *
lookup_user_plan (RubricPlanLibrary *self,
                  const char        *plan_id)
{
  RubricPlan *plan = rubric_plan_library_lookup (self, plan_id);

  return plan != NULL && g_hash_table_contains (self->files, plan) ? plan : NULL;
}

static void
insert_sorted (RubricPlanLibrary *self,
               RubricPlan        *plan)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->plans));
  guint position = MIN (self->bundled->len, n);

  for (; position < n; position++)
    {
      g_autoptr(RubricPlan) other = g_list_model_get_item (G_LIST_MODEL (self->plans), position);

      if (compare_plans (plan, other) < 0)
        break;
    }

  g_list_store_insert (self->plans, position, plan);
}

static void
remove_user_plan (RubricPlanLibrary *self,
                  RubricPlan        *plan)
{
  guint position;

  if (g_list_store_find (self->plans, plan, &position))
    g_list_store_remove (self->plans, position);
  g_hash_table_remove (self->files, plan);
}

/* ------------------------------------------------------------------ saving */

typedef struct
{
  RubricPlan *plan;   /* the copy the library keeps */
  GFile *file;
} SaveData;

static void
save_data_free (SaveData *data)
{
  g_clear_object (&data->plan);
  g_clear_object (&data->file);
  g_free (data);
}

static void
save_written_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  RubricPlanLibrary *self = g_task_get_source_object (task);
  SaveData *data = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  RubricPlan *old;

  if (!rubric_file_write_finish (result, NULL, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  old = lookup_user_plan (self, rubric_plan_get_id (data->plan));
  if (old != NULL)
    remove_user_plan (self, old);
  g_hash_table_insert (self->files, data->plan, g_object_ref (data->file));
  g_hash_table_add (self->names, g_file_get_basename (data->file));
  insert_sorted (self, data->plan);

  g_task_return_pointer (task, g_object_ref (data->plan), g_object_unref);
}

/* Writes @plan to its file: the one it was loaded from, or <id>.json,
 * which must not exist yet. */
static void
save_plan (RubricPlanLibrary *self,
           RubricPlan        *plan,
           GTask             *task)
{
  g_autoptr(GBytes) bytes = NULL;
  SaveData *data = g_new0 (SaveData, 1);
  RubricFileWriteFlags flags = RUBRIC_FILE_WRITE_MAKE_FOLDER;
  RubricPlan *old;

  data->plan = rubric_plan_copy (plan, NULL);
  old = lookup_user_plan (self, rubric_plan_get_id (plan));
  if (old != NULL)
    {
      data->file = g_object_ref (g_hash_table_lookup (self->files, old));
    }
  else
    {
      g_autoptr(GFile) folder = rubric_plan_library_get_folder ();
      g_autofree char *name = g_strconcat (rubric_plan_get_id (plan), PLAN_SUFFIX, NULL);

      data->file = g_file_get_child (folder, name);
      /* Never over a file of that name that appeared meanwhile. */
      flags |= RUBRIC_FILE_WRITE_CHECK_STAMP;
    }
  g_task_set_task_data (task, data, (GDestroyNotify) save_data_free);

  bytes = rubric_plan_to_bytes (data->plan);
  rubric_file_write_async (data->file, bytes, flags, NULL, g_task_get_cancellable (task),
                           save_written_cb, g_object_ref (task));
}

static gboolean
refuse_bundled (RubricPlanLibrary *self,
                RubricPlan        *plan,
                GTask             *task)
{
  if (!is_bundled_id (self, rubric_plan_get_id (plan)))
    return FALSE;

  g_task_return_new_error (task, RUBRIC_PLAN_LIBRARY_ERROR, RUBRIC_PLAN_LIBRARY_ERROR_BUNDLED,
                           /* Translators: %s is the name of an interview plan */
                           _("The plan “%s” comes with Rubric and cannot be changed; duplicate it to make your own"),
                           rubric_plan_get_name (plan));
  return TRUE;
}

/**
 * rubric_plan_library_save_async:
 * @plan: a plan with an id of the user's: one of the library's, or a new
 *   one from rubric_plan_library_new_plan() or _duplicate()
 *
 * Writes @plan, whole or not at all, to its file in the plans folder (made
 * when missing): the file it was loaded from, or <plan-id>.json. The
 * library keeps a copy of @plan as it was written, in place of the plan
 * it had with that id. Plans that come with Rubric cannot be saved over.
 */
void
rubric_plan_library_save_async (RubricPlanLibrary   *self,
                                RubricPlan          *plan,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (RUBRIC_IS_PLAN_LIBRARY (self));
  g_return_if_fail (RUBRIC_IS_PLAN (plan));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, rubric_plan_library_save_async);

  if (!refuse_bundled (self, plan, task))
    save_plan (self, plan, task);
}

/**
 * rubric_plan_library_save_finish:
 *
 * Returns: (transfer full) (nullable): the library's copy of the saved
 *   plan, or %NULL with @error set (the disk's reason, or
 *   %RUBRIC_PLAN_LIBRARY_ERROR_BUNDLED); the file is then as it was
 */
RubricPlan *
rubric_plan_library_save_finish (RubricPlanLibrary  *self,
                                 GAsyncResult       *result,
                                 GError            **error)
{
  g_return_val_if_fail (RUBRIC_IS_PLAN_LIBRARY (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == rubric_plan_library_save_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* --------------------------------------------------------------- importing */

static void
import_read_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  GFile *file = task_data;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  RubricPlan *plan = NULL;

  /* The loader's own error, unchanged: it names the place of the problem. */
  bytes = rubric_json_read_file (file, RUBRIC_PLAN_ERROR, NULL, cancellable, &error);
  if (bytes != NULL)
    plan = rubric_plan_new_from_bytes (bytes, &error);

  if (plan == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, plan, g_object_unref);
}

static RubricKit *
find_kit (GListModel *kits,
          const char *kit_id)
{
  guint n = g_list_model_get_n_items (kits);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RubricKit) kit = g_list_model_get_item (kits, i);

      if (g_str_equal (rubric_kit_get_id (kit), kit_id))
        return kit;
    }
  return NULL;
}

/* Whether an installed kit has everything @plan names. */
static gboolean
check_kit (RubricPlan  *plan,
           GListModel  *kits,
           GError     **error)
{
  RubricKit *kit;

  if (kits == NULL)
    return TRUE;

  kit = find_kit (kits, rubric_plan_get_kit_id (plan));
  if (kit == NULL)
    {
      RubricJsonPath root = RUBRIC_JSON_PATH_ROOT;
      RubricJsonPath kit_path = { &root, "kit", 0 };
      g_autoptr(GError) local_error = NULL;

      /* Translators: an error when importing an interview plan; %s is the
       * id of the kit the plan is for */
      rubric_json_set_error (&local_error, RUBRIC_PLAN_LIBRARY_ERROR, &kit_path,
                             _("The plan is for the kit “%s”, which is not installed; import that kit first"),
                             rubric_plan_get_kit_id (plan));
      local_error->code = RUBRIC_PLAN_LIBRARY_ERROR_NO_KIT;
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return rubric_plan_check (plan, kit, error);
}

static gboolean
same_plan (RubricPlan *a,
           RubricPlan *b)
{
  g_autofree char *hash_a = rubric_plan_dup_hash (a);
  g_autofree char *hash_b = rubric_plan_dup_hash (b);

  return g_str_equal (hash_a, hash_b);
}

static void
import_read_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  RubricPlanLibrary *self = RUBRIC_PLAN_LIBRARY (object);
  g_autoptr(GTask) task = user_data;
  g_autoptr(RubricPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  RubricPlan *existing;

  plan = g_task_propagate_pointer (G_TASK (result), &error);
  if (plan == NULL || !check_kit (plan, g_object_get_data (G_OBJECT (task), "kits"), &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* The same plan again is no error: it is there already. */
  existing = rubric_plan_library_lookup (self, rubric_plan_get_id (plan));
  if (existing != NULL && same_plan (plan, existing))
    {
      g_task_return_pointer (task, g_object_ref (existing), g_object_unref);
      return;
    }

  /* Its id is taken by another plan, or by a file that did not load: the
   * import gets an id, and if need be a name, of its own. */
  if (id_is_taken (self, rubric_plan_get_id (plan)))
    {
      g_autofree char *id = rubric_plan_library_dup_free_id (self, rubric_plan_get_id (plan));
      g_autofree char *name = dup_free_name (self, rubric_plan_get_name (plan));
      RubricPlan *renamed = rubric_plan_copy (plan, id);

      rubric_plan_set_name (renamed, name);
      g_set_object (&plan, renamed);
      g_object_unref (renamed);
    }

  save_plan (self, plan, task);
}

/**
 * rubric_plan_library_import_async:
 * @file: a plan file
 * @kits: (nullable): the installed kits (a #GListModel of #RubricKit); the
 *   plan must be for one of them, and that kit must have every topic and
 *   question it names
 *
 * Reads and checks a plan strictly in a worker thread and saves it to the
 * plans folder; the plan joins the model. A plan whose id another plan has
 * gets a free id and, when its name is taken too, a numbered name: nothing
 * is overwritten. The same plan imported again is not copied twice.
 *
 * Call it once the library has loaded.
 */
void
rubric_plan_library_import_async (RubricPlanLibrary   *self,
                                  GFile               *file,
                                  GListModel          *kits,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) read_task = NULL;

  g_return_if_fail (RUBRIC_IS_PLAN_LIBRARY (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (kits == NULL || G_IS_LIST_MODEL (kits));
  g_return_if_fail (self->loaded);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, rubric_plan_library_import_async);
  if (kits != NULL)
    g_object_set_data_full (G_OBJECT (task), "kits", g_object_ref (kits), g_object_unref);

  read_task = g_task_new (self, cancellable, import_read_cb, g_steal_pointer (&task));
  g_task_set_task_data (read_task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (read_task, import_read_thread);
}

/**
 * rubric_plan_library_import_finish:
 * @error: the plan loader's error (%RUBRIC_PLAN_ERROR, its message starting
 *   with LINE:COLUMN or a JSON path; or %G_IO_ERROR), the kit check's
 *   (%RUBRIC_PLAN_ERROR_WRONG_KIT, %RUBRIC_PLAN_LIBRARY_ERROR_NO_KIT, with
 *   a JSON path too) or the disk's
 *
 * Returns: (transfer full) (nullable): the imported plan, as in the model
 */
RubricPlan *
rubric_plan_library_import_finish (RubricPlanLibrary  *self,
                                   GAsyncResult       *result,
                                   GError            **error)
{
  g_return_val_if_fail (RUBRIC_IS_PLAN_LIBRARY (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == rubric_plan_library_import_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* --------------------------------------------------------------- exporting */

static void
export_written_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  if (rubric_file_write_finish (result, NULL, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

/**
 * rubric_plan_library_export_async:
 * @file: where to write the plan, chosen by the user (it is replaced)
 *
 * Writes @plan as a plan file, whole or not at all, to share it.
 */
void
rubric_plan_library_export_async (RubricPlanLibrary   *self,
                                  RubricPlan          *plan,
                                  GFile               *file,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GBytes) bytes = NULL;

  g_return_if_fail (RUBRIC_IS_PLAN_LIBRARY (self));
  g_return_if_fail (RUBRIC_IS_PLAN (plan));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, rubric_plan_library_export_async);

  bytes = rubric_plan_to_bytes (plan);
  rubric_file_write_async (file, bytes, RUBRIC_FILE_WRITE_NONE, NULL, cancellable,
                           export_written_cb, g_steal_pointer (&task));
}

gboolean
rubric_plan_library_export_finish (RubricPlanLibrary  *self,
                                   GAsyncResult       *result,
                                   GError            **error)
{
  g_return_val_if_fail (RUBRIC_IS_PLAN_LIBRARY (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == rubric_plan_library_export_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* ---------------------------------------------------------------- deleting */

static void
delete_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  RubricPlanLibrary *self = g_task_get_source_object (task);
  RubricPlan *plan = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_file_get_basename (G_FILE (object));

  /* Gone already is as good as deleted. */
  if (!g_file_delete_finish (G_FILE (object), result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_hash_table_remove (self->names, name);
  remove_user_plan (self, plan);
  g_task_return_boolean (task, TRUE);
}

/**
 * rubric_plan_library_delete_async:
 * @plan: a user's plan of the library (or a copy with its id)
 *
 * Deletes the plan's file and removes it from the model. Plans that come
 * with Rubric cannot be deleted. Sessions that ran the plan keep what they
 * stored of it.
 */
void
rubric_plan_library_delete_async (RubricPlanLibrary   *self,
                                  RubricPlan          *plan,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  RubricPlan *mine;

  g_return_if_fail (RUBRIC_IS_PLAN_LIBRARY (self));
  g_return_if_fail (RUBRIC_IS_PLAN (plan));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, rubric_plan_library_delete_async);

  if (is_bundled_id (self, rubric_plan_get_id (plan)))
    {
      g_task_return_new_error (task, RUBRIC_PLAN_LIBRARY_ERROR, RUBRIC_PLAN_LIBRARY_ERROR_BUNDLED,
                               /* Translators: %s is the name of an interview plan */
                               _("The plan “%s” comes with Rubric and cannot be deleted"),
                               rubric_plan_get_name (plan));
      return;
    }

  mine = lookup_user_plan (self, rubric_plan_get_id (plan));
  if (mine == NULL)
    {
      g_task_return_new_error (task, RUBRIC_PLAN_LIBRARY_ERROR, RUBRIC_PLAN_LIBRARY_ERROR_NOT_FOUND,
                               /* Translators: %s is the name of an interview plan */
                               _("The plan “%s” is not in the library"),
                               rubric_plan_get_name (plan));
      return;
    }

  g_task_set_task_data (task, g_object_ref (mine), g_object_unref);
  g_file_delete_async (g_hash_table_lookup (self->files, mine), G_PRIORITY_DEFAULT, cancellable,
                       delete_cb, g_steal_pointer (&task));
}

gboolean
rubric_plan_library_delete_finish (RubricPlanLibrary  *self,
                                   GAsyncResult       *result,
                                   GError            **error)
{
  g_return_val_if_fail (RUBRIC_IS_PLAN_LIBRARY (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == rubric_plan_library_delete_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
