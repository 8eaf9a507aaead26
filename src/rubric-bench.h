/* rubric-bench.h — start-up's steps, stamped for build-aux/bench
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean rubric_bench_enabled (void);
void     rubric_bench_stamp   (const char *step);

G_END_DECLS
