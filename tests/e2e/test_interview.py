#!/usr/bin/python3
# tests/e2e/test_interview.py — one interview, end to end, through AT-SPI
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Drives the real rubric binary the way a screen reader (or a user) would:
# through the accessibility tree. It starts an interview, rates the main
# question, writes a note, saves the interview under a name with the GTK
# file chooser, quits, starts Rubric again on the saved file and reads the
# rating, the note and the candidate's name back from the tree.
#
# Run it under tests/with-display, which gives it a private Xvfb and a
# private D-Bus session bus; the session bus activates the accessibility
# bus (at-spi-bus-launcher) when the test first asks for the desktop.
#
# Environment: RUBRIC_BIN, the binary to test; GSETTINGS_SCHEMA_DIR, where
# its compiled schema is (meson sets both).

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import traceback

import gi

gi.require_version('Atspi', '2.0')
from gi.repository import Atspi, GLib  # noqa: E402
import pyatspi  # noqa: E402

CANDIDATE = 'Ada Lovelace'
NOTE = 'Explained squashing migrations; unsure about RunPython reversibility.'
RATING = 4
RATING_TEXT = '4 — Strong'
SLIDER = 'Rating of Main Question'
NOTES_VIEW = 'Notes on Main Question'
WAIT = 10.0          # no single wait is longer than this, in seconds

T0 = time.monotonic()


def log(message):
    print('[%6.2f s] %s' % (time.monotonic() - T0, message), flush=True)


class Failure(Exception):
    pass


# GTK 4 has no org.a11y.atspi.Cache; libatspi's "dbind" domain then warns
# about GetItems on the client side. Harmless, and not the app's stderr.
GLib.log_set_handler('dbind', GLib.LogLevelFlags.LEVEL_WARNING,
                     lambda *args: None, None)


def wait_for(what, predicate, timeout=WAIT, interval=0.05):
    """Polls predicate until it returns something true; returns that.
    Objects come and go while the tree changes, so errors are retried."""
    deadline = time.monotonic() + timeout
    last_error = None
    while True:
        try:
            result = predicate()
            if result:
                return result
        except Exception as error:  # noqa: BLE001 — the tree is changing
            last_error = error
        if time.monotonic() > deadline:
            message = 'timed out after %.0f s waiting for %s' % (timeout, what)
            if last_error is not None:
                message += ' (last error: %r)' % last_error
            raise Failure(message)
        time.sleep(interval)


def children(acc):
    # Re-asked every time: pyatspi caches a child list it fetched before.
    result = []
    for i in range(acc.childCount):
        child = acc.getChildAtIndex(i)
        if child is not None:
            result.append(child)
    return result


def find(root, role, name=None, contains=None):
    def match(node):
        try:
            return (node is not None and node.getRole() == role and
                    (name is None or node.name == name) and
                    (contains is None or contains in node.name))
        except Exception:  # noqa: BLE001 — a node that went away
            return False
    return pyatspi.findDescendant(root, match, True)


def action_names(acc):
    actions = acc.queryAction()
    return [actions.getName(i) for i in range(actions.nActions)]


def do_action(acc, name):
    names = action_names(acc)
    if name not in names:
        raise Failure('%s %r has no action %r; it has %s'
                      % (acc.getRoleName(), acc.name, name, names))
    if not acc.queryAction().doAction(names.index(name)):
        raise Failure('the action %r of %s %r did not run' % (name, acc.getRoleName(), acc.name))


def click(acc):
    do_action(acc, 'click')


def text_of(acc):
    # Up to characterCount, not -1: GTK answers getText (0, -1) on the file
    # chooser's name entry with an empty string while it holds a name.
    text = acc.queryText()
    return text.getText(0, text.characterCount)


def set_text(acc, text):
    """Replaces an editable text's contents, as typing over it would."""
    editable = acc.queryEditableText()
    count = acc.queryText().characterCount
    if count:
        editable.deleteText(0, count)
    editable.insertText(0, text, len(text))


def value_text(acc):
    # The Value interface's Text property (AT-SPI 2.46+): what a screen
    # reader says for the slider.
    return Atspi.Value.get_text(acc)


