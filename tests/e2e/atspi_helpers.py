#!/usr/bin/python3
# tests/e2e/atspi_helpers.py — what the end-to-end tests share
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Finding, waiting for and reading objects in the accessibility tree; one
# run of the rubric binary found on the accessibility bus, its stderr
# checked for warnings; the environment each run gets; the harness that
# checks the test runs under tests/with-display and reports a failure.

import contextlib
import ctypes
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

WAIT = 10.0          # no single wait is longer than this, in seconds

# The bundled kit, read by the tests that need its text.
KIT = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                   os.pardir, os.pardir, 'data', 'kits', 'django-senior.json')

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


class Announcements:
    """What applications ask screen readers to say (gtk_accessible_announce():
    AT-SPI's object:announcement, its text in any_data), heard from when
    this is made. Events only arrive while the main context runs: texts()
    runs it."""

    def __init__(self):
        self.heard = []
        self.listener = Atspi.EventListener.new(self._on_event)
        self.listener.register('object:announcement')

    def _on_event(self, event):
        self.heard.append(str(event.any_data))

    def texts(self):
        context = GLib.MainContext.default()
        while context.iteration(False):
            pass
        return self.heard

    def close(self):
        self.listener.deregister('object:announcement')


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


# Keysyms (X11/keysymdef.h); printable ASCII characters are their own.
KEY_SPACE = 0x20
KEY_RETURN = 0xff0d
KEY_ESCAPE = 0xff1b
KEY_TAB = 0xff09
KEY_PAGE_DOWN = 0xff56
KEY_DOWN = 0xff54
KEY_CONTROL = 0xffe3    # Control_L
KEY_SHIFT = 0xffe1      # Shift_L
KEY_ALT = 0xffe9        # Alt_L

_KEY_NAMES = {KEY_SPACE: 'Space', KEY_RETURN: 'Return', KEY_ESCAPE: 'Escape', KEY_TAB: 'Tab',
              KEY_PAGE_DOWN: 'Page_Down', KEY_DOWN: 'Down'}


def key_label(keysym, modifiers):
    name = _KEY_NAMES.get(keysym) or (chr(keysym) if 0x20 < keysym < 0x7f else '0x%x' % keysym)
    prefix = ''.join({KEY_CONTROL: 'Ctrl+', KEY_SHIFT: 'Shift+', KEY_ALT: 'Alt+'}[m] for m in modifiers)
    return prefix + name


class Keyboard:
    """Real key presses: AT-SPI asks its registry daemon to synthesise them
    with XTest, so they reach whichever window has the X input focus, as a
    user's would. Every press is counted.

    Atspi.KeySynthType is not a bit mask: SYM presses and releases a key
    by its keysym (the daemon adds Shift for capitals and removes it after),
    while PRESS and RELEASE take a keycode, the only way to hold a modifier
    down while another key goes. The keycodes of the modifiers come from
    the X server's own keymap."""

    CONTROL = KEY_CONTROL
    SHIFT = KEY_SHIFT
    ALT = KEY_ALT

    def __init__(self):
        self.presses = 0
        self.counts = {}
        self._keycodes = {}
        xlib = ctypes.CDLL('libX11.so.6')
        xlib.XOpenDisplay.restype = ctypes.c_void_p
        xlib.XOpenDisplay.argtypes = [ctypes.c_char_p]
        xlib.XKeysymToKeycode.restype = ctypes.c_ubyte
        xlib.XKeysymToKeycode.argtypes = [ctypes.c_void_p, ctypes.c_ulong]
        xlib.XCloseDisplay.argtypes = [ctypes.c_void_p]
        display = xlib.XOpenDisplay(None)
        if not display:
            raise Failure('cannot open the X display %r to read its keymap'
                          % os.environ.get('DISPLAY'))
        try:
            for keysym in (self.CONTROL, self.SHIFT, self.ALT):
                code = xlib.XKeysymToKeycode(display, keysym)
                if code == 0:
                    raise Failure('the X keymap has no key for keysym 0x%x' % keysym)
                self._keycodes[keysym] = code
        finally:
            xlib.XCloseDisplay(display)

    def _synth(self, value, kind):
        if not Atspi.generate_keyboard_event(value, None, kind):
            raise Failure('AT-SPI could not synthesise key 0x%x' % value)

    def press(self, keysym, *modifiers, name=None):
        """One key press, with modifiers (CONTROL, SHIFT, ALT) held around it."""
        for modifier in modifiers:
            self._synth(self._keycodes[modifier], Atspi.KeySynthType.PRESS)
        try:
            self._synth(keysym, Atspi.KeySynthType.SYM)
        finally:
            for modifier in reversed(modifiers):
                self._synth(self._keycodes[modifier], Atspi.KeySynthType.RELEASE)
        label = name or key_label(keysym, modifiers)
        self.presses += 1
        self.counts[label] = self.counts.get(label, 0) + 1

    def type(self, text):
        """Types text key by key (printable ASCII and newlines only: other
        characters would need keys the keymap does not have)."""
        for char in text:
            if char == '\n':
                self.press(KEY_RETURN)
            elif ' ' <= char <= '~':
                self.press(ord(char), name='(typing)')
            else:
                raise ValueError('cannot type %r with real keys' % char)


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


@contextlib.contextmanager
def running(args, env, workdir, label):
    """One run of rubric for a with block: what fails inside prints the
    app's tree and stderr; the app is killed at the end if still there."""
    rubric = Rubric(args, env, workdir, label)
    try:
        yield rubric
    except BaseException:
        report_tree(rubric)
        raise
    finally:
        rubric.kill()


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


def run(name, journey):
    """The harness of a test: checks it runs under tests/with-display,
    brings the accessibility bus up before any app starts (so GTK finds
    it), calls journey(workdir) in a fresh folder and turns what it raises
    into FAIL. Returns the exit status."""
    for var in ('RUBRIC_BIN', 'DISPLAY', 'DBUS_SESSION_BUS_ADDRESS'):
        if not os.environ.get(var):
            print('%s: %s is not set; run me under tests/with-display '
                  '(meson test does)' % (name, var), file=sys.stderr)
            return 1

    log('a11y bus up: %d application(s) on the desktop'
        % pyatspi.Registry.getDesktop(0).childCount)

    workdir = tempfile.mkdtemp(prefix='rubric-e2e-')
    try:
        journey(workdir)
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


