"""What a lint run assumes: the profile (Kasten or standalone Kanister) and the Kasten version."""

import enum
import re
from dataclasses import dataclass


class Profile(enum.StrEnum):
    KASTEN = "kasten"  # Kasten's behaviour from the seeds: reserved names, phase-level objects
    KANISTER = "kanister"  # standalone Kanister: any action name, action-level objects allowed


# The seeds describe Kasten 8.5 / 9.0.8; newer releases are opted into by version.
DEFAULT_KASTEN_VERSION = "8.5"
_VERSION = re.compile(r"^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?$")


def parse_kasten_version(text: str) -> tuple[int, int, int]:
    """`9.0.10` -> (9, 0, 10); raises ValueError naming the expected form."""
    match = _VERSION.match(text.strip())
    if not match:
        raise ValueError(f"Kasten version {text!r} is not of the form 8.5 or 9.0.10")
    return tuple(int(part or 0) for part in match.groups())  # type: ignore[return-value]


@dataclass(frozen=True, slots=True)
class Options:
    profile: Profile = Profile.KASTEN
    kasten_version: str = DEFAULT_KASTEN_VERSION

    @property
    def kasten(self) -> bool:
        return self.profile is Profile.KASTEN

    @property
    def version(self) -> tuple[int, int, int]:
        return parse_kasten_version(self.kasten_version)
