#!/usr/bin/env python3
# tests/check-schemas.py SCHEMA_DIR [--docs DOCS_DIR] [FILE…]
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Validates Rubric kits, sessions and interview plans against the JSON Schemas
# in SCHEMA_DIR (rubric-kit.schema.json, rubric-session.schema.json,
# rubric-plan.schema.json). Each FILE is checked against the schema its
# "format" member names. With --docs, every ```json block in
# DOCS_DIR/kit-format.md, session-format.md and plan-format.md is checked the
# same way, so each must be a complete kit, session or plan.
#
# Prints "NAME: OK" for each valid file, or each problem as
# "NAME:LINE:COLUMN: message" (JSON syntax) or "NAME: $.json.path: message".
# Exits 0 when everything is valid, 1 when anything is not, 2 on a usage error
# and 77 (meson's "skipped") when the jsonschema module is missing.
#
# Only what the schemas express is checked. The rules they cannot express
# (file size, nesting depth, unique ids) are Rubric's to enforce.

import argparse
import functools
import json
import re
import sys
from pathlib import Path

try:
  from jsonschema import Draft202012Validator, validators
  from jsonschema.exceptions import SchemaError, ValidationError
except ImportError:
  print('check-schemas: the jsonschema module (4.0 or newer) is missing; skipping')
  sys.exit(77)

SCHEMA_FILES = ('rubric-kit.schema.json', 'rubric-session.schema.json', 'rubric-plan.schema.json')
DOC_FILES = ('kit-format.md', 'session-format.md', 'plan-format.md')
IDENTIFIER = re.compile(r'[A-Za-z_][A-Za-z0-9_]*\Z')
FENCE = re.compile(r'^```(\S*)\s*$')
MAX_MESSAGE = 240


@functools.lru_cache(maxsize=None)
def compile_pattern(pattern):
  # In ECMA-262 regular expressions, which JSON Schema uses, '$' matches only
  # at the end of the string; in Python's it also matches before a final
  # newline, so "django-senior\n" would pass as an id. Anchor with \Z instead.
  if pattern.endswith('$') and not pattern.endswith('\\$'):
    pattern = pattern[:-1] + r'\Z'
  return re.compile(pattern)


def check_pattern(validator, pattern, instance, schema):
  if validator.is_type(instance, 'string') and not compile_pattern(pattern).search(instance):
    yield ValidationError(f'{instance!r} does not match {pattern!r}')


Validator = validators.extend(Draft202012Validator, {'pattern': check_pattern})


def json_path(parts):
  """Formats a path the way Rubric does: $.topics[3].kind, $.answers["a.b"]."""
  path = '$'
  for part in parts:
    if isinstance(part, int):
      path += f'[{part}]'
    elif IDENTIFIER.match(part):
      path += '.' + part
    else:
      path += '[' + json.dumps(part, ensure_ascii=False) + ']'
  return path


def path_key(error):
  return [(0, p, '') if isinstance(p, int) else (1, 0, p) for p in error.absolute_path]


def describe(error):
  """jsonschema's message, without a whole array or object pasted into it."""
  if error.validator == 'pattern' and error.validator_value == '\\S':
    return f'{error.instance!r} is not non-empty text'
  message = error.message
  value = repr(error.instance)
  if len(value) > 60 and value in message:
    if isinstance(error.instance, str):
      short = repr(error.instance[:40]) + '…'
    else:
      short = {list: 'the array', dict: 'the object'}.get(type(error.instance), 'the value')
    message = message.replace(value, short)
  if len(message) > MAX_MESSAGE:
    message = message[:MAX_MESSAGE - 1] + '…'
  return message


def reject_constant(name):
  raise ValueError(f'{name} is not valid JSON')


