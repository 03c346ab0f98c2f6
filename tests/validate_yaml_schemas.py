#!/usr/bin/python3
"""Validates YAML files against the JSON Schema their first line names
(# yaml-language-server: $schema=PATH, relative to the file), as editors do.

Usage: validate_yaml_schemas.py FILE...  Prints one line per file; exits 1 if any is invalid
or names no schema."""
import datetime
import json
import os
import re
import sys

import jsonschema
import yaml


class Loader(yaml.SafeLoader):
    """Reads dates (2026-12-31) as the strings editors see, not as date objects."""


Loader.add_constructor(
    "tag:yaml.org,2002:timestamp", lambda loader, node: loader.construct_scalar(node))

MODELINE = re.compile(r"#\s*yaml-language-server:\s*\$schema=(\S+)")

failed = 0
for path in sys.argv[1:]:
    with open(path, encoding="utf-8") as f:
        text = f.read()
    match = MODELINE.search(text.split("\n", 1)[0])
    if not match:
        print(f"{path}: no '# yaml-language-server: $schema=' on the first line")
        failed += 1
        continue
    schema_path = os.path.normpath(os.path.join(os.path.dirname(path), match.group(1)))
    with open(schema_path, encoding="utf-8") as f:
        schema = json.load(f)
    document = yaml.load(text, Loader=Loader)
    errors = sorted(jsonschema.Draft7Validator(schema).iter_errors(document), key=str)
    if errors:
        failed += 1
        for e in errors:
            where = "/".join(str(p) for p in e.absolute_path)
            print(f"{path}: {where}: {e.message}")
    else:
        print(f"{path}: valid against {schema_path}")
sys.exit(1 if failed else 0)
