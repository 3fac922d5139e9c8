"""Time the lifecycle timeline of a policy over 50 namespaces of 100 workloads each.

Run with `make bench`. Builds the policy, 3 bindings, annotations on some workloads and the
real-world blueprints of shared/examples; times `compute()` over the whole policy in memory, then
stores everything in a temporary database and times the timeline page of one namespace through
Django's test client (and the API, for one namespace and for the whole policy). Exits 1 when the
computation's median is over 200 ms or the page's over 1 s.
"""

import gc
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from lifecycle.timeline import compute  # noqa: E402
from lifecycle.timeline.documents import inventory_of, read_manifests  # noqa: E402

EXAMPLES = REPO.parent / "shared" / "examples"
DEMO = REPO / "blueprints_ui" / "transfer" / "demo"
BLUEPRINTS = (
    "mysql-blueprint.yaml",
    "csi-snapshot-blueprint.yaml",
    "k8ssandra-blueprint.yaml",
    "time-log-blueprint.yaml",
    "postgres-ha-hook-blueprint.yaml",
)
NAMESPACES = 50
POLICY = "bench-daily"
SHOWN = "app-07"  # the namespace whose page is timed
COMPUTE_ROUNDS = 20
REQUEST_ROUNDS = 10
COMPUTE_TARGET_MS = 200
PAGE_TARGET_MS = 1000

# Per namespace, 100 workloads: (count, kind, apiVersion, labels, annotations). Three bindings
# select the first three groups; the annotated ones name a blueprint themselves.
WORKLOADS = (
    (30, "StatefulSet", "apps/v1", {"app.kubernetes.io/name": "mysql"}, {}),
    (30, "Deployment", "apps/v1", {"backup.example.com/csi-snapshot": "true"}, {}),
    (10, "CassandraDatacenter", "cassandra.datastax.com/v1beta1", {}, {}),
    (10, "Deployment", "apps/v1", {"app": "time-logger"}, {"blueprint": "time-log-bp"}),
    (5, "StatefulSet", "apps/v1", {"app": "postgresql"}, {"blueprint": "postgresql-hooks"}),
    (15, "PersistentVolumeClaim", "v1", {"app": "scratch"}, {}),
)
BINDINGS = """apiVersion: config.kio.kasten.io/v1alpha1
kind: BlueprintBinding
metadata:
  name: mysql-statefulsets
  namespace: kasten-io
  creationTimestamp: "2026-01-05T09:00:00Z"
spec:
  blueprintRef:
    name: mysql-blueprint
  resources:
    matchAll:
    - type: {operator: In, values: [{group: apps, resource: statefulsets}]}
    - labels: {key: app.kubernetes.io/name, operator: In, values: [mysql]}
---
apiVersion: config.kio.kasten.io/v1alpha1
kind: BlueprintBinding
metadata:
  name: csi-snapshot-deployments
  namespace: kasten-io
  creationTimestamp: "2026-02-11T14:30:00Z"
spec:
  blueprintRef:
    name: csi-snapshot-bp
  resources:
    matchAll:
    - type: {operator: In, values: [{group: apps, resource: deployments}]}
    - labels: {key: backup.example.com/csi-snapshot, operator: In, values: ["true"]}
---
apiVersion: config.kio.kasten.io/v1alpha1
kind: BlueprintBinding
metadata:
  name: cassandra-datacenters
  namespace: kasten-io
  creationTimestamp: "2026-03-02T08:00:00Z"
spec:
  blueprintRef:
    name: k8ssandra-blueprint
  resources:
    matchAll:
    - type:
        operator: In
        values: [{group: cassandra.datastax.com, resource: cassandradatacenters}]
"""
POLICY_YAML = f"""apiVersion: config.kio.kasten.io/v1alpha1
kind: Policy
metadata:
  name: {POLICY}
  namespace: kasten-io
spec:
  frequency: "@daily"
  selector:
    matchLabels:
      bench.example.com/protected: "true"
  actions:
  - action: backup
    backupParameters:
      hooks:
        preHook: {{blueprint: hook-blueprint, actionName: remove-label}}
        onSuccess: {{blueprint: postgresql-hooks, actionName: postrestorehook}}
  - action: export
    exportParameters:
      profile: {{name: s3-backups, namespace: kasten-io}}
"""


def blueprint_sources() -> list[tuple[str, str]]:
    """The examples, in Kasten's namespace (the only one it reads blueprints from)."""
    folder = EXAMPLES if EXAMPLES.is_dir() else DEMO
    sources = [
        (
            name,
            (folder / name).read_text().replace("namespace: kanister\n", "namespace: kasten-io\n"),
        )
        for name in BLUEPRINTS
    ]
    # The policy's preHook: the seeds' hook example.
    return [*sources, ("seed-hook-blueprint.yaml", (DEMO / "seed-hook-blueprint.yaml").read_text())]


def inventory_source() -> str:
    documents = []
    for n in range(NAMESPACES):
        namespace = f"app-{n:02d}"
        documents.append(
            f"apiVersion: v1\nkind: Namespace\nmetadata:\n  name: {namespace}\n"
            '  labels:\n    bench.example.com/protected: "true"\n'
        )
        for count, kind, api_version, labels, annotations in WORKLOADS:
            for i in range(count):
                name = f"{kind.lower()}-{labels.get('app', 'w')}-{i:02d}"
                lines = [
                    f"apiVersion: {api_version}",
                    f"kind: {kind}",
                    "metadata:",
                    f"  name: {name}",
                    f"  namespace: {namespace}",
                    "  labels:",
                    *(f'    {key}: "{value}"' for key, value in labels.items()),
                ]
                if annotations:
                    lines += [
                        "  annotations:",
                        f"    kanister.kasten.io/blueprint: {annotations['blueprint']}",
                    ]
                documents.append("\n".join(lines) + "\n")
    return "---\n".join(documents)


