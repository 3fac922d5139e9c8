"""The timeline page: one namespace's operation as a swimlane picture, its steps, its SVG."""

from dataclasses import dataclass

from django.http import HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.cache import patch_vary_headers
from django.views.decorators.http import require_GET

from blueprints_ui.core.htmx import render_page
from blueprints_ui.timeline.drawing import Drawing, draw
from blueprints_ui.timeline.loading import stored_inventory, stored_timeouts
from blueprints_ui.timeline.picking import BadParameter, Choice, Links, read_choice
from lifecycle.kinds import KASTEN_NAMESPACE
from lifecycle.operations import OPERATIONS
from lifecycle.timeline import UnknownStep, compute
from lifecycle.timeline.model import Inventory, Report

PAGE, FRAGMENT, DETAILS = (
    "timeline/timeline_page.html",
    "timeline/_timeline.html",
    "timeline/_step.html",
)


@dataclass(slots=True)
class Shown:
    """What a request asked for and what it gives: the report and its picture, or why not."""

    inventory: Inventory
    choice: Choice | None = None
    report: Report | None = None
    drawing: Drawing | None = None
    error: BadParameter | None = None

    @property
    def status(self) -> int:
        return 400 if self.error else 200


@require_GET
def timeline_page(request):
    """The picture with its pickers; `step=` opens a step's details beside it. htmx gets the
    part below the heading. A parameter the page cannot use answers 400 naming it."""
    shown = _show(request)
    return render_page(request, PAGE, FRAGMENT, _context(request, shown), shown.status)


@require_GET
def timeline_step(request):
    """The details of step `step=` (the htmx side panel); the full page without htmx."""
    shown = _show(request)
    context = _context(request, shown)
    if shown.error or context["box"] is None:
        if not shown.error:
            shown.error = BadParameter(
                "step", f"no step {request.GET.get('step', '')!r} in this timeline"
            )
            context["error"] = shown.error
        return render_page(request, PAGE, FRAGMENT, context, 400)
    return render_page(request, PAGE, DETAILS, context)


@require_GET
def timeline_download(request):
    """The same picture as a standalone SVG file."""
    shown = _show(request)
    if shown.error or shown.drawing is None:
        context = _context(request, shown)
        response = render(request, PAGE, context, status=shown.status if shown.error else 404)
        patch_vary_headers(response, ["HX-Request"])
        return response
    svg = render_to_string("timeline/picture.svg", _picture(shown, links=None, selected=None))
    response = HttpResponse(svg, content_type="image/svg+xml; charset=utf-8")
    filename = f"timeline-{shown.report.operation}-{shown.drawing.namespace}.svg"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _show(request) -> Shown:
    choice = None
    inventory = stored_inventory()
    try:
        choice = read_choice(request.GET, inventory)
        if choice.namespace is None:
            return Shown(inventory, choice)
        report = compute(
            inventory,
            choice.operation,
            policy=choice.policy,
            namespace=choice.namespace,
            fail=choice.fail,
            kasten_version=choice.kasten_version,
            timeouts=stored_timeouts(),
        )
    except UnknownStep as error:
        return Shown(inventory, choice, error=BadParameter("fail", str(error)))
    except BadParameter as error:
        return Shown(inventory, choice, error=error)
    except ValueError as error:  # what compute refuses that the choice did not check
        return Shown(inventory, choice, error=BadParameter("query", str(error)))
    return Shown(inventory, choice, report, draw(report.timelines[0], choice.expand))


def _context(request, shown: Shown) -> dict:
    choice = shown.choice
    links = Links(choice) if choice else None
    box = shown.drawing.box(choice.step) if shown.drawing and choice.step else None
    return {
        "inventory": shown.inventory,
        "choice": choice,
        "report": shown.report,
        "timeline": shown.report.timelines[0] if shown.report else None,
        "error": shown.error,
        "operations": OPERATIONS,
        "box": box,
        "steps": {step.id: step for step in shown.report.timelines[0].steps}
        if shown.report
        else {},
        "kasten_namespace": KASTEN_NAMESPACE,
        **(
            _picture(shown, links, choice.step)
            if shown.drawing
            else {"links": links, "drawing": None}
        ),
    }


def _picture(shown: Shown, links: Links | None, selected: str | None) -> dict:
    return {
        "drawing": shown.drawing,
        "operation": shown.report.operation,
        "failed": shown.report.failed,
        "links": links,
        "selected": selected,
    }
