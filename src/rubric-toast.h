/* rubric-toast.h — notifications whose text is only text
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An AdwToast reads its title as Pango markup unless told otherwise, and
 * Rubric's toasts name things from files: a kit's title, a plan's name, a
 * dropped file's name. "Q&A <Django>" would be a markup error (an empty
 * toast and a warning), and "<b>…</b>" would be drawn bold. Every toast of
 * Rubric is made here, with its title as plain text
 * (tests/check-sources.py fails on an adw_toast_new() anywhere else).
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

static inline AdwToast *
rubric_toast_new (const char *title)
{
  AdwToast *toast = adw_toast_new (title);

  adw_toast_set_use_markup (toast, FALSE);
  return toast;
}

G_END_DECLS
