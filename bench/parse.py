"""Time the core's document reading (split, limits, positions, identity) against a bare C parse.

Run with `make bench`. Prints p50/p95 per document and the ratio to `yaml.load(CSafeLoader)`.
"""

import statistics
import time
from pathlib import Path

import yaml

from lifecycle.manifests import read_manifest
from lifecycle.yamlpos import split_documents

DEMO = Path(__file__).resolve().parents[1] / "blueprints_ui" / "transfer" / "demo"
ROUNDS = 200


def timings(function, text: str) -> list[float]:
    samples = []
    for _ in range(ROUNDS):
        start = time.perf_counter()
        function(text)
        samples.append(time.perf_counter() - start)
    return samples


def read_all(text: str) -> None:
    for document in split_documents(text, "bench.yaml").documents:
        read_manifest(document)


def bare(text: str) -> None:
    list(yaml.load_all(text, Loader=yaml.CSafeLoader))


def percentile(samples: list[float], q: float) -> float:
    return statistics.quantiles(samples, n=100)[int(q) - 1]


def main() -> None:
    print(f"{'file':38} {'p50 µs':>9} {'p95 µs':>9} {'bare p50':>9} {'ratio':>6}")
    ratios = []
    for path in sorted(DEMO.glob("*.yaml")):
        text = path.read_text()
        ours, base = timings(read_all, text), timings(bare, text)
        ratio = statistics.median(ours) / statistics.median(base)
        ratios.append(ratio)
        print(
            f"{path.name:38} {percentile(ours, 50) * 1e6:9.0f} {percentile(ours, 95) * 1e6:9.0f}"
            f" {percentile(base, 50) * 1e6:9.0f} {ratio:6.2f}"
        )
    print(f"median ratio to a bare CSafeLoader parse: {statistics.median(ratios):.2f}x")


if __name__ == "__main__":
    main()
