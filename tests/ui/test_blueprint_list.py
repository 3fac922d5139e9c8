import pytest

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
    with django_assert_max_num_queries(6):
        auth_client.get(URL)


def test_anonymous_users_are_sent_to_the_login_page(client):
    response = client.get(URL)
    assert response.status_code == 302
    assert response["Location"] == "/login/?next=/blueprints/"
