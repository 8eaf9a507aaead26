#!/usr/bin/env python3
# tests/check-help.py GUIDE.html… SHORTCUTS.c — the guide F1 opens
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Each page: well nested; every link to #anchor names an id of the page,
# every relative link a file next to it; nothing loaded from the network
# (no src, no stylesheet link; the CSS is inline). Every key the guide
# names (<kbd>Ctrl</kbd>+<kbd>E</kbd>) is one of the keys of
# src/rubric-shortcuts.c, so the guide cannot promise a key that does
# nothing.

import html.parser
import os
import re
import sys

VOID = {'meta', 'link', 'br', 'img', 'hr', 'input', 'source', 'wbr'}
MODIFIERS = {'Ctrl': 'Control', 'Shift': 'Shift', 'Alt': 'Alt'}
KEY_NAMES = {'Space': 'space', 'Page Down': 'Page_Down', 'Page Up': 'Page_Up',
             ',': 'comma', '?': 'question', '+': 'plus', '-': 'minus', '=': 'equal'}


class Page(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids = set()
        self.links = []
        self.problems = []
        self.stack = []
        self.text = []      # the page's text, with each <kbd> as \x01KEY\x02

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        where = '%s:%d' % (tag, self.getpos()[0])
        if tag not in VOID:
            self.stack.append(tag)
        if 'id' in attrs:
            if attrs['id'] in self.ids:
                self.problems.append('%s: the id %r twice' % (where, attrs['id']))
            self.ids.add(attrs['id'])
        if 'src' in attrs or (tag == 'link' and attrs.get('rel') == 'stylesheet'):
            self.problems.append('%s: loads %r; the guide is one self-contained page'
                                 % (where, attrs.get('src') or attrs.get('href')))
        if tag == 'a' and 'href' in attrs:
            self.links.append((where, attrs['href']))
        if tag == 'kbd':
            self.text.append('\x01')

    def handle_endtag(self, tag):
        if tag == 'kbd':
            self.text.append('\x02')
        if not self.stack or self.stack[-1] != tag:
            self.problems.append('line %d: </%s> closes <%s>'
                                 % (self.getpos()[0], tag, self.stack[-1] if self.stack else 'nothing'))
            return
        self.stack.pop()

    def handle_data(self, data):
        self.text.append(data)


def app_keys(source):
    """The accelerators of both tables, as (modifiers, key) pairs."""
    keys = set()
    for literal in re.findall(r'"([^"]*)"', source):
        match = re.fullmatch(r'((?:<[A-Za-z]+>)*)([A-Za-z0-9_]+)', literal)
        if match and '.' not in literal:
            mods = frozenset(re.findall(r'<([A-Za-z]+)>', match.group(1)))
            keys.add((mods, match.group(2).lower()))
    return keys


def guide_keys(text):
    """Each key combination the guide names: <kbd>s joined by '+'."""
    found = []
    for combo in re.finditer(r'\x01[^\x02]*\x02(?:\+\x01[^\x02]*\x02)*', text):
        names = re.findall(r'\x01([^\x02]*)\x02', combo.group(0))
        mods = frozenset(MODIFIERS[n] for n in names[:-1] if n in MODIFIERS)
        if len(mods) != len(names) - 1:
            found.append(('+'.join(names), None))
            continue
        key = KEY_NAMES.get(names[-1], names[-1])
        found.append(('+'.join(names), (mods, key.lower())))
    return found


def check(path, keys):
    page = Page()
    with open(path, encoding='utf-8') as f:
        page.feed(f.read())
    page.close()
    problems = list(page.problems)
    if page.stack:
        problems.append('unclosed: %s' % ', '.join(page.stack))
    for where, href in page.links:
        if href.startswith('#'):
            if href[1:] not in page.ids:
                problems.append('%s: the link %r names no id of the page' % (where, href))
        elif re.match(r'^[a-z][a-z0-9+.-]*:', href):
            problems.append('%s: the link %r leaves the installed guide' % (where, href))
        else:
            target, _, anchor = href.partition('#')
            if not os.path.isfile(os.path.join(os.path.dirname(path), target)):
                problems.append('%s: the link %r names no file' % (where, href))
    named = guide_keys(''.join(page.text))
    if not named:
        problems.append('no key named in <kbd>: has the markup changed?')
    for label, key in named:
        if key is None or key not in keys:
            problems.append('the key %s is none of src/rubric-shortcuts.c' % label)
    return problems, len(page.links), len(named)


def main(argv):
    if len(argv) < 3:
        print('usage: check-help.py GUIDE.html… SHORTCUTS.c', file=sys.stderr)
        return 2
    with open(argv[-1], encoding='utf-8') as f:
        keys = app_keys(f.read())
    status = 0
    for path in argv[1:-1]:
        problems, links, named = check(path, keys)
        for problem in problems:
            print('%s: %s' % (path, problem))
        if problems:
            status = 1
        else:
            print('%s: OK, %d links, %d keys' % (path, links, named))
    return status


if __name__ == '__main__':
    sys.exit(main(sys.argv))
