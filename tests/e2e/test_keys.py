#!/usr/bin/python3
# tests/e2e/test_keys.py — a whole interview with real key presses
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The interviewer's journey of issues 13 and 15, with keys only: every key
# below is a real key press, synthesised through the accessibility bus
# (XTest), not an action run on a widget. Rubric starts fresh; F10 opens
# the main menu and Escape closes it; F1 opens the guide in a stand-in web
# browser; Ctrl+N, the
# candidate's name, the plan New Interview offers (the bundled "60-minute
# senior round"), Return; the header shows the clock against the slot and
# the pacing line; then every question of the plan, in its order, one after
# the other with J (past a topic's last question too) and now and then
# Ctrl+Page Down — and no question the plan leaves out. On each the focus must be on the question's card and the topic's
# row selected in the sidebar; Space must reveal that card's expected
# answer and no other card's (once with the focus on another card's
# button); Alt+1 and Alt+2 on the first, ticking its first two key points
# on the evidence checklist; then a rating key on most, S on one (Ctrl+Z
# takes it back, S again), N + notes + Escape on
# several (Ctrl+Z in the first notes undoes typing, not the rating, and
# Ctrl+Shift+Z redoes it), a topic note (one Tab from a question's notes), the
# recommendation and the summary; Alt+1 and Alt+2 tick key points; Ctrl+E,
# then the summary exported as a file through GTK's file chooser (Alt+E);
# Ctrl+P, GTK's print dialog, cancelled with Escape;
# Ctrl+S through the file chooser; Ctrl+Q. Rubric runs with G_DEBUG=fatal-criticals and must
# print no warning.
#
# Then Rubric starts again on the saved file, and what was typed is read
# back through the tree, topic by topic (Ctrl+Page Down); the saved JSON
# must hold exactly what was typed (the two ticks, each with its time, too),
# and nothing in another topic.
#
# A third run on the saved file seals it: Ctrl+Shift+Return, the
# alert answered with Return (its default, Seal), the banner; the file must
# then hold a "seal" with the hash of what was scored.
#
# Last, Rubric is given a broken file: the alert says where, with the
# focus on Close (not on the message, which would show all selected), and
# Return closes it.
#
# Every key is counted; the total, the Tab and Shift+Tab among them and
# the keys typed as text are printed at the end.
#
# Run it under tests/with-display (meson test e2e-keys does). Keys go to
# the window that has the X input focus: with no window manager, GTK gives
# it to each window it presents, and when the file chooser goes, X hands
# the keys to the window under the pointer, which is Rubric's.

import json
import os
import subprocess
import sys

import pyatspi
from gi.repository import GLib

from atspi_helpers import (KEY_DOWN, KEY_ESCAPE, KEY_PAGE_DOWN, KEY_RETURN, KEY_SPACE,
                           KEY_TAB, KIT, Failure, Keyboard, app_env, children, find, log,
                           run, running, text_of, wait_for)

KEY_F1 = 0xffbe
KEY_F10 = 0xffc7

HELP_DIR = os.path.normpath(os.path.join(os.path.dirname(KIT), os.pardir, os.pardir, 'help'))
# Where the stand-in browser writes what it opened (add_browser()).
BROWSER_OPENED = os.path.join(os.environ.get('TMPDIR', '/tmp'), 'rubric-e2e-keys-browser-%d' % os.getpid())

# The plan New Interview offers first: the bundled one.
PLAN = os.path.join(os.path.dirname(os.path.dirname(KIT)), 'plans', 'django-senior-60.json')

CANDIDATE = 'Grace Hopper'

# What the interviewer does on question g (0-based over the whole kit).
# A rating on most, none on a few, S on one.
UNRATED = {7}
SKIPPED = 4
NOTES = {
    0: 'Knows sqlmigrate; wants expand and contract.',
    2: 'Used prefetch_related (Prefetch objects too).',
    5: 'Order matters: auth before messages, j/k/n typed fine.',
    6: 'Reentrant receivers? Said "on_commit" at once.',
    8: 'CSRF: token per session; 12345 typed as text.',
    10: 'Pagination by cursor, not offset.',
}
# The topic note goes on this topic, reached with one Tab from the notes of
# its last question; then Ctrl+Page Down straight from the topic note, and
# Space, a rating and J on the next topic (where issue 13 saw the note's
# keys land in the next topic's notes).
TOPIC_NOTE_TOPIC = 5
TOPIC_NOTE = 'Signals: solid, though no word on transaction.on_commit.'
# Ctrl+Z in these notes undoes typing (the text field's own undo), not
# the question's rating; Ctrl+Shift+Z redoes it. Ctrl+Z on the card of
# SKIPPED takes the skip back, and S skips again.
NOTES_UNDONE = 0
# Space with the focus on another card's button (issue 13: the button
# took it).
SPACE_ON_BUTTON = 1
ON_PURPOSE = 'Tab (to a button, on purpose)'
# Into these topics with Ctrl+Page Down rather than J (and into the one
# after the topic note).
BY_PAGE_DOWN = {3, 9}
# Alt+1 and Alt+2 on this question, once its answer shows: its first two
# key points, ticked on the evidence checklist.
TICKED = {0: (1, 2), 5: (1,), 9: (2,)}
RECOMMENDATION = 'Yes'          # one Down from "No Decision", then Return
RECOMMENDATION_NICK = 'yes'
SUMMARY = 'Strong on the ORM and migrations; caching answers were thin.'


