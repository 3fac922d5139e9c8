"""Where each step of one namespace's timeline sits in the swimlane picture: lanes, columns, boxes
and artifact arrows, in pixels. Pure geometry; the SVG markup is the Jinja template's job."""

import re
from collections import defaultdict
from dataclasses import dataclass, field

from lifecycle.operations import Kind, Outcome
from lifecycle.timeline.model import ArtifactIn, Lane, Step, Timeline

GUTTER = 236  # the lane labels
HEADER = 34  # the step labels above the columns
COLUMN = 186
BOX_WIDTH = 172
BOX_HEIGHT = 68
ROW = 104  # a box with room for its "in:" caption above and "out:" caption below
PAD = 18  # above a box, for its incoming-artifact caption
LEGEND = 84
LEGEND_WIDTH = 900  # its longest line: a narrower picture would cut it off
EXPAND_ALL = "all"
# Characters a box line holds at the template's font size: longer text is cut with an ellipsis.
LINE_CHARS = 25
GUTTER_CHARS = 36


@dataclass(frozen=True, slots=True)
class Box:
    step: Step
    x: int
    y: int
    members: tuple[str, ...]  # the ids of every identical step this box stands for
    lines: tuple[str, ...]  # what the box says, at most four short lines
    bold: int  # how many of them name the blueprint and action
    inputs: tuple[ArtifactIn, ...] = ()  # artifacts from outside the timeline: a restore point


@dataclass(frozen=True, slots=True)
class Arrow:
    name: str  # the artifacts it carries, comma-separated
    path: str  # SVG path data
    label_x: int
    label_y: int
    # False when the step that outputs them fails or is skipped: Kanister renders an action's
    # outputArtifacts only once all its phases succeed, so the readers find nothing.
    produced: bool = True


@dataclass(slots=True)
class Row:
    """One lane of the picture: the namespace, one resource, or a group of identical ones."""

    title: str
    subtitle: tuple[str, ...]
    y: int = 0
    height: int = ROW
    lanes: tuple[Lane, ...] = ()
    group: str = ""  # the expand key; "" for the namespace lane and lone resources
    expanded: bool = False
    steps: list[Step] = field(default_factory=list)

    @property
    def resources(self) -> list[str]:
        return [lane.resource for lane in self.lanes]


@dataclass(frozen=True, slots=True)
class Column:
    label: str
    x: int
    width: int


@dataclass(slots=True)
class Drawing:
    namespace: str
    width: int
    height: int
    columns: list[Column]
    rows: list[Row]
    boxes: list[Box]
    arrows: list[Arrow]
    box_width = BOX_WIDTH
    box_height = BOX_HEIGHT

    @property
    def full_height(self) -> int:
        """With the legend below the lanes."""
        return self.height + LEGEND

    def box(self, step_id: str) -> Box | None:
        """The box showing a step, whether it is drawn itself or stands in a group."""
        return next((box for box in self.boxes if step_id in box.members), None)


def group_key(lane: Lane) -> str:
    """The `expand` value naming a group of identical lanes; Kubernetes names hold no colon."""
    return ":".join(lane.group)


def draw(timeline: Timeline, expand: frozenset[str] = frozenset()) -> Drawing:
    """Lays out the namespace lane on top and one lane per resource below it, identical resources
    in one lane unless their group is in `expand` (or `expand` holds "all")."""
    rows = [_namespace_row(timeline), *_resource_rows(timeline, expand)]
    labels = _labels(timeline.steps)
    widths = {label: 1 for label in labels}
    for row in rows:
        for label, lines in _sublanes(row.steps).items():
            widths[label] = max(widths[label], *(len(steps) for steps in lines.values()))
        row.height = ROW * max((len(lines) for lines in _sublanes(row.steps).values()), default=1)
    columns, x = [], GUTTER
    for label in labels:
        columns.append(Column(label, x, widths[label] * COLUMN))
        x += widths[label] * COLUMN
    starts = {column.label: column.x for column in columns}
    ids = {step.id for step in timeline.steps}
    boxes, y = [], HEADER
    for row in rows:
        row.y = y
        for label, lines in _sublanes(row.steps).items():
            for line, steps in enumerate(lines.values()):
                for at, step in enumerate(steps):
                    left, top = starts[label] + at * COLUMN + 8, y + line * ROW + PAD
                    outside = tuple(a for a in step.artifacts_in if a.source not in ids)
                    boxes.append(Box(step, left, top, _members(row, step), *_lines(step), outside))
        y += row.height
    width = max(x + 8, GUTTER + COLUMN + 8, LEGEND_WIDTH)
    return Drawing(timeline.namespace, width, y + 8, columns, rows, boxes, _arrows(boxes))


