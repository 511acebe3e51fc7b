"""Helpers for browser journeys through the demo: the pages' texts, addresses and signing in.

The texts are written out per language, not looked up with gettext, so that a page left in
English on the Swedish site fails the journey.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import pyotp
from django.urls import reverse
from django.utils import timezone, translation

from meritpass.accounts import totp
from meritpass.accounts.models import TotpDevice
from meritpass.site import demo

if TYPE_CHECKING:
    from playwright.sync_api import ConsoleMessage, Locator, Page

AUTHOR = f"utfardare@{demo.DEMO_DOMAIN}"
REVIEWER = f"granskare@{demo.DEMO_DOMAIN}"
PROVIDER = "yrkesakademin"
INDUSTRY_BODY = "svetsradet"

TEXTS: dict[str, dict[str, str]] = {
    "sv": {
        "log_in": "Logga in",
        "email": "E-postadress",
        "password": "Lösenord",
        "enter_code": "Ange din kod",
        "code": "Kod från din autentiseringsapp",
        "continue": "Fortsätt",
        "log_out": "Logga ut",
        "specifications": "Specifikationer",
        "new_specification": "Ny specifikation",
        "edit_heading": "Redigera utkastet till version 1",
        "title_sv": "Titel på svenska",
        "title_en": "Titel på engelska",
        "outcome_1": "Läranderesultat 1",
        "outcome_sv": "Läranderesultat på svenska",
        "outcome_en": "Läranderesultat på engelska",
        "skill_1": "ESCO-färdighet 1",
        "suggestions": "Förslag",
        "ects": "ECTS-poäng",
        "hours": "Timmar",
        "eqf": "EQF-nivå",
        "field": "Utbildningsinriktning (ISCED-F 2013)",
        "assessment": "Typ av bedömning",
        "participation": "Deltagandeform",
        "quality": "Typ av kvalitetssäkring",
        "save_draft": "Spara utkast",
        "saved": "Utkastet sparades.",
        "completeness": "Fullständighet",
        "complete": "Alla obligatoriska element finns. Utkastet kan skickas in för granskning.",
        "reviewing_body": "Granskande branschorganisation",
        "industry_body": "Svetsbranschens yrkesråd (demo)",
        "submit": "Skicka in för granskning",
        "submitted": "Version 1 skickades in för granskning.",
        "submitted_status": "Inskickad för granskning",
        "review_queue": "Specifikationer att granska",
        "comment": "Kommentar",
        "approve": "Godkänn",
        "approved": "Versionen godkändes; godkännandeintyget är signerat.",
        "approved_status": "Godkänd",
        "publish": "Publicera i katalogen",
        "published": "Version 1 är nu publicerad.",
        "published_status": "Publicerad",
        "award_one": "Utfärda till en deltagare",
        "learner_name": "Mottagarens namn",
        "learner_email": "Mottagarens e-postadress",
        "date": "Utfärdandedatum",
        "issue": "Utfärda meriten",
        "issued": "Meriten utfärdades och mottagaren fick ett e-postmeddelande.",
        "valid": "Giltig",
        "bulk": "Massutfärdande",
        "csv_file": "CSV-fil",
        "check_file": "Kontrollera filen",
        "all_valid": "Alla rader är giltiga",
        "ready": "5 mottagare är redo att få meriten.",
        "issue_all": "Utfärda meriterna",
        "started": "Utfärdandet har börjat. Du kan lämna sidan; det fortsätter ändå.",
        "done": "Klar",
        "progress": "5 utfärdade, 0 redan utfärdade, av 5 (100 %).",
        "row_issued": "Utfärdad",
        "revoke": "Återkalla",
        "reason": "Skäl",
        "revoked": "Meriten återkallades. Dess statuslista visar det direkt.",
        "revoked_state": "Återkallad",
        "revoked_public": "Utfärdaren har återkallat den här meriten. Den är inte längre giltig.",
        "reason_public": "Skäl: ",
        "public_link": "Visa meritens publika sida",
        "awarded_to": "Tilldelad ",
    },
    "en": {
        "log_in": "Log in",
        "email": "Email address",
        "password": "Password",
        "enter_code": "Enter your code",
        "code": "Code from your authenticator app",
        "continue": "Continue",
        "log_out": "Log out",
        "specifications": "Specifications",
        "new_specification": "New specification",
        "edit_heading": "Edit the draft of version 1",
        "title_sv": "Title in Swedish",
        "title_en": "Title in English",
        "outcome_1": "Learning outcome 1",
        "outcome_sv": "Learning outcome in Swedish",
        "outcome_en": "Learning outcome in English",
        "skill_1": "ESCO skill 1",
        "suggestions": "Suggestions",
        "ects": "ECTS credits",
        "hours": "Hours",
        "eqf": "EQF level",
        "field": "Field of education (ISCED-F 2013)",
        "assessment": "Type of assessment",
        "participation": "Form of participation",
        "quality": "Type of quality assurance",
        "save_draft": "Save draft",
        "saved": "The draft was saved.",
        "completeness": "Completeness",
        "complete": "Every mandatory element is there. The draft can be submitted for review.",
        "reviewing_body": "Reviewing industry body",
        "industry_body": "Welding Trades Council (demo)",
        "submit": "Submit for review",
        "submitted": "Version 1 was submitted for review.",
        "submitted_status": "Submitted for review",
        "review_queue": "Specifications to review",
        "comment": "Comment",
        "approve": "Approve",
        "approved": "The version was approved; the approval credential is signed.",
        "approved_status": "Approved",
        "publish": "Publish in the catalogue",
        "published": "Version 1 is now published.",
        "published_status": "Published",
        "award_one": "Award one learner",
        "learner_name": "Learner's name",
        "learner_email": "Learner's email",
        "date": "Date of issuing",
        "issue": "Issue the credential",
        "issued": "The credential was issued and the learner was emailed.",
        "valid": "Valid",
        "bulk": "Bulk issuing",
        "csv_file": "CSV file",
        "check_file": "Check the file",
        "all_valid": "Every row is valid",
        "ready": "5 learners are ready to be issued the credential.",
        "issue_all": "Issue the credentials",
        "started": "Issuing has started. You can leave this page; it goes on.",
        "done": "Done",
        "progress": "5 issued, 0 already issued, of 5 (100 %).",
        "row_issued": "Issued",
        "revoke": "Revoke",
        "reason": "Reason",
        "revoked": "The credential was revoked. Its status list shows it at once.",
        "revoked_state": "Revoked",
        "revoked_public": "The issuer has revoked this credential; it is no longer valid.",
        "reason_public": "Reason: ",
        "public_link": "Show the credential's public page",
        "awarded_to": "Awarded to ",
    },
}


def next_code(email: str) -> str:
    """Return an authenticator code the site accepts now and has not accepted before.

    A code is good for its 30-second step and one step either side, but only once: a person who
    signs in again within the same step gets the next step's code (waiting if even that is used).
    """
    device = TotpDevice.objects.get(user__email=email, confirmed_at__isnull=False)
    generator = pyotp.TOTP(totp.secret_of(device))
    current = generator.timecode(timezone.now())
    step = max(current, device.last_used_step + 1)
    if step > current + totp.VALID_WINDOW:
        time.sleep((step - totp.VALID_WINDOW) * totp.STEP_SECONDS - time.time() + 0.5)
    return str(generator.generate_otp(step))


@dataclass
class Visit:
    """One person's browser tab on the live site, in one language."""

    page: Page
    base_url: str
    language: str

    def __post_init__(self) -> None:
        from playwright.sync_api import expect  # noqa: PLC0415 - only browser tests need it

        self.expect = expect
        self.text = TEXTS[self.language]
        self.errors: list[str] = []
        self.page.on("console", self._record)
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))

    def _record(self, message: ConsoleMessage) -> None:
        """Keep console errors, such as a script or style the CSP blocked (the favicon aside)."""
        if message.type == "error" and "favicon" not in message.location.get("url", ""):
            self.errors.append(message.text)

    def url(self, name: str, **kwargs: Any) -> str:
        """Return the live address of the named page in this visit's language."""
        with translation.override(self.language):
            return self.base_url + reverse(name, kwargs=kwargs or None)

    def open(self, name: str, **kwargs: Any) -> None:
        """Go to the named page."""
        self.page.goto(self.url(name, **kwargs))

    def heading(self, key: str, *, level: int = 1) -> Locator:
        """Return the heading whose text is ``TEXTS[language][key]``."""
        return self.page.get_by_role("heading", name=self.text[key], exact=True, level=level)

    def message(self, key: str) -> Locator:
        """Return the page's success message ``TEXTS[language][key]``."""
        return self.page.get_by_role("status").filter(has_text=self.text[key])

    def label(self, key: str) -> Locator:
        """Return the form control labelled ``TEXTS[language][key]``."""
        return self.page.get_by_label(self.text[key], exact=True)

    def button(self, key: str) -> Locator:
        """Return the button ``TEXTS[language][key]``."""
        return self.page.get_by_role("button", name=self.text[key], exact=True)

    def sign_in(self, email: str) -> None:
        """Sign in through the login page and the two-factor code page."""
        self.open("accounts:login")
        self.expect(self.heading("log_in")).to_be_visible()
        self.label("email").fill(email)
        self.label("password").fill(demo.DEMO_PASSWORD)
        self.page.locator("main").get_by_role("button", name=self.text["log_in"]).click()
        self.expect(self.heading("enter_code")).to_be_visible()
        self.label("code").fill(next_code(email))
        self.button("continue").click()
        self.page.wait_for_url(self.url("accounts:dashboard"))
        self.expect(self.log_out_button()).to_be_visible()

    def log_out_button(self) -> Locator:
        """Return the header's "Log out" button."""
        return self.page.get_by_role("banner").get_by_role("button", name=self.text["log_out"])

    def sign_out(self) -> None:
        """Sign out with the header's button and land on the start page, signed out."""
        self.log_out_button().click()
        self.page.wait_for_url(self.url("start"))
        self.expect(self.page.get_by_role("link", name=self.text["log_in"])).to_be_visible()
