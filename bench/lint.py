"""Time linting a blueprint (parse, typed model, every check, locating) against a bare C parse.

Run with `make bench`. Prints p50/p95 per blueprint for the real-world examples and for a generated
corpus, the ratio to `yaml.load(CSafeLoader)` on the same text, and the time each check module
takes. Every timed lint starts with the core's memos empty, as the first lint of a new text
does. Exits 1 when lint is slower than TARGET times the bare parse.
"""

import random
import statistics
import sys
import time
from pathlib import Path

import yaml

from lifecycle.lint import engine, lint_text

DEMO = Path(__file__).resolve().parents[1] / "blueprints_ui" / "transfer" / "demo"
# The five real-world blueprints of the public collection (shared/examples holds the same files).
EXAMPLES = (
    "csi-snapshot-blueprint.yaml",
    "k8ssandra-blueprint.yaml",
    "mysql-blueprint.yaml",
    "postgres-ha-hook-blueprint.yaml",
    "time-log-blueprint.yaml",
)
CORPUS_SIZE = 1000
SEED = 20240611
EXAMPLE_ROUNDS = 200  # per example: p50/p95 are over these rounds
CORPUS_REPEATS = 3  # per generated blueprint: the minimum of these is its time
TARGET = 3.0  # lint within 3x of a bare CSafeLoader parse


# -- The corpus -------------------------------------------------------------------------------

RESERVED = ("backupPrehook", "backup", "backupPosthook", "restore", "restorePosthook", "delete")
WRONG_ACTIONS = ("Backup", "backupPreHook", "quiesce", "restorePrehook")
IMAGES = (
    "ghcr.io/kanisterio/mysql-sidecar:0.116.0",
    "ghcr.io/kanisterio/postgres-kanister-tools:0.116.0",
    "ghcr.io/kanisterio/kanister-tools:0.116.0",
    "ghcr.io/kanisterio/mongodb:0.116.0",
)
# About a third of the lines hold templates: the corpus has some 9 `{{` per 1,000 characters, as
# the real examples have 7 to 10.5.
SHELL_LINES = (
    "set -o errexit",
    "set -o pipefail",
    'echo "starting {phase} in {{{{ .{kind}.Namespace }}}}"',
    'namespace="{{{{ .{kind}.Namespace }}}}"',
    'pod="{{{{ index .{kind}.Pods 0 }}}}"',
    'name="{{{{ .{kind}.Name }}}}"',
    'backup_path="/backups/{{{{ .{kind}.Namespace }}}}/{{{{ .{kind}.Name }}}}/'
    '{{{{ toDate "2006-01-02T15:04:05.999999999Z07:00" .Time | date "2006-01-02T15-04-05" }}}}"',
    'host="{{{{ index .Object.metadata.labels "app.kubernetes.io/instance" }}}}"',
    "dump --all-databases -u ${{user}} -p ${{password}} -h ${{host}} > /tmp/dump.sql",
    "gzip -c /tmp/dump.sql | kando location push --profile '{{{{ toJson .Profile }}}}' "
    "--path ${{backup_path}} -",
    "kando location pull --profile '{{{{ toJson .Profile }}}}' --path ${{backup_path}} - | gunzip",
    "kando output path ${{backup_path}}",
    "kando output size $(du -b /tmp/dump.sql | cut -f1)",
    '{{{{- if .Options }}}}echo "options: {{{{ .Options.mode | default "full" }}}}"{{{{- end }}}}',
    "{{{{ range $i, $p := .{kind}.Pods }}}}echo pod {{{{ $i }}}} {{{{ $p }}}}{{{{ end }}}}",
    'test -n "${{password}}" || exit 1',
    "sleep 2",
    "rm -f /tmp/dump.sql",
    "# the next steps need the dump",
    'if [ -z "${{backup_path}}" ]; then',
    'echo "nothing to do" >&2',
    "fi",
    "export PGHOST=localhost PGPORT=5432",
    "until pg_isready -q; do sleep 1; done",
    "ls -la /tmp > /dev/null",
    "trap 'rm -f /tmp/dump.sql' EXIT",
    "du -sh /var/lib/data || true",
    "sync",
    'echo "$(date -u) done"',
    "cat /etc/hostname",
)
SECRET_LINES = (
    'password="{{{{ index .Phases.{phase}.Secrets.{secret}.Data "password" | toString }}}}"',
    'user="{{{{ index .Phases.{phase}.Secrets.{secret}.Data "username" | toString }}}}"',
)
ARTIFACT_LINE = 'backup_path="{{ .ArtifactsIn.dump.KeyValue.path }}"'


