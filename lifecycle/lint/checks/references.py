"""Rules across objects: hooks, bindings and annotations against blueprints (BP060-BP065)."""

from lifecycle.lint.options import Options
from lifecycle.lint.workspace import Workspace


def check(workspace: Workspace, options: Options) -> None:
    pass
