#!/usr/bin/python3
# tests/stress/kill.py — SIGKILL Rubric while someone types, and check what survived
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Run by `build-aux/stress kill N` inside the build environment, under
# tests/with-display (a private Xvfb and session bus; the session bus starts
# the accessibility bus on the first AT-SPI call). build-aux/README.md says
# what a round does and what fails it. In short, each round:
#
#   - makes a fresh HOME and XDG folders, and starts the real rubric binary
#     on a saved session (a copy of tests/data/minimal.rubric.json made for
#     the shipped kit), or, every third round, on a new untitled interview,
#     which autosaves to a draft in $XDG_DATA_HOME/rubric/drafts;
#   - clicks into the notes of the main question (found by its accessible
#     name) and types a known text there with real key events (XTest, through
#     Atspi.generate_keyboard_event), 13 characters a second;
#   - kills rubric with SIGKILL: odd rounds the moment a save is seen in
#     flight (a temporary file appears in the session's folder, or the file
#     itself is created or written in place), even rounds at a random moment;
#   - checks the file: valid JSON that `rubric --check` accepts, notes that
#     are a prefix of what was typed and no shorter than an earlier save, how
#     many seconds of typing were lost, temporary files left behind; for an
#     untitled interview, whether Rubric offers the draft back on its start
#     page when started again.
#
# Environment: DISPLAY and DBUS_SESSION_BUS_ADDRESS (tests/with-display).

import argparse
import ctypes
import ctypes.util
import json
import os
import random
import re
import select
import shutil
import signal
import statistics
import struct
import subprocess
import sys
import tempfile
import time
import traceback

import gi

gi.require_version('Atspi', '2.0')
from gi.repository import Atspi, Gio, GLib  # noqa: E402
import pyatspi  # noqa: E402

PROG = 'build-aux/stress kill'
FIXTURE = 'tests/data/minimal.rubric.json'
SHIPPED_KIT = 'data/kits/django-senior.json'
APP_ID_PREFIX = 'io.github.rubricapp.Rubric'   # and .Devel
NOTES_VIEW = 'Notes on Main Question'

CPS = 13.0               # characters typed a second
TYPE_MIN = 3.0           # a kill comes after this much typing …
TYPE_MAX = 15.0          # … and no later than this (so a round stays ~20 s)
ARM_MAX = 10.0           # an in-flight round waits for a save from a random
                         # moment in [TYPE_MIN, ARM_MAX] until TYPE_MAX
WAIT = 10.0              # no single wait for the app is longer than this
OFFER_WAIT = 5.0         # for a recovered interview, once the start page is up
UNTITLED_EVERY = 3       # every third round is an untitled interview

# Temporary files of a save in flight: GLib's g_file_replace*() writes
# .goutputstream-XXXXXX; Rubric's own writer .<basename>.rubric-XXXXXX.
TEMP_RES = (re.compile(r'^\.goutputstream-[A-Za-z0-9]+$'),
            re.compile(r'^\..+\.rubric-[A-Za-z0-9]+$'))
SESSION_SUFFIX = '.rubric.json'

T0 = time.monotonic()


def say(message):
    print('[%7.2f s] %s' % (time.monotonic() - T0, message), flush=True)


class HarnessError(Exception):
    """The round could not be carried out (the app did not start, the notes
    field was not found…): the round fails, but it says nothing about saving."""


class Interrupted(BaseException):
    pass


# Ctrl+C or a TERM: stop, clean up, exit 130. The exception alone is not
# enough: a signal that arrives while libatspi runs a Python callback (the
# log handler below) raises it there, where PyGObject swallows it. So the
# flag stays up, and every wait checks it.
STOP = []


def on_signal(signum, frame):
    if STOP:
        return              # a second one: let the cleanup finish
    STOP.append(signal.Signals(signum).name)
    raise Interrupted(STOP[0])


def check_stop():
    if STOP:
        raise Interrupted(STOP[0])


# GTK 4 has no org.a11y.atspi.Cache; libatspi's "dbind" domain then warns
# about GetItems on the client side. Harmless, and not the app's stderr.
GLib.log_set_handler('dbind', GLib.LogLevelFlags.LEVEL_WARNING, lambda *args: None, None)


def is_temp(name):
    return any(r.match(name) for r in TEMP_RES)


def is_session_file(name):
    return name.endswith(SESSION_SUFFIX) and not name.startswith('.')


# ------------------------------------------------------------ the folder


