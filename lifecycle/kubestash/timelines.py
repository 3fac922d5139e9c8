"""The steps of a KubeStash BackupSession or RestoreSession, with what becomes of them on failure.

Each session runs its pre hooks (step 1), its addon tasks (step 2), its post hooks filtered by
executionPolicy (step 3) and ends in a phase, as reference/kubestash-hooks.md §4 lays out.
"""

from dataclasses import dataclass

from lifecycle.kubestash import notes
from lifecycle.kubestash.model import ExecutionPolicy, ExecutorType, HookInfo, KubeStashInventory
from lifecycle.kubestash.reading import duration_seconds
from lifecycle.kubestash.references import template_problem
from lifecycle.operations import Kind, Level, Outcome
from lifecycle.timeline.model import Refused, Report, Source, Step, Timeline, UnknownStep

OPERATIONS = ("backup", "restore")
SLOTS = {"backup": ("preBackup", "postBackup"), "restore": ("preRestore", "postRestore")}
_PRE, _TASKS, _POST, _PHASE = "pre", "tasks", "post", "phase"


class UnknownSession(Refused):
    """A session or namespace was asked for that no BackupConfiguration or RestoreSession has."""

    def __init__(self, message: str) -> None:
        super().__init__("namespace", message)


@dataclass(frozen=True, slots=True)
class _Session:
    """One BackupConfiguration session or one RestoreSession, ready to lay out."""

    operation: str
    owner_kind: str  # BackupConfiguration or RestoreSession
    namespace: str
    label: str  # "sample-mysql-backup/frequent-backup" or the RestoreSession's name
    addon: str
    tasks: tuple[str, ...]
    target: str
    timeout_field: str
    timeout: str | None
    pre: tuple[HookInfo, ...]
    post: tuple[HookInfo, ...]

    @property
    def prefix(self) -> str:
        return f"{self.namespace}:{self.label}"

    @property
    def session_kind(self) -> str:
        return "BackupSession" if self.operation == "backup" else "RestoreSession"

    @property
    def slots(self) -> tuple[str, str]:
        return SLOTS[self.operation]


@dataclass(slots=True)
class _Laid:
    """A step with the role and hook it was laid out from, which the failure rules read."""

    step: Step
    role: str
    hook: HookInfo | None = None


def timeline(
    inventory: KubeStashInventory,
    *,
    session: str | None = None,
    namespace: str | None = None,
    fail: str | None = None,
    operation: str | None = None,
) -> Report:
    """One timeline per BackupConfiguration session (operation "backup") or RestoreSession
    ("restore"), optionally narrowed to a namespace and a session, with step `fail` failed.

    `session` names a RestoreSession, a session of a BackupConfiguration, or
    "<BackupConfiguration>/<session>". Without `operation`, backup is taken when a backup session
    is in scope, else restore. Raises UnknownSession when nothing is in scope and UnknownStep when
    `fail` names no step that runs.
    """
    if operation is not None and operation.removeprefix("kubestash-") not in OPERATIONS:
        raise Refused("operation", f"operation must be backup or restore, found {operation!r}")
    candidates = {op: _in_scope(_sessions(inventory, op), session, namespace) for op in OPERATIONS}
    chosen = operation.removeprefix("kubestash-") if operation else None
    chosen = chosen or (
        "backup" if candidates["backup"] or not candidates["restore"] else "restore"
    )
    if not candidates[chosen]:
        raise UnknownSession(_nothing_in_scope(inventory, chosen, session, namespace))
    laid = {item.prefix: _lay_out(inventory, item) for item in candidates[chosen]}
    if fail is not None:
        _fail(laid, fail)
    report = Report(f"kubestash-{chosen}", [], notes=(notes.OPERATION,), failed=fail)
    for item in candidates[chosen]:
        steps = laid[item.prefix]
        _decide_phase(item, steps)
        report.timelines.append(
            Timeline(
                item.namespace,
                steps=[entry.step for entry in steps],
                problems=_problems(inventory, item),
            )
        )
    return report