def rating_of(g):
    if g in UNRATED or g == SKIPPED:
        return None
    return (2, 4, 3, 5, 1, 4)[g % 6]


def load_plan():
    """The plan's topics in its order, each with its planned questions in
    the kit's order; a card is named by the question's place in the kit."""
    with open(KIT, encoding='utf-8') as f:
        kit = json.load(f)
    with open(PLAN, encoding='utf-8') as f:
        plan = json.load(f)
    kit_topics = {topic['id']: topic for topic in kit['topics']}
    topics = []
    for planned in plan['topics']:
        topic = kit_topics[planned['id']]
        questions = []
        follow_up = 0
        for question in topic['questions']:
            if question['kind'] == 'main':
                card = 'Main Question'
            else:
                follow_up += 1
                card = 'Follow-Up %d' % follow_up
            if question['id'] not in planned['questions']:
                continue
            points = [p if isinstance(p, str) else p['text'] for p in question['key_points']]
            questions.append({'id': question['id'], 'card': card, 'points': points,
                              'prompt': question['prompt'], 'expected': question['expected']})
        topics.append({'id': topic['id'], 'title': topic['title'], 'questions': questions})
    return plan, topics


def has_state(acc, state):
    try:
        return acc.getState().contains(state)
    except Exception:  # noqa: BLE001 — an object that went away
        return False


def child_with(acc, role, name=None):
    for child in children(acc):
        if child.getRole() == role and (name is None or child.name == name):
            return child
    return None


def wait_equal(what, get, want):
    """Waits for get() to return want; says what it returned last if not."""
    try:
        wait_for('%s to be %r' % (what, want), lambda: get() == want)
    except Failure as failure:
        raise Failure('%s; it is %r' % (failure, get()))


class Card:
    """A question card in the tree: a grouping named like "Follow-Up 1"
    around a box of the prompt, the reveal button and the revealer (a
    grouping too, whose child is in the tree only while it is revealed)."""

    def __init__(self, acc):
        self.acc = acc
        box = children(acc)[0]
        labels = [c for c in children(box) if c.getRole() == pyatspi.ROLE_LABEL]
        self.prompt = labels[0].name if labels else None
        self.revealer = child_with(box, pyatspi.ROLE_GROUPING)
        if self.revealer is None:
            raise Failure('the card %r has no revealer in the tree' % acc.name)

    def answer_shown(self):
        """The text of the expected answer while the revealer's child shows,
        else None."""
        shown = [c for c in children(self.revealer) if has_state(c, pyatspi.STATE_SHOWING)]
        if not shown:
            return None
        labels = [c.name for c in children(shown[0]) if c.getRole() == pyatspi.ROLE_LABEL]
        # "Expected Answer", then the answer itself.
        return labels[1] if len(labels) > 1 and labels[0] == 'Expected Answer' else ''


class Row:
    """A rating row of the candidate panel: the prompt, the slider, the
    "skipped" check box and the notes."""

    def __init__(self, acc):
        def one(role):
            return pyatspi.findDescendant(acc, lambda n: n.getRole() == role, True)
        labels = [c for c in children(acc) if c.getRole() == pyatspi.ROLE_LABEL]
        self.prompt = labels[1].name if len(labels) > 1 else None
        self.slider = one(pyatspi.ROLE_SLIDER)
        self.skipped = one(pyatspi.ROLE_CHECK_BOX)
        self.notes = one(pyatspi.ROLE_TEXT)


