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
