#!/usr/bin/env python3
# tests/check-sources.py SOURCE_OR_FOLDER…
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Rules of Rubric's C sources that the compiler cannot see:
#
# - Every toast is made with rubric_toast_new() (src/rubric-toast.h), which
#   takes its title as plain text. adw_toast_new() and adw_toast_set_title()
#   read theirs as Pango markup by default, and toasts name things from
#   files (a kit's title, a file's name).
# - No label is given markup: gtk_label_set_markup() and
#   gtk_widget_set_tooltip_markup() would read text from files as markup too.
#
# Prints each offender as "FILE:LINE: …" and exits 1 if there is any.

import os
import re
import sys

RULES = [
    (re.compile(r"\badw_toast_new\s*\("), "rubric-toast.h",
     "a toast made with adw_toast_new(): use rubric_toast_new(), whose title is plain text"),
    (re.compile(r"\badw_toast_set_title\s*\("), None,
     "adw_toast_set_title() reads markup: make the toast with rubric_toast_new()"),
    (re.compile(r"\b(gtk_label_set_markup|gtk_label_set_markup_with_mnemonic|gtk_widget_set_tooltip_markup)\s*\("), None,
     "markup in a label or tooltip: Rubric shows text from files as text"),
]


def offenders(path):
    name = os.path.basename(path)
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            for pattern, allowed_in, message in RULES:
                if pattern.search(line) and name != allowed_in:
                    yield f"{path}:{n}: {message}"


def main(argv):
    if len(argv) < 2:
        print("usage: check-sources.py SOURCE_OR_FOLDER…", file=sys.stderr)
        return 2
    paths = []
    for arg in argv[1:]:
        if os.path.isdir(arg):
            for top, _dirs, names in os.walk(arg):
                paths += [os.path.join(top, n) for n in sorted(names) if n.endswith((".c", ".h"))]
        else:
            paths.append(arg)
    if not paths:
        print("check-sources.py: no C sources found", file=sys.stderr)
        return 2
    bad = [line for path in paths for line in offenders(path)]
    for line in bad:
        print(line)
    if not bad:
        print(f"{len(paths)} sources: toasts and labels take their text as text")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