class Interview:
    """The window of one run and the objects of the topic on screen. The
    containers are found once; a topic's cards and rating rows are read
    from them, and known to be that topic's by their prompts."""

    def __init__(self, rubric, topics):
        self.rubric = rubric
        self.topics = topics
        self.frame = None
        self.topic_list = None
        self.cards_box = None
        self.rows_box = None
        self.cards = None
        self.rows = None
        self.texts = {}

    def _topic_pane(self, topic):
        node = find(self.frame, pyatspi.ROLE_GROUPING, topic['title'])
        return node if node is not None and node.getRole() == pyatspi.ROLE_GROUPING else None

    def _read(self, box_name, locate, make, topic):
        """The objects of topic in a container: found once through locate
        (from a child of it), made with make from its children, and known to
        be the topic's by their prompts; None while they are not (yet)."""
        box = getattr(self, box_name)
        if box is None:
            pane = self._topic_pane(topic)
            box = pane and locate(pane)
            if box is None:
                return None
        try:
            items = make(children(box))
        except GLib.Error:  # the box went away
            items = None
        if items is None or [i.prompt for i in items] != [q['prompt'] for q in topic['questions']]:
            box = None      # not this topic's (yet): look again next time
        setattr(self, box_name, box)
        return items if box is not None else None

    def _cards(self, topic):
        def locate(pane):
            main = find(pane, pyatspi.ROLE_GROUPING, 'Main Question')
            return main and main.parent
        cards = self._read('cards_box', locate, lambda nodes: [
            Card(c) for c in nodes if c.getRole() == pyatspi.ROLE_GROUPING], topic)
        if cards and [c.acc.name for c in cards] != [q['card'] for q in topic['questions']]:
            raise Failure('the cards of %r are named %r' % (topic['title'], [c.acc.name for c in cards]))
        return cards

    def _rows(self, topic):
        def locate(pane):
            slider = find(pane, pyatspi.ROLE_SLIDER, 'Rating of Main Question')
            return slider and slider.parent.parent     # slider < row < rows
        rows = self._read('rows_box', locate, lambda nodes: [Row(r) for r in nodes], topic)
        for row, q in zip(rows or [], topic['questions']):
            names = (row.slider.name, row.skipped.name, row.notes.name)
            want = ('Rating of %s' % q['card'], '%s skipped' % q['card'], 'Notes on %s' % q['card'])
            if names != want:
                raise Failure('the rating row of %r in %r is named %r, not %r'
                              % (q['card'], topic['title'], names, want))
        return rows

    def show_topic(self, t):
        """Waits for topic t: its cards in the question pane, its rating
        rows in the candidate panel, its row selected in the sidebar."""
        topic = self.topics[t]
        self.cards = wait_for('the cards of topic %d, %r' % (t + 1, topic['title']),
                              lambda: self._cards(topic))
        self.rows = wait_for('the rating rows of topic %d, %r' % (t + 1, topic['title']),
                             lambda: self._rows(topic))
        self.topic_list = self.topic_list or wait_for(
            'the list "Topics"', lambda: find(self.frame, pyatspi.ROLE_LIST, 'Topics'))

        def row_selected():
            items = children(self.topic_list)
            return (len(items) == len(self.topics) and
                    has_state(items[t], pyatspi.STATE_SELECTED) and
                    items[t].name.startswith('%d. %s' % (t + 1, topic['title'])))
        wait_for('the sidebar to select topic %d, %r' % (t + 1, topic['title']), row_selected)

    def text(self, name):
        """A text field of the panel outside the rating rows: one widget
        for the whole interview, so it is looked up once."""
        if name not in self.texts:
            self.texts[name] = wait_for('the text %r' % name,
                                        lambda: find(self.frame, pyatspi.ROLE_TEXT, name))
        return self.texts[name]

    def wait_focus(self, acc, what):
        wait_for('the focus on %s' % what, lambda: has_state(acc, pyatspi.STATE_FOCUSED))


def assert_revealed_only(interview, t, q_index):
    """The current card's expected answer is showing, and no other card's."""
    topic = interview.topics[t]

    def only_current():
        for i, (card, q) in enumerate(zip(interview.cards, topic['questions'])):
            shown = card.answer_shown()
            if i == q_index and shown != q['expected']:
                return False
            if i != q_index and shown is not None:
                return False
        return True

    def state():
        return ', '.join('%s %s' % (c.acc.name, 'hidden' if c.answer_shown() is None else 'revealed')
                         for c in interview.cards)
    try:
        wait_for('Space to reveal the answer of %r in %r, and no other card\'s'
                 % (topic['questions'][q_index]['card'], topic['title']), only_current)
    except Failure as failure:
        raise Failure('%s; the cards: %s' % (failure, state()))


