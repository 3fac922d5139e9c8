import pytest

pytestmark = pytest.mark.django_db


def test_an_unknown_object_gets_the_app_s_not_found_page(auth_client):
    response = auth_client.get("/blueprints/kasten-io/nope/")
    assert response.status_code == 404
    page = response.content.decode()
    assert "Nothing is stored at <code>/blueprints/kasten-io/nope/</code>" in page
    assert "Back to the blueprints" in page


def test_a_server_error_page_needs_nothing_from_the_request():
    from django.template import loader

    html = loader.get_template("500.html").render({})
    assert "Something went wrong" in html