def sources() -> list[tuple[str, str]]:
    return [
        *blueprint_sources(),
        ("bindings.yaml", BINDINGS),
        ("policy.yaml", POLICY_YAML),
        ("inventory.yaml", inventory_source()),
    ]


def percentiles(samples_ms: list[float]) -> tuple[float, float]:
    cuts = statistics.quantiles(samples_ms, n=20)
    return statistics.median(samples_ms), cuts[18]


def timed_ms(function, rounds: int) -> list[float]:
    samples = []
    for _ in range(rounds):
        start = time.perf_counter()
        function()
        samples.append((time.perf_counter() - start) * 1e3)
    return samples


def report(label: str, samples_ms: list[float], target_ms: float | None = None) -> bool:
    p50, p95 = percentiles(samples_ms)
    verdict = ""
    if target_ms is not None:
        verdict = f"  target {target_ms:g} ms: {'PASS' if p50 <= target_ms else 'FAIL'}"
    print(f"  {label:46} p50 {p50:7.1f} ms   p95 {p95:7.1f} ms{verdict}")
    return target_ms is None or p50 <= target_ms


def time_compute(files: list[tuple[str, str]]) -> bool:
    manifests, errors = read_manifests(files)
    assert not errors, errors
    inventory = inventory_of(manifests)
    workloads = sum(w.kind != "Namespace" for w in inventory.workloads)
    result = compute(inventory, "backup", policy=POLICY)
    steps = sum(len(t.steps) for t in result.timelines)
    print(
        f"in memory: {workloads} workloads in {len(result.timelines)} namespaces, "
        f"{len(inventory.bindings)} bindings, {len(inventory.blueprints)} blueprints: "
        f"{steps} steps ({COMPUTE_ROUNDS} rounds each)"
    )
    # The parsed YAML of 5,000 documents stays alive in `inventory`'s nodes; a server reads
    # workloads from database columns instead. Freezing it keeps the collector's full passes over
    # that old heap out of the figures, which are about the computation.
    gc.collect()
    gc.freeze()
    ok = True
    for operation in ("backup", "restore", "export", "retire"):
        samples = timed_ms(
            lambda op=operation: compute(inventory, op, policy=POLICY), COMPUTE_ROUNDS
        )
        ok &= report(f"compute({operation}) over the whole policy", samples, COMPUTE_TARGET_MS)
    return ok


def time_requests(files: list[tuple[str, str]]) -> bool:
    """Through Django: a temporary SQLite database filled by the import, a logged-in client."""
    os.environ["VAR_DIR"] = tempfile.mkdtemp(prefix="bench-timeline-")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "blueprints_ui.settings")
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.test import Client
    from django.test.utils import setup_test_environment
    from django.urls import NoReverseMatch, reverse

    from blueprints_ui.timeline.loading import stored_inventory
    from blueprints_ui.transfer.importing import import_sources

    setup_test_environment()
    call_command("migrate", verbosity=0)
    start = time.perf_counter()
    imported = import_sources(files, message="bench")
    assert not imported.errors, imported.errors
    print(f"\nstored: {imported.summary()} in {time.perf_counter() - start:.1f} s")
    client = Client()
    client.force_login(get_user_model().objects.create(username="bench"))

    def get(url: str) -> None:
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code, response.content[:500])

    query = f"operation=backup&policy={POLICY}"
    report("stored_inventory() of the whole inventory", timed_ms(stored_inventory, REQUEST_ROUNDS))
    report(
        f"stored_inventory({SHOWN!r})", timed_ms(lambda: stored_inventory(SHOWN), REQUEST_ROUNDS)
    )
    api = reverse("api:timeline")
    one = f"{api}?{query}&namespace={SHOWN}"
    report(f"GET /api/timeline, namespace {SHOWN}", timed_ms(lambda: get(one), REQUEST_ROUNDS))
    whole = f"{api}?{query}"
    report(
        f"GET /api/timeline, all {NAMESPACES} namespaces",
        timed_ms(lambda: get(whole), REQUEST_ROUNDS),
    )
    try:
        page = f"{reverse('timeline:page')}?{query}&namespace={SHOWN}"
    except NoReverseMatch:
        print("  the timeline page (timeline:page) does not exist yet: judging the API instead")
        page = one
    return report(
        f"GET {page.split('?')[0]}, namespace {SHOWN}",
        timed_ms(lambda: get(page), REQUEST_ROUNDS),
        PAGE_TARGET_MS,
    )


def main() -> int:
    files = sources()
    computed = time_compute(files)
    served = time_requests(files)
    verdict = "PASS" if computed and served else "FAIL"
    print(
        f"\ntarget: compute under {COMPUTE_TARGET_MS} ms and the page under {PAGE_TARGET_MS} ms "
        f"(medians): {verdict}"
    )
    return 0 if verdict == "PASS" else 1


if __name__ == "__main__":
    sys.exit(main())