def first_run(env, workdir, saved, exported, plan, topics, keys):
    with running([], env, workdir, 'first run') as rubric:
        interview = Interview(rubric, topics)
        interview.frame = rubric.frame('the frame "Rubric"', lambda f: f.name == 'Rubric')
        button = wait_for('the button "New Interview"',
                          lambda: find(interview.frame, pyatspi.ROLE_PUSH_BUTTON, 'New Interview'))
        interview.wait_focus(button, 'the button "New Interview" of the start page')

        # F10: the main menu, built when it first opens, with its items named;
        # Escape closes it, the focus on its button, and Tab goes on.
        keys.press(KEY_F10)
        wait_for('F10 to open the main menu',
                 lambda: find(interview.frame, pyatspi.ROLE_MENU_ITEM, 'Preferences'))
        keys.press(KEY_ESCAPE)
        wait_for('Escape to close the main menu',
                 lambda: find(interview.frame, pyatspi.ROLE_MENU_ITEM, 'Preferences') is None)
        interview.wait_focus(find(interview.frame, pyatspi.ROLE_TOGGLE_BUTTON, 'Main Menu'),
                             'the button "Main Menu"')
        keys.press(KEY_TAB)
        interview.wait_focus(button, 'the button "New Interview" again')

        # F1: the guide, in the web browser.
        keys.press(KEY_F1)
        opened = wait_for('F1 to open the guide in the web browser', opened_help)
        expected = os.path.join(HELP_DIR, 'C', 'index.html')
        # GIO hands a local file to a browser as its path.
        if opened not in (expected, 'file://' + expected):
            raise Failure('F1 opened %r, not the guide %r' % (opened, expected))
        os.unlink(BROWSER_OPENED)

        # Ctrl+N, the candidate's name, Return.
        keys.press(ord('n'), Keyboard.CONTROL)
        dialog = wait_for('the "New Interview" dialog',
                          lambda: find(rubric.app, pyatspi.ROLE_ALERT, 'New Interview'))
        entry = wait_for('the "Candidate" entry', lambda: find(dialog, pyatspi.ROLE_TEXT, 'Candidate'))
        interview.wait_focus(entry, 'the "Candidate" entry')
        keys.type(CANDIDATE)
        wait_for('the "Candidate" entry to hold %r' % CANDIDATE, lambda: text_of(entry) == CANDIDATE)
        wait_for('New Interview to offer the plan %r' % plan['name'],
                 lambda: pyatspi.findDescendant(dialog, lambda n: plan['name'] in (n.name or ''), True))
        keys.press(KEY_RETURN)
        interview.frame = rubric.frame('the frame titled with %r' % CANDIDATE,
                                       lambda f: CANDIDATE in f.name)
        log('interview started: %r' % interview.frame.name)

        # The clock against the plan's slot, and the pacing line.
        slot = '/ %d min' % plan['slot_minutes']
        wait_for('the header to show the clock against %r' % slot,
                 lambda: find(interview.frame, pyatspi.ROLE_LABEL, contains=slot))
        wait_for('the pacing line to say "On time"',
                 lambda: find(interview.frame, pyatspi.ROLE_LABEL, 'On time'))

        # P: a break; the header's clock says so, and P again goes on.
        keys.press(ord('p'))
        wait_for('the header to say the clock is paused',
                 lambda: find(interview.frame, pyatspi.ROLE_LABEL, contains=', paused'))
        keys.press(ord('p'))
        wait_for('the header to say the clock runs again',
                 lambda: find(interview.frame, pyatspi.ROLE_LABEL, contains=', paused') is None)

        g = 0
        moved = False
        for t, topic in enumerate(topics):
            for q_index, q in enumerate(topic['questions']):
                if g > 0 and not moved:
                    if q_index == 0 and t in BY_PAGE_DOWN:
                        keys.press(KEY_PAGE_DOWN, Keyboard.CONTROL)
                    else:
                        keys.press(ord('j'))
                moved = False
                if q_index == 0:
                    interview.show_topic(t)
                card = interview.cards[q_index].acc
                interview.wait_focus(card, 'the card %r of %r' % (q['card'], topic['title']))

                if g == SPACE_ON_BUTTON:
                    # Two Tabs from the card: past its own reveal button to
                    # the next card's. Space must still reveal the current
                    # question, not press the focused button.
                    button = find(interview.cards[q_index + 1].acc, pyatspi.ROLE_TOGGLE_BUTTON,
                                  'Show Expected Answer')
                    keys.press(KEY_TAB, name=ON_PURPOSE)
                    keys.press(KEY_TAB, name=ON_PURPOSE)
                    interview.wait_focus(button, 'the reveal button of the next card')
                keys.press(KEY_SPACE)
                assert_revealed_only(interview, t, q_index)

                for number in TICKED.get(g, ()):
                    keys.press(ord('0') + number, Keyboard.ALT)
                    point = q['points'][number - 1]
                    wait_for('the key point %r to be ticked' % point,
                             lambda point=point: has_state(
                                 find(card, pyatspi.ROLE_CHECK_BOX, point), pyatspi.STATE_CHECKED))

                rating = rating_of(g)
                if rating is not None:
                    keys.press(ord('0') + rating)
                    slider = interview.rows[q_index].slider
                    wait_equal('the rating of %r of %r' % (q['card'], topic['title']),
                               lambda: slider.queryValue().currentValue, rating)
                if g == SKIPPED:
                    keys.press(ord('s'))
                    check = interview.rows[q_index].skipped
                    wait_for('%r of %r to be marked skipped' % (q['card'], topic['title']),
                             lambda: has_state(check, pyatspi.STATE_CHECKED))
                    slider = interview.rows[q_index].slider
                    before = slider.queryValue().currentValue
                    keys.press(ord('z'), Keyboard.CONTROL)
                    wait_for('Ctrl+Z to take back the skip of %r' % q['card'],
                             lambda: not has_state(check, pyatspi.STATE_CHECKED))
                    wait_equal('the rating of %r after Ctrl+Z' % q['card'],
                               lambda: slider.queryValue().currentValue, before)
                    keys.press(ord('s'))
                    wait_for('%r of %r to be marked skipped again' % (q['card'], topic['title']),
                             lambda: has_state(check, pyatspi.STATE_CHECKED))

                last_of_topic = q_index == len(topic['questions']) - 1
                if g in NOTES or (last_of_topic and t in (TOPIC_NOTE_TOPIC, len(topics) - 1)):
                    keys.press(ord('n'))
                    notes = interview.rows[q_index].notes
                    interview.wait_focus(notes, 'the notes on %r' % q['card'])
                    if g in NOTES:
                        keys.type(NOTES[g])
                        wait_equal('the notes on %r' % q['card'], lambda: text_of(notes), NOTES[g])
                    if g == NOTES_UNDONE:
                        keys.press(ord('z'), Keyboard.CONTROL)
                        wait_for('Ctrl+Z in the notes on %r to undo typing' % q['card'],
                                 lambda: text_of(notes) != NOTES[g] and NOTES[g].startswith(text_of(notes)))
                        slider = interview.rows[q_index].slider
                        if slider.queryValue().currentValue != rating:
                            raise Failure('Ctrl+Z in the notes changed the rating of %r: %r, not %r'
                                          % (q['card'], slider.queryValue().currentValue, rating))
                        keys.press(ord('z'), Keyboard.CONTROL, Keyboard.SHIFT)
                        wait_equal('the notes on %r after Ctrl+Shift+Z' % q['card'],
                                   lambda: text_of(notes), NOTES[g])

                if last_of_topic and t == TOPIC_NOTE_TOPIC:
                    # One Tab from the question's notes to the topic's.
                    keys.press(KEY_TAB)
                    topic_notes = interview.text('Topic notes')
                    interview.wait_focus(topic_notes, 'the topic notes')
                    keys.type(TOPIC_NOTE)
                    wait_equal('the topic notes', lambda: text_of(topic_notes), TOPIC_NOTE)
                    # Straight on to the next topic, from inside the note.
                    keys.press(KEY_PAGE_DOWN, Keyboard.CONTROL)
                    moved = True
                elif last_of_topic and t == len(topics) - 1:
                    finish(interview, keys, card)
                elif g in NOTES:
                    keys.press(KEY_ESCAPE)
                    interview.wait_focus(card, 'the card %r again after Escape' % q['card'])
                g += 1
        log('all %d questions visited' % g)

        # Ctrl+E: the export dialog, which must have the focus before Alt+E
        # presses its Export button.
        keys.press(ord('e'), Keyboard.CONTROL)
        dialog = wait_for('the "Export Summary" dialog',
                          lambda: find(interview.frame, pyatspi.ROLE_DIALOG, 'Export Summary'))
        wait_for('the focus in the "Export Summary" dialog',
                 lambda: pyatspi.findDescendant(
                     dialog, lambda n: has_state(n, pyatspi.STATE_FOCUSED)) is not None)
        # Alt+E: the dialog's "Export…" button; GTK's file chooser; a name.
        keys.press(ord('e'), Keyboard.ALT)
        chooser = rubric.toplevel(pyatspi.ROLE_DIALOG, 'Export Summary')
        name_entry = wait_for('the name entry of the export file chooser',
                              lambda: find(chooser, pyatspi.ROLE_TEXT, 'Name:'))
        interview.wait_focus(name_entry, 'the name entry of the export file chooser')
        suggested = text_of(name_entry)
        extension = os.path.splitext(suggested)[1]
        log('the export chooser suggests %r' % suggested)
        keys.press(ord('a'), Keyboard.CONTROL)
        keys.type(exported + extension)
        keys.press(KEY_RETURN)
        wait_for('%s to be written' % (exported + extension),
                 lambda: os.path.exists(exported + extension) and os.path.getsize(exported + extension) > 0)
        exported_file = exported + extension
        if find(interview.frame, pyatspi.ROLE_DIALOG, 'Export Summary') is not None:
            keys.press(KEY_ESCAPE)
        wait_for('the "Export Summary" dialog to close',
                 lambda: find(interview.frame, pyatspi.ROLE_DIALOG, 'Export Summary') is None)
        # With no window manager, nobody gives the X focus back to Rubric's
        # window when the chooser goes (GTK then reports no focused widget);
        # the keys still reach it, as the window under the pointer.

        # Ctrl+P: GTK's print dialog for the summary; Escape cancels it.
        keys.press(ord('p'), Keyboard.CONTROL)
        printing = rubric.toplevel(pyatspi.ROLE_DIALOG, 'Print')
        wait_for('the print dialog to offer its Print button',
                 lambda: find(printing, pyatspi.ROLE_PUSH_BUTTON, 'Print'))
        keys.press(KEY_ESCAPE)
        wait_for('Escape to close the print dialog',
                 lambda: not any(c.getRole() == pyatspi.ROLE_DIALOG and c.name == 'Print'
                                 for c in children(rubric.app)))

        # Ctrl+S: GTK's file chooser; a name typed over the suggested one.
        keys.press(ord('s'), Keyboard.CONTROL)
        chooser = rubric.toplevel(pyatspi.ROLE_DIALOG, 'Save Interview')
        name_entry = wait_for('the name entry of the file chooser',
                              lambda: find(chooser, pyatspi.ROLE_TEXT, 'Name:'))
        interview.wait_focus(name_entry, 'the name entry of the file chooser')
        log('the chooser suggests %r' % text_of(name_entry))
        keys.press(ord('a'), Keyboard.CONTROL)
        keys.type(saved)
        wait_for('the name entry to hold %r (it holds %r)' % (saved, text_of(name_entry)),
                 lambda: text_of(name_entry) == saved)
        keys.press(KEY_RETURN)
        wait_for('%s to be written' % saved, lambda: os.path.exists(saved))
        interview.frame = rubric.frame('the title to lose its "not saved" mark',
                                       lambda f: CANDIDATE in f.name and not f.name.startswith('•'))
        log('saved; the frame is now %r' % interview.frame.name)

        keys.press(ord('q'), Keyboard.CONTROL)
        rubric.wait_exit()
    return exported_file


