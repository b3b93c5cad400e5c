"""Checks of who reaches which pages, shared by the permission tests of every area."""

from __future__ import annotations


def assert_not_found(client, urls, post_data: dict | None = None) -> None:
    """Every one of ``urls`` answers 404 to a GET and, given ``post_data``, to a POST."""
    for url in urls:
        assert client.get(url).status_code == 404, url
        if post_data is not None:
            assert client.post(url, post_data).status_code == 404, url


def assert_readable(client, urls) -> None:
    """Every one of ``urls`` answers 200 to a GET."""
    for url in urls:
        assert client.get(url).status_code == 200, url


def assert_sent_to_login(client, urls) -> None:
    """Every one of ``urls`` redirects to the login page."""
    for url in urls:
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith("/accounts/login/"), url


def submit(client, url: str, data: dict, *, status: int = 302):
    """POSTs the form ``data`` to ``url``, which must answer ``status`` (by default the
    redirect after a successful save); returns the response."""
    response = client.post(url, data)
    assert response.status_code == status, response.content[:1000]
    return response


def assert_page_shows(response, shown=(), hidden=(), *, status: int = 200) -> str:
    """The page answered ``status`` and its HTML holds every text of ``shown`` and none
    of ``hidden``; returns that HTML for further checks."""
    assert response.status_code == status
    body = response.content.decode()
    for text in shown:
        assert text in body, text
    for text in hidden:
        assert text not in body, text
    return body


def assert_list_scales(client, path: str, seed, fmt: str = "", *, then: int = 200) -> None:
    """The list at ``path`` (its export in ``fmt``, if given) costs as many queries after
    ``seed(then)`` as after ``seed(5)``: a seed that fills the table up to ``n`` rows is
    called with 200, one that adds ``n`` rows with ``then=195``."""
    from tests.conftest import assert_same_queries_for_few_and_many

    assert_same_queries_for_few_and_many(
        client,
        path,
        few=lambda: seed(5),
        many=lambda: seed(then),
        params={"format": fmt} if fmt else {},
    )


def record_pages(base: str, pk) -> tuple[list[str], list[str]]:
    """The pages ``kernel.crud.urls.object_urls`` gives the record ``pk`` under ``base``:
    those one reads (list, detail) and those one writes with (new, edit, delete)."""
    read = [base, f"{base}{pk}/"]
    write = [f"{base}new/", f"{base}{pk}/edit/", f"{base}{pk}/delete/"]
    return read, write
