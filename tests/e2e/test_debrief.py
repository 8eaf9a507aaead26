#!/usr/bin/python3
# tests/e2e/test_debrief.py — two scorecards sealed by key, then their debrief
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Issue 17's journey through the accessibility tree, with real key presses
# where the interviewer uses keys. Two interviewers' unsealed scorecards on
# one candidate; the user is Sam Lee (the "default interviewer" setting).
# `rubric --debrief SAM KIM` first: Sam's own scorecard is not sealed, so
# the window is blind — the banner says "Seal your scorecard to see the
# panel" and no score of Kim's shows. Then each file is opened and sealed
# with Shift+Ctrl+Return and Return; a screen reader hears "Scorecard
# sealed" (an AT-SPI announcement), and the files must hold their seals. Then
# the debrief again: no banner, both interviewers, the topic where they
# differ by 2 or more says so in words — and neither private note is
# anywhere in the window. Last, `rubric --compare FOLDER` on a folder of
# three candidates' sealed scorecards: the table has them all, best first,
# with the keyboard on the first row; Down and Return open the second
# candidate's debrief.

import json
import os
import shutil
import sys

import pyatspi

from atspi_helpers import (KEY_DOWN, KEY_RETURN, Announcements, Failure, Keyboard, app_env, find, log, run,
                           running, wait_for)

DATA = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), 'data', 'debrief')
COMPARE = os.path.join(os.path.dirname(DATA), 'compare')
CANDIDATE = 'Ada Lovelace'
ME = 'Sam Lee'
PRIVATE = ('PRIVATE-SAM', 'PRIVATE-KIM')


def unsealed_copy(name, workdir):
    with open(os.path.join(DATA, name), encoding='utf-8') as f:
        session = json.load(f)
    session.pop('seal', None)
    session.pop('seal_history', None)
    path = os.path.join(workdir, name)
    with open(path, 'w', encoding='utf-8') as f:
        json.dump(session, f, ensure_ascii=False, indent=2)
    return path


def texts(root):
    """Every name and label text under root."""
    found = []

    def walk(node, depth=0):
        if node is None or depth > 60:
            return
        try:
            found.append(node.name or '')
            for i in range(node.childCount):
                walk(node.getChildAtIndex(i), depth + 1)
        except Exception:  # noqa: BLE001 — a node that went away
            pass
    walk(root)
    return found


def banner_shown(frame):
    """Whether the blind banner is in the tree and showing."""
    return pyatspi.findDescendant(
        frame, lambda n: (n.name or '') == 'Seal your scorecard to see the panel' and
        n.getState().contains(pyatspi.STATE_SHOWING), True) is not None


def debrief_frame(rubric):
    return rubric.frame('the debrief window of %r' % CANDIDATE,
                        lambda f: 'Debrief' in f.name and CANDIDATE in f.name)


def seal_by_keys(env, workdir, path, keys):
    with running([path], env, workdir, 'seal %s' % os.path.basename(path)) as rubric:
        frame = rubric.frame('the interview of %r' % CANDIDATE, lambda f: CANDIDATE in f.name)
        wait_for('the header clock', lambda: find(frame, pyatspi.ROLE_LABEL, contains=':'))
        keys.press(KEY_RETURN, Keyboard.CONTROL, Keyboard.SHIFT)
        alert = wait_for('the "Seal the Scorecard?" alert',
                         lambda: find(rubric.app, pyatspi.ROLE_ALERT, 'Seal the Scorecard?'))
        wait_for('the focus in the alert',
                 lambda: pyatspi.findDescendant(
                     alert, lambda n: n.getState().contains(pyatspi.STATE_FOCUSED)) is not None)
        announcements = Announcements()
        keys.press(KEY_RETURN)
        wait_for('the banner "Sealed on …"',
                 lambda: find(frame, pyatspi.ROLE_LABEL, contains='the panel sees this scorecard'))
        # A screen reader is told, not only shown.
        wait_for('the announcement "Scorecard sealed"',
                 lambda: 'Scorecard sealed' in announcements.texts())
        announcements.close()
        keys.press(ord('q'), Keyboard.CONTROL)
        rubric.wait_exit()
    with open(path, encoding='utf-8') as f:
        seal = json.load(f).get('seal') or {}
    if len(seal.get('hash', '')) != 64:
        raise Failure('%s holds no seal after sealing: %r' % (os.path.basename(path), seal))
    log('%s sealed: %s' % (os.path.basename(path), seal['hash'][:12]))


