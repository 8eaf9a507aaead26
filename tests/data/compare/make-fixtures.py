#!/usr/bin/env python3
# tests/data/compare/make-fixtures.py — writes this folder's sessions, sealed
# by tests/seal-reference.py (docs/seal.md), so that Rubric finds their
# seals valid. tests/test-compare.c works its numbers out from the tables
# below. Run it from the top of the checkout; it rewrites the files.
# SPDX-License-Identifier: GPL-3.0-or-later

import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SEAL = os.path.join(HERE, '..', '..', 'seal-reference.py')

PANEL = {
    'id': 'django-panel-28', 'name': 'Panel round', 'kit': 'django-senior', 'slot_minutes': 28,
    'topics': [
        {'id': 'migrations', 'questions': ['migrations.deploy', 'migrations.large-tables']},
        {'id': 'queries', 'questions': ['queries.optimise']},
        {'id': 'caching', 'questions': ['caching.strategy', 'caching.invalidation']},
    ],
}
SHORT = {
    'id': 'django-short-12', 'name': 'Short round', 'kit': 'django-senior', 'slot_minutes': 12,
    'topics': [{'id': 'migrations', 'questions': ['migrations.deploy', 'migrations.large-tables']}],
}

# file, candidate, interviewer, plan, sealed, recommendation,
# {question: (rating or None, seconds, notes)}
SESSIONS = [
    ('ada-sam.rubric.json', 'Ada Lovelace', 'Sam Lee', PANEL, True, 'yes', {
        'migrations.deploy': (4, 400, ''), 'migrations.large-tables': (3, 300, ''),
        'queries.optimise': (2, 360, ''), 'caching.strategy': (4, 500, ''),
        'caching.invalidation': (4, 400, '')}),
    ('ada-kim.rubric.json', 'Ada Lovelace', 'Kim Park', PANEL, True, 'no', {
        'migrations.deploy': (2, 400, ''), 'migrations.large-tables': (2, 300, ''),
        'queries.optimise': (5, 360, ''), 'caching.strategy': (3, 900, '')}),
    ('ada-alex.rubric.json', 'Ada Lovelace', 'Alex Chen', PANEL, True, 'yes', {
        'migrations.deploy': (3, 400, ''), 'migrations.large-tables': (3, 300, ''),
        'queries.optimise': (4, 360, ''), 'queries.complex': (None, 0, 'Asked about window functions.'),
        'caching.strategy': (3, 500, ''), 'caching.invalidation': (3, 400, '')}),
    ('grace-sam.rubric.json', 'Grace Hopper', 'Sam Lee', PANEL, True, 'strong-yes', {
        'migrations.deploy': (5, 240, ''), 'queries.optimise': (4, 360, ''),
        'caching.strategy': (4, 600, '')}),
    ('grace-kim.rubric.json', 'Grace Hopper', 'Kim Park', PANEL, True, 'yes', {
        'migrations.deploy': (4, 240, ''), 'queries.optimise': (3, 360, ''),
        'caching.strategy': (5, 600, ''), 'caching.invalidation': (4, 60, '')}),
    ('grace-alex.rubric.json', 'Grace Hopper', 'Alex Chen', PANEL, False, 'strong-no', {
        'migrations.deploy': (1, 900, ''), 'migrations.large-tables': (1, 900, ''),
        'queries.optimise': (1, 900, ''), 'caching.strategy': (1, 900, '')}),
    ('turing-sam.rubric.json', 'Alan Turing', 'Sam Lee', PANEL, True, 'strong-no', {
        'migrations.deploy': (2, 360, ''), 'migrations.large-tables': (2, 360, ''),
        'queries.optimise': (1, 360, ''), 'caching.strategy': (2, 300, ''),
        'caching.invalidation': (3, 300, '')}),
    ('turing-kim.rubric.json', 'Alan Turing', 'Kim Park', PANEL, True, 'no', {
        'migrations.deploy': (3, 360, ''), 'migrations.large-tables': (2, 360, ''),
        'queries.optimise': (2, 360, ''), 'caching.strategy': (2, 300, ''),
        'caching.invalidation': (2, 300, '')}),
    ('turing-alex.rubric.json', 'Alan Turing', 'Alex Chen', PANEL, True, 'no', {
        'migrations.deploy': (3, 360, ''), 'migrations.large-tables': (3, 360, ''),
        'queries.optimise': (2, 360, ''), 'caching.strategy': (3, 300, ''),
        'caching.invalidation': (3, 300, '')}),
    # Saved as plain .json: the folder's listing finds it by its content.
    ('turing-jo.json', 'Alan Turing', 'Jo Bloggs', SHORT, True, 'strong-yes', {
        'migrations.deploy': (5, 360, ''), 'migrations.large-tables': (5, 360, '')}),
]


def session(name, candidate, interviewer, plan, recommendation, answers):
    return {
        'format': 'rubric-session', 'version': 1,
        'kit': {'id': 'django-senior', 'version': 1},
        'candidate': {'name': candidate, 'role': 'Senior Django Developer',
                      'interviewer': interviewer, 'date': '2026-12-04'},
        'id': 'compare-' + name.split('.')[0],
        'created': '2026-12-04T08:00:00Z', 'modified': '2026-12-04T12:00:00Z',
        'plan': plan,
        'answers': {qid: {'skipped': False, 'notes': notes, 'elapsed_s': seconds,
                          **({'rating': rating} if rating is not None else {})}
                    for qid, (rating, seconds, notes) in answers.items()},
        'topic_notes': {}, 'private_notes': 'Not for the panel.',
        'recommendation': recommendation, 'summary': '', 'strengths': [], 'concerns': [],
    }


def main():
    for name, candidate, interviewer, plan, sealed, recommendation, answers in SESSIONS:
        path = os.path.join(HERE, name)
        text = json.dumps(session(name, candidate, interviewer, plan, recommendation, answers),
                          ensure_ascii=False, indent=2) + '\n'
        with open(path, 'w', encoding='utf-8') as f:
            f.write(text)
        if sealed:
            out = subprocess.run([sys.executable, SEAL, '--seal', '2026-12-04T15:00:00Z', path],
                                 check=True, capture_output=True, text=True).stdout
            with open(path, 'w', encoding='utf-8') as f:
                f.write(out)
    with open(os.path.join(HERE, 'broken.rubric.json'), 'w', encoding='utf-8') as f:
        f.write('{\n  "format": "rubric-session",\n  "version": 1,\n  "kit": { "id": "django-senior" },\n'
                '  "answers": {\n    "migrations.deploy": { "rating": 4, }\n  }\n}\n')
    with open(os.path.join(HERE, 'panel-round.json'), 'w', encoding='utf-8') as f:
        f.write(json.dumps({'format': 'rubric-plan', 'version': 1, **PANEL}, indent=2) + '\n')


if __name__ == '__main__':
    main()
