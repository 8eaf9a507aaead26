/* rubric-json-private.h — careful JSON reading shared by the kit and session loaders
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Limits that keep a hostile or broken file from hurting the app. */
#define RUBRIC_JSON_MAX_SIZE  (16 * 1024 * 1024)
#define RUBRIC_JSON_MAX_DEPTH 64

/* The error codes both loaders share, so RubricKitError and
 * RubricSessionError can be filled in by the same code. */
typedef enum {
  RUBRIC_JSON_ERROR_TOO_LARGE,
  RUBRIC_JSON_ERROR_NOT_UTF8,
  RUBRIC_JSON_ERROR_TOO_DEEP,
  RUBRIC_JSON_ERROR_SYNTAX,
  RUBRIC_JSON_ERROR_INVALID,
} RubricJsonErrorCode;

/* For each loader's own error enum, which must begin with these codes in
 * this order: RUBRIC_JSON_CHECK_ERROR_CODES (RUBRIC_KIT_ERROR); */
#define RUBRIC_JSON_CHECK_ERROR_CODES(PREFIX) \
  G_STATIC_ASSERT ((int) PREFIX##_TOO_LARGE == (int) RUBRIC_JSON_ERROR_TOO_LARGE && \
                   (int) PREFIX##_NOT_UTF8 == (int) RUBRIC_JSON_ERROR_NOT_UTF8 && \
                   (int) PREFIX##_TOO_DEEP == (int) RUBRIC_JSON_ERROR_TOO_DEEP && \
                   (int) PREFIX##_SYNTAX == (int) RUBRIC_JSON_ERROR_SYNTAX && \
                   (int) PREFIX##_INVALID == (int) RUBRIC_JSON_ERROR_INVALID)

JsonNode   *rubric_json_parse           (GBytes        *bytes,
                                         GQuark         domain,
                                         GError       **error);
GBytes     *rubric_json_read_file       (GFile         *file,
                                         GQuark         domain,
                                         char         **stamp,
                                         GCancellable  *cancellable,
                                         GError       **error);
GBytes     *rubric_json_to_bytes        (JsonNode      *root);
GBytes     *rubric_json_to_file_bytes   (JsonNode      *root,
                                         GError       **error);
GBytes     *rubric_json_to_file_bytes_max (JsonNode    *root,
                                           gsize        max_size,
                                           GError     **error);

/* rubric-json-scan.c: what rubric_json_parse() checks before json-glib parses */
gboolean    rubric_json_check_syntax    (const char    *data,
                                         gsize          length,
                                         GQuark         domain,
                                         gboolean      *maybe_huge,
                                         GError       **error);
void        rubric_json_locate          (const char    *data,
                                         gsize          offset,
                                         guint         *line,
                                         guint         *column);
void        rubric_json_set_error_at    (GError       **error,
                                         GQuark         domain,
                                         int            code,
                                         guint          line,
                                         guint          column,
                                         const char    *message);

/* A file read in one pass by rubric-json-scan.c, without json-glib: its
 * values in document order, for loaders of big files (a kit of 5,000
 * questions is 14 MB). The strings are NUL-terminated and unescaped in a
 * copy of the file; an object's or an array's items follow it, each
 * member's with its name. What it accepts is what rubric_json_parse()
 * accepts. */
typedef enum {
  RUBRIC_JSON_ITEM_OBJECT,
  RUBRIC_JSON_ITEM_ARRAY,
  RUBRIC_JSON_ITEM_STRING,
  RUBRIC_JSON_ITEM_NUMBER,
  RUBRIC_JSON_ITEM_BOOLEAN,
  RUBRIC_JSON_ITEM_NULL,
} RubricJsonItemType;

typedef struct
{
  guint8      type;     /* a RubricJsonItemType */
  guint8      whole;    /* a number without a fraction or an exponent; true */
  guint       next;     /* the index after this item and all inside it */
  guint       length;   /* an object's members, an array's items */
  const char *key;      /* its name in an object, or NULL */
  const char *text;     /* a string's text; where a number is written */
} RubricJsonItem;

typedef struct
{
  char           *buffer;
  RubricJsonItem *items;     /* items[0] is the file's value */
  guint           n_items;
} RubricJsonTape;

RubricJsonTape *rubric_json_tape_new    (GBytes         *bytes,
                                         GQuark          domain,
                                         GError        **error);
void        rubric_json_tape_free       (RubricJsonTape *tape);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RubricJsonTape, rubric_json_tape_free)

/* rubric-json-scan.c: rubric_json_check_syntax() that also fills @tape */
gboolean    rubric_json_scan_to_tape    (const char     *data,
                                         gsize           length,
                                         GQuark          domain,
                                         gboolean       *maybe_huge,
                                         RubricJsonTape *tape,
                                         GError        **error);

/* A JSON path being walked, e.g. $.topics[3].questions[1].kind */
typedef struct _RubricJsonPath RubricJsonPath;
struct _RubricJsonPath
{
  const RubricJsonPath *parent;
  const char           *key;     /* a member name, or NULL for an index */
  guint                 index;
};

