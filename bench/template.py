"""Time parsing and rendering the templates of the real-world blueprints, one string at a time.

Run with `make bench`. Every string of the examples that holds a template is parsed as Kanister
parses it (sprig's function names known), then rendered, already parsed, against the data of a
run of its action (sample inputs for everything it reads). Prints p50/p95 in microseconds over
all the strings, and over the one-line arguments alone. Exits 1 when the p50 of a render is 50
µs or more, or the p50 of a parse 100 µs or more.
"""

import statistics
import sys
import time
from dataclasses import replace

from lint import DEMO, EXAMPLES  # bench/lint.py, beside this script

from lifecycle.gotemplate import parse
from lifecycle.gotemplate.exec import execute
from lifecycle.gotemplate.funcs import KANISTER_FUNCTIONS
from lifecycle.gotemplate.kanister import FUNCTIONS
from lifecycle.parsing import parse_blueprint
from lifecycle.preview import preview_action
from lifecycle.sample_inputs import sample_inputs
from lifecycle.template_data import PhaseSample, Sample, template_params
from lifecycle.yamlpos import split_documents

ROUNDS = 300
RENDER_TARGET_US = 50
PARSE_TARGET_US = 100
# One object with every field the examples read from theirs.
OBJECT = {
    "metadata": {"name": "db", "namespace": "shop", "labels": {"app": "db"}},
    "spec": {
        "replicas": 1,
        "clusterName": "demo",
        "template": {
            "spec": {
                "containers": [{"name": "db"}],
                "volumes": [{"name": "data", "persistentVolumeClaim": {"claimName": "data"}}],
            }
        },
    },
}


def cases() -> list[tuple[str, object]]:
    """(template, the data it renders against) for every string of the examples that renders."""
    found = []
    for name in EXAMPLES:
        for document in split_documents((DEMO / name).read_text(), name).documents:
            for action in parse_blueprint(document).actions.values():
                found.extend(_action_cases(action))
    return found


def _action_cases(action) -> list[tuple[str, object]]:
    wanted = sample_inputs(action)
    kind = "namespace" if "Namespace" in wanted.subjects else next(iter(wanted.subjects), "x")
    sample = Sample(
        kind, OBJECT, "shop", wanted.options, wanted.artifacts, profile={"location": {}}
    )
    inputs = wanted.inputs
    preview = preview_action(action, sample, inputs)
    # The data of the last phase: every earlier output is there, which any string may read.
    phases = tuple(
        PhaseSample(
            phase.name,
            wanted.secrets.get(phase.name, {}),
            wanted.config_maps.get(phase.name, {}),
            wanted.outputs.get(phase.name),
        )
        for phase in action.phases
    )
    data = template_params(replace(sample, phases=phases))
    return [
        (rendered.template, data)
        for phase in preview.phases
        for rendered in (*phase.objects, *phase.strings)
        if "{{" in rendered.template and rendered.outcome.error is None
    ]


def median_us(function) -> float:
    """The median of ROUNDS runs, in microseconds."""
    samples = []
    for _ in range(ROUNDS):
        start = time.perf_counter_ns()
        function()
        samples.append(time.perf_counter_ns() - start)
    return statistics.median(samples) / 1e3


def percentile(samples: list[float], q: int) -> float:
    return statistics.quantiles(samples, n=100)[q - 1] if len(samples) > 1 else samples[0]


def report(label: str, samples: list[float]) -> None:
    p50, p95 = percentile(samples, 50), percentile(samples, 95)
    print(f"  {label:36} p50 {p50:7.1f} µs   p95 {p95:7.1f} µs")


def main() -> int:
    parses, renders, short_parses, short_renders = [], [], [], []
    found = cases()
    for text, data in found:
        tree = parse(text, functions=KANISTER_FUNCTIONS)
        if execute(tree, data, FUNCTIONS) is None:  # keeps the render from being optimised out
            raise AssertionError(text)
        parse_us = median_us(lambda text=text: parse(text, functions=KANISTER_FUNCTIONS))
        render_us = median_us(lambda tree=tree, data=data: execute(tree, data, FUNCTIONS))
        parses.append(parse_us)
        renders.append(render_us)
        if "\n" not in text.strip():
            short_parses.append(parse_us)
            short_renders.append(render_us)
    sizes = sorted(len(text) for text, _ in found)
    print(
        f"{len(found)} template strings of {len(EXAMPLES)} example blueprints "
        f"({len(short_parses)} one-line arguments), {sizes[len(sizes) // 2]} characters median, "
        f"{sizes[-1]} largest; median of {ROUNDS} runs each"
    )
    report("parse, every string", parses)
    report("render (parsed), every string", renders)
    report("parse, one-line arguments", short_parses)
    report("render (parsed), one-line arguments", short_renders)
    render_p50, parse_p50 = percentile(renders, 50), percentile(parses, 50)
    passed = render_p50 < RENDER_TARGET_US and parse_p50 < PARSE_TARGET_US
    print(
        f"target: render p50 under {RENDER_TARGET_US} µs ({render_p50:.1f}), parse p50 under "
        f"{PARSE_TARGET_US} µs ({parse_p50:.1f}): {'PASS' if passed else 'FAIL'}"
    )
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main())
