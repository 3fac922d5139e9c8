"""Reading KubeStash objects: typed records, each bad value a problem at its line and column."""

from pathlib import Path

import pytest

from lifecycle.kinds import Category, classify
from lifecycle.kubestash import read_inventory
from lifecycle.kubestash.model import ActionType, ExecutionPolicy, ExecutorType, NamespacesFrom
from lifecycle.manifests import read_manifest
from lifecycle.yamlpos import split_documents

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "kubestash" / "mysql-hooks.yaml"
HEAD = "apiVersion: core.kubestash.com/v1alpha1\n"
TEAM_DB = (
    "  usagePolicy:\n    allowedNamespaces: {from: Selector, selector: {matchLabels: {team: db}}}\n"
)


def read(text: str):
    manifests = [read_manifest(d) for d in split_documents(text, "in.yaml").documents]
    found, problems = read_inventory(manifests)
    return found, [str(problem) for problem in problems]


def template(name="probe", namespace="demo", usage=""):
    return (
        f"{HEAD}kind: HookTemplate\nmetadata: {{name: {name}, namespace: {namespace}}}\nspec:\n"
        f"{usage}  action: {{tcpSocket: {{port: 3306}}}}\n  executor: {{type: Operator}}\n"
    )


def restore(namespace="shop", hook="{name: probe, namespace: demo}"):
    return (
        f"{HEAD}kind: RestoreSession\nmetadata: {{name: r, namespace: {namespace}}}\nspec:\n"
        f"  hooks:\n    preRestore:\n    - {{name: h, hookTemplate: {hook}}}\n"
    )


@pytest.mark.parametrize(
    ("kind", "category"),
    [
        ("HookTemplate", Category.HOOK_TEMPLATE),
        ("BackupConfiguration", Category.BACKUP_CONFIGURATION),
        ("RestoreSession", Category.RESTORE_SESSION),
    ],
)
def test_the_three_kinds_are_classified_and_stash_objects_are_told_apart(kind, category):
    assert classify("core.kubestash.com/v1alpha1", kind).category is category
    older = classify("stash.appscode.com/v1beta1", kind)
    assert older.category is Category.UNKNOWN
    assert older.reason == (
        f"{kind} is read as apiVersion core.kubestash.com/v1alpha1, not stash.appscode.com/v1beta1"
    )


def test_the_fixture_reads_into_typed_records():
    found, problems = read(FIXTURE.read_text())
    assert problems == []
    readonly, unlock, slack = found.hook_templates
    assert (readonly.actions, readonly.executor) == ((ActionType.EXEC,), ExecutorType.POD)
    assert readonly.executor_detail == (
        "pods app.kubernetes.io/instance=sample-mysql,app.kubernetes.io/name=mysqls.kubedb.com "
        "(ExecuteOnAll)"
    )
    assert unlock.allowed_from is NamespacesFrom.SAME
    assert (slack.actions, slack.executor, slack.allowed_from) == (
        (ActionType.HTTP_POST,), ExecutorType.OPERATOR, NamespacesFrom.ALL
    )  # fmt: skip
    [session] = found.backup_configurations[0].sessions
    [pre] = session.pre_backup
    assert (pre.name, pre.template_key, pre.max_retry, pre.timeout) == (
        "readonly", ("demo", "mysql-readonly"), 3, "30s"
    )  # fmt: skip
    assert pre.execution_policy is ExecutionPolicy.ALWAYS  # the default
    assert [h.execution_policy for h in session.post_backup] == [
        ExecutionPolicy.ALWAYS, ExecutionPolicy.ON_FAILURE
    ]  # fmt: skip
    assert found.restore_sessions[0].target == "MySQL/demo/restored-mysql"


