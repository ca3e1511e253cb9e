"""Helpers shared by the schema checks: a pass/fail counter, error paths and descriptions.

Importing this module fails the run (exit 1) when jsonschema is missing: the checks exist to
run a real validator, so nothing is skipped.
"""

import sys

try:
    import jsonschema
    from jsonschema import Draft202012Validator
except ImportError as error:  # no skipping: the test exists to run a real validator
    print(f"FAIL: cannot import jsonschema ({error}); install Debian's python3-jsonschema", file=sys.stderr)
    sys.exit(1)


class Checks:
    def __init__(self):
        self.passed = 0
        self.failed = 0

    def ok(self, name):
        self.passed += 1
        print(f"ok: {name}")

    def fail(self, name, details=()):
        self.failed += 1
        print(f"FAIL: {name}")
        for line in details:
            print(f"    {line}")


def json_path(error):
    return path_text(error.absolute_path)


def path_text(parts):
    path = "$"
    for part in parts:
        path += f"[{part}]" if isinstance(part, int) else f".{part}"
    return path


def leaf_errors(errors):
    """The errors themselves, or for oneOf/anyOf failures the sub-errors that say what is wrong."""
    leaves = []
    for error in errors:
        if error.context:
            leaves.extend(leaf_errors(error.context))
        else:
            leaves.append(error)
    return leaves


def short(text, limit=200):
    return text if len(text) <= limit else text[: limit - 3] + "..."


def describe(errors):
    lines = []
    for error in errors:
        lines.append(f"{json_path(error)}: {short(error.message)}")
        for leaf in leaf_errors(error.context):
            lines.append(f"  because {json_path(leaf)}: {short(leaf.message)}")
    return lines


def jsonschema_version():
    try:
        from importlib.metadata import version
        return version("jsonschema")
    except Exception:  # version is informational only
        return "unknown"


def finish(checks):
    print(f"{checks.passed} passed, {checks.failed} failed")
    return 0 if checks.failed == 0 else 1
