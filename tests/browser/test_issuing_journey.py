"""The whole supply side in the browser, in Swedish and in English, on the demo data.

A provider's author writes a specification with every mandatory element and submits it; the
industry body's reviewer approves it; the author publishes it, awards one learner, issues five
more from a CSV file and revokes the first award; an anonymous visitor of that award's public
page then reads that it is revoked, and why.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import pytest
from django.core import mail
from django.utils import timezone

from meritpass.catalog.models import Specification
from meritpass.site import demo
from tests.browser.journey import AUTHOR, INDUSTRY_BODY, PROVIDER, REVIEWER, Visit
from tests.taxonomy_fixtures import esco_sample

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Locator, Page
    from pytest_django.fixtures import Settings
    from pytest_django.live_server_helper import LiveServer

    from meritpass.taxonomy.importer import ImportSummary

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
__all__ = ["esco_sample"]

WELDING_TECHNIQUES = "http://data.europa.eu/esco/skill/530cb489-d900-46ab-9350-4d50ccd49eea"
PRACTICAL = "http://data.europa.eu/snb/assessment/6a4db9f11d"
ON_SITE = "http://data.europa.eu/snb/learning-assessment/9191af2ed9"
INDUSTRY_APPROVAL = "urn:meritpass:vocabulary:quality-assurance:industry-approval"
TITLES = {"sv": "Rörsvetsning, fortsättning", "en": "Pipe welding, continued"}
OUTCOME = {
    "sv": "Svetsar rörskarvar i kolstål enligt WPS.",
    "en": "Welds carbon steel pipe joints to a WPS.",
}
SKILL_QUERY = {"sv": "svetstekn", "en": "welding techn"}
SKILL_LABEL = {"sv": "svetstekniker", "en": "welding techniques"}
LEARNER = ("Astrid Ek", "astrid.ek@example.org")
BULK_LEARNERS = [
    ("Bo Ahlström", "bo.ahlstrom@example.org"),
    ("Cecilia Dahl", "cecilia.dahl@example.org"),
    ("David Eriksson", "david.eriksson@example.org"),
    ("Elin Forsberg", "elin.forsberg@example.org"),
    ("Filip Gran", "filip.gran@example.org"),
]
APPROVAL_COMMENT = {
    "sv": "Rörsvetsning behövs i branschen.",
    "en": "The trade needs pipe welders.",
}
REASON = {
    "sv": "Intyget utfärdades till fel person.",
    "en": "The credential was issued to the wrong person.",
}


@pytest.mark.parametrize("language", ["sv", "en"])
def test_author_submit_approve_issue_bulk_revoke_and_the_public_page_says_revoked(
    page: Page,
    browser: Browser,
    live_server: LiveServer,
    esco_sample: ImportSummary,
    settings: Settings,
    language: str,
) -> None:
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    assert demo.load()
    visit = Visit(page, live_server.url, language)

    visit.sign_in(AUTHOR)
    specification = author_and_submit(visit)
    visit.sign_out()

    visit.sign_in(REVIEWER)
    approve(visit)
    visit.sign_out()

    visit.sign_in(AUTHOR)
    publish(visit, specification)
    award_url = award_one_learner(visit)
    bulk_issue(visit)
    public_url = revoke(visit, award_url)

    anonymous = browser.new_context(locale="sv-SE")
    try:
        stranger = Visit(anonymous.new_page(), live_server.url, language)
        public_page_says_revoked(stranger, public_url)
    finally:
        anonymous.close()
    assert visit.errors == []
    assert stranger.errors == []


def author_and_submit(visit: Visit) -> Specification:
    """Write a new specification with every mandatory element, save it and submit it."""
    expect, page, text = visit.expect, visit.page, visit.text
    visit.open("catalog:specifications", org=PROVIDER)
    expect(visit.heading("specifications")).to_be_visible()
    visit.button("new_specification").click()
    expect(visit.heading("edit_heading")).to_be_visible()

    visit.label("title_sv").fill(TITLES["sv"])
    visit.label("title_en").fill(TITLES["en"])
    outcome = page.get_by_role("group", name=text["outcome_1"], exact=True)
    outcome.get_by_label(text["outcome_sv"], exact=True).fill(OUTCOME["sv"])
    outcome.get_by_label(text["outcome_en"], exact=True).fill(OUTCOME["en"])
    pick_skill(visit, outcome)
    visit.label("ects").fill("3")
    visit.label("hours").fill("80")
    visit.label("eqf").select_option("4")
    visit.label("field").select_option("0715")
    visit.label("assessment").select_option(PRACTICAL)
    visit.label("participation").select_option(ON_SITE)
    visit.label("quality").select_option(INDUSTRY_APPROVAL)
    visit.button("save_draft").click()

    expect(visit.message("saved")).to_be_visible()
    completeness = page.get_by_role("region", name=text["completeness"])
    expect(completeness).to_contain_text(text["complete"])
    expect(completeness.get_by_role("listitem")).to_have_count(0)
    expect(visit.label("title_sv")).to_have_value(TITLES["sv"])
    expect(outcome.get_by_role("combobox", name=text["skill_1"])).to_have_value(
        SKILL_LABEL[visit.language]
    )

    completeness.get_by_label(text["reviewing_body"]).select_option(label=text["industry_body"])
    visit.button("submit").click()
    expect(visit.message("submitted")).to_be_visible()
    expect(page.get_by_role("heading", level=1)).to_have_text(TITLES[visit.language])
    expect(page.locator(".version-status")).to_contain_text(text["submitted_status"])
    return Specification.objects.get(versions__content__title__sv=TITLES["sv"])


def pick_skill(visit: Visit, outcome: Locator) -> None:
    """Find the ESCO skill by typing, then choose it: with the keyboard in Swedish, a click in
    English."""
    expect = visit.expect
    combobox = outcome.get_by_role("combobox", name=visit.text["skill_1"])
    combobox.press_sequentially(SKILL_QUERY[visit.language], delay=30)
    suggestions = visit.page.get_by_role("listbox", name=visit.text["suggestions"])
    label = re.compile("^" + re.escape(SKILL_LABEL[visit.language]) + r"\b")
    option = suggestions.get_by_role("option", name=label)
    expect(option).to_be_visible()
    expect(combobox).to_have_attribute("aria-expanded", "true")
    if visit.language == "sv":
        expect(suggestions.get_by_role("option").first).to_contain_text(SKILL_LABEL["sv"])
        combobox.press("ArrowDown")
        expect(option).to_have_attribute("aria-selected", "true")
        combobox.press("Enter")
    else:
        option.click()
    expect(combobox).to_have_value(SKILL_LABEL[visit.language])
    expect(combobox).to_have_attribute("aria-expanded", "false")
    hidden = outcome.locator("input[type=hidden][name='outcomes-0-skill_0']")
    expect(hidden).to_have_value(WELDING_TECHNIQUES)


def approve(visit: Visit) -> None:
    """Open the submitted version from the review queue and approve it with a comment."""
    expect, page, text = visit.expect, visit.page, visit.text
    visit.open("catalog:review_queue", org=INDUSTRY_BODY)
    expect(visit.heading("review_queue")).to_be_visible()
    page.get_by_role("link", name=TITLES[visit.language], exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(TITLES[visit.language])
    expect(page.locator("main")).to_contain_text(OUTCOME[visit.language])
    expect(page.locator("main")).to_contain_text(SKILL_LABEL[visit.language])

    visit.label("comment").fill(APPROVAL_COMMENT[visit.language])
    visit.button("approve").click()
    expect(visit.message("approved")).to_be_visible()
    expect(page.locator(".version-status")).to_contain_text(text["approved_status"])
    expect(visit.button("approve")).to_have_count(0)
    expect(page.locator("main")).to_contain_text(APPROVAL_COMMENT[visit.language])


def publish(visit: Visit, specification: Specification) -> None:
    """Publish the approved version from its page."""
    expect, page, text = visit.expect, visit.page, visit.text
    visit.open("catalog:version", org=PROVIDER, uuid=specification.uuid, number=1)
    expect(page.locator(".version-status")).to_contain_text(text["approved_status"])
    expect(page.locator("main")).to_contain_text(APPROVAL_COMMENT[visit.language])
    visit.button("publish").click()
    expect(visit.message("published")).to_be_visible()
    expect(page.locator(".version-status")).to_contain_text(text["published_status"])


def award_one_learner(visit: Visit) -> str:
    """Award the new specification to one learner; return the award page's address."""
    expect, page, text = visit.expect, visit.page, visit.text
    visit.open("issuing:award_new", org=PROVIDER)
    expect(visit.heading("award_one")).to_be_visible()
    page.get_by_role("link", name=TITLES[visit.language], exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(TITLES[visit.language])

    visit.label("learner_name").fill(LEARNER[0])
    visit.label("learner_email").fill(LEARNER[1])
    visit.label("date").fill(timezone.localdate().isoformat())
    visit.button("issue").click()

    expect(visit.message("issued")).to_be_visible()
    expect(page.get_by_role("heading", level=1)).to_have_text(LEARNER[0])
    expect(page.locator(".iss-facts")).to_contain_text(text["valid"])
    assert [message.to for message in mail.outbox if LEARNER[1] in message.to] == [[LEARNER[1]]]
    return page.url


def bulk_issue(visit: Visit) -> None:
    """Upload five learners as CSV, confirm, and see every one of them issued."""
    expect, page, text = visit.expect, visit.page, visit.text
    visit.open("issuing:bulk_new", org=PROVIDER)
    expect(visit.heading("bulk")).to_be_visible()
    page.get_by_role("link", name=TITLES[visit.language], exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(TITLES[visit.language])
    today = timezone.localdate().isoformat()
    rows = ["name,email,date", *(f"{name},{email},{today}" for name, email in BULK_LEARNERS)]
    visit.label("csv_file").set_input_files(
        {
            "name": "kurs.csv",
            "mimeType": "text/csv",
            "buffer": ("\r\n".join(rows) + "\r\n").encode(),
        }
    )
    visit.button("check_file").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("kurs.csv")
    expect(visit.heading("all_valid", level=2)).to_be_visible()
    expect(page.locator("main")).to_contain_text(text["ready"])
    visit.button("issue_all").click()

    expect(visit.message("started")).to_be_visible()
    expect(visit.heading("done", level=2)).to_be_visible()
    expect(page.locator("#job-progress")).to_contain_text(text["progress"])
    results = page.get_by_role("table").get_by_role("link", name=text["row_issued"], exact=True)
    expect(results).to_have_count(5)
    for name, _email in BULK_LEARNERS:
        expect(page.get_by_role("table")).to_contain_text(name)
    emailed = {address for message in mail.outbox for address in message.to}
    assert {email for _name, email in BULK_LEARNERS} <= emailed


def revoke(visit: Visit, award_url: str) -> str:
    """Revoke the single award with a reason and see it revoked; return its public address."""
    expect, page, text = visit.expect, visit.page, visit.text
    page.goto(award_url)
    form = page.locator("form").filter(
        has=page.get_by_role("heading", name=text["revoke"], exact=True)
    )
    form.get_by_label(text["reason"], exact=True).fill(REASON[visit.language])
    form.get_by_role("button", name=text["revoke"], exact=True).click()

    expect(visit.message("revoked")).to_be_visible()
    facts = page.locator(".iss-facts")
    expect(facts).to_contain_text(text["revoked_state"])
    expect(facts).to_contain_text(REASON[visit.language])
    expect(visit.button("revoke")).to_have_count(0)
    public_link = page.get_by_role("link", name=text["public_link"])
    return visit.base_url + str(public_link.get_attribute("href"))


def public_page_says_revoked(visit: Visit, url: str) -> None:
    """As a visitor who is not signed in, read the credential's public page."""
    expect, page, text = visit.expect, visit.page, visit.text
    page.goto(url)
    expect(page.get_by_role("heading", level=1)).to_have_text(TITLES[visit.language])
    expect(page.locator(".credential-learner")).to_have_text(text["awarded_to"] + LEARNER[0])
    state = page.get_by_role("status")
    expect(state).to_contain_text(text["revoked_state"])
    expect(state).to_contain_text(text["revoked_public"])
    expect(state).to_contain_text(text["reason_public"] + REASON[visit.language])
    expect(page.get_by_role("link", name=text["log_in"])).to_be_visible()
