"""A visitor finds a skill with the autocomplete, picks it with the keyboard, reads its page and
follows a link to an occupation, in Swedish and in English (the ESCO sample data)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import pytest

from tests.taxonomy_fixtures import esco_sample

if TYPE_CHECKING:
    from playwright.sync_api import ConsoleMessage, Page
    from pytest_django.live_server_helper import LiveServer

    from meritpass.taxonomy.importer import ImportSummary

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
__all__ = ["esco_sample"]

WELDING_TECHNIQUES = "530cb489-d900-46ab-9350-4d50ccd49eea"
OPERATE_WELDING_EQUIPMENT = "2fcd95a4-1f9a-41cf-95a9-4701bde476b4"
WELDER = "7aedaa07-3884-4c5b-88f9-80997b2aa54b"


def watch_console(page: Page) -> list[str]:
    """Collect console errors, such as scripts or styles the CSP blocked (the favicon aside)."""
    errors: list[str] = []

    def record(message: ConsoleMessage) -> None:
        if message.type == "error" and "favicon" not in message.location.get("url", ""):
            errors.append(message.text)

    page.on("console", record)
    page.on("pageerror", lambda error: errors.append(str(error)))
    return errors


def test_pick_a_skill_with_the_keyboard_in_swedish(
    page: Page, live_server: LiveServer, esco_sample: ImportSummary
) -> None:
    from playwright.sync_api import expect  # noqa: PLC0415 - only browser tests need it

    errors = watch_console(page)
    page.goto(live_server.url + "/sv/kompetenser/")
    combobox = page.get_by_role("combobox", name="Kompetens eller yrke")
    expect(combobox).to_have_attribute("aria-expanded", "false")
    combobox.press_sequentially("svets", delay=40)

    options = page.get_by_role("option")
    expect(options.first).to_contain_text("svetstekniker")
    expect(combobox).to_have_attribute("aria-expanded", "true")
    expect(page.get_by_role("status")).to_contain_text("Förslag:")
    combobox.press("ArrowDown")
    expect(options.first).to_have_attribute("aria-selected", "true")
    expect(combobox).to_have_attribute("aria-activedescendant", "esco-q-listbox-option-0")
    combobox.press("Enter")

    page.wait_for_url(f"**/sv/kompetenser/{WELDING_TECHNIQUES}/")
    expect(page.locator("h1")).to_have_text("svetstekniker")
    expect(page.locator("footer")).to_contain_text(
        "Den här tjänsten använder Europeiska kommissionens ESCO-klassificering."
    )
    page.get_by_role("link", name="svetsare, manuell").click()
    page.wait_for_url(f"**/sv/yrken/{WELDER}/")
    expect(page.locator("h1")).to_have_text("svetsare, manuell")
    expect(page.get_by_role("heading", name=re.compile("Nödvändiga kompetenser"))).to_be_visible()
    assert errors == []


def test_pick_a_skill_with_the_keyboard_in_english(
    page: Page, live_server: LiveServer, esco_sample: ImportSummary
) -> None:
    from playwright.sync_api import expect  # noqa: PLC0415

    errors = watch_console(page)
    page.goto(live_server.url + "/en/skills/")
    combobox = page.get_by_role("combobox", name="Skill or occupation")
    combobox.press_sequentially("weld", delay=40)
    options = page.get_by_role("option")
    expect(options.first).to_contain_text("operate welding equipment")
    expect(options.first).to_contain_text("weld")

    combobox.press("ArrowDown")
    combobox.press("ArrowDown")
    expect(options.nth(1)).to_have_attribute("aria-selected", "true")
    combobox.press("ArrowUp")
    expect(options.first).to_have_attribute("aria-selected", "true")
    combobox.press("Escape")
    expect(combobox).to_have_attribute("aria-expanded", "false")
    expect(page.get_by_role("listbox")).to_be_hidden()
    combobox.press("ArrowDown")
    expect(combobox).to_have_attribute("aria-expanded", "true")
    combobox.press("Enter")

    page.wait_for_url(f"**/en/skills/{OPERATE_WELDING_EQUIPMENT}/")
    expect(page.locator("h1")).to_have_text("operate welding equipment")
    page.get_by_role("link", name="welder", exact=True).click()
    page.wait_for_url(f"**/en/occupations/{WELDER}/")
    expect(page.locator("h1")).to_have_text("welder")
    expect(page.locator(".esco-path")).to_contain_text("Welders and flamecutters")
    assert errors == []


def test_the_search_form_works_with_enter_and_no_choice(
    page: Page, live_server: LiveServer, esco_sample: ImportSummary
) -> None:
    from playwright.sync_api import expect  # noqa: PLC0415

    page.goto(live_server.url + "/en/skills/")
    combobox = page.get_by_role("combobox", name="Skill or occupation")
    combobox.fill("welder")
    combobox.press("Enter")
    page.wait_for_url("**/en/skills/?q=welder*")
    expect(page.get_by_role("heading", name="Results for “welder”: 2")).to_be_visible()
    page.get_by_role("link", name="pipe welder").click()
    expect(page.locator("h1")).to_have_text("pipe welder")


@pytest.mark.parametrize(
    "path",
    [f"/sv/yrken/{WELDER}/", f"/en/skills/{WELDING_TECHNIQUES}/", "/sv/kompetenser/?q=svets"],
)
def test_pages_fit_a_phone(
    page: Page, live_server: LiveServer, esco_sample: ImportSummary, path: str
) -> None:
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(live_server.url + path)
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0
    assert page.locator("h1").bounding_box()["width"] <= 360