class FolderWatch:
    """What happens in one folder: inotify through libc when it can, else
    a scan of the folder every millisecond. The folder may not exist yet
    (the drafts folder is made by the app); it is watched once it does.

    poll(timeout) returns a list of (kind, name) with kind one of
    'created', 'written' (closed after writing, or modified in place),
    'moved-in', 'gone', or 'present' (there when the watch began, or after
    inotify's queue overflowed)."""

    IN_MODIFY = 0x002
    IN_CLOSE_WRITE = 0x008
    IN_MOVED_FROM = 0x040
    IN_MOVED_TO = 0x080
    IN_CREATE = 0x100
    IN_DELETE = 0x200
    IN_Q_OVERFLOW = 0x4000
    IN_NONBLOCK = 0o4000
    IN_CLOEXEC = 0o2000000
    HEADER = struct.Struct('iIII')

    def __init__(self, folder):
        self.folder = folder
        self.fd = -1
        self.wd = -1
        self.attached = False
        self.seen = {}          # polling: name -> (inode, size, mtime_ns)
        try:
            self.libc = ctypes.CDLL(ctypes.util.find_library('c') or 'libc.so.6', use_errno=True)
            self.fd = self.libc.inotify_init1(self.IN_NONBLOCK | self.IN_CLOEXEC)
        except (OSError, AttributeError):
            self.fd = -1
        self.method = 'inotify' if self.fd >= 0 else 'polling every 1 ms'

    def close(self):
        if self.fd >= 0:
            os.close(self.fd)
            self.fd = -1

    def _scan(self):
        entries = {}
        try:
            with os.scandir(self.folder) as it:
                for entry in it:
                    try:
                        st = entry.stat(follow_symlinks=False)
                    except FileNotFoundError:
                        continue
                    entries[entry.name] = (st.st_ino, st.st_size, st.st_mtime_ns)
        except FileNotFoundError:
            return None
        return entries

    def _attach(self):
        """Starts watching once the folder exists; what it already holds
        is reported as 'present'."""
        if self.attached:
            return []
        if self.fd >= 0:
            mask = (self.IN_CREATE | self.IN_CLOSE_WRITE | self.IN_MODIFY |
                    self.IN_MOVED_TO | self.IN_MOVED_FROM | self.IN_DELETE)
            self.wd = self.libc.inotify_add_watch(self.fd, os.fsencode(self.folder), mask)
            if self.wd < 0:
                return []
        entries = self._scan()
        if entries is None:
            return []
        self.attached = True
        self.seen = entries
        return [('present', name) for name in sorted(entries)]

    def poll(self, timeout):
        deadline = time.monotonic() + max(0.0, timeout)
        events = self._attach()
        if events:
            return events
        while True:
            left = deadline - time.monotonic()
            if not self.attached:
                time.sleep(min(max(left, 0), 0.002))
                events = self._attach()
            elif self.fd >= 0:
                if select.select([self.fd], [], [], max(left, 0))[0]:
                    events = self._read()
            else:
                time.sleep(min(max(left, 0), 0.001))
                events = self._diff()
            if events or time.monotonic() >= deadline:
                return events

    def _read(self):
        try:
            data = os.read(self.fd, 65536)
        except BlockingIOError:
            return []
        events = []
        offset = 0
        while offset + self.HEADER.size <= len(data):
            _, mask, _, length = self.HEADER.unpack_from(data, offset)
            offset += self.HEADER.size
            name = data[offset:offset + length].rstrip(b'\0').decode('utf-8', 'replace')
            offset += length
            if mask & self.IN_Q_OVERFLOW:
                events.extend(('present', n) for n in sorted(self._scan() or {}))
            elif mask & self.IN_CREATE:
                events.append(('created', name))
            elif mask & self.IN_MOVED_TO:
                events.append(('moved-in', name))
            elif mask & (self.IN_CLOSE_WRITE | self.IN_MODIFY):
                events.append(('written', name))
            elif mask & (self.IN_DELETE | self.IN_MOVED_FROM):
                events.append(('gone', name))
        return events

    def _diff(self):
        now = self._scan()
        if now is None:
            return []
        events = []
        for name, key in now.items():
            old = self.seen.get(name)
            if old is None:
                events.append(('created', name))
            elif old[0] != key[0]:
                events.append(('moved-in', name))
            elif old != key:
                events.append(('written', name))
        events.extend(('gone', name) for name in self.seen if name not in now)
        self.seen = now
        return events

    def temps(self):
        try:
            return sorted(n for n in os.listdir(self.folder) if is_temp(n))
        except FileNotFoundError:
            return []

    def session_files(self):
        try:
            return sorted(n for n in os.listdir(self.folder) if is_session_file(n))
        except FileNotFoundError:
            return []


