#!/usr/bin/env python3
"""schema_check.py — validates JSON documents against docs/schema.json.

A small validator for the subset of JSON Schema (2020-12) the schema uses:
type, enum, required, properties, additionalProperties (bool or schema),
items, minItems, maxItems, minimum, maximum, $ref to "#/$defs/NAME", and the annotations $schema, $id,
$defs, $comment, title, description.  Any other keyword is an error, so a
schema edit can never be silently ignored by this checker.

Usage: schema_check.py SCHEMA FILE...   (a FILE of several lines, each a
JSON document, is read as JSONL).  Prints each violation with its JSON
path; exits 1 if there is any.  Python 3 standard library only."""
import json
import sys

KNOWN = {"type", "enum", "required", "properties", "additionalProperties",
         "items", "minimum", "$ref", "$schema", "$id", "$defs", "$comment",
         "title", "description", "minItems", "maxItems", "maximum"}


def type_ok(value, t):
    if t == "object":
        return isinstance(value, dict)
    if t == "array":
        return isinstance(value, list)
    if t == "string":
        return isinstance(value, str)
    if t == "integer":
        return isinstance(value, int) and not isinstance(value, bool)
    if t == "number":
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    if t == "boolean":
        return isinstance(value, bool)
    if t == "null":
        return value is None
    raise ValueError(f"unknown type {t!r} in schema")


class Validator:
    def __init__(self, root):
        self.root = root
        self.errors = []

    def resolve(self, ref):
        if not ref.startswith("#/$defs/"):
            raise ValueError(f"unsupported $ref {ref!r}")
        return self.root["$defs"][ref[len("#/$defs/"):]]

    def validate(self, v, s, path):
        unknown = set(s) - KNOWN
        if unknown:
            raise ValueError(f"schema keyword(s) {sorted(unknown)} not implemented")
        if "$ref" in s:
            self.validate(v, self.resolve(s["$ref"]), path)
        if "type" in s:
            types = s["type"] if isinstance(s["type"], list) else [s["type"]]
            if not any(type_ok(v, t) for t in types):
                self.errors.append(f"{path}: {type(v).__name__} where {'/'.join(types)} expected")
                return
        if "enum" in s and v not in s["enum"]:
            self.errors.append(f"{path}: {v!r} not one of {s['enum']}")
        if "minimum" in s and type_ok(v, "number") and v < s["minimum"]:
            self.errors.append(f"{path}: {v} below minimum {s['minimum']}")
        if isinstance(v, dict):
            for k in s.get("required", []):
                if k not in v:
                    self.errors.append(f"{path}: missing required {k!r}")
            props = s.get("properties", {})
            extra = s.get("additionalProperties", True)
            for k, x in v.items():
                if k in props:
                    self.validate(x, props[k], f"{path}.{k}")
                elif extra is False:
                    self.errors.append(f"{path}: unexpected field {k!r}")
                elif isinstance(extra, dict):
                    self.validate(x, extra, f"{path}.{k}")
        if isinstance(v, list) and len(v) < s.get("minItems", 0):
            self.errors.append(f"{path}: {len(v)} items, at least {s['minItems']} expected")
        if isinstance(v, list) and "maxItems" in s and len(v) > s["maxItems"]:
            self.errors.append(f"{path}: {len(v)} items, at most {s['maxItems']} expected")
        if isinstance(v, (int, float)) and not isinstance(v, bool) and "maximum" in s \
                and v > s["maximum"]:
            self.errors.append(f"{path}: {v} above the maximum {s['maximum']}")
        if isinstance(v, list) and "items" in s:
            for i, x in enumerate(v):
                self.validate(x, s["items"], f"{path}[{i}]")


def documents(path):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    try:
        yield json.loads(text)
    except json.JSONDecodeError:
        for n, line in enumerate(text.splitlines(), 1):
            if line.strip():
                yield json.loads(line)


def main(argv):
    if len(argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    with open(argv[0], encoding="utf-8") as f:
        schema = json.load(f)
    bad = 0
    for path in argv[1:]:
        n = 0
        for doc in documents(path):
            val = Validator(schema)
            val.validate(doc, schema, "$")
            n += 1
            for e in val.errors:
                print(f"{path}: {e}")
            bad += len(val.errors)
        print(f"{path}: {n} document(s) checked")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
