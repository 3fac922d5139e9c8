from lifecycle.lint import Options, lint_files, lint_text
from tests.lifecycle.lint.helpers import blueprint

HOOKS = blueprint(
    """
backupPrehook:
  phases:
  - {func: KubeTask, name: quiesce, args: {image: busybox, command: [sh, -c, 'true']}}
notifySlack:
  phases:
  - {func: KubeTask, name: notify, args: {image: busybox, command: [sh, -c, 'true']}}
""",
    name="hooks",
)
HOOK_ONLY = blueprint(
    """
notifySlack:
  phases:
  - {func: KubeTask, name: slack, args: {image: busybox, command: [sh, -c, 'true']}}
""",
    name="notify",
)

POLICY = """\
apiVersion: config.kio.kasten.io/v1alpha1
kind: Policy
metadata:
  name: daily
  namespace: kasten-io
spec:
  frequency: "@daily"
  actions:
  - action: backup
    backupParameters:
      hooks:
        preHook:
          blueprint: hooks
          actionName: notifyslack
        onSuccess:
          blueprint: hoks
          actionName: notifySlack
"""


def binding(name: str, blueprint_name: str = "hooks", resources: str = "", created: str = ""):
    resources = resources or (
        "    matchAll:\n"
        "    - type: {operator: In, values: [{group: apps, resource: statefulsets}]}\n"
    )
    stamp = f"  creationTimestamp: '{created}'\n" if created else ""
    return (
        "apiVersion: config.kio.kasten.io/v1alpha1\nkind: BlueprintBinding\n"
        f"metadata:\n  name: {name}\n  namespace: kasten-io\n{stamp}"
        f"spec:\n  blueprintRef:\n    name: {blueprint_name}\n    namespace: kasten-io\n"
        f"  resources:\n{resources}"
    )


def statefulset(name: str = "mysql", annotation: str = "") -> str:
    annotations = (
        f"  annotations:\n    kanister.kasten.io/blueprint: {annotation}\n" if annotation else ""
    )
    return (
        "apiVersion: apps/v1\nkind: StatefulSet\n"
        f"metadata:\n  name: {name}\n  namespace: shop\n{annotations}"
        "spec: {replicas: 1}\n"
    )


def lint(*documents: str, context: tuple[str, ...] = (), **options):
    text = "---\n".join(documents)
    stored = [(f"stored-{i}.yaml", doc) for i, doc in enumerate(context)]
    return lint_text(text, "all.yaml", Options(**options), stored).diagnostics


def codes(diagnostics, code: str) -> list:
    return [d for d in diagnostics if d.code == code]


class TestMissingBlueprint:
    def test_a_hook_naming_a_missing_blueprint_suggests_the_near_name(self):
        [d] = codes(lint(HOOKS, POLICY), "BP060")
        assert (d.severity, d.line, d.column) == ("error", 29, 22)
        assert d.message == (
            "the backup onSuccess names blueprint 'hoks', which is not among the blueprints "
            "linted with it: Kasten looks blueprints up by name in its own namespace"
        )
        assert d.hint == "did you mean `hooks`?"
        assert d.location == "spec.actions[0].backupParameters.hooks.onSuccess.blueprint"

    def test_a_binding_and_an_annotation_naming_a_missing_blueprint(self):
        found = codes(lint(HOOKS, binding("b", "mysql-bp"), statefulset(annotation="pg")), "BP060")
        assert [(d.line, d.location) for d in found] == [
            (21, "spec.blueprintRef.name"),
            (33, "metadata.annotations.kanister.kasten.io/blueprint"),
        ]
        assert found[0].message.startswith("the binding names blueprint 'mysql-bp'")
        assert found[1].message.startswith(
            "the kanister.kasten.io/blueprint annotation names blueprint 'pg'"
        )
        assert found[1].hint == "known blueprints: hooks"

    def test_a_stored_blueprint_counts_as_known(self):
        assert codes(lint(binding("b", "hooks"), context=(HOOKS,)), "BP060") == []

    def test_without_any_blueprint_there_is_nothing_to_compare_with(self):
        assert (
            codes(lint(POLICY, binding("b", "mysql-bp"), statefulset(annotation="pg")), "BP060")
            == []
        )

    def test_findings_on_stored_objects_are_dropped(self):
        assert codes(lint(HOOKS, context=(POLICY,)), "BP060") == []


class TestMissingHookAction:
    def test_a_hook_naming_an_action_its_blueprint_lacks(self):
        [d] = codes(lint(HOOKS, POLICY), "BP061")
        assert (d.severity, d.line) == ("error", 27)
        assert d.message == (
            "the backup preHook names action 'notifyslack', which blueprint 'hooks' does not "
            "have: Kasten fails the hook"
        )
        assert d.hint == "did you mean `notifySlack`?"


