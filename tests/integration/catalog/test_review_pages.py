"""The industry body's queue and review page: reviewers only, with a second factor."""

from __future__ import annotations

import re
from typing import Any

from django.urls import reverse
from django.utils import translation

from meritpass.catalog import services
from meritpass.catalog.models import Approval, SpecificationVersion
from tests.integration.accounts.support import assert_strict_csp_safe
from tests.integration.catalog.conftest import World
from tests.integration.catalog.support import complete_content, draft, make_member, signed_in

Status = SpecificationVersion.Status


def url(name: str, language: str = "en", **kwargs: Any) -> str:
    with translation.override(language):
        return reverse(f"catalog:{name}", kwargs=kwargs)


def submitted(world: World) -> SpecificationVersion:
    version = draft(world.owner, world.author, complete_content(world.skills))
    return services.submit(version, world.body, world.author)


def test_the_queue_lists_what_was_submitted_to_the_body(world: World) -> None:
    version = submitted(world)
    reviewer = signed_in(world.reviewer)
    html = reviewer.get(url("review_queue", org=world.body.slug)).content.decode()
    assert "Welding stainless steel" in html
    assert url("review", org=world.body.slug, version=version.uuid) in html
    other = signed_in(world.other_reviewer)
    other_html = other.get(url("review_queue", org=world.other_body.slug)).content.decode()
    assert "Nothing is waiting for review." in other_html


def test_a_reviewer_without_a_second_factor_is_sent_to_enter_one(world: World) -> None:
    submitted(world)
    response = signed_in(world.reviewer, two_factor=False).get(
        url("review_queue", org=world.body.slug)
    )
    assert response.status_code == 302
    assert "two-factor" in response["Location"]


def test_the_review_page_shows_the_whole_specification(world: World) -> None:
    version = submitted(world)
    html = signed_in(world.reviewer).get(url("review", org=world.body.slug, version=version.uuid))
    page = html.content.decode()
    for words in (
        "Welding stainless steel",
        "Weld stainless pipes",
        "welding techniques",
        "7.5 ECTS credits, 200 hours",
        "EQF level 4, SeQF level 4 (placement decision MYH 2025/1234)",
        "0715 Mechanics and metal trades",
        "Practical assessment",
        "On site",
        "Programme quality assurance",
        "Fail, pass, distinction",
        version.digest,
    ):
        assert words in page, words
    assert re.search(r'<a href="/en/skills/530cb489-d900-46ab-9350-4d50ccd49eea/">', page)


def test_a_reviewer_comments_then_approves(world: World) -> None:
    version = submitted(world)
    reviewer = signed_in(world.reviewer)
    review = url("review", org=world.body.slug, version=version.uuid)
    reviewer.post(review, {"action": "comment", "comment": "Is outcome 2 assessed?"})
    response = reviewer.post(review, {"action": "approve", "comment": "Approved."}, follow=True)
    page = response.content.decode()
    assert "The version was approved; the approval credential is signed." in page
    assert "Is outcome 2 assessed?" in page
    version.refresh_from_db()
    assert version.status == Status.APPROVED
    assert Approval.objects.get(version=version).approved_by == world.reviewer
    assert 'value="approve"' not in page  # decided: no more approve button


def test_a_rejection_without_a_comment_is_refused_on_the_page(world: World) -> None:
    version = submitted(world)
    reviewer = signed_in(world.reviewer)
    review = url("review", org=world.body.slug, version=version.uuid, language="sv")
    with translation.override("sv"):
        response = reviewer.post(review, {"action": "reject", "comment": ""})
    assert response.status_code == 400
    assert "Kommentar: skriv varför specifikationen avslås." in response.content.decode()
    version.refresh_from_db()
    assert version.status == Status.SUBMITTED


def test_nobody_else_can_open_or_decide_a_review(world: World) -> None:
    version = submitted(world)
    other = signed_in(world.other_reviewer)
    # Another body's reviewer, through its own URLs: the version is not addressed to it.
    mine = url("review", org=world.other_body.slug, version=version.uuid)
    assert other.get(mine).status_code == 404
    assert other.post(mine, {"action": "approve", "comment": ""}).status_code == 404
    # Through the chosen body's URLs: not a member.
    theirs = url("review", org=world.body.slug, version=version.uuid)
    assert other.post(theirs, {"action": "approve", "comment": ""}).status_code == 403
    # The owner's author and a provider's reviewer.
    assert signed_in(world.author).post(theirs, {"action": "approve"}).status_code == 403
    provider_reviewer = signed_in(make_member(world.owner, "reviewer"))
    assert provider_reviewer.get(url("review_queue", org=world.owner.slug)).status_code == 200
    assert (
        provider_reviewer.post(
            url("review", org=world.owner.slug, version=version.uuid), {"action": "approve"}
        ).status_code
        == 404
    )
    body_author = signed_in(make_member(world.body, "author", "admin"))
    assert body_author.post(theirs, {"action": "approve"}).status_code == 403
    assert not Approval.objects.exists()


def test_the_pages_need_nothing_the_strict_csp_forbids(world: World) -> None:
    version = submitted(world)
    reviewer, author = signed_in(world.reviewer), signed_in(world.author)
    pages = [
        (reviewer, url("review_queue", org=world.body.slug)),
        (reviewer, url("review", org=world.body.slug, version=version.uuid)),
        (author, url("specifications", org=world.owner.slug)),
        (author, url("specification", org=world.owner.slug, uuid=version.specification.uuid)),
        (author, url("version", org=world.owner.slug, uuid=version.specification.uuid, number=1)),
        (author, url("delegations", org=world.owner.slug, uuid=version.specification.uuid)),
        (reviewer, url("list")),
    ]
    services.new_version(version.specification, world.author)
    pages.append((author, url("edit", org=world.owner.slug, uuid=version.specification.uuid)))
    for client, address in pages:
        response = client.get(address)
        assert response.status_code == 200, address
        assert_strict_csp_safe(response.content.decode())