# ------------------------------------------------------------ AT-SPI


def wait_for(what, predicate, timeout=WAIT, interval=0.05, alive=None):
    """Polls predicate until it returns something true; returns that.
    Objects come and go while the tree changes, so errors are retried."""
    deadline = time.monotonic() + timeout
    last_error = None
    while True:
        check_stop()
        if alive is not None:
            alive()
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
            raise HarnessError(message)
        time.sleep(interval)


def children(acc):
    result = []
    for i in range(acc.childCount):
        child = acc.getChildAtIndex(i)
        if child is not None:
            result.append(child)
    return result


def find(root, role, name=None, contains=None):
    def match(node):
        try:
            return (node is not None and (role is None or node.getRole() == role) and
                    (name is None or node.name == name) and
                    (contains is None or contains in node.name))
        except Exception:  # noqa: BLE001 — a node that went away
            return False
    return pyatspi.findDescendant(root, match, True)


def do_action(acc, name):
    actions = acc.queryAction()
    names = [actions.getName(i) for i in range(actions.nActions)]
    if name not in names:
        raise HarnessError('%s %r has no action %r; it has %s'
                           % (acc.getRoleName(), acc.name, name, names))
    if not actions.doAction(names.index(name)):
        raise HarnessError('the action %r of %s %r did not run' % (name, acc.getRoleName(), acc.name))


def text_of(acc):
    text = acc.queryText()
    return text.getText(0, text.characterCount)


def focused(acc):
    return acc.getState().contains(pyatspi.STATE_FOCUSED)


def app_bus_names():
    bus = Gio.bus_get_sync(Gio.BusType.SESSION, None)
    reply = bus.call_sync('org.freedesktop.DBus', '/org/freedesktop/DBus', 'org.freedesktop.DBus',
                          'ListNames', None, GLib.VariantType('(as)'),
                          Gio.DBusCallFlags.NONE, 2000, None)
    return [n for n in reply.unpack()[0] if n.startswith(APP_ID_PREFIX)]