@pytest.mark.parametrize(
    ("hook", "problem"),
    [
        (
            "{name: h, hookTemplate: {name: probe}, executionPolicy: Sometimes}",
            "in.yaml:14:63: spec.hooks.preRestore[0].executionPolicy must be one of Always, "
            "OnSuccess, OnFailure, found 'Sometimes'",
        ),
        (
            "{name: h, hookTemplate: {name: probe}, maxRetry: -1}",
            "in.yaml:14:56: spec.hooks.preRestore[0].maxRetry must be a whole number 0 or more, "
            "found -1",
        ),
        (
            "{name: h, hookTemplate: {name: probe}, timeout: 30}",
            "in.yaml:14:55: spec.hooks.preRestore[0].timeout must be a duration such as 30s, 5m "
            "or 1h30m, found 30",
        ),
        (
            "{name: h, hookTemplate: {}}",
            "in.yaml:14:31: spec.hooks.preRestore[0].hookTemplate.name is required: the "
            "HookTemplate this hook runs; found nothing",
        ),
    ],
)
def test_a_bad_hook_value_is_a_problem_at_its_line_and_column(hook, problem):
    text = (
        template()
        + f"---\n{HEAD}kind: RestoreSession\nmetadata: {{name: r, namespace: demo}}\nspec:\n"
        f"  hooks:\n    preRestore:\n    - {hook}\n"
    )
    assert read(text)[1] == [problem]


def test_bad_templates_and_misnamed_hook_lists_are_problems_not_crashes():
    text = (
        f"{HEAD}kind: HookTemplate\nmetadata: {{name: t, namespace: demo}}\nspec:\n"
        "  action: {}\n  executor: {type: Robot}\n"
        f"---\n{HEAD}kind: BackupConfiguration\nmetadata: {{name: b, namespace: demo}}\n"
        "spec:\n  sessions:\n  - name: s\n    hooks: {preHook: []}\n"
        f"---\n{HEAD}kind: RestoreSession\nmetadata: {{name: r}}\nspec: [1, 2]\n"
    )
    assert read(text)[1] == [
        "in.yaml:5:11: spec.action must set one of exec, httpGet, httpPost or tcpSocket",
        "in.yaml:6:20: spec.executor.type must be one of Function, Pod, Operator, found 'Robot'",
        "in.yaml:14:22: spec.sessions[0].hooks.preHook is not a hook list: expected preBackup or "
        "postBackup",
        "in.yaml:18:11: metadata must set namespace: a KubeStash object belongs to the namespace "
        "it backs up or restores, which the studio does not guess",
        "in.yaml:19:7: spec must be a mapping, found a list",
    ]


class TestUsagePolicy:
    def test_same_is_the_default_and_refuses_another_namespace(self):
        assert read(template() + "---\n" + restore())[1] == [
            "in.yaml:14:7: HookTemplate demo/probe allows only its own namespace (usagePolicy "
            "from Same, the default), not shop: KubeStash's webhook refuses the object "
            "(reference/kubestash-hooks.md §2-§3)"
        ]

    def test_all_allows_every_namespace(self):
        usage = "  usagePolicy: {allowedNamespaces: {from: All}}\n"
        assert read(template(usage=usage) + "---\n" + restore())[1] == []

    def test_a_missing_template_is_named(self):
        assert read(restore(hook="{name: gone, namespace: demo}"))[1] == [
            "in.yaml:7:7: HookTemplate demo/gone is not among the objects read"
        ]

    def test_a_selector_cannot_be_checked_without_namespace_objects(self):
        usage = TEAM_DB
        assert read(template(usage=usage) + "---\n" + restore())[1] == [
            "in.yaml:16:7: HookTemplate demo/probe allows namespaces by a label selector, which "
            "cannot be checked for shop without its Namespace object among the objects read"
        ]

    @pytest.mark.parametrize(("team", "allowed"), [("db", True), ("web", False)])
    def test_a_selector_is_checked_against_the_namespace_labels(self, team, allowed):
        usage = TEAM_DB
        namespace = (
            f"apiVersion: v1\nkind: Namespace\nmetadata: {{name: shop, labels: {{team: {team}}}}}\n"
        )
        problems = read(namespace + "---\n" + template(usage=usage) + "---\n" + restore())[1]
        assert (problems == []) is allowed
        if not allowed:
            assert "usagePolicy selector does not select namespace shop" in problems[0]

    def test_a_selector_on_the_namespace_name_needs_no_namespace_object(self):
        usage = (
            "  usagePolicy: {allowedNamespaces: {from: Selector, selector: {matchExpressions: "
            "[{key: kubernetes.io/metadata.name, operator: In, values: [shop]}]}}}\n"
        )
        assert read(template(usage=usage) + "---\n" + restore())[1] == []