def _block(lines: list[str], indent: int) -> list[str]:
    pad = " " * indent
    return [pad + line for line in lines]


def _shell(
    rng: random.Random, kind: str, phase: str, secret: str, reads: bool, writes: bool
) -> list[str]:
    """5-30 lines of shell; a phase reads its Secret only when it declares one."""
    pool = SHELL_LINES + (SECRET_LINES if secret else ())
    lines = [
        rng.choice(pool).format(kind=kind, phase=phase, secret=secret)
        for _ in range(rng.randint(5, 30))
    ]
    if reads:
        lines.insert(0, ARTIFACT_LINE)
    if writes:
        lines.append("kando output path ${backup_path}")
    return lines


FUNCS = ("KubeTask", "KubeTask", "KubeExec", "KubeOps", "ScaleWorkload", "WaitV2")
WRONG_FUNCS = ("KubeTaks", "kubeexec", "CreateVolumeSnapshot", "Wait")


def _phase(
    rng: random.Random,
    func: str,
    kind: str,
    name: str,
    scaled: str = "",
    reads: bool = False,
    writes: bool = False,
) -> list[str]:
    """One phase as the YAML lines of a `phases:` list item."""
    lines = [f"- func: {func}", f"  name: {name}"]
    secret = ""
    if func.lower().startswith("kube") and func != "KubeOps" and rng.random() < 0.6:
        secret = "dbSecret"
        lines += [
            "  objects:",
            f"    {secret}:",
            "      kind: Secret",
            "      name: '{{ index .Object.metadata.labels \"app.kubernetes.io/instance\" }}'",
            f"      namespace: '{{{{ .{kind}.Namespace }}}}'",
        ]
    lines.append("  args:")
    if func in ("KubeTask", "KubeTaks"):
        lines += [
            f"    image: {rng.choice(IMAGES)}",
            f'    namespace: "{{{{ .{kind}.Namespace }}}}"',
            "    command:",
            "    - bash",
            "    - -o",
            "    - errexit",
            "    - -c",
            "    - |",
            *_block(_shell(rng, kind, name, secret, reads, writes), 6),
        ]
    elif func in ("KubeExec", "kubeexec"):
        lines += [
            f'    namespace: "{{{{ .{kind}.Namespace }}}}"',
            f"    pod: '{{{{ index .{kind}.Pods 0 }}}}'",
            "    container: database",
            "    command:",
            "    - sh",
            "    - -c",
            "    - |",
            *_block(_shell(rng, kind, name, secret, reads, writes), 6),
        ]
    elif func == "KubeOps":
        operation = rng.choice(("create", "patch", "delete"))
        lines += [f"    operation: {operation}", f"    namespace: '{{{{ .{kind}.Namespace }}}}'"]
        if operation == "delete":
            lines += [
                "    objectReference:",
                "      apiVersion: v1",
                "      resource: configmaps",
                f'      name: "{{{{ .{kind}.Name }}}}-backup-marker"',
                f'      namespace: "{{{{ .{kind}.Namespace }}}}"',
            ]
        else:
            lines += [
                "    spec: |-",
                "      apiVersion: v1",
                "      kind: ConfigMap",
                "      metadata:",
                f"        name: {{{{ .{kind}.Name }}}}-backup-marker",
                "      data:",
                '        time: "{{ toDate "2006-01-02T15:04:05.999999999Z07:00" .Time '
                '| date "2006-01-02T15-04-05" }}"',
            ]
    elif func == "ScaleWorkload":
        replicas = f'"{{{{ .Phases.{scaled}.Output.originalReplicaCount }}}}"' if scaled else "0"
        lines += [
            f"    namespace: '{{{{ .{kind}.Namespace }}}}'",
            f"    name: '{{{{ .{kind}.Name }}}}'",
            f"    kind: {kind.lower()}",
            f"    replicas: {replicas}",
        ]
    else:  # WaitV2, or the deprecated Wait
        lines += [
            f"    timeout: {rng.choice(('5m', '90s', '1h30m'))}",
            "    conditions:",
            "      anyOf:",
            "      - condition: '{{ if (eq .status.readyReplicas .spec.replicas) }}true"
            "{{ else }}false{{ end }}'",
            "        objectReference:",
            "          apiVersion: v1",
            "          group: apps",
            f"          resource: {kind.lower()}s",
            f'          name: "{{{{ .{kind}.Name }}}}"',
            f'          namespace: "{{{{ .{kind}.Namespace }}}}"',
        ]
    return lines