def _labels(steps: list[Step]) -> list[str]:
    """The step labels in the order time runs. The steps come lane by lane, so the first
    resource may go straight to 4b before another's 4a: the seeds' labels ("4", "4a", "4b")
    are ordered by their number, then their letter."""
    seen = list(dict.fromkeys(step.step for step in steps))

    def key(label: str) -> tuple[int, str]:
        number = re.match(r"\d+", label)
        return (int(number.group()), label) if number else (len(seen), label)

    return sorted(seen, key=key)


def _namespace_row(timeline: Timeline) -> Row:
    steps = [step for step in timeline.steps if step.resource is None]
    subtitle = ("the steps of the namespace", "and its hooks")
    return Row(f"Namespace {timeline.namespace}", subtitle, steps=steps)


def _resource_rows(timeline: Timeline, expand: frozenset[str]) -> list[Row]:
    """Lanes of the same kind, blueprint and binding whose steps have the same outcomes share a
    row: a failure injected in one of them draws it apart from the others."""
    steps_of: dict[str, list[Step]] = defaultdict(list)
    for step in timeline.steps:
        if step.resource is not None:
            steps_of[step.resource].append(step)
    groups: dict[tuple, list[Lane]] = {}
    for lane in timeline.lanes:
        outcomes = tuple((s.step, s.kind, s.phase, s.outcome) for s in steps_of[lane.resource])
        groups.setdefault((lane.group, outcomes), []).append(lane)
    rows = []
    for lanes in groups.values():
        key = group_key(lanes[0])
        expanded = len(lanes) > 1 and (EXPAND_ALL in expand or key in expand)
        for part in [[lane] for lane in lanes] if expanded else [lanes]:
            rows.append(
                Row(
                    _title(part),
                    _via(part[0]),
                    lanes=tuple(part),
                    group=key if len(lanes) > 1 else "",
                    expanded=expanded,
                    steps=steps_of[part[0].resource],
                )
            )
    return rows


def _title(lanes: list[Lane]) -> str:
    first = lanes[0]
    if len(lanes) > 1:
        return f"{first.kind} × {len(lanes)}"  # noqa: RUF001 - the multiplication sign is meant
    return f"{first.kind} {first.resource.rsplit('/', 1)[-1]}"


def _via(lane: Lane) -> tuple[str, str]:
    how = "annotation" if lane.via == "annotation" else f"binding {lane.via.split('/', 1)[-1]}"
    return _cut(f"blueprint {lane.blueprint}", GUTTER_CHARS), _cut(f"via {how}", GUTTER_CHARS)


def _sublanes(steps: list[Step]) -> dict[str, dict[str | None, list[Step]]]:
    """Steps by seed label, then by hook: a policy's onSuccess and onFailure share step 4 of
    export, so they are drawn one above the other as the alternatives they are."""
    found: dict[str, dict[str | None, list[Step]]] = defaultdict(lambda: defaultdict(list))
    for step in steps:
        found[step.step][step.hook].append(step)
    return found


def _members(row: Row, step: Step) -> tuple[str, ...]:
    if len(row.lanes) < 2:
        return (step.id,)
    first = row.lanes[0].resource
    # Step ids embed the resource, so the other lanes' ids are the same with theirs.
    return tuple(step.id.replace(first, lane.resource, 1) for lane in row.lanes)


