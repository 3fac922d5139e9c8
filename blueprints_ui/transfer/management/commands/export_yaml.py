from pathlib import Path

from django.core.management.base import BaseCommand

from blueprints_ui.transfer.exporting import export_stream, exported_objects, file_name
from blueprints_ui.transfer.stores import KIND_NAMES


def write_tree(objects, out: Path) -> int:
    """One file per object, holding its stored source exactly."""
    count = 0
    for obj in objects:
        path = out / file_name(obj)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(obj.source, encoding="utf-8")
        count += 1
    return count


class Command(BaseCommand):
    help = "Export stored objects as YAML for kubectl apply (one stream, or one file per object)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--kind", action="append", choices=sorted(KIND_NAMES), help="repeatable"
        )
        parser.add_argument("--out", type=Path, help="write one file per object under this folder")

    def handle(self, *args, kind, out, **options):
        objects = exported_objects([KIND_NAMES[k] for k in kind] if kind else None)
        if out is None:
            self.stdout.write(export_stream(objects), ending="")
            return None
        count = write_tree(objects, out)
        return f"Exported {count} object(s) to {out}"
