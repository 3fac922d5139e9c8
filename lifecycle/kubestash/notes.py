"""What seed 004 and the KubeStash reference say, as the notes and reasons a timeline shows."""

from lifecycle.kubestash.model import ActionType, ExecutionPolicy, ExecutorType
from lifecycle.timeline.model import Source

SEED_004 = "004_d0a5d8548fc557f5.txt"
REFERENCE_HOOKINFO = "reference/kubestash-hooks.md §3"
REFERENCE_STEPS = "reference/kubestash-hooks.md §4"
REFERENCE_EXECUTORS = "reference/kubestash-hooks.md §6"

OPERATION = Source(
    SEED_004,
    "KubeStash supports executing custom commands before and after backup or restore "
    "process. This is called hook in KubeStash.",
)
SLOTS = {
    "preBackup": "PreBackup Hook specifies the hook that will be executed before backup.",
    "postBackup": "PostBackup Hook specifies the hook that will be executed after backup.",
    "preRestore": "PreRestore Hook specifies the hook that will be executed before restore.",
    "postRestore": "PostRestore Hook specifies the hook that will be executed after restore.",
}
PRE_FAILS = (
    "If a preBackup or preRestore hook fails to execute, the rest of the backup/restore process "
    "will be skipped and the respective BackupSession/RestoreSession will be marked as Failed."
)
POST_FAILS = (
    "If the postBackup or postRestore hook fails, the respective BackupSession or RestoreSession "
    "will be marked as Failed."
)
POLICIES = {
    ExecutionPolicy.ALWAYS: "Always: The hook will be executed after the backup/restore process "
    "regardless of whether the backup/restore has failed or succeeded. This is the default "
    "behavior.",
    ExecutionPolicy.ON_SUCCESS: "OnSuccess: The hook will be executed after the backup/restore "
    "process only if the backup/restore has succeeded.",
    ExecutionPolicy.ON_FAILURE: "OnFailure: The hook will be executed after the backup/restore "
    "process only if the backup/restore has failed.",
}
ACTIONS = {
    ActionType.EXEC: "Exec: Executes commands inside a targeted container before/after the "
    "backup/restore process. The hook is considered successful if the command executes with "
    "exit code 0.",
    ActionType.HTTP_GET: "HTTPGet: Executes an HTTP GET request before/after the backup/restore "
    "process. The hook is considered successful if the return code is between 200 and 400.",
    ActionType.HTTP_POST: "HTTPPost: Executes an HTTP POST request before/after the "
    "backup/restore process. Like HTTPGet, the hook is considered successful if the return code "
    "is between 200 and 400.",
    ActionType.TCP_SOCKET: "TCPSocket: Performs a TCP check against the provided URL on a "
    "specific port before/after the backup/restore process. The hook is considered successful "
    "if the targeted port is open.",
}
EXECUTORS = {
    ExecutorType.POD: "Pod Executor Hook: In pod executor hook, the hook is executed by the "
    "selected Pod(s).",
    ExecutorType.OPERATOR: "Operator Executor Hook: In operator executor hook, the hook is "
    "executed by the KubeStash operator.",
    ExecutorType.FUNCTION: "Function Executor Hook: In function executor hook, the hook is "
    "executed by a Job.",
}
TASKS = {
    "backup": "Step 2: backup tasks (addon jobs), after the preBackup hooks.",
    "restore": "Step 2: restore tasks, after the preRestore hooks.",
}
SUCCEEDED = Source(
    REFERENCE_STEPS,
    "Succeeded requires all snapshots/components and the post hooks to succeed.",
)
POST_FAILS_ANYWAY = "(even if data backup succeeded)"

LIST_ORDER = Source(
    f"assumption: {REFERENCE_STEPS} — the order of several hooks in one list is UNKNOWN "
    "(not documented)",
    "Shown in list order, one after another.",
)
PRE_POLICY = Source(
    f"assumption: {REFERENCE_STEPS} — whether executionPolicy is evaluated for pre hooks is "
    "UNKNOWN (documented only for post hooks)",
    "A pre hook that sets OnSuccess or OnFailure is shown with an unspecified outcome.",
)
POD_NAMESPACE = Source(
    f"assumption: {REFERENCE_EXECUTORS} — the namespace searched for the executor pods is UNKNOWN",
    "Presumably the namespace of the BackupConfiguration/RestoreSession.",
)
NO_TIMEOUT = Source(
    f"assumption: {REFERENCE_HOOKINFO} — whether the operator applies a default hook timeout is "
    "UNKNOWN",
    "No timeout is set and the API type has no default, so none is shown.",
)


def retries(max_retry: int, timeout: str | None) -> Source:
    attempts = (
        "no retry (maxRetry 0)"
        if not max_retry
        else f"up to {max_retry} re-execution(s) (maxRetry)"
    )
    limit = f"; each attempt running longer than {timeout} counts as failed" if timeout else ""
    return Source(REFERENCE_HOOKINFO, f"After a failed attempt: {attempts}{limit}.")


def template_namespace(kind: str, namespace: str) -> Source:
    return Source(
        f"assumption: {REFERENCE_HOOKINFO} — hookTemplate.namespace is not set and the reference "
        "does not say which namespace is meant",
        f"Taken as the {kind}'s namespace, {namespace}.",
    )


def session_timeout(field: str, duration: str) -> Source:
    return Source(REFERENCE_HOOKINFO, f"{field} {duration} bounds the work itself, not a hook.")
