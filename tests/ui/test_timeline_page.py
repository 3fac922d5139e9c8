"""The timeline page: pickers, the swimlane picture, step details, failure toggles, empty states,
400 on parameters it cannot use, and the links to it from blueprints, bindings and policies."""

import html

import pytest

from tests.factories import store_yaml

pytestmark = pytest.mark.django_db
URL = "/timeline/"
STEP_URL = "/timeline/step/"
MYSQL_DUMP = "shop:4b:StatefulSet/shop/mysql:dumpToObjectStore"
PREHOOK = "shop:2:preHook:recordStart"


def page(client, **query) -> tuple[int, str]:
    response = client.get(URL, query)
    return response.status_code, html.unescape(response.content.decode())


def test_it_draws_the_backup_of_the_first_policys_first_namespace(auth_client, demo_data):
    status, text = page(auth_client)

    assert status == 200
    assert "<strong>Backup</strong> of namespace <strong>shop</strong>" in text
    assert ">shop-daily</a>" in text
    for label in ("Step 1", "Step 2", "Step 4b", "Step 7", "Namespace shop"):
        assert f">{label}</text>" in text
    # Long blueprint/action names break after the slash.
    assert '"tl-strong">backup-hooks/</text>' in text
    assert '"tl-strong">record-start</text>' in text
    assert '"tl-strong">mysql-blueprint/</text>' in text
    assert ">dumpToObjectStore</text>" in text
    assert ">#7 · 45 min</text>" in text  # the order and blueprintBackup's timeout


def test_identical_resources_share_a_lane_that_can_be_expanded(auth_client, demo_data):
    _, text = page(auth_client)

    assert ">Deployment \u00d7 2</text>" in text
    assert ">blueprint csi-snapshot-bp</text>" in text
    assert ">via binding csi-snapshot-deployments</text>" in text
    assert ">Show each resource</text>" in text

    _, expanded = page(
        auth_client, expand="Deployment:csi-snapshot-bp:BlueprintBinding/csi-snapshot-deployments"
    )

    assert "Deployment \u00d7 2" not in expanded
    assert ">Deployment storefront</text>" in expanded
    assert ">Deployment time-logger</text>" in expanded
    assert ">Collapse the group</text>" in expanded


def test_failing_a_step_changes_the_outcomes_after_it(auth_client, demo_data):
    _, before = page(auth_client)
    _, after = page(auth_client, fail=MYSQL_DUMP)

    assert '<g class="tl-fails' not in before
    assert before.count('<g class="tl-unspecified') == 0
    assert after.count('<g class="tl-fails') == 1
    # The lanes after mysql's (postgresql's snapshot, redis's five steps) and step 5.
    assert after.count('<g class="tl-unspecified') == 7
    assert f"failing {MYSQL_DUMP}" in after
    assert ">clear failure</text>" in after


def test_every_step_that_runs_has_a_fail_toggle_keeping_the_other_choices(auth_client, demo_data):
    _, text = page(auth_client, operation="export", namespace="shop")

    assert text.count(">fail here</text>") == 5  # 6 steps, onFailure is skipped
    assert (
        'href="/timeline/?operation=export&policy=shop-daily&namespace=shop'
        '&fail=shop%3A2%3ApreHook%3ArecordStart&step=shop%3A2%3ApreHook%3ArecordStart"'
    ) in text


def outcome_of(text: str, action: str) -> str:
    """The outcome class of the step box of a blueprint action."""
    at = text.index(f"({action}, phase ")
    group = text.rindex('<g class="tl-', 0, at)
    return text[group + len('<g class="tl-') :].split('"')[0].split()[0]