def _lines(step: Step) -> tuple[tuple[str, ...], int]:
    timeout = f" · {step.timeout_minutes} min" if step.timeout_minutes else ""
    if step.kind in (Kind.INTERNAL, Kind.SNAPSHOT) or not step.action:
        return (*_wrap(step.title, 3), f"#{step.seq}{timeout}"), 0
    what = f"{step.blueprint}/{step.action}"
    # A long name breaks after the blueprint's slash rather than losing the action's end.
    names = [what] if len(what) <= _width(0) else [f"{step.blueprint}/", step.action or ""]
    phase = f"defer: {step.phase}" if step.kind is Kind.DEFER else step.phase or ""
    if step.hook:
        phase = f"{step.hook} · {phase}"
    lines = [*names, phase, f"#{step.seq}{timeout}"]
    return tuple(_cut(line, _width(at)) for at, line in enumerate(lines)), len(names)


def _width(line: int) -> int:
    """Characters line `line` of a box holds: the first shares its row with the outcome badge."""
    return LINE_CHARS - 4 if line == 0 else LINE_CHARS


def _wrap(text: str, count: int) -> list[str]:
    lines, words = [], text.split()
    while words and len(lines) < count:
        line = words.pop(0)
        while words and len(line) + 1 + len(words[0]) <= _width(len(lines)):
            line += " " + words.pop(0)
        lines.append(line)
    if words:
        lines[-1] += " " + " ".join(words)
    return [_cut(line, _width(at)) for at, line in enumerate(lines)]


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _arrows(boxes: list[Box]) -> list[Arrow]:
    """One arrow per pair of boxes an artifact flows between, every artifact name on it."""
    where = {member: box for box in boxes for member in box.members}
    flows: dict[tuple[str, str], tuple[Box, Box, list[str]]] = {}
    for target in boxes:
        for artifact in target.step.artifacts_in:
            if (source := where.get(artifact.source)) is not None:
                key = (source.step.id, target.step.id)
                flows.setdefault(key, (source, target, []))[2].append(artifact.name)
    arrows = []
    for source, target, carried in flows.values():
        x1, y1 = source.x + BOX_WIDTH, source.y + BOX_HEIGHT // 2
        x2, y2 = target.x, target.y + BOX_HEIGHT // 2
        label = ", ".join(dict.fromkeys(carried))
        produced = source.step.outcome not in (Outcome.FAILS, Outcome.SKIPPED)
        if _blocked(boxes, source, target):
            top = min(source.y, target.y) - PAD
            arrows.append(_over_the_top(label, x1, y1, x2, y2, top, produced))
            continue
        bend = max(40, (x2 - x1) // 3)
        path = f"M{x1},{y1} C{x1 + bend},{y1} {x2 - bend},{y2} {x2 - 4},{y2}"
        arrows.append(Arrow(label, path, (x1 + x2) // 2, (y1 + y2) // 2 - 6, produced))
    return arrows


def _blocked(boxes: list[Box], source: Box, target: Box) -> bool:
    """Whether a box stands between the two: a line behind it would read as a step chain."""
    top, bottom = sorted((source.y, target.y))
    return any(
        source.x < box.x < target.x and box.y < bottom + BOX_HEIGHT and box.y + BOX_HEIGHT > top
        for box in boxes
        if box is not source and box is not target
    )


def _over_the_top(
    label: str, x1: int, y1: int, x2: int, y2: int, lane_top: int, produced: bool
) -> Arrow:
    """Through the gaps beside the boxes and the strip above them, clear of the boxes between."""
    # Beside the column lines (a box starts 8 px after its column's line), not on them.
    out, into, channel = x1 + 3, x2 - 11, lane_top + 8
    path = f"M{x1},{y1} L{out},{y1} L{out},{channel} L{into},{channel} L{into},{y2} L{x2 - 2},{y2}"
    return Arrow(label, path, (x1 + x2) // 2, channel + 4, produced)
