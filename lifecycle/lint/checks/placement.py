"""Placement hazards from the seeds (BP030-BP035)."""

from lifecycle.lint.options import Options
from lifecycle.lint.report import Reporter
from lifecycle.model import Blueprint


def check(blueprint: Blueprint, report: Reporter, options: Options) -> None:
    pass