class Rubric:
    """One run of the rubric binary, found on the accessibility bus."""

    running = set()     # every Rubric not reaped yet, for the cleanup

    def __init__(self, binary, args, env, stderr_path, label):
        # Rubric is a unique GApplication: a new one would hand its files to
        # an instance still on the bus (the one killed a moment ago, if the
        # bus has not noticed yet) and quit.
        wait_for('the bus name of the last rubric to go (%s)' % ', '.join(app_bus_names()),
                 lambda: not app_bus_names(), timeout=5)
        self.label = label
        self.stderr_path = stderr_path
        self.stderr_file = open(stderr_path, 'w')
        self.proc = subprocess.Popen([binary] + args, env=env, stdin=subprocess.DEVNULL,
                                     stdout=self.stderr_file, stderr=self.stderr_file)
        Rubric.running.add(self)
        self.app = None

    def check_alive(self):
        check_stop()        # a Ctrl+C reaches rubric too
        if self.proc.poll() is not None:
            raise HarnessError('%s: rubric exited by itself with status %s; its stderr: %s'
                               % (self.label, self.proc.returncode, self.stderr_tail()))

    def find_app(self):
        for app in children(pyatspi.Registry.getDesktop(0)):
            try:
                if app.get_process_id() == self.proc.pid:
                    return app
            except Exception:  # noqa: BLE001 — an application that left
                continue
        return None

    def frame(self, what, predicate=lambda frame: True):
        def look():
            self.app = self.app or self.find_app()
            if self.app is None:
                return None
            for child in children(self.app):
                if child.getRole() == pyatspi.ROLE_FRAME and predicate(child):
                    return child
            return None
        return wait_for(what, look, alive=self.check_alive)

    def kill(self):
        """SIGKILL, at once; returns the monotonic time it was sent."""
        t = time.monotonic()
        if self.proc.poll() is None:
            try:
                os.kill(self.proc.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        return t

    def reap(self):
        try:
            self.proc.wait(WAIT)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        Rubric.running.discard(self)
        if not self.stderr_file.closed:
            self.stderr_file.close()

    def stderr_text(self):
        try:
            with open(self.stderr_path, encoding='utf-8', errors='replace') as f:
                return f.read()
        except OSError:
            return ''

    def stderr_tail(self):
        return self.stderr_text().strip()[-1500:] or '(empty)'

    def warnings(self):
        return [line.strip() for line in self.stderr_text().splitlines()
                if re.search(r'-(WARNING|CRITICAL|ERROR) \*\*', line)]

    @classmethod
    def kill_all(cls):
        for rubric in list(cls.running):
            rubric.kill()
            rubric.reap()


# ------------------------------------------------------------ one round


def typed_text(length):
    """A long sentence with a running counter, so any prefix tells where it
    stops: '0001 the quick brown fox … dog 0002 the quick …'. Lowercase,
    digits and spaces only: each is one key without modifiers."""
    parts = []
    n = 0
    while sum(map(len, parts)) < length:
        n += 1
        parts.append('%04d the quick brown fox jumps over the lazy dog ' % n)
    return ''.join(parts)[:length]


def answer_notes(session):
    """Every non-empty notes text of an answer, by question id."""
    answers = session.get('answers') if isinstance(session, dict) else None
    if not isinstance(answers, dict):
        return {}
    return {qid: a['notes'] for qid, a in answers.items()
            if isinstance(a, dict) and isinstance(a.get('notes'), str) and a['notes']}


class Round:
    def __init__(self, index, untitled, in_flight):
        self.index = index
        self.untitled = untitled
        self.in_flight = in_flight
        self.kill_kind = ''          # in-flight | in-flight (save won) | no save seen | random
        self.typed_s = 0.0
        self.typed = 0               # characters sent
        self.saved = None            # characters of notes in the file, None: no notes read
        self.loss = None
        self.valid = None            # the file is valid JSON
        self.checked = None          # rubric --check accepts it
        self.prefix = None
        self.temps = 0
        self.saves_seen = 0
        self.offered = None          # untitled: offered back on the start page
        self.warnings = []
        self.problems = []
        self.seconds = 0.0
        self.folder = ''

    @property
    def passed(self):
        return not self.problems

    def fail(self, message):
        self.problems.append(message)


class Stress:
    def __init__(self, args):
        self.args = args
        self.binary = os.path.abspath(os.path.join(args.builddir, 'src', 'rubric'))
        self.schemas = os.path.abspath(os.path.join(args.builddir, 'data'))
        self.text = typed_text(int((TYPE_MAX + 2) * CPS) + 64)
        self.workroot = None
        self.fixture = None

    def env(self, home):
        env = dict(os.environ)
        env.pop('GTK_A11Y', None)           # the real AT-SPI backend
        for var in ('G_DEBUG', 'G_MESSAGES_DEBUG', 'GTK_DEBUG', 'GSK_DEBUG'):
            env.pop(var, None)
        env['HOME'] = home
        for var in ('XDG_DATA_HOME', 'XDG_CONFIG_HOME', 'XDG_CACHE_HOME', 'XDG_STATE_HOME'):
            env[var] = os.path.join(home, var.lower())
            os.makedirs(env[var], exist_ok=True)
        env.update({
            'GSETTINGS_BACKEND': 'keyfile',
            'GSETTINGS_SCHEMA_DIR': self.schemas,
            'ADW_DISABLE_PORTAL': '1',
            'GDK_DEBUG': 'no-portals',
            'GSK_RENDERER': os.environ.get('GSK_RENDERER') or 'cairo',
            'LC_ALL': 'C.UTF-8',
            'LANGUAGE': 'C',                # the accessible names are the untranslated ones
        })
        return env

    def check_file(self, path, env):
        """rubric --check PATH: (accepted, its first line of output)."""
        try:
            res = subprocess.run([self.binary, '--check', path], env=env, stdin=subprocess.DEVNULL,
                                 capture_output=True, text=True, timeout=WAIT)
        except subprocess.TimeoutExpired:
            return False, 'rubric --check did not finish within %.0f s' % WAIT
        out = (res.stdout + res.stderr).strip().splitlines()
        return res.returncode == 0, (out[0] if out else '(no output)')

    def prepare(self):
        root = os.path.join(self.args.builddir, 'stress')
        os.makedirs(root, exist_ok=True)
        self.workroot = tempfile.mkdtemp(prefix='kill-', dir=os.path.abspath(root))
        # A saved session for the shipped kit, made from the minimal fixture:
        # its kit id changed to the shipped kit's (so the window shows that
        # kit's questions and their notes fields), no answers yet.
        with open(SHIPPED_KIT, encoding='utf-8') as f:
            kit_id = json.load(f)['id']
        with open(FIXTURE, encoding='utf-8') as f:
            session = json.load(f)
        session['kit'] = {'id': kit_id}
        session['answers'] = {}
        session['candidate'] = {'name': 'Stress Test'}
        self.fixture = os.path.join(self.workroot, 'fixture.rubric.json')
        with open(self.fixture, 'w', encoding='utf-8') as f:
            json.dump(session, f, indent=2)
            f.write('\n')
        ok, line = self.check_file(self.fixture, self.env(os.path.join(self.workroot, 'check-home')))
        if not ok:
            raise HarnessError('the session made from %s is not valid: %s' % (FIXTURE, line))

    # -------------------------------------------------------- the round

    def run_round(self, r):
        t_round = time.monotonic()
        rdir = os.path.join(self.workroot, 'round-%02d' % r.index)
        r.folder = rdir
        home = os.path.join(rdir, 'home')
        os.makedirs(home)
        env = self.env(home)
        drafts = os.path.join(env['XDG_DATA_HOME'], 'rubric', 'drafts')
        if r.untitled:
            folder = drafts
            path = None             # known once the draft appears
            args = []
            candidate = 'Stress Round %02d' % r.index
        else:
            folder = os.path.join(rdir, 'interviews')
            os.makedirs(folder)
            path = os.path.join(folder, 'stress.rubric.json')
            shutil.copyfile(self.fixture, path)
            args = [path]
            candidate = 'Stress Test'

        watch = FolderWatch(folder)
        rubric = Rubric(self.binary, args, env, os.path.join(rdir, 'rubric.stderr'),
                        'round %d' % r.index)
        try:
            self.open_notes(rubric, r, candidate)
            watch.poll(0)           # what the folder holds before typing
            kill_time, t_start, sent_at, max_saved = self.type_and_kill(rubric, r, watch, path)
        finally:
            rubric.kill()
            rubric.reap()
            watch.close()
        r.warnings = rubric.warnings()

        # What is on disk now.
        r.temps = len(watch.temps())
        files = watch.session_files()
        if r.untitled:
            if len(files) > 1:
                r.fail('%d drafts for one interview: %s' % (len(files), ', '.join(files)))
            path = os.path.join(folder, files[0]) if files else None
        else:
            stray = [n for n in os.listdir(drafts) if is_session_file(n)] if os.path.isdir(drafts) else []
            if stray:
                r.fail('a saved interview left a draft behind: %s' % ', '.join(stray))

        self.judge_file(r, path, env, kill_time, t_start, sent_at, max_saved)

        if r.untitled:
            self.check_offered(r, env, candidate, os.path.join(rdir, 'rubric-again.stderr'))
            # Temporary files a new start did not clean away are left behind.
            r.temps = len(watch.temps())

        r.seconds = time.monotonic() - t_round

    def open_notes(self, rubric, r, candidate):
        """Brings up the notes field of the main question, focused."""
        if r.untitled:
            frame = rubric.frame('the frame "Rubric"', lambda f: f.name == 'Rubric')
            button = wait_for('the button "New Interview"',
                              lambda: find(frame, pyatspi.ROLE_PUSH_BUTTON, 'New Interview'),
                              alive=rubric.check_alive)
            do_action(button, 'click')
            dialog = wait_for('the "New Interview" dialog',
                              lambda: find(rubric.app, pyatspi.ROLE_ALERT, 'New Interview'),
                              alive=rubric.check_alive)
            entry = wait_for('the "Candidate" entry', lambda: find(dialog, pyatspi.ROLE_TEXT, 'Candidate'),
                             alive=rubric.check_alive)
            # Setting up, not what is measured: the name may go in directly.
            entry.queryEditableText().insertText(0, candidate, len(candidate))
            wait_for('the "Candidate" entry to hold %r' % candidate, lambda: text_of(entry) == candidate,
                     alive=rubric.check_alive)
            do_action(wait_for('the button "Start Interview"',
                               lambda: find(dialog, pyatspi.ROLE_PUSH_BUTTON, 'Start Interview'),
                               alive=rubric.check_alive), 'click')
        frame = rubric.frame('a frame titled with %r' % candidate, lambda f: candidate in f.name)
        notes = wait_for('the text view %r' % NOTES_VIEW, lambda: find(frame, pyatspi.ROLE_TEXT, NOTES_VIEW),
                         alive=rubric.check_alive)
        if text_of(notes):
            raise HarnessError('the notes field is not empty to begin with: %r' % text_of(notes))

        # GTK 4 does not implement Component.GrabFocus (it answers an
        # error or FALSE): then a real click (XTest) in the middle of the
        # field. Without a window manager on Xvfb the window sits at 0,0,
        # so its window coordinates are screen coordinates.
        try:
            notes.queryComponent().grabFocus()
        except Exception:  # noqa: BLE001
            pass
        if not wait_focus(notes, 0.3):
            x, y, w, h = notes.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
            Atspi.generate_mouse_event(x + w // 2, y + h // 2, 'b1c')
            if not wait_focus(notes, 3.0):
                raise HarnessError('could not focus %r, neither with grab_focus nor a click at %d,%d'
                                   % (NOTES_VIEW, x + w // 2, y + h // 2))
        return notes

    def type_and_kill(self, rubric, r, watch, path):
        """Types until the kill; returns (kill time, typing start, the time
        each character was sent, the longest notes an observed save held)."""
        # Each round its own generator: --seed repeats every round's choices,
        # whatever happened in the rounds before it.
        rng = random.Random('%d/%d' % (self.args.seed, r.index))
        interval = 1.0 / CPS
        t_start = time.monotonic()
        if r.in_flight:
            arm_at = t_start + rng.uniform(TYPE_MIN, ARM_MAX)
            kill_at = t_start + TYPE_MAX        # when no save is seen
        else:
            arm_at = None
            kill_at = t_start + rng.uniform(TYPE_MIN, TYPE_MAX)
        sent_at = []
        max_saved = 0
        trigger = None                  # the temp file (or file) whose write we killed
        next_key = t_start
        target = os.path.basename(path) if path else None

        while True:
            check_stop()
            now = time.monotonic()
            if now >= kill_at:
                r.kill_kind = 'no save seen' if r.in_flight else 'random'
                break
            if now >= next_key:
                Atspi.generate_keyboard_event(0, self.text[len(sent_at)], Atspi.KeySynthType.STRING)
                sent_at.append(time.monotonic())
                # Keep the pace; after a stall, start again from now
                # rather than catch up in a burst.
                next_key = max(next_key + interval, sent_at[-1] + interval / 2)
                if len(sent_at) == len(self.text):
                    next_key = float('inf')
                continue
            rubric.check_alive()
            events = watch.poll(min(next_key, kill_at) - time.monotonic())
            # A save in flight: kill first, look later.
            if arm_at is not None and time.monotonic() >= arm_at:
                for kind, name in events:
                    if ((kind == 'created' and (is_temp(name) or is_session_file(name))) or
                            (kind == 'written' and is_session_file(name))):
                        trigger = (kind, name)
                        break
                if trigger is not None:
                    kill_at = rubric.kill()
                    r.saves_seen += 1
                    break
            for kind, name in events:
                if kind == 'created' and (is_temp(name) or is_session_file(name)):
                    r.saves_seen += 1
                if kind in ('moved-in', 'written') and is_session_file(name) and \
                        (target is None or name == target):
                    # A save that finished: what it holds, for "never shorter
                    # than an earlier save".
                    notes = read_notes(os.path.join(watch.folder, name))
                    if notes is not None:
                        max_saved = max(max_saved, max((len(n) for n in notes.values()), default=0))

        kill_time = rubric.kill() if trigger is None else kill_at
        rubric.reap()
        r.typed = len(sent_at)
        r.typed_s = kill_time - t_start
        if trigger is not None:
            kind, name = trigger
            still = os.path.exists(os.path.join(watch.folder, name))
            if kind == 'created' and is_temp(name):
                r.kill_kind = 'in-flight' if still else 'in-flight (save won)'
            else:
                r.kill_kind = 'in-flight (in place)'
        return kill_time, t_start, sent_at, max_saved

    def judge_file(self, r, path, env, kill_time, t_start, sent_at, max_saved):
        what = 'draft' if r.untitled else 'file'
        whole = kill_time - t_start
        if path is None or not os.path.exists(path):
            r.valid = False
            r.loss = whole
            r.fail('no %s was written at all' % what)
            return
        with open(path, 'rb') as f:
            data = f.read()
        try:
            session = json.loads(data.decode('utf-8'))
            r.valid = isinstance(session, dict)
        except (UnicodeDecodeError, ValueError) as error:
            r.valid = False
            r.fail('the %s is not valid JSON (%d bytes): %s' % (what, len(data), error))
        r.checked, line = self.check_file(path, env)
        if not r.checked:
            r.fail('rubric --check refuses the %s: %s' % (what, line))
        if not r.valid:
            r.loss = whole
            return

        notes = answer_notes(session)
        if len(notes) > 1:
            r.fail('notes in %d answers, typed into one: %s' % (len(notes), ', '.join(sorted(notes))))
        text = max(notes.values(), key=len) if notes else ''
        r.saved = len(text)
        typed = self.text[:len(sent_at)]
        r.prefix = typed.startswith(text)
        if not r.prefix:
            i = next((i for i, (a, b) in enumerate(zip(text, typed)) if a != b), min(len(text), len(typed)))
            r.fail('the saved notes are not what was typed: from character %d they hold %r, typed was %r'
                   % (i, text[i:i + 20], typed[i:i + 20]))
        if len(text) < max_saved:
            r.fail('the %s holds %d characters of notes, an earlier save already had %d'
                   % (what, len(text), max_saved))
        if text and r.prefix:
            r.loss = kill_time - sent_at[len(text) - 1]
        else:
            r.loss = whole
        if r.loss > self.args.max_loss:
            r.fail('%.1f s of typing lost (more than %.1f s)' % (r.loss, self.args.max_loss))
        if r.untitled and not text:
            r.fail('the draft holds none of the notes')

    def check_offered(self, r, env, candidate, stderr_path):
        """Starts Rubric again: its start page must offer the draft back."""
        rubric = Rubric(self.binary, [], env, stderr_path, 'round %d, started again' % r.index)
        try:
            frame = rubric.frame('the frame "Rubric"', lambda f: f.name == 'Rubric')
            try:
                # The drafts are listed in a worker thread once the window
                # is up: quick, so a short wait.
                wait_for('the recovered interview of %r on the start page' % candidate,
                         lambda: find(frame, None, 'Recovered Interviews') and find(frame, None, candidate),
                         timeout=OFFER_WAIT, alive=rubric.check_alive)
                r.offered = True
            except HarnessError:
                r.offered = False
                r.fail('started again, Rubric does not offer the draft back')
        finally:
            rubric.kill()
            rubric.reap()


def read_notes(path):
    try:
        with open(path, 'rb') as f:
            return answer_notes(json.loads(f.read().decode('utf-8')))
    except (OSError, UnicodeDecodeError, ValueError):
        return None


def wait_focus(acc, timeout):
    deadline = time.monotonic() + timeout
    while True:
        try:
            if focused(acc):
                return True
        except Exception:  # noqa: BLE001
            pass
        if time.monotonic() > deadline:
            return False
        time.sleep(0.02)


# ------------------------------------------------------------ report


def fmt(value, spec='%.1f', none='—'):
    return none if value is None else spec % value


def yes_no(value):
    return '—' if value is None else ('yes' if value else 'NO')


def report(rounds, args):
    print()
    print('Kill rounds: %d, seed %d, max loss %.1f s' % (len(rounds), args.seed, args.max_loss))
    print()
    head = ('%-3s %-8s %-21s %6s %5s %5s %6s %5s %5s %6s %5s %5s %7s %6s  %s'
            % ('#', 'kind', 'kill', 'typed', 'chars', 'saved', 'loss', 'json', 'check', 'prefix',
               'temps', 'saves', 'offered', 'secs', 'result'))
    print(head)
    print('-' * len(head))
    for r in rounds:
        print('%-3d %-8s %-21s %5.1fs %5d %5s %5ss %5s %5s %6s %5d %5d %7s %5.1fs  %s'
              % (r.index, 'untitled' if r.untitled else 'titled', r.kill_kind or '—', r.typed_s, r.typed,
                 fmt(r.saved, '%d'), fmt(r.loss), yes_no(r.valid), yes_no(r.checked), yes_no(r.prefix),
                 r.temps, r.saves_seen, yes_no(r.offered) if r.untitled else '', r.seconds,
                 'PASS' if r.passed else 'FAIL'))
    print()
    print('typed: seconds of typing before the kill; chars: characters typed; saved: characters of')
    print('notes in the file after the kill; loss: kill time minus the time the last saved character')
    print('was typed (everything typed, when none was saved); temps: temporary files left in the')
    print('folder at the end; saves: saves seen begin while typing (a temporary file or the file')
    print("itself created); offered: the draft on Rubric's start page when started again (untitled")
    print('rounds).')

    losses = [r.loss for r in rounds if r.loss is not None]
    print()
    if losses:
        print('loss: max %.1f s, median %.1f s (threshold %.1f s)'
              % (max(losses), statistics.median(losses), args.max_loss))
    print('invalid files: %d; refused by rubric --check: %d; not a prefix: %d; temporary files left: %d'
          % (sum(r.valid is False for r in rounds), sum(r.checked is False for r in rounds),
             sum(r.prefix is False for r in rounds), sum(r.temps for r in rounds)))
    landed = sum(r.kill_kind.startswith('in-flight') for r in rounds)
    print('kills during a save: %d of %d in-flight rounds (%d landed before the save finished)'
          % (landed, sum(r.in_flight for r in rounds), sum(r.kill_kind == 'in-flight' for r in rounds)))
    warned = [r for r in rounds if r.warnings]
    if warned:
        print('rubric logged warnings in %d round(s) (not counted as failures); the first: %s'
              % (len(warned), warned[0].warnings[0]))
    failed = [r for r in rounds if not r.passed]
    if failed:
        print()
        print('Failures:')
        for r in failed:
            for problem in r.problems:
                print('  round %d: %s' % (r.index, problem))
            if args.keep:
                print('  round %d: its folder is %s' % (r.index, r.folder))
    print()
    print('stress: %d passed, %d failed' % (len(rounds) - len(failed), len(failed)))
    return not failed


# ------------------------------------------------------------ main


def main():
    parser = argparse.ArgumentParser(prog=PROG, description='SIGKILL Rubric while typing into it.')
    parser.add_argument('rounds', type=int, metavar='N')
    parser.add_argument('--seed', type=int, default=None)
    parser.add_argument('--max-loss', type=float, default=3.0, metavar='S')
    parser.add_argument('--keep', action='store_true')
    parser.add_argument('--builddir', default='_build/sdk')
    args = parser.parse_args()
    if args.rounds < 1:
        parser.error('N must be at least 1')
    if args.seed is None:
        args.seed = int.from_bytes(os.urandom(4), 'big')
    for var in ('DISPLAY', 'DBUS_SESSION_BUS_ADDRESS'):
        if not os.environ.get(var):
            print('%s: %s is not set; run me under tests/with-display (build-aux/stress does)'
                  % (PROG, var), file=sys.stderr)
            return 2
    for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        signal.signal(sig, on_signal)

    stress = Stress(args)
    if not os.access(stress.binary, os.X_OK):
        print('%s: %s not found: build first (build-aux/stress does)' % (PROG, stress.binary), file=sys.stderr)
        return 2
    rounds = []
    try:
        stress.prepare()
        say('seed %d (repeat with --seed %d); work folder %s' % (args.seed, args.seed, stress.workroot))
        say('accessibility bus up: %d application(s)' % pyatspi.Registry.getDesktop(0).childCount)
        say('watching folders with %s' % FolderWatch(stress.workroot).method)
        for i in range(1, args.rounds + 1):
            r = Round(i, untitled=(i % UNTITLED_EVERY == 0), in_flight=(i % 2 == 1))
            rounds.append(r)
            say('round %d/%d: %s interview, kill %s'
                % (i, args.rounds, 'untitled' if r.untitled else 'saved',
                   'during a save' if r.in_flight else 'at a random moment'))
            t = time.monotonic()
            try:
                stress.run_round(r)
            except HarnessError as error:
                check_stop()
                r.fail('the round could not run: %s' % error)
            except Exception as error:  # noqa: BLE001 — AT-SPI or D-Bus broke
                check_stop()
                traceback.print_exc()
                r.fail('the harness broke: %r' % error)
            finally:
                Rubric.kill_all()
            r.seconds = r.seconds or time.monotonic() - t
            say('round %d: %s, %s kill after %.1f s of typing, loss %s s, %.1f s in all%s'
                % (i, 'PASS' if r.passed else 'FAIL', r.kill_kind or 'no', r.typed_s, fmt(r.loss),
                   r.seconds, ''.join('\n    ' + p for p in r.problems)))
    except Interrupted as why:
        print('\n%s: interrupted (%s)' % (PROG, why), file=sys.stderr)
        return 130
    except KeyboardInterrupt:
        print('\n%s: interrupted' % PROG, file=sys.stderr)
        return 130
    except HarnessError as error:
        print('%s: %s' % (PROG, error), file=sys.stderr)
        return 2
    finally:
        Rubric.kill_all()
        if stress.workroot is not None:
            if args.keep:
                print('%s: kept the rounds\' folders in %s' % (PROG, stress.workroot), file=sys.stderr)
            else:
                shutil.rmtree(stress.workroot, ignore_errors=True)

    return 0 if report(rounds, args) else 1


if __name__ == '__main__':
    sys.exit(main())
