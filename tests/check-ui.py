#!/usr/bin/env python3
# tests/check-ui.py UI_FILE…
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Every label in Rubric's .ui files that wraps also sets "width-chars" (to
# RUBRIC_WRAP_MIN_CHARS, 12): GTK finds a wrapping label's minimum width by
# laying its text out as narrow as it goes, a line per word or (word-char)
# per character, which for a long answer costs milliseconds each time the
# label is measured anew. src/rubric-wrap.h says more; labels made in code
# use rubric_wrap_label() from there.
#
# Prints each offender as "FILE: label LINE wraps without width-chars" and
# exits 1 if there is any; 0 otherwise.

import sys
import xml.etree.ElementTree as ET

MIN_CHARS = "12"


def offenders(path):
    # ElementTree keeps no line numbers: count the labels in order instead.
    tree = ET.parse(path)
    for n, obj in enumerate(tree.iter("object")):
        if obj.get("class") != "GtkLabel":
            continue
        props = {p.get("name"): (p.text or "").strip() for p in obj.findall("property")}
        if props.get("wrap") not in ("True", "true", "1", "yes"):
            continue
        if props.get("width-chars") != MIN_CHARS:
            name = obj.get("id") or f"#{n}"
            yield f"{path}: label {name} wraps without width-chars {MIN_CHARS}"


def main(argv):
    if len(argv) < 2:
        print(__doc__ if __doc__ else "usage: check-ui.py UI_FILE…", file=sys.stderr)
        return 2
    bad = [line for path in argv[1:] for line in offenders(path)]
    for line in bad:
        print(line)
    if not bad:
        print(f"{len(argv) - 1} .ui files: every wrapping label sets width-chars {MIN_CHARS}")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
