#!/usr/bin/python3
# tests/e2e/test_desktop.py — Rubric started as the desktop starts it
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The desktop file says DBusActivatable=true: the session bus starts the
# Exec line of the D-Bus service file (rubric --gapplication-service), and
# GNOME Shell calls org.freedesktop.Application on it. This runs the built
# service file's Exec line (with the build's binary), calls ActivateAction
# ('new-interview') and finds the New Interview dialog in the
# accessibility tree; calls Activate; then runs the desktop action
# "Browse Questions" by its Exec line, which hands it to the running
# instance and exits, and finds the study view.
#
# Environment: RUBRIC_BIN, RUBRIC_SERVICE_FILE, RUBRIC_DESKTOP_FILE,
# GSETTINGS_SCHEMA_DIR (meson sets them).

import configparser
import os
import shlex
import subprocess
import sys

import gi

gi.require_version('Gio', '2.0')
from gi.repository import Gio, GLib  # noqa: E402
import pyatspi  # noqa: E402

from atspi_helpers import Failure, app_env, children, find, log, run, running, wait_for  # noqa: E402


def read_ini(path):
    parser = configparser.ConfigParser(interpolation=None, strict=False)
    parser.optionxform = str
    parser.read(path, encoding='utf-8')
    return parser


def exec_args(line, binary):
    """An Exec line's arguments after the program, which must be rubric."""
    words = shlex.split(line)
    if os.path.basename(words[0]) != 'rubric':
        raise Failure('the Exec line %r does not run rubric' % line)
    return [binary] + words[1:]


def call(connection, name, path, method, parameters):
    connection.call_sync(name, path, 'org.freedesktop.Application', method, parameters,
                         None, Gio.DBusCallFlags.NONE, 60000, None)


def journey(workdir):
    desktop = read_ini(os.environ['RUBRIC_DESKTOP_FILE'])
    service = read_ini(os.environ['RUBRIC_SERVICE_FILE'])
    entry = desktop['Desktop Entry']
    app_id = os.path.basename(os.environ['RUBRIC_DESKTOP_FILE'])[:-len('.desktop')]
    if entry.get('DBusActivatable') != 'true':
        raise Failure('the desktop file is not DBusActivatable')
    if service['D-BUS Service'].get('Name') != app_id:
        raise Failure('the service file names %r, not the app id %r'
                      % (service['D-BUS Service'].get('Name'), app_id))
    actions = [a for a in entry.get('Actions', '').split(';') if a]
    if actions != ['new-interview', 'browse-questions']:
        raise Failure('the desktop actions are %r' % actions)

    env = app_env(workdir)
    binary = os.environ['RUBRIC_BIN']
    args = exec_args(service['D-BUS Service']['Exec'], binary)[1:]
    path = '/' + app_id.replace('.', '/').replace('-', '_')
    connection = Gio.bus_get_sync(Gio.BusType.SESSION, None)

    with running(args, env, workdir, 'service') as rubric:
        # The service owns the app id's name once it is up.
        def owned():
            rubric.check_alive()
            reply = connection.call_sync('org.freedesktop.DBus', '/org/freedesktop/DBus',
                                         'org.freedesktop.DBus', 'NameHasOwner',
                                         GLib.Variant('(s)', (app_id,)), None,
                                         Gio.DBusCallFlags.NONE, -1, None)
            return reply.unpack()[0]
        wait_for('%s on the session bus' % app_id, owned)

        call(connection, app_id, path, 'ActivateAction',
             GLib.Variant('(sava{sv})', ('new-interview', [], {})))
        frame = rubric.frame('a window after ActivateAction new-interview')
        dialog = wait_for('the "New Interview" dialog',
                          lambda: find(rubric.app, pyatspi.ROLE_ALERT, 'New Interview'))
        log('ActivateAction new-interview: %r in %r' % (dialog.name, frame.name))

        call(connection, app_id, path, 'Activate', GLib.Variant('(a{sv})', ({},)))
        wait_for('still one window after Activate',
                 lambda: len([c for c in children(rubric.app) if c.getRole() == pyatspi.ROLE_FRAME]) == 1)

        # The launcher's other action by its Exec line: handed to the
        # running instance, which opens a window to browse (the one on
        # screen holds the dialog, but no interview, so it is that one).
        browse = exec_args(desktop['Desktop Action browse-questions']['Exec'], binary)
        status = subprocess.run(browse, env=env, timeout=120, stderr=subprocess.PIPE, text=True)
        if status.returncode != 0:
            raise Failure('%s exited with %d: %s' % (' '.join(browse), status.returncode, status.stderr))
        wait_for('the study view ("Study" in the header)',
                 lambda: find(rubric.frame('a window'), pyatspi.ROLE_LABEL, 'Study'))
        log('Browse Questions by its Exec line: the study view')

        # Quit, as the launcher's menu would: no warnings on the way.
        call(connection, app_id, path, 'ActivateAction', GLib.Variant('(sava{sv})', ('quit', [], {})))
        rubric.wait_exit()


if __name__ == '__main__':
    sys.exit(run('e2e-desktop', journey))
