"""`manage.py timeline`: read files and print where every hook and action fires in an operation."""

import argparse
import json

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from blueprints_ui.lint.management.commands.lint import UNREADABLE, kasten_version, read_sources
from blueprints_ui.timeline.models import default_timeouts, timeout_problem
from blueprints_ui.timeline.reporting import KUBESTASH_OPERATIONS
from lifecycle import kubestash
from lifecycle.kinds import Category
from lifecycle.operations import OPERATIONS
from lifecycle.timeline import compute
from lifecycle.timeline.documents import inventory_of, read_manifests
from lifecycle.timeline.model import Report
from lifecycle.timeline.output import as_json, as_text

KUBESTASH_SESSIONS = (Category.BACKUP_CONFIGURATION, Category.RESTORE_SESSION)
KASTEN_OBJECTS = (Category.BLUEPRINT, Category.BINDING, Category.POLICY)


def timeout_option(text: str) -> tuple[str, int]:
    """--timeout NAME=MINUTES, or an argparse error (exit 2) saying what was expected."""
    setting, equals, minutes = text.partition("=")
    if not equals:
        raise argparse.ArgumentTypeError(f"expected NAME=MINUTES, found {text!r}")
    setting = setting.strip()
    try:
        value: object = int(minutes)
    except ValueError:
        value = minutes.strip()
    if problem := timeout_problem(setting, value):
        raise argparse.ArgumentTypeError(f"{setting}: {problem}")
    return setting, value


def timeline_report(
    paths: list[str], operation: str, timeouts: dict[str, int], warn, **choices
) -> Report:
    """The report of the files, or a CommandError (exit 2) for unreadable input or a bad choice.
    `warn` gets what is wrong in KubeStash objects that still leaves a timeline to show."""
    manifests, errors = read_manifests(read_sources(paths))
    if errors:
        raise CommandError("cannot read the input:\n" + "\n".join(errors), returncode=UNREADABLE)
    try:
        if _kubestash_view(manifests, operation):
            return kubestash_report(manifests, operation, warn, **choices)
        return compute(inventory_of(manifests), operation, timeouts=timeouts, **choices)
    except ValueError as error:  # UnknownStep and UnknownSession are ones too
        raise CommandError(str(error), returncode=UNREADABLE) from None


def _kubestash_view(manifests, operation: str) -> bool:
    """Asked for by name, or files holding KubeStash sessions and no Kasten objects."""
    if operation in KUBESTASH_OPERATIONS:
        return True
    categories = {manifest.category for manifest in manifests}
    return bool(categories & set(KUBESTASH_SESSIONS)) and not categories & set(KASTEN_OBJECTS)


def kubestash_report(manifests, operation: str, warn, *, policy, namespace, fail, **_) -> Report:
    if policy is not None:
        raise ValueError(
            f"--policy {policy}: the files hold KubeStash sessions, which no Kasten policy runs"
        )
    inventory, problems = kubestash.read_inventory(manifests)
    for problem in problems:
        warn(str(problem))
    return kubestash.timeline(inventory, namespace=namespace, fail=fail, operation=operation)


class Command(BaseCommand):
    help = (
        "Show where every hook, blueprint action and defer phase fires in a Kasten operation, "
        "for the blueprints, bindings, policies and workloads in the files (or, when they hold "
        "a KubeStash BackupConfiguration or RestoreSession, its sessions' hooks)."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", help="files, directories, or - for standard input")
        parser.add_argument(
            "--operation",
            required=True,
            choices=OPERATIONS + KUBESTASH_OPERATIONS,
            help="Kasten's operation; files with KubeStash sessions and no Kasten objects show "
            "KubeStash's (or name it: kubestash-backup, kubestash-restore)",
        )
        parser.add_argument("--policy", help="the policy whose namespaces and hooks to show")
        parser.add_argument("--namespace", help="only this namespace's timeline")
        parser.add_argument("--fail", metavar="STEP_ID", help="the id of the step that fails")
        parser.add_argument(
            "--kasten-version",
            type=kasten_version,
            default=settings.KASTEN_VERSION,
            help=f"the Kasten release whose lifecycle to show (default {settings.KASTEN_VERSION})",
        )
        parser.add_argument(
            "--timeout",
            type=timeout_option,
            action="append",
            default=[],
            metavar="NAME=MINUTES",
            help="a Helm timeout to use instead of its default, e.g. timeout.blueprintBackup=90; "
            f"the settings: {', '.join(default_timeouts())}",
        )
        parser.add_argument(
            "--format",
            dest="output_format",
            choices=("text", "json"),
            default="text",
            help="aligned text (default) or JSON",
        )

    def handle(self, *args, paths, output_format, timeout, **options):
        choices = {key: options[key] for key in ("policy", "namespace", "fail", "kasten_version")}
        report = timeline_report(
            paths, options["operation"], dict(timeout), self.stderr.write, **choices
        )
        if output_format == "json":
            self.stdout.write(json.dumps(as_json(report), indent=2))
        else:
            self.stdout.write(as_text(report), ending="")
