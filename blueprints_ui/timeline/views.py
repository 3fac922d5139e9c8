"""The timeline page: one namespace's operation as a swimlane picture, its steps, its SVG."""

from dataclasses import dataclass, field

from django.http import HttpResponse
from django.template.loader import render_to_string
from django.views.decorators.http import require_GET

from blueprints_ui.core.htmx import render_page
from blueprints_ui.kubestash.inventory import stored_inventory as stored_kubestash
from blueprints_ui.timeline.drawing import Box, Drawing, draw
from blueprints_ui.timeline.loading import stored_inventory
from blueprints_ui.timeline.picking import (
    Choice,
    Links,
    operations,
    read_choice,
)
from blueprints_ui.timeline.reporting import KUBESTASH_OPERATIONS, stored_report
from lifecycle.kinds import KASTEN_NAMESPACE
from lifecycle.kubestash import KubeStashInventory
from lifecycle.operations import operation
from lifecycle.timeline.model import Inventory, Refused, Report

PAGE, FRAGMENT, DETAILS = (
    "timeline/timeline_page.html",
    "timeline/_timeline.html",
    "timeline/_step.html",
)


@dataclass(slots=True)
class Shown:
    """What a request asked for and what it gives: the report and its pictures, or why not."""

    inventory: Inventory
    kubestash: KubeStashInventory
    choice: Choice | None = None
    report: Report | None = None
    drawings: list[Drawing] = field(default_factory=list)
    error: Refused | None = None

    @property
    def status(self) -> int:
        return 400 if self.error else 200

    def box(self, step_id: str | None) -> Box | None:
        boxes = (drawing.box(step_id) for drawing in self.drawings) if step_id else ()
        return next((box for box in boxes if box), None)


@require_GET
def timeline_page(request):
    """The picture with its pickers; `step=` opens a step's details beside it. htmx gets the
    part below the heading. A parameter the page cannot use answers 400 naming it."""
    shown = _show(request)
    return render_page(request, PAGE, FRAGMENT, _context(shown), shown.status)


@require_GET
def timeline_step(request):
    """The details of step `step=` (the htmx side panel); the full page without htmx."""
    shown = _show(request)
    if not shown.error and shown.box(shown.choice.step) is None:
        step = request.GET.get("step", "")
        shown.error = Refused("step", f"no step {step!r} in this timeline")
    if shown.error:
        return render_page(request, PAGE, FRAGMENT, _context(shown), 400)
    return render_page(request, PAGE, DETAILS, _context(shown))


@require_GET
def timeline_download(request):
    """The same pictures as one standalone SVG file."""
    shown = _show(request)
    if shown.error or not shown.drawings:
        status = 400 if shown.error else 404
        return render_page(request, PAGE, FRAGMENT, _context(shown), status)
    svg = render_to_string("timeline/download.svg", _pictures(shown, links=None))
    response = HttpResponse(svg, content_type="image/svg+xml; charset=utf-8")
    filename = f"timeline-{shown.report.operation}-{shown.choice.namespace}.svg"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _show(request) -> Shown:
    shown = Shown(stored_inventory(), stored_kubestash()[0])
    try:
        shown.choice = choice = read_choice(request.GET, shown.inventory, shown.kubestash)
        if choice.namespace is None:
            return shown
        shown.report = stored_report(
            choice.operation,
            shown.inventory,
            shown.kubestash,
            policy=choice.policy,
            namespace=choice.namespace,
            fail=choice.fail,
            kasten_version=choice.kasten_version,
        )
    except Refused as error:
        shown.error = error
    else:
        shown.drawings = [draw(timeline, choice.expand) for timeline in shown.report.timelines]
    return shown


def _context(shown: Shown) -> dict:
    choice = shown.choice
    kubestash = choice is not None and choice.operation in KUBESTASH_OPERATIONS
    steps = (
        [step for timeline in shown.report.timelines for step in timeline.steps]
        if shown.report
        else []
    )
    return {
        "inventory": shown.inventory,
        "choice": choice,
        "report": shown.report,
        "error": shown.error,
        "operations": operations(shown.kubestash),
        "kubestash": kubestash,
        # Export runs no resource-bound blueprint, so its lanes are empty whatever is bound.
        "resource_actions": not kubestash
        and choice
        and operation(choice.operation).resource_actions,
        "box": shown.box(choice.step) if choice else None,
        "steps": {step.id: step for step in steps},
        "kasten_namespace": KASTEN_NAMESPACE,
        **_pictures(shown, Links(choice) if choice else None),
    }


def _pictures(shown: Shown, links: Links | None) -> dict:
    return {
        "drawings": shown.drawings,
        "operation": shown.report.operation if shown.report else "",
        "failed": shown.report.failed if shown.report else None,
        "links": links,
        "selected": shown.choice.step if shown.choice else None,
    }