#define RUBRIC_JSON_PATH_ROOT { NULL, NULL, 0 }

char       *rubric_json_path_to_string  (const RubricJsonPath *path);
void        rubric_json_set_error       (GError              **error,
                                         GQuark                domain,
                                         const RubricJsonPath *path,
                                         const char           *format,
                                         ...) G_GNUC_PRINTF (4, 5);

/* What a value should be, for rubric_json_set_type_error(). */
typedef enum {
  RUBRIC_JSON_EXPECT_OBJECT,
  RUBRIC_JSON_EXPECT_ARRAY,
  RUBRIC_JSON_EXPECT_STRING,
  RUBRIC_JSON_EXPECT_WHOLE_NUMBER,
  RUBRIC_JSON_EXPECT_NUMBER,
  RUBRIC_JSON_EXPECT_BOOLEAN,
} RubricJsonExpect;

void        rubric_json_set_type_error  (GError              **error,
                                         GQuark                domain,
                                         const RubricJsonPath *path,
                                         RubricJsonExpect      expected,
                                         JsonNode             *found);

/* Validating getters. Each returns FALSE and sets @error naming the member's
 * path when the member is missing (if required) or of the wrong kind. */
typedef struct
{
  GQuark                domain;
  const RubricJsonPath *path;
  JsonObject           *object;
  /* Or, for an object on a tape, the tape and the object's index there
   * (then only the *_item getters give arrays and objects). */
  const RubricJsonTape *tape;
  guint                 item;
} RubricJsonObjectReader;

/* Rubric's own file formats: each starts with "format" and "version". */
typedef enum {
  RUBRIC_JSON_FORMAT_KIT,
  RUBRIC_JSON_FORMAT_SESSION,
  RUBRIC_JSON_FORMAT_STUDY,
  RUBRIC_JSON_FORMAT_PLAN,
} RubricJsonFormat;

gboolean    rubric_json_read_header     (RubricJsonObjectReader       *reader,
                                         JsonNode                     *root,
                                         RubricJsonFormat              format,
                                         gint64                       *version,
                                         GError                      **error);

gboolean    rubric_json_get_string      (const RubricJsonObjectReader *reader,
                                         const char     *member,
                                         gboolean        required,
                                         gboolean        non_empty,
                                         const char    **out,
                                         GError        **error);
gboolean    rubric_json_get_int         (const RubricJsonObjectReader *reader,
                                         const char     *member,
                                         gboolean        required,
                                         gint64          min,
                                         gint64          max,
                                         gint64         *out,
                                         GError        **error);
gboolean    rubric_json_get_number      (const RubricJsonObjectReader *reader,
                                         const char     *member,
                                         gboolean        required,
                                         double          min_exclusive,
                                         double          max,
                                         double         *out,
                                         GError        **error);
gboolean    rubric_json_get_boolean     (const RubricJsonObjectReader *reader,
                                         const char     *member,
                                         gboolean        required,
                                         gboolean       *out,
                                         GError        **error);
gboolean    rubric_json_get_array       (const RubricJsonObjectReader *reader,
                                         const char     *member,
                                         gboolean        required,
                                         guint           min_length,
                                         guint           max_length,
                                         JsonArray     **out,
                                         GError        **error);
gboolean    rubric_json_get_object      (const RubricJsonObjectReader *reader,
                                         const char     *member,
                                         gboolean        required,
                                         JsonObject    **out,
                                         GError        **error);
gboolean    rubric_json_get_string_list (const RubricJsonObjectReader *reader,
                                         const char     *member,
                                         gboolean        required,
                                         guint           min_length,
                                         guint           max_length,
                                         GStrv          *out,
                                         GError        **error);

void        rubric_json_tape_set_type_error (GError              **error,
                                             GQuark                domain,
                                             const RubricJsonPath *path,
                                             RubricJsonExpect      expected,
                                             const RubricJsonItem *found);
gboolean    rubric_json_get_array_item  (const RubricJsonObjectReader *reader,
                                         const char     *member,
                                         gboolean        required,
                                         guint           min_length,
                                         guint           max_length,
                                         guint          *out,
                                         GError        **error);
gboolean    rubric_json_get_object_item (const RubricJsonObjectReader *reader,
                                         const char     *member,
                                         gboolean        required,
                                         guint          *out,
                                         GError        **error);

gboolean    rubric_json_is_id           (const char     *text);
gboolean    rubric_json_is_blank        (const char     *text);

GDateTime  *rubric_json_now_utc          (void);
char       *rubric_json_format_date_time (GDateTime *date_time);

JsonObject *rubric_json_object_copy_unknown (JsonObject        *object,
                                             const char * const *known);
void        rubric_json_builder_add_members (JsonBuilder       *builder,
                                             JsonObject        *unknown);

G_END_DECLS
