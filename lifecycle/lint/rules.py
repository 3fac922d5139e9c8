"""Every lint rule: a stable code and slug, a severity and a one-line summary, in one registry."""

from dataclasses import dataclass

from lifecycle.lint.findings import Severity

E, W, I = Severity.ERROR, Severity.WARNING, Severity.INFO  # noqa: E741


@dataclass(frozen=True, slots=True)
class Rule:
    code: str
    slug: str
    severity: Severity
    summary: str


def _registry(*rules: Rule) -> dict[str, Rule]:
    registry: dict[str, Rule] = {}
    slugs: set[str] = set()
    for rule in rules:
        if rule.code in registry or rule.slug in slugs:
            raise ValueError(f"lint rule {rule.code} {rule.slug} is registered twice")
        registry[rule.code] = rule
        slugs.add(rule.slug)
    return registry


RULES = _registry(
    # Structure
    Rule("BP001", "yaml-syntax", E, "The file is not valid YAML"),
    Rule("BP002", "not-a-blueprint", E, "apiVersion or kind is not cr.kanister.io/v1alpha1 Blueprint"),
    Rule("BP003", "missing-name", E, "metadata.name is missing"),
    Rule("BP004", "no-actions", E, "The blueprint defines no actions"),
    Rule("BP005", "no-phases", E, "An action has no phases"),
    Rule("BP006", "incomplete-phase", E, "A phase lacks func, name or args"),
    Rule("BP007", "unknown-field", W, "A field Kanister does not know at blueprint, action or phase level"),
    Rule("BP008", "wrong-shape", E, "A field holds the wrong kind of YAML value"),
    Rule("BP009", "blueprint-outside-kasten", W, "The blueprint is not in the Kasten namespace"),
    # Kanister functions
    Rule("BP010", "unknown-function", E, "func names no Kanister function"),
    Rule("BP011", "removed-function", E, "func names a function Kanister has removed"),
    Rule("BP012", "deprecated-function", I, "func names a deprecated function"),
    Rule("BP013", "missing-argument", E, "A required argument of the function is missing"),
    Rule("BP014", "unknown-argument", E, "An argument the function does not support"),
    Rule("BP015", "argument-shape", E, "An argument is of the wrong shape (list, mapping, number)"),
    Rule("BP016", "argument-value", E, "A literal argument has a value the function refuses"),
    Rule("BP017", "template-not-rendered", E, "A template in an argument Kanister never renders"),
    Rule("BP018", "wait-condition-context", W, "A WaitV2 condition reads blueprint variables"),
    Rule("BP019", "duplicate-phase-name", E, "Two phases of the blueprint share a name"),
    # Kasten action names
    Rule("BP020", "hook-only-action", I, "A non-reserved action runs only as a policy action hook"),
    Rule("BP021", "near-reserved-action", W, "An action name close to a reserved name"),
    Rule("BP022", "reserved-in-later-kasten", W, "A reserved name the chosen Kasten version does not call"),
    # Placement hazards
    Rule("BP030", "pvc-created-in-backup-prehook", W, "A PVC created in backupPrehook is not in the restore point"),
    Rule("BP031", "pvc-deleted-before-snapshot", W, "backupPrehook's deferPhase deletes a PVC before the snapshot"),
    Rule("BP032", "action-level-objects", W, "Action-level configMapNames, secretNames or objects: Kasten does not resolve them"),
    Rule("BP033", "unpaired-logical-action", W, "A logical backup without restore, or a restore without backup"),
    Rule("BP034", "logical-backup-without-delete", W, "A logical backup leaves artifacts that nothing deletes"),
    Rule("BP035", "logical-blueprint", I, "A logical blueprint, with the limitations that brings"),
    # Templates
    Rule("BP040", "template-syntax", E, "A template that does not parse"),
    Rule("BP041", "unknown-template-function", E, "A template function Kanister does not provide"),
    Rule("BP042", "unknown-variable", E, "A template variable or field that does not exist"),
    Rule("BP043", "namespace-in-bound-action", E, ".Namespace is not set for resource-bound actions"),
    Rule("BP044", "namespace-in-delete", I, ".Namespace.Name is the Kasten namespace in delete"),
    Rule("BP045", "subject-in-hook", W, "A hook-only action reads the bound object"),
    Rule("BP046", "profile-in-hook", E, "A hook-only action uses .Profile or kando location"),
    Rule("BP047", "undeclared-input-artifact", E, ".ArtifactsIn reads an artifact not in inputArtifactNames"),
    Rule("BP048", "unproduced-input-artifact", W, "An inputArtifactName no action produces"),
    Rule("BP049", "phase-not-yet-run", E, ".Phases reads a phase that has not run at that point"),
    Rule("BP050", "defer-phase-through-phases", E, "A defer phase reads its own objects through .Phases"),
    Rule("BP051", "phases-in-objects", E, ".Phases in an objects block, rendered before any phase"),
    Rule("BP052", "undeclared-phase-object", E, ".Phases.P.Secrets/ConfigMaps names an object P does not declare"),
    Rule("BP053", "secret-data-as-bytes", W, "Secret data printed without toString"),
    Rule("BP054", "output-never-written", W, "A phase output its phase never writes"),
    Rule("BP055", "kind-mismatch", W, "A typed variable that contradicts the action's kind"),
    Rule("BP056", "actionset-objects", W, ".Secrets or .ConfigMaps: Kasten passes no ActionSet objects"),
    # Across objects
    Rule("BP060", "missing-blueprint", E, "A hook, binding or annotation names a missing blueprint"),
    Rule("BP061", "missing-hook-action", E, "A policy hook names an action its blueprint lacks"),
    Rule("BP062", "binding-without-requirements", E, "A BlueprintBinding with no requirements"),
    Rule("BP063", "binding-matches-nothing", I, "A BlueprintBinding that matches no resource"),
    Rule("BP064", "several-bindings-match", I, "Several BlueprintBindings match one resource"),
    Rule("BP065", "bound-blueprint-never-runs", W, "A bound blueprint with no reserved action"),
)  # fmt: skip

SLUGS = {code: rule.slug for code, rule in RULES.items()}