# Nameless containers only add noise to a dump; their children stay.
PLAIN = {pyatspi.ROLE_PANEL, pyatspi.ROLE_GROUPING, pyatspi.ROLE_FILLER,
         pyatspi.ROLE_SCROLL_PANE, pyatspi.ROLE_SEPARATOR}


def dump(acc, depth=0, out=None, limit=300):
    """The tree below acc, one named node a line, for failure reports."""
    out = [] if out is None else out
    if len(out) >= limit:
        return out
    try:
        if acc.name or acc.getRole() not in PLAIN:
            line = '%s%s %r' % ('  ' * depth, acc.getRoleName(), acc.name)
            try:
                line += ' value=%g' % acc.queryValue().currentValue
            except NotImplementedError:
                pass
            out.append(line)
            depth += 1
        for child in children(acc):
            dump(child, depth, out, limit)
    except Exception as error:  # noqa: BLE001
        out.append('%s(gone: %r)' % ('  ' * depth, error))
    return out


class Rubric:
    """One run of the rubric binary, found on the accessibility bus."""

    def __init__(self, args, env, workdir, label):
        self.label = label
        self.stderr_path = os.path.join(workdir, 'stderr-%s.txt' % label.replace(' ', '-'))
        self.stderr_file = open(self.stderr_path, 'w')
        log('%s: starting rubric %s' % (label, ' '.join(args)))
        self.proc = subprocess.Popen([os.environ['RUBRIC_BIN']] + args, env=env,
                                     stdin=subprocess.DEVNULL,
                                     stderr=self.stderr_file)
        self.app = None

    def find_app(self):
        for app in children(pyatspi.Registry.getDesktop(0)):
            try:
                if app.get_process_id() == self.proc.pid:
                    return app
            except Exception:  # noqa: BLE001 — an application that left
                continue
        return None

    def check_alive(self):
        if self.proc.poll() is not None:
            raise Failure('%s: rubric exited early with status %s\n%s'
                          % (self.label, self.proc.returncode, self.stderr_text()))

    def frame(self, what, predicate=lambda frame: True):
        def look():
            self.check_alive()
            self.app = self.app or self.find_app()
            if self.app is None:
                return None
            for child in children(self.app):
                if child.getRole() == pyatspi.ROLE_FRAME and predicate(child):
                    return child
            return None
        return wait_for(what, look)

    def toplevel(self, role, name):
        def look():
            self.check_alive()
            for child in children(self.app):
                if child.getRole() == role and child.name == name:
                    return child
            return None
        return wait_for('a window %r' % name, look)

    def stderr_text(self):
        with open(self.stderr_path, encoding='utf-8', errors='replace') as f:
            return f.read()

    def wait_exit(self):
        try:
            status = self.proc.wait(WAIT)
        except subprocess.TimeoutExpired:
            raise Failure('%s: rubric did not exit within %.0f s after closing its window'
                          % (self.label, WAIT))
        self.stderr_file.close()
        err = self.stderr_text()
        log('%s: rubric exited with status %d' % (self.label, status))
        if status != 0:
            raise Failure('%s: rubric exited with status %d; its stderr:\n%s'
                          % (self.label, status, err or '(empty)'))
        bad = [line for line in err.splitlines() if 'CRITICAL' in line or 'WARNING' in line]
        if bad:
            raise Failure('%s: rubric printed %d CRITICAL/WARNING line(s); its stderr:\n%s'
                          % (self.label, len(bad), err))
        if err.strip():
            log('%s: rubric stderr (no warnings):\n%s' % (self.label, err.rstrip()))

    def kill(self):
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()
        if not self.stderr_file.closed:
            self.stderr_file.close()


def app_env(home):
    env = dict(os.environ)
    env.pop('GTK_A11Y', None)          # the real AT-SPI backend, not 'test' or 'none'
    for var in ('XDG_DATA_HOME', 'XDG_CONFIG_HOME', 'XDG_CACHE_HOME'):
        env[var] = os.path.join(home, var.lower())
        os.makedirs(env[var], exist_ok=True)
    env.update({
        'GSETTINGS_BACKEND': 'keyfile',     # settings survive between the two runs
        'ADW_DISABLE_PORTAL': '1',
        'GDK_DEBUG': 'no-portals',          # GTK's own file chooser, not a portal's
        'GSK_RENDERER': 'cairo',
        'LC_ALL': 'C.UTF-8',
        'LANGUAGE': 'C',                    # the names below are the untranslated ones
    })
    return env