def _sessions(inventory: KubeStashInventory, operation: str) -> list[_Session]:
    if operation == "restore":
        return [
            _Session("restore", "RestoreSession", r.namespace, r.name, r.addon, r.tasks, r.target,
                     "restoreTimeout", r.restore_timeout, r.pre_restore, r.post_restore)
            for r in inventory.restore_sessions
        ]  # fmt: skip
    return [
        _Session("backup", "BackupConfiguration", c.namespace, f"{c.name}/{s.name}", s.addon,
                 s.tasks, c.target, "backupTimeout", s.backup_timeout, s.pre_backup, s.post_backup)
        for c in inventory.backup_configurations
        for s in c.sessions
    ]  # fmt: skip


def _in_scope(sessions: list[_Session], session: str | None, namespace: str | None) -> list:
    return [
        item
        for item in sessions
        if (namespace is None or item.namespace == namespace)
        and (session is None or session in (item.label, item.label.rpartition("/")[2]))
    ]


def _nothing_in_scope(
    inventory: KubeStashInventory, operation: str, session: str | None, namespace: str | None
) -> str:
    known = [f"{item.namespace}/{item.label}" for item in _sessions(inventory, operation)]
    owner = "BackupConfiguration session" if operation == "backup" else "RestoreSession"
    wanted = "".join(
        (f" named {session}" if session else "", f" in {namespace}" if namespace else "")
    )
    choices = f"choose one of {', '.join(known)}" if known else "none was read"
    return f"no {owner}{wanted}: {choices}"


def _lay_out(inventory: KubeStashInventory, item: _Session) -> list[_Laid]:
    pre_slot, post_slot = item.slots
    laid = [_hook_step(inventory, item, hook, pre_slot, _PRE, item.pre) for hook in item.pre]
    laid.append(_Laid(_tasks_step(item), _TASKS))
    laid += [_hook_step(inventory, item, hook, post_slot, _POST, item.post) for hook in item.post]
    laid.append(
        _Laid(
            Step(
                id=f"{item.prefix}:phase",
                seq=0,
                step="3",
                level=Level.NAMESPACE,
                kind=Kind.INTERNAL,
                title="",
                notes=(notes.SUCCEEDED, Source(notes.SEED_004, notes.PRE_FAILS),
                       Source(notes.SEED_004, notes.POST_FAILS)),
            ),
            _PHASE,
        )
    )  # fmt: skip
    for seq, entry in enumerate(laid, 1):
        entry.step.seq = seq
    return laid


def _hook_step(
    inventory: KubeStashInventory,
    item: _Session,
    hook: HookInfo,
    slot: str,
    role: str,
    siblings: tuple[HookInfo, ...],
) -> _Laid:
    template = inventory.template(*hook.template_key)
    index = siblings.index(hook)
    name = hook.name if [h.name for h in siblings].count(hook.name) == 1 else f"{hook.name}#{index}"
    if template is None:
        does = f"HookTemplate {hook.template_namespace}/{hook.template_name} (not read)"
    else:
        executor = template.executor or "unknown"
        does = f"{template.label}, {template.action_text} on the {executor} executor"
    source_notes = [Source(notes.SEED_004, notes.SLOTS[slot])]
    if role == _POST and hook.execution_policy is not None:
        source_notes.append(Source(notes.SEED_004, notes.POLICIES[hook.execution_policy]))
    source_notes.append(
        Source(notes.SEED_004, notes.PRE_FAILS if role == _PRE else notes.POST_FAILS)
    )
    if template is not None:
        source_notes += [
            Source(notes.SEED_004, notes.ACTIONS[action]) for action in template.actions
        ]
        if template.executor is not None:
            source_notes.append(Source(notes.SEED_004, notes.EXECUTORS[template.executor]))
        if template.executor is ExecutorType.POD:
            source_notes.append(notes.POD_NAMESPACE)
    source_notes.append(notes.retries(hook.max_retry, hook.timeout))
    if hook.timeout is None:
        source_notes.append(notes.NO_TIMEOUT)
    if len(siblings) > 1:
        source_notes.append(notes.LIST_ORDER)
    if role == _PRE and _pre_policy_unknown(hook):
        source_notes.append(notes.PRE_POLICY)
    if not hook.template_namespace_written:
        source_notes.append(notes.template_namespace(item.owner_kind, item.namespace))
    step = Step(
        id=f"{item.prefix}:{role}:{name}",
        seq=0,
        step="1" if role == _PRE else "3",
        level=Level.NAMESPACE,
        kind=Kind.HOOK,
        title=f"{slot} hook {hook.name} of {item.label}: {does}",
        hook=slot,
        timeout_minutes=_whole_minutes(hook.timeout),
        notes=tuple(source_notes),
    )
    step.outcome, step.reason = _when_nothing_fails(inventory, item, hook, role)
    return _Laid(step, role, hook)


