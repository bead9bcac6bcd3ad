#!/usr/bin/env python3
# Writes the platform contract (Twenty 1.6's /metadata introspection) without what a reader can
# derive: null values, isDeprecated (deprecationReason says it), and the bodies of built-in scalars
# and introspection types (kept as {kind, name} so the type order stays). The result is what
# api/platform embeds; platform_schema_test checks it still introspects exactly as the golden file.
# usage: trim_introspection.py <introspection-metadata.json> <out.json>
import json
import sys

BUILT_IN = {"String", "Int", "Float", "Boolean", "ID"}


def trim(value):
    if isinstance(value, dict):
        return {k: trim(v) for k, v in value.items() if v is not None and k != "isDeprecated"}
    if isinstance(value, list):
        return [trim(v) for v in value]
    return value


def main(source, target):
    schema = json.load(open(source))["data"]["__schema"]
    types = []
    for t in schema["types"]:
        if t["name"] in BUILT_IN or t["name"].startswith("__"):
            types.append({"kind": t["kind"], "name": t["name"]})
        else:
            types.append(trim(t))
    out = dict(trim({k: v for k, v in schema.items() if k != "types"}), types=types)
    with open(target, "w") as f:
        json.dump({"__schema": out}, f, separators=(",", ":"))
        f.write("\n")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