def _mistake(rng: random.Random, lines: list[str]) -> None:
    """Spoil a phase the way people do: a stray argument, a wrong shape, a broken template."""
    choice = rng.randrange(4)
    if choice == 0:
        lines.append("    unknownArg: 1")
    elif choice == 1:
        lines.append("    podOverride: [a, b]")
    elif choice == 2:
        lines.append("    extra: '{{ .Foo '")
    else:
        lines[:] = [line.replace("timeout: ", 'timeout: "{{ .Options.t }}" #', 1) for line in lines]


def generate(rng: random.Random, index: int) -> str:
    """One blueprint: 1-4 actions of 1-6 phases; one in twenty carries deliberate mistakes."""
    wrong = rng.random() < 0.05
    kind = rng.choice(("StatefulSet", "Deployment"))
    names = rng.sample(RESERVED, rng.randint(1, 4))
    if ("restore" in names or "delete" in names) and "backup" not in names:
        names.insert(0, "backup")
    if wrong:
        names.append(rng.choice(WRONG_ACTIONS))
    lines = [
        "apiVersion: cr.kanister.io/v1alpha1",
        "kind: Blueprint",
        "metadata:",
        f"  name: generated-{index}",
        "  namespace: kasten-io",
        "actions:",
    ]
    used: list[str] = []
    for action in names:
        lines += [f"  {action}:", f"    kind: {kind}"]
        phases = [f"{action}Step{n}" for n in range(rng.randint(1, 6))]
        funcs = ["KubeTask", *(rng.choice(FUNCS) for _ in phases[1:])]
        if action == "backup":  # its first phase, a KubeTask, writes the output
            lines += [
                "    outputArtifacts:",
                "      dump:",
                "        keyValue:",
                f'          path: "{{{{ .Phases.{phases[0]}.Output.path }}}}"',
            ]
        reads = action in ("restore", "delete")
        if reads:
            lines += ["    inputArtifactNames:", "    - dump"]
        lines.append("    phases:")
        scaled = ""
        for name, func in zip(phases, funcs, strict=True):
            if wrong and rng.random() < 0.2:
                func = rng.choice(WRONG_FUNCS)
            if wrong and used and rng.random() < 0.1:
                name = rng.choice(used)  # a duplicate phase name
            writes = action == "backup" and name == phases[0]
            phase = _phase(rng, func, kind, name, scaled, reads, writes)
            if wrong and rng.random() < 0.3:
                _mistake(rng, phase)
            lines += _block(phase, 4)
            used.append(name)
            scaled = name if func == "ScaleWorkload" else scaled
        if rng.random() < 0.15:
            defer = _phase(rng, "KubeOps", kind, f"{action}Cleanup")
            defer[0] = "  " + defer[0][2:]  # a mapping, not a list item
            lines += ["    deferPhase:", *_block(defer, 4)]
    return "\n".join(lines) + "\n"


def corpus() -> list[str]:
    rng = random.Random(SEED)
    return [generate(rng, index) for index in range(CORPUS_SIZE)]


# -- Timing -----------------------------------------------------------------------------------


def lint(text: str) -> None:
    lint_text(text, "bench.yaml")


def forget() -> None:
    """Empty every memo of the core (parsed templates), so that a run pays what the first lint
    of a new text pays."""
    for name, module in list(sys.modules.items()):
        if name.partition(".")[0] == "lifecycle":
            for value in list(vars(module).values()):
                if hasattr(value, "cache_info") and hasattr(value, "cache_clear"):
                    value.cache_clear()


def bare(text: str) -> None:
    yaml.load(text, Loader=yaml.CSafeLoader)


def elapsed_ns(function, text: str) -> int:
    start = time.perf_counter_ns()
    function(text)
    return time.perf_counter_ns() - start


def cold_ns(text: str) -> int:
    forget()
    return elapsed_ns(lint, text)


def percentile(samples: list[float], q: int) -> float:
    return statistics.quantiles(samples, n=100)[q - 1]


def time_examples() -> float:
    print(
        f"{'example':34} {'p50 µs':>8} {'p95 µs':>8} {'bare p50':>9} {'bare p95':>9} {'ratio':>6}"
    )
    ratios = []
    for name in EXAMPLES:
        text = (DEMO / name).read_text()
        ours, base = [], []
        for _ in range(EXAMPLE_ROUNDS):
            forget()
            ours.append(elapsed_ns(lint, text) / 1e3)
            base.append(elapsed_ns(bare, text) / 1e3)
        ratio = statistics.median(ours) / statistics.median(base)
        ratios.append(ratio)
        print(
            f"{name:34} {percentile(ours, 50):8.0f} {percentile(ours, 95):8.0f}"
            f" {percentile(base, 50):9.0f} {percentile(base, 95):9.0f} {ratio:6.2f}"
        )
    median = statistics.median(ratios)
    print(f"examples: median ratio lint / bare parse {median:.2f}x")
    return median


