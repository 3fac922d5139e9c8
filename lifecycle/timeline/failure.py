"""What becomes of the later steps when one step fails, by the seeds' rules and nothing else."""

from lifecycle.operations import Kind, Outcome
from lifecycle.operations import Step as Definition
from lifecycle.timeline.building import DEFER_NOTE, SEED_003
from lifecycle.timeline.model import Step, Timeline, UnknownStep

_PHASES_SKIPPED = (
    "If a phase fails, all subsequent phases [of the action] are skipped.",
    SEED_003,
)


def fail(timeline: Timeline, definitions: list[Definition], at: int) -> None:
    """Marks step `at` failed and decides every later step from the failure rules."""
    failed = timeline.steps[at]
    if failed.outcome is not Outcome.RUNS:
        raise UnknownStep(
            f"step {failed.id} cannot be the one that fails: without a failure it is "
            f"{failed.outcome} ({failed.reason})"
        )
    failed.outcome, failed.reason = Outcome.FAILS, "The step chosen to fail."
    for step, definition in zip(timeline.steps[at + 1 :], definitions[at + 1 :], strict=True):
        step.outcome, step.reason = _after(step, definition, failed)


def _after(step: Step, definition: Definition, failed: Step) -> tuple[Outcome, str]:
    if _same_action(step, failed):
        if step.kind is Kind.DEFER:
            return Outcome.RUNS, f"{DEFER_NOTE.text} ({DEFER_NOTE.source})"
        text, seed = _PHASES_SKIPPED
        return Outcome.SKIPPED, f"{text} ({seed})"
    if step.step != failed.step:
        same_resource = step.resource is not None and step.resource == failed.resource
        rule = definition.after(failed.step, same_resource)
        if rule is not None:
            return rule.outcome, f"{rule.note.text} ({rule.note.seed})"
    if step.outcome is Outcome.UNSPECIFIED:
        return step.outcome, step.reason
    where = f" of {failed.resource}" if failed.resource and failed.resource != step.resource else ""
    return (
        Outcome.UNSPECIFIED,
        f"The seeds do not say whether step {step.step} runs after step {failed.step}{where} "
        "fails.",
    )


def _same_action(step: Step, failed: Step) -> bool:
    return (
        step.step == failed.step
        and step.resource == failed.resource
        and step.hook == failed.hook
        and step.action == failed.action
        and step.action is not None
    )
