#!/usr/bin/python3
# tests/e2e/test_present.py — the window for the candidate's eyes, by keys
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Issue 18's check of Present Question through the accessibility tree, with
# real key presses. Rubric opens an interview of the bundled kit on its
# first question; F5 opens the presentation window ("Question —
# Rubric"), which shows the topic, "Question 1 of 3" and the prompt. The
# keyboard then goes back to the interviewer's window, as a click on it
# would give it (with no window manager on Xvfb, the test asks the X server
# for that focus change itself). There the interviewer walks the whole kit
# with J, revealing every answer with Space, ticking a key point with Alt+1,
# rating, and writing a note with N, and steps back once with K. After every
# key the presentation window must show the current question — its prompt
# and topic, and its place in the topic — and, over its whole accessibility
# tree (every name, description and text), none of the kit's expected
# answers, explanations, key points, red flags or rating anchors, no note
# and not the candidate's name. Last, F5 in the interviewer's window closes
# it, F5 opens it again and Escape in it closes it; Ctrl+Q, and Rubric
# must have printed no warning.

import ctypes
import json
import os
import sys

import pyatspi

from atspi_helpers import (KEY_ESCAPE, KEY_SPACE, KIT, Failure, Keyboard, app_env, children, log, run,
                           running, wait_for)

CANDIDATE = 'Grace Hopper'
TITLE = 'Question — Rubric'
KEY_F5 = 0xffc2
NOTE = 'presented-note-%d must stay private'
STEPS_WITH_NOTES = {1, 4, 9}


def load_kit():
    with open(KIT, encoding='utf-8') as f:
        kit = json.load(f)
    questions = []
    secrets = set()
    for topic in kit['topics']:
        in_topic = len(topic['questions'])
        for place, question in enumerate(topic['questions'], 1):
            questions.append({'topic': topic['title'], 'prompt': question['prompt'],
                              'place': 'Question %d of %d' % (place, in_topic)})
            secrets.add(question['expected'])
            secrets.add(question.get('explanation') or question['expected'])
            for item in question.get('key_points', []) + question.get('red_flags', []):
                secrets.add(item if isinstance(item, str) else item['text'])
            for anchor in (question.get('anchors') or {}).values():
                secrets.add(anchor)
    return kit, questions, {s for s in secrets if s}


def write_session(kit, path):
    session = {
        'format': 'rubric-session', 'version': 1,
        'kit': {'id': kit['id'], 'version': kit['version']},
        'candidate': {'name': CANDIDATE, 'role': 'Senior Django developer',
                      'interviewer': 'Sam Lee', 'date': '2026-12-06'},
        'id': 'e2e-present', 'created': '2026-12-06T09:00:00Z',
        'modified': '2026-12-06T09:00:00Z', 'answers': {},
    }
    with open(path, 'w', encoding='utf-8') as f:
        json.dump(session, f, ensure_ascii=False, indent=2)


def everything_said(root):
    """Every name, description and text under root, as a screen reader
    could read them."""
    said = []

    def walk(node, depth=0):
        if node is None or depth > 60:
            return
        try:
            said.append(node.name or '')
            said.append(node.description or '')
            try:
                text = node.queryText()
                said.append(text.getText(0, text.characterCount))
            except NotImplementedError:
                pass
            for child in children(node):
                walk(child, depth + 1)
        except Exception:  # noqa: BLE001 — a node that went away
            pass
    walk(root)
    return [s for s in said if s]


class XFocus:
    """Gives the X input focus to a top-level window found by its title, as
    a window manager does when the user clicks a window."""

    def __init__(self):
        x = self.x = ctypes.CDLL('libX11.so.6')
        x.XOpenDisplay.restype = ctypes.c_void_p
        x.XOpenDisplay.argtypes = [ctypes.c_char_p]
        x.XDefaultRootWindow.restype = ctypes.c_ulong
        x.XDefaultRootWindow.argtypes = [ctypes.c_void_p]
        x.XInternAtom.restype = ctypes.c_ulong
        x.XInternAtom.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int]
        x.XQueryTree.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.POINTER(ctypes.c_ulong),
                                 ctypes.POINTER(ctypes.c_ulong),
                                 ctypes.POINTER(ctypes.POINTER(ctypes.c_ulong)),
                                 ctypes.POINTER(ctypes.c_uint)]
        x.XGetWindowProperty.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_ulong, ctypes.c_long,
                                         ctypes.c_long, ctypes.c_int, ctypes.c_ulong,
                                         ctypes.POINTER(ctypes.c_ulong), ctypes.POINTER(ctypes.c_int),
                                         ctypes.POINTER(ctypes.c_ulong), ctypes.POINTER(ctypes.c_ulong),
                                         ctypes.POINTER(ctypes.c_void_p)]
        x.XSetInputFocus.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_int, ctypes.c_ulong]
        x.XSync.argtypes = [ctypes.c_void_p, ctypes.c_int]
        x.XFree.argtypes = [ctypes.c_void_p]
        x.XCloseDisplay.argtypes = [ctypes.c_void_p]

    def _title(self, display, window, atom, kind):
        actual_type = ctypes.c_ulong()
        actual_format = ctypes.c_int()
        count = ctypes.c_ulong()
        after = ctypes.c_ulong()
        data = ctypes.c_void_p()
        if self.x.XGetWindowProperty(display, window, atom, 0, 1024, 0, kind,
                                     ctypes.byref(actual_type), ctypes.byref(actual_format),
                                     ctypes.byref(count), ctypes.byref(after),
                                     ctypes.byref(data)) != 0 or not data.value:
            return None
        try:
            return ctypes.string_at(data.value, count.value).decode('utf-8', 'replace')
        finally:
            self.x.XFree(data)

    def give(self, wanted):
        x = self.x
        display = x.XOpenDisplay(None)
        if not display:
            raise Failure('cannot open the X display %r' % os.environ.get('DISPLAY'))
        try:
            name = x.XInternAtom(display, b'_NET_WM_NAME', 0)
            utf8 = x.XInternAtom(display, b'UTF8_STRING', 0)
            root = x.XDefaultRootWindow(display)
            root_ret, parent_ret = ctypes.c_ulong(), ctypes.c_ulong()
            kids = ctypes.POINTER(ctypes.c_ulong)()
            n = ctypes.c_uint()
            x.XQueryTree(display, root, ctypes.byref(root_ret), ctypes.byref(parent_ret),
                         ctypes.byref(kids), ctypes.byref(n))
            titles = []
            try:
                for i in range(n.value):
                    title = self._title(display, kids[i], name, utf8)
                    titles.append(title)
                    if title is not None and wanted(title):
                        x.XSetInputFocus(display, kids[i], 1, 0)   # RevertToPointerRoot, CurrentTime
                        x.XSync(display, 0)
                        return title
            finally:
                if kids:
                    x.XFree(kids)
            raise Failure('no top-level X window matches; their titles: %r' % [t for t in titles if t])
        finally:
            x.XCloseDisplay(display)