def time_corpus(texts: list[str]) -> tuple[float, float]:
    ours, base = [], []
    for text in texts:
        ours.append(min(cold_ns(text) for _ in range(CORPUS_REPEATS)) / 1e3)
        base.append(min(elapsed_ns(bare, text) for _ in range(CORPUS_REPEATS)) / 1e3)
    ratios = [o / b for o, b in zip(ours, base, strict=True)]
    median, aggregate = statistics.median(ratios), sum(ours) / sum(base)
    sizes = [len(t) for t in texts]
    print(
        f"corpus: {len(texts)} generated blueprints, {statistics.median(sizes):.0f} characters"
        f" median, {max(sizes)} largest (seed {SEED}, min of {CORPUS_REPEATS} runs each)"
    )
    print(f"  lint        p50 {percentile(ours, 50):7.0f} µs   p95 {percentile(ours, 95):7.0f} µs")
    print(f"  bare parse  p50 {percentile(base, 50):7.0f} µs   p95 {percentile(base, 95):7.0f} µs")
    print(
        f"  ratio lint / bare parse: per-blueprint median {median:.2f}x"
        f" (p95 {percentile(ratios, 95):.2f}x), aggregate {aggregate:.2f}x"
    )
    return median, aggregate


def time_stages(texts: list[str]) -> None:
    """Where lint time goes: for this run, each stage the engine calls is wrapped in a timer, and
    so are the template parser and its analysis where a check imports them."""
    spent: dict[str, int] = {}

    def timed(stage: str, function):
        def wrapper(*args, **kwargs):
            start = time.perf_counter_ns()
            try:
                return function(*args, **kwargs)
            finally:
                spent[stage] = spent.get(stage, 0) + time.perf_counter_ns() - start

        return wrapper

    checks = (*engine.BLUEPRINT_CHECKS, *engine.WORKSPACE_CHECKS)
    stages = [
        (engine, "split_documents", "read YAML (split_documents)"),
        (engine, "parse_blueprint", "typed model (parse_blueprint)"),
        (engine, "locate", "locate findings"),
        *((check, "check", f"check {_short(check)}") for check in checks),
    ]
    parts = {  # stage within a check -> that check's stage
        (check, name, f"of which {name}()"): f"check {_short(check)}"
        for check in checks
        for name in ("parse", "references")
        if callable(getattr(check, name, None))
    }
    wrapped = [*stages, *parts]
    originals = [(owner, name, getattr(owner, name)) for owner, name, _ in wrapped]
    for owner, name, stage in wrapped:
        setattr(owner, name, timed(stage, getattr(owner, name)))
    totals: dict[str, int] = {}
    try:
        for text in texts:
            best: dict[str, int] = {}
            for _ in range(3):
                forget()
                spent.clear()
                whole = elapsed_ns(lint, text)
                spent["rest of the engine"] = whole - sum(
                    spent.get(stage, 0) for _, _, stage in stages
                )
                for stage, ns in spent.items():
                    best[stage] = min(ns, best.get(stage, ns))
            for stage, ns in best.items():
                totals[stage] = totals.get(stage, 0) + ns
    finally:
        for owner, name, original in originals:
            setattr(owner, name, original)
    whole = sum(totals[stage] for stage in totals if stage.partition(" ")[0] != "of")
    print("lint stages on the corpus (sum of per-blueprint minimums of 3 runs):")
    for stage, ns in sorted(totals.items(), key=lambda item: -item[1]):
        if stage.startswith("of which"):
            continue
        print(f"  {stage:36} {ns / 1e6:8.1f} ms {100 * ns / whole:5.1f}%")
        for (_, _, part), parent in parts.items():
            if parent == stage and part in totals:
                share = totals[part]
                print(f"    {part:34} {share / 1e6:8.1f} ms {100 * share / whole:5.1f}%")


def _short(module) -> str:
    return module.__name__.rsplit(".", 1)[-1]


def main() -> int:
    texts = corpus()
    example_ratio = time_examples()
    print()
    median, aggregate = time_corpus(texts)
    print()
    time_stages(texts)
    print()
    worst = max(example_ratio, median, aggregate)
    verdict = "PASS" if worst <= TARGET else "FAIL"
    print(
        f"target: lint within {TARGET:g}x of a bare CSafeLoader parse"
        f" (examples median {example_ratio:.2f}x, corpus median {median:.2f}x,"
        f" aggregate {aggregate:.2f}x): {verdict}"
    )
    return 0 if verdict == "PASS" else 1


if __name__ == "__main__":
    sys.exit(main())