def _tasks_step(item: _Session) -> Step:
    what = ", ".join(
        part
        for part in (
            f"addon {item.addon}" if item.addon else "",
            f"tasks {', '.join(item.tasks)}" if item.tasks else "",
            f"target {item.target}" if item.target else "",
        )
        if part
    )
    source_notes = [Source(notes.REFERENCE_STEPS, notes.TASKS[item.operation])]
    if item.timeout:
        source_notes.append(notes.session_timeout(item.timeout_field, item.timeout))
    return Step(
        id=f"{item.prefix}:{item.operation}",
        seq=0,
        step="2",
        level=Level.NAMESPACE,
        kind=Kind.INTERNAL,
        title=f"{item.operation.capitalize()} tasks of {item.label}"
        + (f": {what}" if what else ""),
        timeout_minutes=_whole_minutes(item.timeout),
        notes=tuple(source_notes),
    )


def _when_nothing_fails(
    inventory: KubeStashInventory, item: _Session, hook: HookInfo, role: str
) -> tuple[Outcome, str]:
    if problem := template_problem(inventory, hook, item.namespace):
        return Outcome.UNSPECIFIED, f"{problem}, so what runs here is unknown."
    if hook.execution_policy is None:
        return Outcome.UNSPECIFIED, "Its executionPolicy is not one KubeStash knows."
    if role == _PRE:
        if _pre_policy_unknown(hook):
            return Outcome.UNSPECIFIED, f"{notes.PRE_POLICY.text} ({notes.PRE_POLICY.source})"
        return Outcome.RUNS, ""
    return _by_policy(hook.execution_policy, succeeded=True)


def _by_policy(policy: ExecutionPolicy, *, succeeded: bool) -> tuple[Outcome, str]:
    """Reference §4's executionPolicy table: whether a post hook runs after the tasks' outcome."""
    runs = policy is ExecutionPolicy.ALWAYS or (policy is ExecutionPolicy.ON_SUCCESS) == succeeded
    return (
        Outcome.RUNS if runs else Outcome.SKIPPED
    ), f"{notes.POLICIES[policy]} ({notes.SEED_004})"


def _fail(laid: dict[str, list[_Laid]], step_id: str) -> None:
    """Marks `step_id` failed and decides the later steps of its session."""
    for steps in laid.values():
        for at, entry in enumerate(steps):
            if entry.step.id == step_id:
                _refuse_unless_it_runs(entry)
                entry.step.outcome = Outcome.FAILS
                entry.step.reason = _failed_reason(entry)
                for later in steps[at + 1 :]:
                    if later.role != _PHASE:
                        later.step.outcome, later.step.reason = _after(later, entry)
                return
    valid = [
        entry.step.id
        for steps in laid.values()
        for entry in steps
        if entry.role != _PHASE and entry.step.outcome is Outcome.RUNS
    ]
    raise UnknownStep(
        f"no step {step_id!r} in this timeline can fail: choose one of {', '.join(valid)}"
    )


