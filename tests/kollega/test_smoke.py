"""The site answers in every locale and rejects unknown locale prefixes with 404."""

import pytest


@pytest.mark.parametrize("prefix", ["en"])
def test_home_page_renders(client, home, prefix):
    response = client.get(f"/{prefix}/")
    assert response.status_code == 200
    assert "When we share, we win." in response.content.decode()


def test_unknown_locale_prefix_is_404_not_500(client, home):
    response = client.get("/xx/", follow=True)
    assert response.status_code == 404


def test_a_missing_api_page_is_a_json_404_not_a_redirect(client, home):
    response = client.get("/api/v2/pages/999999/")
    assert response.status_code == 404
    assert response["Content-Type"].startswith("application/json")