def test_onfailure_replaces_onsuccess_when_the_export_fails(auth_client, demo_data):
    _, passing = page(auth_client, operation="export")
    _, failing = page(auth_client, operation="export", fail="shop:3")

    assert outcome_of(passing, "export-hooks/post-export") == "runs"
    assert outcome_of(passing, "export-hooks/post-export-failed") == "skipped"
    assert outcome_of(failing, "export-hooks/post-export") == "skipped"
    assert outcome_of(failing, "export-hooks/post-export-failed") == "runs"


def test_artifact_flows_are_drawn_as_arrows_with_their_names(auth_client, demo_data):
    _, text = page(auth_client, operation="export")

    assert text.count('class="tl-arrow"') == 2  # recordStart to onSuccess and to onFailure
    assert text.count(">exportStart</text>") == 2
    assert ">out: exportStart</text>" in text


def test_restores_read_artifacts_from_the_restore_point(auth_client, demo_data):
    _, text = page(auth_client, operation="restore")

    assert ">in: mysqlCloudDump<title>mysqlCloudDump from restore point" in text
    assert ">#12 · 600 min</text>" in text


def test_a_step_opens_its_details_beside_the_picture(auth_client, demo_data):
    _, text = page(auth_client, step=PREHOOK)

    assert '<aside id="step-details"' in text
    assert "<dt>Policy hook</dt><dd>preHook</dd>" in text
    assert '<a href="/blueprints/kasten-io/backup-hooks/">backup-hooks</a>' in text
    assert "<code>.Namespace.Name</code>" in text
    assert ">Fail here</a>" in text


def test_the_details_partial_is_only_the_panel_for_htmx(auth_client, demo_data):
    response = auth_client.get(STEP_URL, {"step": MYSQL_DUMP}, headers={"HX-Request": "true"})

    text = html.unescape(response.content.decode())
    assert response.status_code == 200
    assert "<html" not in text and "<svg" not in text
    assert "<dt>Resource</dt><dd><code>StatefulSet/shop/mysql</code>" in text
    assert "<dt>Phase</dt><dd><code>dumpToObjectStore</code>" in text
    assert "<li>out <code>mysqlCloudDump</code></li>" in text
    assert "45 minutes" in text and "(Helm <code>timeout.blueprintBackup</code>)" in text
    assert "(001_837bc20a9b649352.txt)" in text  # notes with their seed
    assert "HX-Request" in response["Vary"]


def test_a_grouped_step_names_every_resource_it_stands_for(auth_client, demo_data):
    step = "shop:4b:Deployment/shop/storefront:createCSISnapshot"
    response = auth_client.get(STEP_URL, {"step": step}, headers={"HX-Request": "true"})

    assert "and 1 identical: Deployment/shop/time-logger" in response.content.decode()


def test_the_details_of_a_failed_step_offer_to_clear_the_failure(auth_client, demo_data):
    response = auth_client.get(
        STEP_URL, {"step": PREHOOK, "fail": PREHOOK}, headers={"HX-Request": "true"}
    )

    text = html.unescape(response.content.decode())
    assert "The step chosen to fail." in text
    step = PREHOOK.replace(":", "%3A")
    clear = f"/timeline/?operation=backup&policy=shop-daily&namespace=shop&step={step}"
    assert f'href="{clear}" hx-get="{clear}"' in text
    assert ">Clear the failure</a>" in text


def test_a_pickers_change_from_htmx_gets_the_part_below_the_heading(auth_client, demo_data):
    response = auth_client.get(URL, {"operation": "retire"}, headers={"HX-Request": "true"})

    text = response.content.decode()
    assert "<h1>" not in text
    assert '<form class="card tl-pickers"' in text
    assert ">csi-snapshot-bp/</text>" in text
    assert ">delete</text>" in text


