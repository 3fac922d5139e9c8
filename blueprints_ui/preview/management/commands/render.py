"""`manage.py render`: render a template (stdin) against a JSON context as Kanister would."""

import json
import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from lifecycle.gotemplate import jsondata
from lifecycle.gotemplate.kanister import MISSINGKEY_CHOICES, render

RENDER_FAILED = 1
UNREADABLE = 2


def read_context(path: str) -> object:
    try:
        return jsondata.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as error:
        raise CommandError(
            f"{path}: cannot read: {error.strerror}", returncode=UNREADABLE
        ) from None
    except (ValueError, UnicodeDecodeError) as error:
        raise CommandError(f"{path}: not a JSON context: {error}", returncode=UNREADABLE) from None


def answer(line: str) -> dict:
    """One line of the go-template-oracle protocol: a request in, an answer out."""
    try:
        request = json.loads(line)
        template = request["template"]
        context = jsondata.from_json(request.get("context"))
        missingkey = request.get("missingkey") or "error"
        if not isinstance(template, str) or missingkey not in MISSINGKEY_CHOICES:
            raise ValueError("template must be a string, missingkey error, zero or default")
    except (ValueError, KeyError, TypeError, AttributeError) as error:
        return {"error": f"bad request: {error}"}
    outcome = render(template, context, missingkey)
    if outcome.error is None:
        return {"output": outcome.output}
    if outcome.error.executing:
        return {"error": outcome.error.message, "partial": outcome.error.partial}
    return {"error": outcome.error.message}


class Command(BaseCommand):
    help = (
        "Render a template read on stdin as Kanister renders it (Go text/template, sprig v2.22.0)."
        " Exit 1 with line:column: message on stderr when it fails."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--context",
            help='the data, as JSON; Secret bytes as {"$bytes": "<base64>"} (default: none)',
        )
        parser.add_argument(
            "--missingkey",
            choices=MISSINGKEY_CHOICES,
            default="error",
            help="what a missing map key does (default error, as in Kanister)",
        )
        parser.add_argument(
            "--batch",
            action="store_true",
            help="read go-template-oracle requests (JSON lines) on stdin, answer one per line",
        )

    def handle(self, *args, context, missingkey, batch, **options):
        if batch:
            for line in sys.stdin:
                if line.strip():
                    self.stdout.write(json.dumps(answer(line)))
            return
        data = read_context(context) if context is not None else None
        outcome = render(sys.stdin.read(), data, missingkey)
        if outcome.error is not None:
            error = outcome.error
            self.stderr.write(f"{error.line}:{error.column}: {error.reason}")
            sys.exit(RENDER_FAILED)
        self.stdout.write(outcome.output, ending="")