def finish(interview, keys, card):
    """From the notes of the last question: Tab to the topic notes, on to
    the recommendation, Down and Return to choose, Tab to the summary;
    Escape, back to the card."""
    keys.press(KEY_TAB)
    interview.wait_focus(interview.text('Topic notes'), 'the topic notes')
    keys.press(KEY_TAB)     # past the scores, which are no Tab stops
    no_decision = wait_for('the recommendation "No Decision"',
                           lambda: find(interview.frame, pyatspi.ROLE_RADIO_BUTTON, 'No Decision'))
    interview.wait_focus(no_decision, 'the recommendation "No Decision"')
    keys.press(KEY_DOWN)
    chosen = find(interview.frame, pyatspi.ROLE_RADIO_BUTTON, RECOMMENDATION)
    interview.wait_focus(chosen, 'the recommendation %r' % RECOMMENDATION)
    keys.press(KEY_RETURN)  # Down only moves the focus; Return chooses
    wait_for('Return to choose %r' % RECOMMENDATION, lambda: has_state(chosen, pyatspi.STATE_CHECKED))
    keys.press(KEY_TAB)
    summary = interview.text('Summary')
    interview.wait_focus(summary, 'the summary')
    keys.type(SUMMARY)
    wait_equal('the summary', lambda: text_of(summary), SUMMARY)
    keys.press(KEY_ESCAPE)
    interview.wait_focus(card, 'the last card again after Escape')


