"""The template variables a phase can read where it fires (seed 003, kasten-api.md §6)."""

from lifecycle.model import Action
from lifecycle.params import TYPED_PARAMS


def phase_variables(
    action: Action,
    index: int,
    *,
    subject_kind: str | None,
    artifacts_in: tuple[str, ...],
) -> tuple[str, ...]:
    """What the phase at `index` of `action` (its defer phase last) can read.

    `subject_kind` is the resource's kind for a resource-bound action, None for an action hook,
    whose subject is the namespace and which has no location profile (seed 002).
    """
    names = [".Namespace.Name"]
    if subject_kind is not None:
        typed = TYPED_PARAMS.get(subject_kind.lower())
        names += [f".{typed}.Name"] if typed and typed != "Namespace" else []
        names += [".Object", ".Profile"]
    names += [f".ArtifactsIn.{name}" for name in artifacts_in]
    names += [f".Phases.{phase.name}.Output" for phase in action.all_phases[:index]]
    names += [".ConfigMaps"] if action.config_map_names else []
    names += [".Secrets"] if action.secret_names else []
    return (*names, ".Options", ".Time")
