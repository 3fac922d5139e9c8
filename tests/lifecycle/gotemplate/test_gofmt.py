"""Go's fmt.Sprint, Sprintln and Sprintf on template values, against outputs recorded from Go."""

import json
import re
from pathlib import Path

import pytest

from lifecycle.gotemplate import jsondata
from lifecycle.gotemplate.gofmt import sprint, sprintf, sprintln

FMT_CASES = Path(__file__).parents[2] / "template_conformance" / "data" / "fmt.jsonl"
_CALL = re.compile(r'\{\{ (print|printf|println)((?: "(?:[^"\\]|\\.)*")?)((?: \.a\d+)*) \}\}')
_FUNCTIONS = {"print": sprint, "println": sprintln}


def _oracle_cases() -> list:
    """Each case calls print, printf or println on its context's a0, a1...; the format is a Go
    string literal in JSON's spelling."""
    cases = []
    for line in FMT_CASES.read_text().splitlines():
        case = json.loads(line)
        cases.append(pytest.param(case, id=case["template"][3:-3]))
    return cases


@pytest.mark.parametrize("case", _oracle_cases())
def test_it_prints_as_go_prints_through_text_template(case):
    name, literal, operands = _CALL.fullmatch(case["template"]).groups()
    context = jsondata.from_json(case["context"])
    args = [context[operand[1:]] for operand in operands.split()]
    if name == "printf":
        assert sprintf(json.loads(literal), *args) == case["output"]
    else:
        assert _FUNCTIONS[name](*args) == case["output"]