def exported_text(path):
    """The text of an exported summary; a PDF's through pdftotext."""
    if path.endswith('.pdf'):
        return subprocess.run(['pdftotext', '-layout', path, '-'], check=True,
                              capture_output=True, text=True).stdout
    with open(path, encoding='utf-8') as f:
        return f.read()


def check_export(exported, plan, topics):
    text = exported_text(exported)
    first = topics[0]['questions'][0]
    wanted = [plan['name'], first['points'][0], first['points'][1]]
    missing = [w for w in wanted if ' '.join(w.split()) not in ' '.join(text.split())]
    if missing:
        raise Failure('the exported summary %s lacks %r' % (os.path.basename(exported), missing))
    log('the exported summary names the plan and the points ticked')


def check_file(saved, plan, topics):
    with open(saved, encoding='utf-8') as f:
        session = json.load(f)
    problems = []

    def expect(what, got, want):
        if got != want:
            problems.append('%s: %r, not %r' % (what, got, want))

    answers = session.get('answers', {})
    g = 0
    for topic in topics:
        for q in topic['questions']:
            answer = answers.get(q['id'], {})
            expect('the rating of %s' % q['id'], answer.get('rating'), rating_of(g))
            expect('%s skipped' % q['id'], answer.get('skipped', False), g == SKIPPED)
            expect('the notes on %s' % q['id'], answer.get('notes') or '', NOTES.get(g, ''))
            ticks = answer.get('ticks', [])
            expect('the ticks on %s' % q['id'], [(tick['kind'], tick['point']) for tick in ticks],
                   [('key_point', number - 1) for number in TICKED.get(g, ())])
            if any(not isinstance(tick.get('offset_s'), int) or tick['offset_s'] < 0 for tick in ticks):
                problems.append('a tick on %s without its time: %r' % (q['id'], ticks))
            g += 1
    unknown = set(answers) - {q['id'] for topic in topics for q in topic['questions']}
    if unknown:
        problems.append('answers to questions not in the plan: %s' % sorted(unknown))
    expect('the plan run', (session.get('plan') or {}).get('id'), plan['id'])
    expect('the plan\'s topics', [t['id'] for t in (session.get('plan') or {}).get('topics', [])],
           [t['id'] for t in plan['topics']])
    expect('the topic notes', session.get('topic_notes'), {topics[TOPIC_NOTE_TOPIC]['id']: TOPIC_NOTE})
    expect('the summary', session.get('summary'), SUMMARY)
    expect('the recommendation', session.get('recommendation'), RECOMMENDATION_NICK)
    expect('the candidate', session.get('candidate', {}).get('name'), CANDIDATE)
    expect('the private notes', session.get('private_notes') or '', '')
    if problems:
        raise Failure('the saved file does not hold exactly what was typed:\n  '
                      + '\n  '.join(problems))
    log('the saved file holds exactly what was typed')


