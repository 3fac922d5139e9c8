"""Template scoping and syntax (BP018, BP040-BP056)."""

from lifecycle.lint.options import Options
from lifecycle.lint.report import Reporter
from lifecycle.model import Blueprint


def check(blueprint: Blueprint, report: Reporter, options: Options) -> None:
    pass
