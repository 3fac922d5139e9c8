"""`manage.py lint`: read files, directories or stdin, lint them together, print the findings."""

import argparse
import json
import sys
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from lifecycle.lint import FileReport, Options, Profile, lint_files, summarize
from lifecycle.lint.formats import as_json, as_sarif, as_text
from lifecycle.lint.options import parse_kasten_version

YAML_SUFFIXES = (".yaml", ".yml")
STDIN = "<stdin>"
# Exit statuses: 1 when the linter found errors, 2 when the input could not be read (argparse
# uses 2 for bad usage too), so a CI step can tell broken blueprints from a broken call.
FOUND_ERRORS = 1
UNREADABLE = 2


def kasten_version(text: str) -> str:
    """--kasten-version as given, or an argparse error (exit 2) naming the expected form."""
    try:
        parse_kasten_version(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None
    return text.strip()


def decode(name: str, data: bytes) -> str:
    """The text of a file, line ends as Path.read_text gives them; CommandError if not UTF-8."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise CommandError(
            f"{name}:{line}: not UTF-8 text (byte 0x{data[error.start]:02x}): save it as UTF-8",
            returncode=UNREADABLE,
        ) from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read_sources(paths: list[str]) -> list[tuple[str, str]]:
    """(path, text) per file, directories searched for *.yaml and *.yml outside hidden folders,
    `-` for stdin."""
    sources, seen = [], set()
    for raw in paths:
        if raw == "-":
            sources.append((STDIN, decode(STDIN, sys.stdin.buffer.read())))
            continue
        path = Path(raw)
        files = [path]
        if path.is_dir():
            files = sorted(
                p
                for p in path.rglob("*")
                if p.suffix in YAML_SUFFIXES
                and p.is_file()
                # .git, .venv and the like hold YAML that is nobody's blueprint.
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
            if not files:
                raise CommandError(f"{path}: no .yaml or .yml file in it", returncode=UNREADABLE)
        for file in files:
            if file.resolve() in seen:  # named twice, or inside a directory also named
                continue
            seen.add(file.resolve())
            try:
                data = file.read_bytes()
            except OSError as error:
                raise CommandError(
                    f"{file}: cannot read: {error.strerror}", returncode=UNREADABLE
                ) from None
            sources.append((str(file), decode(str(file), data)))
    return sources


def render(reports: list[FileReport], output_format: str) -> str:
    if output_format == "text":
        return as_text(reports)
    document = as_json(reports) if output_format == "json" else as_sarif(reports)
    return json.dumps(document, indent=2) + "\n"


def summary(reports: list[FileReport]) -> str:
    counts = summarize(reports)
    files = f"{len(reports)} file{'s' if len(reports) != 1 else ''}"
    found = ", ".join(
        f"{counts[key]} {noun}{'s' if counts[key] != 1 else ''}"
        for key, noun in (("errors", "error"), ("warnings", "warning"), ("infos", "info"))
    )
    return f"{files} checked: {found}"


class Command(BaseCommand):
    help = "Lint blueprints (with their bindings, policies and workloads); exit 1 on errors."

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", help="files, directories, or - for standard input")
        parser.add_argument(
            "--format",
            dest="output_format",
            choices=("text", "json", "sarif"),
            default="text",
            help="text lines (default), JSON, or SARIF 2.1.0 for code scanning",
        )
        parser.add_argument(
            "--profile",
            choices=[profile.value for profile in Profile],
            default=settings.LINT_PROFILE,
            help=f"kasten or standalone kanister rules (default {settings.LINT_PROFILE})",
        )
        parser.add_argument(
            "--kasten-version",
            type=kasten_version,
            default=settings.KASTEN_VERSION,
            help=f"the Kasten release to check against (default {settings.KASTEN_VERSION})",
        )

    def handle(self, *args, paths, output_format, profile, kasten_version, **options):
        reports = lint_files(read_sources(paths), Options(Profile(profile), kasten_version))
        self.stdout.write(render(reports, output_format), ending="")
        # The summary goes where it cannot spoil a JSON or SARIF document piped to a file.
        (self.stdout if output_format == "text" else self.stderr).write(summary(reports))
        if summarize(reports)["errors"]:
            sys.exit(FOUND_ERRORS)
