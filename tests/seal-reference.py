#!/usr/bin/env python3
# tests/seal-reference.py SESSION — the seal of a Rubric session, worked out
# the way docs/seal.md describes it, independently of Rubric's C code.
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Prints the canonical form on the first line and its SHA-256 on the
# second. tests/test-session.c compares Rubric's own with this script's
# output stored in tests/data/*.seal.
#
# With --seal SEALED_AT, prints the session sealed instead, parts and all:
# tests/data/sealed.rubric.json was made so, and Rubric must find its seal
# valid.

import hashlib
import json
import sys


def scored(session):
    candidate = session.get('candidate', {})
    plan = session.get('plan')
    if plan is not None:
        plan = {k: v for k, v in plan.items() if k != 'sha256'}
        if not plan.get('notes'):
            plan.pop('notes', None)
    answers = {}
    for qid, answer in session.get('answers', {}).items():
        rating = answer.get('rating')
        skipped = answer.get('skipped', False)
        notes = answer.get('notes', '')
        ticks = [{'kind': t['kind'], 'point': t['point'], 'offset_s': t['offset_s'],
                  'note': t.get('note', '').strip()} for t in answer.get('ticks', [])]
        if rating is None and not skipped and not notes and not ticks:
            continue
        answers[qid] = {'rating': rating, 'skipped': skipped, 'notes': notes, 'ticks': ticks}
    return {
        'candidate': {k: candidate.get(k, '') for k in ('name', 'role', 'interviewer', 'date')},
        'kit': session['kit']['id'],
        'plan': plan,
        'answers': answers,
        'topic_notes': {k: v for k, v in session.get('topic_notes', {}).items() if v},
        'recommendation': session.get('recommendation', 'none'),
        'summary': session.get('summary', ''),
        # Rubric drops white space around list items when it loads them.
        'strengths': [item.strip() for item in session.get('strengths', [])],
        'concerns': [item.strip() for item in session.get('concerns', [])],
    }


def canonical(value):
    return json.dumps(value, ensure_ascii=False, separators=(',', ':'), sort_keys=True)


def sha256(text):
    return hashlib.sha256(text.encode('utf-8')).hexdigest()


def parts(value):
    found = {}
    for name, member in value.items():
        if name == 'answers':
            for qid, answer in member.items():
                found['$.answers["%s"]' % qid] = sha256(canonical(answer))
        else:
            found['$.%s' % name] = sha256(canonical(member))
    return found


def main():
    with open(sys.argv[-1], encoding='utf-8') as f:
        session = json.load(f)
    value = scored(session)
    text = canonical(value)
    if len(sys.argv) == 4 and sys.argv[1] == '--seal':
        session['seal'] = {'algorithm': 'sha256-canonical-1', 'hash': sha256(text),
                           'sealed_at': sys.argv[2], 'parts': parts(value)}
        print(json.dumps(session, ensure_ascii=False, indent=2))
        return
    print(text)
    print(sha256(text))


if __name__ == '__main__':
    main()