class TestBindingRequirements:
    def test_a_binding_without_requirements_is_invalid(self):
        [d] = codes(lint(binding("empty", resources="    matchAll: []\n")), "BP062")
        assert (d.severity, d.line, d.location) == ("error", 11, "spec.resources")
        assert "Kasten marks a BlueprintBinding without matchAll or matchAny items invalid" in (
            d.message
        )

    def test_a_binding_that_matches_no_resource_linted_with_it(self):
        deployments = (
            "    matchAll:\n"
            "    - type: {operator: In, values: [{group: apps, resource: deployments}]}\n"
        )
        [d] = codes(lint(binding("deploys", resources=deployments), statefulset()), "BP063")
        assert (d.severity, d.line) == ("info", 4)
        assert d.message == "the binding matches none of the 1 resource linted with it"
        assert codes(lint(binding("deploys", resources=deployments)), "BP063") == []
        assert codes(lint(binding("sts"), statefulset()), "BP063") == []

    def test_a_binding_kasten_would_refuse_says_why_it_matches_nothing(self):
        bad = "    matchAll:\n    - type: {group: apps, resource: statefulsets}\n"
        [d] = codes(lint(binding("bad", resources=bad), statefulset()), "BP063")
        assert d.hint == (
            "Kasten would refuse this binding: type operator must be one of In, NotIn, found None"
        )


class TestSeveralBindings:
    def test_the_later_binding_is_told_which_one_wins(self):
        first = binding("first", "hooks", created="2026-01-05T09:00:00Z")
        second = binding("second", "notify", created="2026-02-11T14:30:00Z")
        found = codes(lint(HOOKS, HOOK_ONLY, first, second, statefulset()), "BP064")
        assert [(d.severity, d.object) for d in found] == [("info", "BlueprintBinding/second")]
        assert found[0].message == (
            "StatefulSet/shop/mysql is also matched by binding 'first', created earlier "
            "(2026-01-05T09:00:00Z), which wins: Kasten runs blueprint 'hooks' there, not this "
            "binding's 'notify'"
        )

    def test_without_timestamps_every_matching_binding_hears_the_winner_is_unknown(self):
        text = [binding("a"), binding("b"), statefulset("one"), statefulset("two")]
        found = codes(lint(*text), "BP064")
        assert [d.object for d in found] == ["BlueprintBinding/a", "BlueprintBinding/b"]
        assert found[0].message == (
            "StatefulSet/shop/one, StatefulSet/shop/two are also matched by binding 'b': Kasten "
            "uses the earliest created, and which that is is unknown here (a creationTimestamp "
            "is missing or they are equal)"
        )

    def test_a_disabled_binding_does_not_compete(self):
        disabled = binding("off").replace("spec:\n", "spec:\n  disabled: true\n")
        assert codes(lint(binding("on"), disabled, statefulset()), "BP064") == []


class TestBoundBlueprintNeverRuns:
    def test_a_bound_blueprint_without_reserved_actions_is_a_warning_on_the_blueprint(self):
        found = codes(
            lint(HOOK_ONLY, binding("b", "notify"), statefulset(annotation="notify")), "BP065"
        )
        [d] = found
        assert (d.severity, d.line, d.column) == ("warning", 4, 9)
        assert d.message == (
            "the blueprint is bound by binding 'b', the annotation on StatefulSet/shop/mysql but "
            "has no reserved action: Kasten calls only backupPrehook, backup, backupPosthook, "
            "restore, restorePosthook, delete on a bound resource and silently ignores "
            "notifySlack"
        )

    def test_reserved_names_follow_the_kasten_version(self):
        restore_prehook = HOOK_ONLY.replace("notifySlack", "restorePrehook")
        bound = (restore_prehook, binding("b", "notify"))
        assert len(codes(lint(*bound), "BP065")) == 1
        assert codes(lint(*bound, kasten_version="9.0.10"), "BP065") == []

    def test_an_unbound_or_disabled_binding_blueprint_is_fine(self):
        assert codes(lint(HOOK_ONLY), "BP065") == []
        disabled = binding("b", "notify").replace("spec:\n", "spec:\n  disabled: true\n")
        assert codes(lint(HOOK_ONLY, disabled), "BP065") == []


def test_objects_in_several_files_are_linted_together():
    reports = lint_files([("bp.yaml", HOOK_ONLY), ("binding.yaml", binding("b", "notfy"))])
    assert [d.code for d in reports[1].diagnostics] == ["BP060"]
    assert [d.code for d in reports[0].diagnostics if d.code.startswith("BP06")] == []


def test_a_binding_naming_no_blueprint_is_said_so_and_binds_nothing():
    nameless = binding("b", '""')
    [d] = codes(lint(HOOKS, nameless), "BP060")
    assert d.message == "the binding names no blueprint: Kasten looks blueprints up by name"
    assert codes(lint(HOOKS, nameless), "BP065") == []