def journey(workdir):
    env = app_env(os.path.join(workdir, 'home'))
    env['G_DEBUG'] = 'fatal-criticals'
    kit, questions, secrets = load_kit()
    path = os.path.join(workdir, 'present.rubric.json')
    write_session(kit, path)
    keys = Keyboard()
    xfocus = XFocus()
    private = {CANDIDATE}

    def present(rubric):
        return rubric.frame('the window %r' % TITLE, lambda f: f.name == TITLE)

    def check_shows(frame, q, what):
        def shows():
            said = everything_said(frame)
            return q['prompt'] in said and q['topic'] in said and q['place'] in said
        try:
            wait_for('the presentation window to show %s (%s, %r)' % (what, q['place'], q['topic']), shows)
        except Failure as failure:
            raise Failure('%s; it says %r' % (failure, everything_said(frame)))
        said = everything_said(frame)
        leaks = [s for s in said if any(secret in s for secret in secrets | private)]
        if leaks:
            raise Failure('after %s the presentation window says %r' % (what, leaks))

    with running([path], env, workdir, 'present') as rubric:
        main = rubric.frame('the interview of %r' % CANDIDATE, lambda f: CANDIDATE in f.name)
        keys.press(KEY_F5)
        frame = present(rubric)
        check_shows(frame, questions[0], 'F5 on the first question')
        log('F5: %r shows the first question' % TITLE)

        # The interviewer clicks back into their own window.
        xfocus.give(lambda title: CANDIDATE in title)
        wait_for('the interviewer\'s window to be active again',
                 lambda: main.getState().contains(pyatspi.STATE_ACTIVE))

        for step in range(len(questions)):
            keys.press(KEY_SPACE)            # the expected answer, shown to the interviewer
            keys.press(ord('1'), Keyboard.ALT)   # a key point heard
            keys.press(ord(str(1 + step % 5)))   # a rating
            if step in STEPS_WITH_NOTES:
                keys.press(ord('n'))
                keys.type(NOTE % step)
                private.add(NOTE % step)
                keys.press(KEY_ESCAPE)
            check_shows(frame, questions[step], 'Space, Alt+1 and a rating on question %d' % (step + 1))
            if step + 1 < len(questions):
                keys.press(ord('j'))
                check_shows(frame, questions[step + 1], 'J to question %d' % (step + 2))
        keys.press(ord('k'))
        check_shows(frame, questions[-2], 'K back to question %d' % (len(questions) - 1))
        log('the presentation window followed J and K over all %d questions; no answer, '
            'key point, red flag, anchor, note or name in its tree' % len(questions))

        # F5 in the interviewer's window closes it; F5 opens it again, and
        # Escape in it (it has the keyboard then) closes it.
        keys.press(KEY_F5)
        wait_for('F5 to close %r' % TITLE,
                 lambda: not any(f.name == TITLE for f in children(rubric.app)))
        keys.press(KEY_F5)
        frame = present(rubric)
        check_shows(frame, questions[-2], 'F5 again')
        keys.press(KEY_ESCAPE)
        wait_for('Escape to close %r' % TITLE,
                 lambda: not any(f.name == TITLE for f in children(rubric.app)))
        log('F5 toggles it from the interviewer\'s window; Escape closes it')

        xfocus.give(lambda title: CANDIDATE in title)
        keys.press(ord('q'), Keyboard.CONTROL)
        rubric.wait_exit()

    with open(path, encoding='utf-8') as f:
        saved = json.load(f)
    notes = [a.get('notes') for a in saved.get('answers', {}).values() if a.get('notes')]
    if len(notes) != len(STEPS_WITH_NOTES):
        raise Failure('the keys went astray: the file holds the notes %r' % notes)
    log('the notes typed are in the file: %d' % len(notes))


if __name__ == '__main__':
    sys.exit(run('test_present.py', journey))
