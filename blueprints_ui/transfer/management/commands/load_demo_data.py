from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from blueprints_ui.transfer.importing import import_sources

DEMO_DIR = Path(__file__).resolve().parents[2] / "demo"


def demo_sources() -> list[tuple[str, str]]:
    return [
        (f"demo/{p.name}", p.read_text(encoding="utf-8")) for p in sorted(DEMO_DIR.glob("*.yaml"))
    ]


class Command(BaseCommand):
    help = "Load the demo blueprints, bindings, policy and inventory (safe to run again)."

    def handle(self, *args, **options):
        report = import_sources(demo_sources(), message="Demo data")
        if report.errors:
            raise CommandError("\n".join(map(str, report.errors)))
        return f"Demo data: {report.summary()}"
