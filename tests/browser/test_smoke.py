"""A visitor opens the start page in Swedish and switches to English."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from playwright.sync_api import Page
    from pytest_django.live_server_helper import LiveServer

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_start_page_in_swedish_then_english(page: Page, live_server: LiveServer) -> None:
    page.goto(live_server.url + "/")
    assert page.url.endswith("/sv/")
    assert page.locator("h1").inner_text() == "Mikromeriter som du äger, genom hela arbetslivet"
    assert page.locator("html").get_attribute("lang") == "sv"

    page.get_by_role("button", name="English").click()
    page.wait_for_url("**/en/")
    assert page.locator("h1").inner_text() == "Micro-credentials you own, for a whole career"
    assert page.locator("html").get_attribute("lang") == "en"

    page.get_by_role("button", name="Svenska").click()
    page.wait_for_url("**/sv/")
    assert page.locator("h2#roles-heading").inner_text() == "För vem"