def first_run(env, workdir, saved):
    rubric = Rubric([], env, workdir, 'first run')
    try:
        frame = rubric.frame('the frame "Rubric"', lambda f: f.name == 'Rubric')
        log('found the frame %r' % frame.name)

        # The start page: New Interview.
        button = wait_for('the button "New Interview"',
                          lambda: find(frame, pyatspi.ROLE_PUSH_BUTTON, 'New Interview'))
        click(button)

        # The New Interview dialog: the candidate's name, then Start Interview.
        dialog = wait_for('the "New Interview" dialog',
                          lambda: find(rubric.app, pyatspi.ROLE_ALERT, 'New Interview'))
        entry = wait_for('the "Candidate" entry in the dialog',
                         lambda: find(dialog, pyatspi.ROLE_TEXT, 'Candidate'))
        entry.queryEditableText().insertText(0, CANDIDATE, len(CANDIDATE))
        wait_for('the "Candidate" entry to hold %r' % CANDIDATE,
                 lambda: text_of(entry) == CANDIDATE)
        click(wait_for('the button "Start Interview"',
                       lambda: find(dialog, pyatspi.ROLE_PUSH_BUTTON, 'Start Interview')))
        frame = rubric.frame('the frame titled with %r' % CANDIDATE, lambda f: CANDIDATE in f.name)
        log('interview started: the frame is now %r' % frame.name)

        # Rate the main question 4 on its slider.
        slider = wait_for('the slider %r' % SLIDER, lambda: find(frame, pyatspi.ROLE_SLIDER, SLIDER))
        value = slider.queryValue()
        log('the slider %r: value %g in [%g, %g], says %r'
            % (SLIDER, value.currentValue, value.minimumValue, value.maximumValue, value_text(slider)))
        value.currentValue = float(RATING)
        wait_for('the slider %r to be %d' % (SLIDER, RATING),
                 lambda: slider.queryValue().currentValue == RATING)
        wait_for('the slider %r to say %r (it says %r)' % (SLIDER, RATING_TEXT, value_text(slider)),
                 lambda: value_text(slider) == RATING_TEXT)
        log('rated: the slider says %r' % value_text(slider))

        # A note on the main question.
        notes = wait_for('the text view %r' % NOTES_VIEW,
                         lambda: find(frame, pyatspi.ROLE_TEXT, NOTES_VIEW))
        notes.queryEditableText().insertText(0, NOTE, len(NOTE))
        wait_for('the text view %r to hold the note' % NOTES_VIEW, lambda: text_of(notes) == NOTE)
        log('wrote the note')

        # Save: the interview is untitled, so Save asks where, in GTK's
        # file chooser. Type the whole path into its name entry.
        if frame.name.startswith('•'):
            log('the title marks the interview as not saved yet: %r' % frame.name)
        do_action(frame, 'win.save')
        chooser = rubric.toplevel(pyatspi.ROLE_DIALOG, 'Save Interview')
        name_entry = wait_for('the name entry of the file chooser',
                              lambda: find(chooser, pyatspi.ROLE_TEXT, 'Name:'))
        wait_for('the suggested file name in the chooser',
                 lambda: text_of(name_entry).endswith('.rubric.json'), timeout=3)
        log('the chooser suggests %r' % text_of(name_entry))
        set_text(name_entry, saved)
        wait_for('the name entry to hold %r' % saved, lambda: text_of(name_entry) == saved)
        click(wait_for('the button "Save" of the file chooser',
                       lambda: find(chooser, pyatspi.ROLE_PUSH_BUTTON, 'Save')))
        wait_for('%s to be written' % saved, lambda: os.path.exists(saved))
        frame = rubric.frame('the title to lose its "not saved" mark',
                             lambda f: CANDIDATE in f.name and not f.name.startswith('•'))
        log('saved; the frame is now %r' % frame.name)

        # What reached the file (a clearer message than the second run's).
        with open(saved, encoding='utf-8') as f:
            session = json.load(f)
        answers = session.get('answers', {})
        rated = {qid: a for qid, a in answers.items() if a.get('rating') is not None}
        if [a.get('rating') for a in rated.values()] != [RATING]:
            raise Failure('the saved file should hold one rating, %d; its answers are %r'
                          % (RATING, answers))
        if not any(a.get('notes') == NOTE for a in answers.values()):
            raise Failure('the saved file does not hold the note; its answers are %r' % answers)
        if session.get('candidate', {}).get('name') != CANDIDATE:
            raise Failure('the saved file names the candidate %r, not %r'
                          % (session.get('candidate', {}).get('name'), CANDIDATE))

        # Quit by closing the window, as its close button would.
        do_action(frame, 'window.close')
        rubric.wait_exit()
    except BaseException:
        report_tree(rubric)
        raise
    finally:
        rubric.kill()


