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
import sys

import pyatspi

from atspi_helpers import (Failure, app_env, click, do_action, find, log, run, running,
                           set_text, text_of, value_text, wait_for)

CANDIDATE = 'Ada Lovelace'
NOTE = 'Explained squashing migrations; unsure about RunPython reversibility.'
RATING = 4
RATING_TEXT = '4 — Strong'
SLIDER = 'Rating of Main Question'
NOTES_VIEW = 'Notes on Main Question'


def first_run(env, workdir, saved):
    with running([], env, workdir, 'first run') as rubric:
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


def second_run(env, workdir, saved):
    with running([saved], env, workdir, 'second run') as rubric:
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


def journey(workdir):
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


if __name__ == '__main__':
    sys.exit(run('test_interview.py', journey))