def load_schemas(schema_dir):
  """Returns {format name: validator}, or None after printing the problem."""
  by_format = {}
  for name in SCHEMA_FILES:
    path = Path(schema_dir) / name
    try:
      schema = json.loads(path.read_text(encoding='utf-8'))
      Draft202012Validator.check_schema(schema)
      by_format[schema['properties']['format']['const']] = Validator(schema)
    except (OSError, ValueError, KeyError, TypeError) as e:
      print(f'{path}: not a usable schema: {e}')
      return None
    except SchemaError as e:
      print(f'{path}: not a valid JSON Schema: {json_path(e.absolute_path)}: {e.message}')
      return None
  return by_format


def check(name, text, schemas, source=None, first_line=1):
  """Checks one document; prints the outcome and returns whether it is valid.

  NAME labels the document; a syntax error is located in SOURCE (default:
  NAME), where the document starts on line FIRST_LINE.
  """
  try:
    doc = json.loads(text, parse_constant=reject_constant)
  except json.JSONDecodeError as e:
    print(f'{source or name}:{e.lineno + first_line - 1}:{e.colno}: {e.msg}')
    return False
  except (ValueError, RecursionError) as e:
    print(f'{name}: {e or "nested too deeply"}')
    return False

  if not isinstance(doc, dict):
    print(f'{name}: $: not a JSON object')
    return False
  format_name = doc.get('format')
  validator = schemas.get(format_name) if isinstance(format_name, str) else None
  if validator is None:
    wanted = ' or '.join(json.dumps(f) for f in sorted(schemas))
    print(f'{name}: $.format: not {wanted}')
    return False

  errors = sorted(validator.iter_errors(doc), key=path_key)
  for error in errors:
    path = list(error.absolute_path)
    if 'propertyNames' in error.absolute_schema_path:
      path.append(error.instance)  # the bad key itself, not its object
    print(f'{name}: {json_path(path)}: {describe(error)}')
  if not errors:
    print(f'{name}: OK')
  return not errors


def check_file(path, schemas):
  try:
    data = Path(path).read_bytes()
  except OSError as e:
    print(f'{path}: {e.strerror}')
    return False
  try:
    text = data.decode('utf-8')
  except UnicodeDecodeError as e:
    print(f'{path}: not valid UTF-8 (byte {e.start})')
    return False
  return check(path, text, schemas)


def check_doc(path, schemas):
  """Checks every ```json block of a Markdown file."""
  try:
    lines = Path(path).read_text(encoding='utf-8').splitlines()
  except (OSError, UnicodeDecodeError) as e:
    print(f'{path}: {e}')
    return False

  ok = True
  found = 0
  block = None
  start = 0
  for number, line in enumerate(lines, start=1):
    fence = FENCE.match(line)
    if block is None:
      if fence and fence.group(1) == 'json':
        block, start = [], number + 1
    elif fence and not fence.group(1):
      found += 1
      ok = check(f'{path}:{start}', '\n'.join(block) + '\n', schemas, path, start) and ok
      block = None
    else:
      block.append(line)

  if block is not None:
    print(f'{path}:{start - 1}: unterminated ```json block')
    ok = False
  if found == 0:
    print(f'{path}: no ```json example found')
    ok = False
  return ok


def main():
  parser = argparse.ArgumentParser(
    description='Validate Rubric kits, sessions and plans against their JSON Schemas.')
  parser.add_argument('schema_dir', metavar='SCHEMA_DIR')
  parser.add_argument('files', metavar='FILE', nargs='*')
  parser.add_argument('--docs', metavar='DOCS_DIR',
                      help='also check the ```json examples of the format documents')
  args = parser.parse_intermixed_args()
  if not args.files and not args.docs:
    parser.error('nothing to check: give a FILE or --docs DOCS_DIR')

  schemas = load_schemas(args.schema_dir)
  if schemas is None:
    return 1

  ok = True
  for path in args.files:
    ok = check_file(path, schemas) and ok
  if args.docs:
    for name in DOC_FILES:
      ok = check_doc(str(Path(args.docs) / name), schemas) and ok
  return 0 if ok else 1


if __name__ == '__main__':
  sys.exit(main())