def second_run(env, workdir, saved):
    rubric = Rubric([saved], env, workdir, 'second run')
    try:
        frame = rubric.frame('a frame whose title names %r' % CANDIDATE,
                             lambda f: CANDIDATE in f.name)
        log('found the frame %r' % frame.name)
        if frame.name.startswith('•'):
            raise Failure('the reopened interview is marked as not saved: %r' % frame.name)

        slider = wait_for('the slider %r' % SLIDER, lambda: find(frame, pyatspi.ROLE_SLIDER, SLIDER))
        wait_for('the slider %r to be %d again (it is %g)'
                 % (SLIDER, RATING, slider.queryValue().currentValue),
                 lambda: slider.queryValue().currentValue == RATING)
        wait_for('the slider %r to say %r again (it says %r)' % (SLIDER, RATING_TEXT, value_text(slider)),
                 lambda: value_text(slider) == RATING_TEXT)
        notes = wait_for('the text view %r' % NOTES_VIEW,
                         lambda: find(frame, pyatspi.ROLE_TEXT, NOTES_VIEW))
        wait_for('the text view %r to hold the note again (it holds %r)' % (NOTES_VIEW, text_of(notes)),
                 lambda: text_of(notes) == NOTE)
        log('read back: rating %g (%r), the note, the title %r'
            % (slider.queryValue().currentValue, value_text(slider), frame.name))

        do_action(frame, 'window.close')
        rubric.wait_exit()
    except BaseException:
        report_tree(rubric)
        raise
    finally:
        rubric.kill()


def report_tree(rubric):
    if rubric.app is None or rubric.proc.poll() is not None:
        return
    try:
        lines = []
        for child in children(rubric.app):
            dump(child, 0, lines)
        print('--- the accessibility tree of rubric at the failure (abridged) ---\n'
              + '\n'.join(lines) + '\n---', flush=True)
    except Exception as error:  # noqa: BLE001
        print('(could not dump the tree: %r)' % error, flush=True)
    err = rubric.stderr_text()
    print('--- rubric stderr ---\n%s---' % (err or '(empty)\n'), flush=True)


def main():
    for var in ('RUBRIC_BIN', 'DISPLAY', 'DBUS_SESSION_BUS_ADDRESS'):
        if not os.environ.get(var):
            print('test_interview.py: %s is not set; run me under tests/with-display '
                  '(meson test e2e does)' % var, file=sys.stderr)
            return 1

    # Bring the accessibility bus up before the app starts, so GTK finds it.
    log('a11y bus up: %d application(s) on the desktop'
        % pyatspi.Registry.getDesktop(0).childCount)

    workdir = tempfile.mkdtemp(prefix='rubric-e2e-')
    try:
        env = app_env(os.path.join(workdir, 'home'))
        folder = os.path.join(workdir, 'interviews')
        os.makedirs(folder)
        saved = os.path.join(folder, 'ada.rubric.json')

        first_run(env, workdir, saved)
        drafts = os.path.join(env['XDG_DATA_HOME'], 'rubric', 'drafts')
        left = os.listdir(drafts) if os.path.isdir(drafts) else []
        if left:
            raise Failure('the interview was saved under a name, yet its draft is left in %s: %s'
                          % (drafts, left))
        second_run(env, workdir, saved)
    except Failure as failure:
        print('FAIL: %s' % failure, flush=True)
        return 1
    except Exception:  # noqa: BLE001
        print('FAIL: the test itself broke:', flush=True)
        traceback.print_exc()
        return 1
    finally:
        shutil.rmtree(workdir, ignore_errors=True)

    log('PASS')
    return 0


if __name__ == '__main__':
    sys.exit(main())