def second_run(env, workdir, saved, topics, keys):
    with running([saved], env, workdir, 'second run') as rubric:
        interview = Interview(rubric, topics)
        interview.frame = rubric.frame('a frame whose title names %r' % CANDIDATE,
                                       lambda f: CANDIDATE in f.name)
        if interview.frame.name.startswith('•'):
            raise Failure('the reopened interview is marked as not saved: %r' % interview.frame.name)

        # Shift+Ctrl+L: the questions the plan leaves out come back, marked;
        # again, and they go.
        interview.show_topic(0)
        keys.press(ord('l'), Keyboard.CONTROL, Keyboard.SHIFT)
        wait_for('Shift+Ctrl+L to show a question outside the plan',
                 lambda: find(interview.frame, pyatspi.ROLE_LABEL, contains='Not in the plan'))
        keys.press(ord('l'), Keyboard.CONTROL, Keyboard.SHIFT)
        wait_for('Shift+Ctrl+L again to show the plan\'s questions only',
                 lambda: find(interview.frame, pyatspi.ROLE_LABEL, contains='Not in the plan') is None)
        interview.cards_box = interview.rows_box = None
        log('Shift+Ctrl+L showed and hid the questions outside the plan')

        g = 0
        for t, topic in enumerate(topics):
            if t > 0:
                keys.press(KEY_PAGE_DOWN, Keyboard.CONTROL)
            interview.show_topic(t)
            for q, row in zip(topic['questions'], interview.rows):
                where = '%r of %r, read back,' % (q['card'], topic['title'])
                wait_equal('the rating of ' + where,
                           lambda: row.slider.queryValue().currentValue, rating_of(g) or 0)
                wait_equal('"skipped" on ' + where,
                           lambda: has_state(row.skipped, pyatspi.STATE_CHECKED), g == SKIPPED)
                wait_equal('the notes on ' + where, lambda: text_of(row.notes), NOTES.get(g, ''))
                g += 1
            topic_notes = interview.text('Topic notes')
            wait_equal('the topic notes of %r, read back,' % topic['title'],
                       lambda: text_of(topic_notes),
                       TOPIC_NOTE if t == TOPIC_NOTE_TOPIC else '')
        summary = interview.text('Summary')
        wait_equal('the summary, read back,', lambda: text_of(summary), SUMMARY)
        chosen = find(interview.frame, pyatspi.ROLE_RADIO_BUTTON, RECOMMENDATION)
        wait_for('the recommendation %r to be chosen again' % RECOMMENDATION,
                 lambda: has_state(chosen, pyatspi.STATE_CHECKED))
        log('read back: %d ratings, notes, the topic note, summary and recommendation' % g)

        keys.press(ord('q'), Keyboard.CONTROL)
        rubric.wait_exit()


def third_run(env, workdir, saved, topics, keys):
    """Ctrl+Shift+Return seals the reopened interview once Return answers
    the alert; the banner says so, and the file holds the seal."""
    with running([saved], env, workdir, 'third run') as rubric:
        interview = Interview(rubric, topics)
        interview.frame = rubric.frame('a frame whose title names %r' % CANDIDATE,
                                       lambda f: CANDIDATE in f.name)
        interview.show_topic(0)
        keys.press(KEY_RETURN, Keyboard.CONTROL, Keyboard.SHIFT)
        alert = wait_for('the "Seal the Scorecard?" alert',
                         lambda: find(rubric.app, pyatspi.ROLE_ALERT, 'Seal the Scorecard?'))
        wait_for('the focus in the "Seal the Scorecard?" alert',
                 lambda: pyatspi.findDescendant(
                     alert, lambda n: has_state(n, pyatspi.STATE_FOCUSED)) is not None)
        keys.press(KEY_RETURN)
        wait_for('the banner "Sealed on …"',
                 lambda: find(interview.frame, pyatspi.ROLE_LABEL, contains='the panel sees this scorecard'))
        wait_for('the header to say "Sealed"',
                 lambda: find(interview.frame, pyatspi.ROLE_LABEL, contains='· Sealed'))

        keys.press(ord('q'), Keyboard.CONTROL)
        rubric.wait_exit()

    with open(saved, encoding='utf-8') as f:
        seal = json.load(f).get('seal')
    if not isinstance(seal, dict) or len(seal.get('hash', '')) != 64 or not seal.get('sealed_at'):
        raise Failure('the sealed file holds no seal with a hash and a time: %r' % (seal,))
    log('sealed by keys: %s at %s' % (seal['hash'][:12], seal['sealed_at']))