def _refuse_unless_it_runs(entry: _Laid) -> None:
    if entry.role == _PHASE:
        raise UnknownStep(
            f"{entry.step.id} is the session's final phase, which follows from the other steps: "
            "choose a hook or the tasks to fail"
        )
    if entry.step.outcome is not Outcome.RUNS:
        raise UnknownStep(
            f"step {entry.step.id} does not run when nothing fails ({entry.step.outcome}: "
            f"{entry.step.reason}), so it cannot be the one that fails"
        )


def _failed_reason(entry: _Laid) -> str:
    if entry.hook is None:
        return "The step chosen to fail."
    retried = f", after {entry.hook.max_retry} retries" if entry.hook.max_retry else ""
    return f"The step chosen to fail (every attempt failed{retried})."


def _after(later: _Laid, failed: _Laid) -> tuple[Outcome, str]:
    """What reference §4 and seed 004 make of `later` once `failed` has failed."""
    step = later.step
    if (
        later.hook is not None
        and step.outcome is Outcome.UNSPECIFIED
        and (later.role == _POST or failed.role != _PRE)
    ):
        return step.outcome, step.reason  # what made it unspecified still holds
    if failed.role == _PRE:
        if later.role in (_PRE, _TASKS):
            return Outcome.SKIPPED, f"{notes.PRE_FAILS} ({notes.SEED_004})"
        return Outcome.UNSPECIFIED, (
            f"The {step.hook} hooks run by executionPolicy after the process succeeded or "
            f"failed, but a failed pre hook skips the process itself: {notes.SEED_004} and the "
            "reference do not say whether post hooks run then."
        )
    if failed.role == _TASKS:
        return _by_policy(later.hook.execution_policy, succeeded=False)
    # A post hook failed: the process itself succeeded, so executionPolicy still reads success.
    if step.outcome is Outcome.SKIPPED:
        return step.outcome, step.reason
    return Outcome.UNSPECIFIED, (
        f"{notes.SEED_004} and the reference do not say whether the remaining {step.hook} hooks "
        "run after one of them fails."
    )


def _decide_phase(item: _Session, steps: list[_Laid]) -> None:
    phase = steps[-1].step
    failed = next((entry for entry in steps if entry.step.outcome is Outcome.FAILS), None)
    unknown = [e.step.id for e in steps[:-1] if e.step.outcome is Outcome.UNSPECIFIED]
    subject = f"{item.session_kind} of {item.label}"
    if failed is not None:
        phase.title = f"{subject} ends Failed"
        phase.reason = _failed_phase_reason(failed, item)
    elif unknown:
        phase.title = f"{subject} ends in a phase the objects read do not decide"
        phase.outcome = Outcome.UNSPECIFIED
        phase.reason = f"It depends on {', '.join(unknown)}, whose outcome is unspecified."
    else:
        phase.title = f"{subject} ends Succeeded"
        phase.reason = f"{notes.SUCCEEDED.text} ({notes.SUCCEEDED.source})"


def _failed_phase_reason(failed: _Laid, item: _Session) -> str:
    if failed.role == _PRE:
        return f"{notes.PRE_FAILS} ({notes.SEED_004}; {notes.REFERENCE_STEPS} row 1-fail)"
    if failed.role == _POST:
        anyway = notes.POST_FAILS_ANYWAY.replace("backup", item.operation)
        return f"{notes.POST_FAILS} {anyway} ({notes.SEED_004}; {notes.REFERENCE_STEPS} row 3-fail)"
    return f"The {item.operation} failed: {notes.SUCCEEDED.text} ({notes.SUCCEEDED.source})"


def _problems(inventory: KubeStashInventory, item: _Session) -> list[str]:
    return [
        f"{hook.position}: {problem}" if hook.position else problem
        for hook in item.pre + item.post
        if (problem := template_problem(inventory, hook, item.namespace))
    ]


def _pre_policy_unknown(hook: HookInfo) -> bool:
    return hook.execution_policy_written and hook.execution_policy not in (
        ExecutionPolicy.ALWAYS,
        None,
    )


def _whole_minutes(duration: str | None) -> int | None:
    if duration is None:
        return None
    seconds = duration_seconds(duration)
    return int(seconds // 60) if seconds > 0 and seconds % 60 == 0 else None
