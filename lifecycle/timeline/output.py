"""A timeline report as the command and the API give it: JSON data or aligned text."""

from lifecycle.timeline.model import Report, Step


def as_json(report: Report) -> dict:
    return {
        "operation": report.operation,
        "timelines": [
            {"namespace": timeline.namespace, "steps": [_step(step) for step in timeline.steps]}
            for timeline in report.timelines
        ],
    }


def _step(step: Step) -> dict:
    return {
        "id": step.id,
        "seq": step.seq,
        "step": step.step,
        "level": step.level.value,
        "kind": step.kind.value,
        "title": step.title,
        "hook": step.hook,
        "blueprint": step.blueprint,
        "action": step.action,
        "phase": step.phase,
        "resource": step.resource,
        "timeout_minutes": step.timeout_minutes,
        "outcome": step.outcome.value,
        "reason": step.reason,
        "notes": [{"source": note.source, "text": note.text} for note in step.notes],
        "artifacts_in": [{"name": a.name, "from": a.source} for a in step.artifacts_in],
        "artifacts_out": list(step.artifacts_out),
    }


def as_text(report: Report) -> str:
    """One line a step: order, seed step, outcome, what fires and where; then the reasons."""
    lines = [f"{report.operation}" + (f" (failing {report.failed})" if report.failed else "")]
    for timeline in report.timelines:
        lines += ["", f"namespace {timeline.namespace}"]
        lines += [f"  ! {problem}" for problem in timeline.problems]
        for lane in timeline.lanes:
            lines += [
                f"  ~ {lane.resource}: {ignored.action} ignored: {ignored.reason}"
                for ignored in lane.ignored
            ]
        for step in timeline.steps:
            lines.append(_line(step))
    return "\n".join(lines) + "\n"


def _line(step: Step) -> str:
    what = step.title
    if step.action:
        what = f"{step.blueprint}/{step.action}" + (f" · {step.phase}" if step.phase else "")
        what = f"{step.hook}: {what}" if step.hook else what
    where = f" on {step.resource}" if step.resource else ""
    timeout = f" [{step.timeout_minutes} min]" if step.timeout_minutes else ""
    columns = f"{step.seq:>4} {step.step:<6} {step.kind.value:<8} {step.outcome.value:<11}"
    line = f"  {columns} {what}{where}{timeout}"
    if step.reason:
        line += f"\n{'':>33}{step.reason}"
    return line + f"\n{'':>33}id {step.id}"