def fourth_run(env, workdir, keys):
    """A file Rubric cannot open: the alert names the problem and its place,
    its Close button has the focus, and Return closes it."""
    broken = os.path.join(workdir, 'R&D <notes>.rubric.json')
    with open(broken, 'w', encoding='utf-8') as f:
        f.write('{"format": "rubric-session", "version": 1, "kit": 7}')
    with running([broken], env, workdir, 'fourth run') as rubric:
        rubric.frame('the start page')
        alert = wait_for('the "Could Not Open the Interview" alert',
                         lambda: find(rubric.app, pyatspi.ROLE_ALERT, 'Could Not Open the Interview'))
        message = wait_for('the alert\'s message',
                           lambda: find(alert, pyatspi.ROLE_LABEL, contains='$.kit'))
        said = message.name
        if 'R&D <notes>.rubric.json' not in said:
            raise Failure('the alert does not name the file as it is: %r' % said)
        focused = wait_for('the focus in the alert',
                           lambda: pyatspi.findDescendant(
                               alert, lambda n: has_state(n, pyatspi.STATE_FOCUSED)))
        if focused.getRole() != pyatspi.ROLE_PUSH_BUTTON or focused.name != 'Close':
            raise Failure('the alert gives the focus to a %s %r, not to Close'
                          % (focused.getRoleName(), focused.name))
        if message.queryText().getNSelections() != 0:
            raise Failure('the alert\'s message shows selected')
        keys.press(KEY_RETURN)
        wait_for('Return to close the alert',
                 lambda: find(rubric.app, pyatspi.ROLE_ALERT, 'Could Not Open the Interview') is None)
        log('a broken file: %r, closed with Return' % said)

        keys.press(ord('q'), Keyboard.CONTROL)
        rubric.wait_exit()


def add_browser(env, workdir):
    """The guide, from the source's help/, opens in a stand-in web browser:
    a script that writes what it was given where opened_help() reads it."""
    env['RUBRIC_HELP_DIR'] = HELP_DIR
    script = os.path.join(workdir, 'browser.sh')
    with open(script, 'w') as f:
        f.write('#!/bin/sh\nprintf "%%s" "$1" > "%s.tmp" && mv "%s.tmp" "%s"\n'
                % (BROWSER_OPENED, BROWSER_OPENED, BROWSER_OPENED))
    os.chmod(script, 0o755)
    applications = os.path.join(env['XDG_DATA_HOME'], 'applications')
    os.makedirs(applications, exist_ok=True)
    with open(os.path.join(applications, 'rubric-test-browser.desktop'), 'w') as f:
        f.write('[Desktop Entry]\nType=Application\nName=Test Browser\n'
                'Exec=%s %%u\nMimeType=text/html;\nNoDisplay=true\n' % script)
    with open(os.path.join(env['XDG_CONFIG_HOME'], 'mimeapps.list'), 'w') as f:
        f.write('[Default Applications]\ntext/html=rubric-test-browser.desktop\n')


def opened_help():
    try:
        with open(BROWSER_OPENED) as f:
            return f.read()
    except FileNotFoundError:
        return None


def journey(workdir):
    plan, topics = load_plan()
    n_questions = sum(len(topic['questions']) for topic in topics)
    env = app_env(os.path.join(workdir, 'home'))
    env['G_DEBUG'] = 'fatal-criticals'
    add_browser(env, workdir)
    folder = os.path.join(workdir, 'interviews')
    os.makedirs(folder)
    saved = os.path.join(folder, 'grace.rubric.json')
    exported = os.path.join(folder, 'grace-summary')

    keys = Keyboard()
    exported = first_run(env, workdir, saved, exported, plan, topics, keys)
    counts = dict(keys.counts)
    typed = counts.pop('(typing)', 0)
    commands = keys.presses - typed
    tabs = sum(n for key, n in counts.items() if key.startswith(('Tab', 'Shift+Tab')))
    log('the interview took %d key presses: %d commands (%d of them Tab or Shift+Tab, '
        '%d of those only to put the focus on a button) and %d typed characters, '
        'for %d questions; by key: %s'
        % (keys.presses, commands, tabs, counts.get(ON_PURPOSE, 0), typed, n_questions,
           ', '.join('%s ×%d' % kv for kv in sorted(counts.items()))))
    if commands > 500:
        raise Failure('%d commands for %d questions; issue 13 asks for at most 500'
                      % (commands, n_questions))
    check_file(saved, plan, topics)
    check_export(exported, plan, topics)

    second_run(env, workdir, saved, topics, Keyboard())
    third_run(env, workdir, saved, topics, Keyboard())
    fourth_run(env, workdir, Keyboard())


if __name__ == '__main__':
    sys.exit(run('test_keys.py', journey))
