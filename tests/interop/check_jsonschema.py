"""jsonschema validates statements.jsonl and entities.jsonl (each line) and graph.jsonld against
schemas/."""
import json
import os

from common import check, fail, outdir, path, skip

try:
    import jsonschema
except ImportError:
    skip("jsonschema")

out = outdir()
schemas = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "schemas")


def validator(name):
    with open(os.path.join(schemas, name), encoding="utf-8") as f:
        schema = json.load(f)
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)


def check_lines(name, schema):
    """Validates every line of a JSON Lines output; returns how many there were."""
    v = validator(schema)
    count = 0
    with open(path(out, name), encoding="utf-8") as f:
        for i, line in enumerate(f, 1):
            errors = sorted(v.iter_errors(json.loads(line)), key=lambda e: list(e.path))
            if errors:
                fail(f"{name} line {i}: {errors[0].message} at {list(errors[0].path)}")
            count += 1
    return count


lines = check_lines("statements.jsonl", "statements.schema.json")
entities = check_lines("entities.jsonl", "entities.schema.json")
with open(path(out, "graph.jsonld"), encoding="utf-8") as f:
    doc = json.load(f)
errors = sorted(validator("graph.schema.json").iter_errors(doc), key=lambda e: list(e.path))
if errors:
    fail(f"graph.jsonld: {errors[0].message} at {list(errors[0].path)}")
print(f"ok: jsonschema {jsonschema.__version__ if hasattr(jsonschema, '__version__') else ''}: "
      f"{lines} statements, {entities} entities and graph.jsonld ({len(doc['@graph'])} nodes) valid")