def journey(workdir):
    env = app_env(os.path.join(workdir, 'home'))
    env['G_DEBUG'] = 'fatal-criticals'
    settings = os.path.join(env['XDG_CONFIG_HOME'], 'glib-2.0', 'settings')
    os.makedirs(settings)
    with open(os.path.join(settings, 'keyfile'), 'w', encoding='utf-8') as f:
        f.write("[io/github/rubricapp/Rubric]\ndefault-interviewer='%s'\n" % ME)
    sam = unsealed_copy('sam.rubric.json', workdir)
    kim = unsealed_copy('kim.rubric.json', workdir)
    keys = Keyboard()

    # Blind: my own scorecard is not sealed.
    with running(['--debrief', sam, kim], env, workdir, 'blind debrief') as rubric:
        frame = debrief_frame(rubric)
        wait_for('the banner "Seal your scorecard to see the panel"', lambda: banner_shown(frame))
        wait_for('the others\' scores to read "Hidden"', lambda: 'Hidden' in texts(frame))
        shown = texts(frame)
        leaks = [t for t in shown if 'differs by' in t or any(p in t for p in PRIVATE)]
        if leaks:
            raise Failure('the blind debrief shows %r' % leaks)
        log('blind: the banner, and no score of the others')
        keys.press(ord('q'), Keyboard.CONTROL)
        rubric.wait_exit()

    seal_by_keys(env, workdir, kim, keys)
    seal_by_keys(env, workdir, sam, keys)

    # Both sealed: the panel.
    with running(['--debrief', sam, kim], env, workdir, 'debrief') as rubric:
        frame = debrief_frame(rubric)
        wait_for('the interviewer "Kim Park"', lambda: find(frame, pyatspi.ROLE_LABEL, 'Kim Park'))
        wait_for('a topic where they differ by 2 or more, in words',
                 lambda: find(frame, pyatspi.ROLE_LABEL, contains='differs by'))
        shown = texts(frame)
        if 'Hidden' in shown or banner_shown(frame):
            raise Failure('the debrief still hides scores, or says it does, with both scorecards sealed')
        leaks = [t for t in shown if any(p in t for p in PRIVATE)]
        if leaks:
            raise Failure('the debrief shows a private note: %r' % leaks)
        log('the panel: both interviewers, the disagreement, no private note')
        keys.press(ord('q'), Keyboard.CONTROL)
        rubric.wait_exit()

    compare_by_keys(env, workdir, keys)


def focused_name(frame):
    node = pyatspi.findDescendant(frame, lambda n: n.getState().contains(pyatspi.STATE_FOCUSED), True)
    return (node.name or '') if node is not None else ''


def compare_by_keys(env, workdir, keys):
    """A folder of three candidates: the compare view, then a debrief by keys."""
    folder = os.path.join(workdir, 'role')
    shutil.copytree(COMPARE, folder)
    with running(['--compare', folder], env, workdir, 'compare') as rubric:
        frame = rubric.frame('the compare window', lambda f: f.name == 'Compare: role')
        for name in ('Grace Hopper', 'Ada Lovelace', 'Alan Turing'):
            wait_for('the candidate %r in the table' % name, lambda: name in texts(frame))
        wait_for('"Split panel" said in words', lambda: 'Split panel' in texts(frame))
        # Best first (4.1, 3.3, 2.2), the keyboard on the first row.
        wait_for('the keyboard on the first row, Grace Hopper', lambda: focused_name(frame).startswith('Grace Hopper'))
        keys.press(KEY_DOWN)
        wait_for('the keyboard on the second row, Ada Lovelace', lambda: focused_name(frame).startswith('Ada Lovelace'))
        keys.press(KEY_RETURN)
        debrief = rubric.frame('the debrief of the second row, Ada Lovelace',
                               lambda f: f.name == 'Debrief: Ada Lovelace')
        wait_for('her interviewers in the debrief', lambda: 'Kim Park' in texts(debrief))
        log('compare: three candidates, Down and Return open the second one\'s debrief')
        keys.press(ord('q'), Keyboard.CONTROL)
        rubric.wait_exit()


if __name__ == '__main__':
    sys.exit(run('test_debrief.py', journey))