@pytest.mark.parametrize(
    ("query", "parameter", "message"),
    [
        (
            {"operation": "snapshot"},
            "operation",
            "expected one of backup, restore, export, retire",
        ),
        ({"policy": "nightly"}, "policy", "no policy 'nightly' is stored (known: shop-daily)"),
        (
            {"namespace": "prod"},
            "namespace",
            "policy 'shop-daily' does not protect namespace 'prod' (it protects: shop)",
        ),
        ({"fail": "shop:9"}, "fail", "no step 'shop:9' in the backup timeline"),
        (
            {"kasten_version": "eight"},
            "kasten_version",
            "Kasten version 'eight' is not of the form 8.5 or 9.0.10",
        ),
        ({"colour": "red"}, "colour", "unknown parameter"),
    ],
)
def test_a_parameter_it_cannot_use_answers_400_naming_it(
    auth_client, demo_data, query, parameter, message
):
    status, text = page(auth_client, **query)

    assert status == 400
    assert f"Parameter <code>{parameter}</code>: {message}" in text
    assert '<form class="card tl-pickers"' in text  # to correct it from there


def test_an_unknown_step_for_the_details_answers_400(auth_client, demo_data):
    response = auth_client.get(STEP_URL, {"step": "shop:99"})

    assert response.status_code == 400
    assert (
        "Parameter <code>step</code>: no step &#39;shop:99&#39; in this timeline"
        in response.content.decode()
    )


def test_without_anything_stored_it_says_what_to_import(auth_client):
    status, text = page(auth_client)

    assert status == 200
    assert "Nothing stored yet" in text
    assert 'href="/transfer/import/"' in text


def test_a_namespace_without_bound_resources_still_shows_kastens_steps(auth_client, demo_data):
    store_yaml("""apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: empty-ns
""")
    status, text = page(auth_client, policy="", namespace="empty-ns")

    assert status == 200
    assert "No resource in namespace empty-ns has a blueprint" in text
    assert ">Namespace empty-ns</text>" in text
    assert "without a policy (no action hooks)" in text


def test_a_policy_protecting_no_stored_namespace_says_so(auth_client, demo_data):
    store_yaml("""apiVersion: config.kio.kasten.io/v1alpha1
kind: Policy
metadata:
  name: elsewhere
  namespace: kasten-io
spec:
  selector:
    matchLabels:
      k10.kasten.io/appNamespace: nowhere
  actions:
  - action: backup
""")
    status, text = page(auth_client, policy="elsewhere")

    assert status == 200
    assert "protects no namespace of the" in text


def test_the_top_bar_links_to_the_page(auth_client):
    text = auth_client.get("/lint/").content.decode()

    assert f'<a href="{URL}" >Timeline</a>' in text


@pytest.mark.parametrize(
    ("url", "link"),
    [
        ("/blueprints/kasten-io/mysql-blueprint/", "/timeline/?blueprint=mysql-blueprint"),
        ("/kasten/bindings/kasten-io/mysql-statefulsets/", "/timeline/?binding=mysql-statefulsets"),
        ("/kasten/policies/kasten-io/shop-daily/", "/timeline/?policy=shop-daily"),
    ],
)
def test_blueprint_binding_and_policy_pages_link_to_their_timeline(
    auth_client, demo_data, url, link
):
    text = auth_client.get(url).content.decode()

    assert f'href="{link}"' in text


def test_a_blueprints_link_opens_the_operation_whose_hook_runs_it(auth_client, demo_data):
    status, text = page(auth_client, blueprint="export-hooks")

    assert status == 200
    assert "<strong>Export</strong> of namespace <strong>shop</strong>" in text
    assert "(export-hooks/pre-export, phase recordStart)" in text


def test_a_bindings_link_opens_a_namespace_where_it_binds_a_resource(auth_client, demo_data):
    status, text = page(auth_client, binding="mysql-statefulsets")

    assert status == 200
    assert "<strong>Backup</strong> of namespace <strong>shop</strong>" in text
    assert ">via binding mysql-statefulsets</text>" in text


def test_export_does_not_claim_that_no_resource_has_a_blueprint(auth_client, demo_data):
    _, text = page(auth_client, operation="export")

    assert "has a blueprint (through a binding" not in text
