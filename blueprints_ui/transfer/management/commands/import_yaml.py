import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from blueprints_ui.transfer.importing import import_sources

YAML_SUFFIXES = (".yaml", ".yml")


def read_sources(paths: list[str]) -> list[tuple[str, str]]:
    """(name, text) for each file, directories searched for *.yaml and *.yml, `-` for stdin."""
    sources = []
    for raw in paths:
        if raw == "-":
            sources.append(("<stdin>", sys.stdin.read()))
            continue
        path = Path(raw)
        files = (
            sorted(p for p in path.rglob("*") if p.suffix in YAML_SUFFIXES)
            if path.is_dir()
            else [path]
        )
        for file in files:
            try:
                sources.append((str(file), file.read_text(encoding="utf-8")))
            except (OSError, UnicodeDecodeError) as exc:
                raise CommandError(f"{file}: cannot read: {exc}") from None
    return sources


class Command(BaseCommand):
    help = "Import blueprints, bindings, policies and workload manifests from multi-document YAML."

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", help="files, directories, or - for standard input")
        parser.add_argument(
            "--partial", action="store_true", help="keep the good documents when others have errors"
        )
        parser.add_argument("--message", default="", help="revision message for changed blueprints")

    def handle(self, *args, paths, partial, message, **options):
        report = import_sources(read_sources(paths), message=message, partial=partial)
        for problem in report.skipped:
            self.stderr.write(str(problem))
        for problem in report.errors:
            self.stderr.write(str(problem))
        if report.errors:
            raise CommandError(report.summary())
        return report.summary()
