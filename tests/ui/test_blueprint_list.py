import pytest
from pytest_django.asserts import assertContains

from blueprints_ui.blueprints.models import Blueprint
from blueprints_ui.lint.linting import lint_blueprint
from lifecycle.lint import summarize
from tests.factories import blueprint_yaml, store_yaml

pytestmark = pytest.mark.django_db
URL = "/blueprints/"


def test_it_lists_the_demo_blueprints_with_their_actions(auth_client, demo_data):
    response = auth_client.get(URL)
    assert response.status_code == 200
    page = response.content.decode()
    for name in ("mysql-blueprint", "postgresql-hooks", "k8ssandra-blueprint", "hook-blueprint"):
        assert name in page
    assert 'title="Only callable as a policy action hook">postrestorehook</span>' in page
    assert 'title="Kasten reserved action">backup</span>' in page


def test_it_filters_by_search(auth_client, demo_data):
    page = auth_client.get(URL, {"q": "mysql"}).content.decode()
    assert "mysql-blueprint" in page
    assert "k8ssandra-blueprint" not in page


def test_it_says_when_nothing_matches(auth_client, demo_data):
    page = auth_client.get(URL, {"q": "no-such-thing"}).content.decode()
    assert "No blueprint matches “no-such-thing”" in page


def test_it_shows_an_empty_state_without_blueprints(auth_client):
    assert "No blueprints yet." in auth_client.get(URL).content.decode()


def test_it_paginates_and_keeps_the_search_in_page_links(auth_client):
    for i in range(30):
        store_yaml(blueprint_yaml(f"bp-{i:02d}"))
    first = auth_client.get(URL, {"q": "bp-"}).content.decode()
    assert "Page 1 of 2 · 30 in all" in first
    assert "?q=bp-&amp;page=2" in first
    second = auth_client.get(URL, {"q": "bp-", "page": 2}).content.decode()
    assert "bp-29" in second and "bp-00" not in second


def test_htmx_requests_get_only_the_table_fragment(auth_client, demo_data):
    response = auth_client.get(URL, {"q": "mysql"}, headers={"HX-Request": "true"})
    assert "<html" not in response.content.decode()
    assert "mysql-blueprint" in response.content.decode()
    assert "HX-Request" in response["Vary"]


def test_list_queries_do_not_grow_with_the_number_of_blueprints(
    auth_client, django_assert_max_num_queries
):
    for i in range(25):
        store_yaml(blueprint_yaml(f"bp-{i:02d}"))
    # Session, user, count, page, and one query for every stored object the lint reads.
    with django_assert_max_num_queries(5):
        auth_client.get(URL)


def test_anonymous_users_are_sent_to_the_login_page(client):
    response = client.get(URL)
    assert response.status_code == 302
    assert response["Location"] == "/login/?next=/blueprints/"


def test_each_row_counts_its_lint_findings_and_links_to_them(auth_client):
    store_yaml(blueprint_yaml("broken").replace("func: KubeTask", "func: KubeTaskk"))
    store_yaml(blueprint_yaml("clean"))
    response = auth_client.get(URL)
    assertContains(
        response,
        '<li class="badge sev-error"><a href="/blueprints/kasten-io/broken/#lint">'
        "<strong>1</strong> error</a></li>",
    )
    assertContains(response, '<span class="lint-clean">No problems</span>', count=1)
    assertContains(response, "<th>Lint</th>")


def test_the_counts_are_those_of_the_detail_page(auth_client, demo_data):
    page = auth_client.get(URL).content.decode()
    for blueprint in Blueprint.objects.all():
        counts = summarize([lint_blueprint(blueprint)])
        row = page.split(f">{blueprint.name}</a></td>")[1].split("</tr>")[0]
        for key, noun in (("errors", "error"), ("warnings", "warning"), ("infos", "info")):
            n = counts[key]
            shown = f"<strong>{n}</strong> {noun}{'s' if n != 1 else ''}</a>"
            assert (shown in row) == bool(n), (blueprint.name, key, n)
