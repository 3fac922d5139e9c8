"""Every recorded answer of Go's text/template, replayed through our interpreter.

Each line of `data/*.jsonl` is a template, its data as the oracle reads JSON, the missingkey
option, and Go's answer: the output, or the error and the output written before it (a parse
error has no partial output). Cases marked `"sprig": true` call sprig functions and run with
Kanister's function map; the others with Go's builtins alone, as the oracle does.
"""

import json
from pathlib import Path

import pytest

from lifecycle.gotemplate import jsondata, parser
from lifecycle.gotemplate.builtins import BUILTINS
from lifecycle.gotemplate.errors import TemplateSyntaxError
from lifecycle.gotemplate.exec import TemplateExecError, execute
from lifecycle.gotemplate.kanister import FUNCTIONS

DATA = Path(__file__).parent / "data"


def _cases():
    for path in sorted(DATA.glob("*.jsonl")):
        for number, line in enumerate(path.read_text().splitlines(), start=1):
            if line.strip():
                yield pytest.param(json.loads(line), id=f"{path.stem}:{number}")


def _our_answer(case: dict, functions: dict) -> dict:
    try:
        tree = parser.parse(case["template"], functions=functions)
    except TemplateSyntaxError as error:
        return {"error": error.message}
    data = jsondata.from_json(case.get("context"))
    try:
        return {"output": execute(tree, data, functions, case.get("missingkey") or "error")}
    except TemplateExecError as error:
        return {"error": error.message, "partial": error.partial}


@pytest.mark.parametrize("case", list(_cases()))
def test_go_gives_the_same_answer(case):
    functions = FUNCTIONS if case.get("sprig") else BUILTINS
    go_answer = {key: case[key] for key in ("output", "error", "partial") if key in case}
    assert _our_answer(case, functions) == go_answer
