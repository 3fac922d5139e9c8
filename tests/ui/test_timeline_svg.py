"""The timeline picture: the SVG download, and how lanes, boxes and arrows are laid out."""

import xml.etree.ElementTree as ET

import pytest

from blueprints_ui.timeline.drawing import EXPAND_ALL, draw
from blueprints_ui.timeline.loading import stored_inventory
from lifecycle.timeline import compute

pytestmark = pytest.mark.django_db
URL = "/timeline/download/"
SVG = "{http://www.w3.org/2000/svg}"
MYSQL_DUMP = "shop:4b:StatefulSet/shop/mysql:dumpToObjectStore"


def texts(svg: bytes) -> list[str]:
    return [element.text or "" for element in ET.fromstring(svg).iter(f"{SVG}text")]


def test_the_download_is_a_well_formed_svg_attachment(auth_client, demo_data):
    response = auth_client.get(URL, {"operation": "export"})

    assert response.status_code == 200
    assert response["Content-Type"] == "image/svg+xml; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="timeline-export-shop.svg"'
    root = ET.fromstring(response.content)
    assert root.tag == f"{SVG}svg"
    assert "export-hooks/" in texts(response.content)
    assert "exportStart" in texts(response.content)


def test_the_download_has_no_links_but_keeps_the_failure(auth_client, demo_data):
    response = auth_client.get(URL, {"fail": MYSQL_DUMP})

    root = ET.fromstring(response.content)
    assert not list(root.iter(f"{SVG}a"))
    assert "fail here" not in texts(response.content)
    outcomes = [
        g.get("class") for g in root.iter(f"{SVG}g") if g.get("class", "").startswith("tl-fail")
    ]
    assert outcomes == ["tl-fails"]


def test_the_download_of_a_bad_choice_answers_400(auth_client, demo_data):
    response = auth_client.get(URL, {"operation": "backup", "namespace": "nowhere"})

    assert response.status_code == 400
    assert "Parameter <code>namespace</code>" in response.content.decode()


def test_identical_lanes_are_drawn_once_until_expanded(demo_data):
    timeline = compute(stored_inventory(), "backup", policy="shop-daily").timelines[0]

    grouped = draw(timeline)
    expanded = draw(timeline, frozenset({EXPAND_ALL}))

    assert [row.title for row in grouped.rows] == [
        "Namespace shop",
        "Deployment \u00d7 2",
        "StatefulSet mysql",
        "StatefulSet postgresql",
        "StatefulSet redis",
    ]
    assert len(expanded.rows) == 6
    assert len(grouped.boxes) == len(timeline.steps) - 1
    box = grouped.box("shop:4b:Deployment/shop/time-logger:createCSISnapshot")
    assert box.step.id == "shop:4b:Deployment/shop/storefront:createCSISnapshot"


def test_a_failure_in_one_lane_of_a_group_draws_it_apart(demo_data):
    failing = "shop:4b:Deployment/shop/time-logger:createCSISnapshot"
    timeline = compute(stored_inventory(), "backup", policy="shop-daily", fail=failing).timelines[0]

    titles = [row.title for row in draw(timeline).rows]

    assert titles[1:3] == ["Deployment storefront", "Deployment time-logger"]


def test_steps_flow_left_to_right_in_the_order_of_their_seed_labels(demo_data):
    drawing = draw(compute(stored_inventory(), "backup", policy="shop-daily").timelines[0])

    labels = ["1", "2", "3", "4", "4a", "4b", "4c", "5", "6", "7"]
    assert [column.label for column in drawing.columns] == labels
    xs = [drawing.box(step).x for step in ("shop:1", "shop:2:preHook:recordStart", "shop:5")]
    assert xs == sorted(xs)
    assert drawing.box(MYSQL_DUMP).y > drawing.box("shop:1").y  # below the namespace lane


def test_export_draws_onsuccess_above_onfailure_and_an_arrow_to_each(demo_data):
    drawing = draw(compute(stored_inventory(), "export", policy="shop-daily").timelines[0])

    success, failure = (
        drawing.box("shop:4:onSuccess:reportSuccess"),
        drawing.box("shop:4:onFailure:reportFailure"),
    )
    assert success.x == failure.x and success.y < failure.y
    assert [arrow.name for arrow in drawing.arrows] == ["exportStart", "exportStart"]


def test_a_defer_phase_follows_its_actions_phases_before_the_next_step(demo_data):
    drawing = draw(compute(stored_inventory(), "backup", policy="shop-daily").timelines[0])
    lane = "shop:{}:StatefulSet/shop/redis:{}"
    hold, flush, defer, snapshot, post = (
        drawing.box(lane.format(label, name))
        for label, name in (
            ("4a", "holdRewrites"),
            ("4a", "flushToDisk"),
            ("4a", "removeTempDumps"),
            ("4b", "snapshot"),
            ("4c", "resumeRewrites"),
        )
    )

    assert hold.x < flush.x < defer.x < snapshot.x < post.x
    assert defer.step.kind == "defer"
    assert defer.lines[2] == "defer: removeTempDumps"


def test_an_arrow_goes_over_the_boxes_it_would_cross(demo_data):
    drawing = draw(compute(stored_inventory(), "backup", policy="shop-daily").timelines[0])
    between = drawing.box("shop:3")

    assert [arrow.name for arrow in drawing.arrows] == ["backupStart", "backupStart"]
    for arrow in drawing.arrows:
        ys = [int(point.split(",")[1]) for point in arrow.path.replace("M", "L").split("L")[1:]]
        assert min(ys) < between.y  # above the boxes of steps 3 to 5, not behind them
        assert arrow.produced


def test_an_artifact_its_step_never_outputs_is_drawn_as_such(auth_client, demo_data):
    failing = "shop:2:preHook:recordStart"
    drawing = draw(
        compute(stored_inventory(), "export", policy="shop-daily", fail=failing).timelines[0]
    )
    response = auth_client.get(URL, {"operation": "export", "fail": failing})

    assert [arrow.produced for arrow in drawing.arrows] == [False, False]
    assert texts(response.content).count("exportStart (never output)") == 2


def test_a_narrow_picture_keeps_its_legend_whole(demo_data):
    drawing = draw(compute(stored_inventory(), "retire", policy="shop-daily").timelines[0])

    assert drawing.width >= 900
