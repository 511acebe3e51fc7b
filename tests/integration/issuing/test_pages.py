"""The issuer's pages: awards list, the award form, bulk upload with its errors, jobs, status."""

from __future__ import annotations

import re

from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

from meritpass.accounts.models import Role
from meritpass.issuing import jobs, services
from meritpass.issuing.models import Award, BulkJob, StatusChange
from tests.integration.issuing.conftest import World, make_member, signed_in


def url(name: str, **kwargs: object) -> str:
    with translation.override("en"):
        return reverse(f"issuing:{name}", kwargs=kwargs)


def issue(world: World, n: int = 1) -> Award:
    return services.issue(
        issuer=world.provider, version=world.version, learner=world.learner(n)
    ).award


def form_data(**changes: str) -> dict[str, str]:
    data = {
        "name": "Ann Andersson",
        "email": "ann@example.org",
        "did": "",
        "date": timezone.localdate().isoformat(),
        "grade": "G",
    }
    data.update(changes)
    return data


def test_only_issuers_with_a_second_factor_reach_the_pages(world: World) -> None:
    page = url("awards", org=world.provider.slug)
    assert Client().get(page).status_code == 302  # to the login page
    assert signed_in(world.author).get(page).status_code == 403
    assert signed_in(world.other_issuer).get(page).status_code == 403
    needs_code = signed_in(world.issuer, two_factor=False).get(page)
    assert needs_code.status_code == 302
    assert "two-factor" in needs_code["Location"]
    assert signed_in(world.issuer).get(page).status_code == 200


def test_the_award_form_issues_and_shows_the_award(world: World) -> None:
    client = signed_in(world.issuer)
    chooser = client.get(url("award_new", org=world.provider.slug))
    assert "Svetsning, grund" in chooser.content.decode() or "Welding" in chooser.content.decode()
    page = url("award_new", org=world.provider.slug, version=world.version.uuid)
    response = client.post(page, form_data(), follow=True)
    assert response.status_code == 200
    award = Award.objects.get()
    assert (award.learner_name, award.created_by) == ("Ann Andersson", world.issuer)
    assert response.redirect_chain[-1][0] == url("award", org=world.provider.slug, award=award.uuid)
    again = client.post(page, form_data(), follow=True)
    assert "already has this credential" in again.content.decode()
    assert Award.objects.count() == 1


def test_the_award_form_names_each_wrong_field(world: World) -> None:
    client = signed_in(world.issuer)
    page = url("award_new", org=world.provider.slug, version=world.version.uuid)
    response = client.post(
        page, form_data(email="nope", name=""), headers={"accept-language": "en"}
    )
    assert response.status_code == 400
    form = response.context["form"]
    assert form.errors["email"] == ["Email: “nope” is not a valid email address."]
    assert form.errors["name"] == ["Name: enter the learner's name."]
    assert Award.objects.count() == 0


def test_a_version_the_provider_may_not_issue_is_not_found(world: World) -> None:
    client = signed_in(world.other_issuer)
    page = url("award_new", org=world.other.slug, version=world.version.uuid)
    assert client.get(page).status_code == 404
    assert client.post(page, form_data()).status_code == 404


def test_the_list_finds_awards_by_name_and_state(world: World) -> None:
    first, second = issue(world, 1), issue(world, 2)
    services.revoke(second, "Void", None)
    client = signed_in(world.issuer)
    page = url("awards", org=world.provider.slug)
    assert list(client.get(page, {"q": "learner1@"}).context["page"]) == [first]
    assert list(client.get(page, {"state": "revoked"}).context["page"]) == [second]
    assert signed_in(world.other_issuer).get(page).status_code == 403


def test_an_award_of_another_organisation_is_not_found(world: World) -> None:
    award = issue(world)
    other = signed_in(world.other_issuer)
    page = url("award", org=world.other.slug, award=award.uuid)
    assert other.get(page).status_code == 404
    status = url("award_status", org=world.other.slug, award=award.uuid)
    assert other.post(status, {"action": "revoke", "reason": "x"}).status_code == 404
    award.refresh_from_db()
    assert award.state == Award.State.ACTIVE


def test_status_changes_need_a_reason_and_show_in_the_history(world: World) -> None:
    award = issue(world)
    client = signed_in(world.issuer)
    status = url("award_status", org=world.provider.slug, award=award.uuid)
    refused = client.post(status, {"action": "suspend", "reason": ""})
    assert refused.status_code == 400
    assert StatusChange.objects.count() == 0
    client.post(status, {"action": "suspend", "reason": "Checking the exam"})
    page = client.get(url("award", org=world.provider.slug, award=award.uuid))
    assert "Checking the exam" in page.content.decode()
    assert page.context["can_reinstate"]
    assert not page.context["can_suspend"]
    client.post(status, {"action": "revoke", "reason": "Cheating"})
    again = client.post(status, {"action": "reinstate", "reason": "Please"})
    assert again.status_code == 400
    award.refresh_from_db()
    assert award.state == Award.State.REVOKED


def test_an_author_cannot_revoke(world: World) -> None:
    award = issue(world)
    author = signed_in(make_member(world.provider, Role.AUTHOR))
    status = url("award_status", org=world.provider.slug, award=award.uuid)
    assert author.post(status, {"action": "revoke", "reason": "x"}).status_code == 403


def test_bulk_upload_shows_errors_per_row_and_keeps_nothing(world: World) -> None:
    client = signed_in(world.issuer)
    page = url("bulk_new", org=world.provider.slug, version=world.version.uuid)
    today = timezone.localdate().isoformat()
    data = f"name;email;date\nAnn;ann@example.org;{today}\nBo;bo-at-example;{today}\n".encode()
    response = client.post(
        page,
        {"file": SimpleUploadedFile("kurs.csv", data, "text/csv")},
        headers={"accept-language": "en"},
    )
    assert response.status_code == 400
    errors = response.context["errors"]
    assert [(error.row, error.column) for error in errors] == [(3, "email")]
    assert "bo-at-example" in response.content.decode()
    assert BulkJob.objects.count() == 0


def test_bulk_upload_confirm_progress_and_results(world: World) -> None:
    client = signed_in(world.issuer)
    template = client.get(url("bulk_template", org=world.provider.slug, version=world.version.uuid))
    assert template["Content-Type"] == "text/csv; charset=utf-8"
    today = timezone.localdate().isoformat()
    rows = "".join(f"L{n};l{n}@example.org;;{today};G;\r\n" for n in range(3))
    upload = SimpleUploadedFile("kurs.csv", template.content + rows.encode(), "text/csv")
    page = url("bulk_new", org=world.provider.slug, version=world.version.uuid)
    response = client.post(page, {"file": upload})
    job = BulkJob.objects.get()
    assert response["Location"] == url("job", org=world.provider.slug, job=job.uuid)
    assert (job.state, job.total) == ("ready", 3)
    confirm = client.get(response["Location"])
    assert url("job_start", org=world.provider.slug, job=job.uuid) in confirm.content.decode()
    client.post(url("job_start", org=world.provider.slug, job=job.uuid))
    progress = client.get(url("job_progress", org=world.provider.slug, job=job.uuid))
    assert 'hx-trigger="every 1s"' in progress.content.decode()
    running = client.get(response["Location"]).content.decode()
    assert 'http-equiv="refresh"' in running  # the page refreshes itself without JavaScript
    jobs.run_job(job.pk)
    done = client.get(url("job_progress", org=world.provider.slug, job=job.uuid)).content.decode()
    assert "hx-trigger" not in done
    result = client.get(response["Location"])
    assert len(result.context["rows"].object_list) == 3
    assert 'http-equiv="refresh"' not in result.content.decode()


def test_another_organisation_cannot_see_or_start_a_job(world: World) -> None:
    client = signed_in(world.issuer)
    today = timezone.localdate().isoformat()
    upload = SimpleUploadedFile("k.csv", f"name,email,date\nA,a@example.org,{today}\n".encode())
    client.post(
        url("bulk_new", org=world.provider.slug, version=world.version.uuid), {"file": upload}
    )
    job = BulkJob.objects.get()
    other = signed_in(world.other_issuer)
    assert other.get(url("job", org=world.other.slug, job=job.uuid)).status_code == 404
    assert other.post(url("job_start", org=world.other.slug, job=job.uuid)).status_code == 404
    job.refresh_from_db()
    assert job.state == BulkJob.State.READY


def test_the_pages_render_in_swedish(world: World) -> None:
    client = signed_in(world.issuer)
    with translation.override("sv"):
        page = reverse("issuing:awards", kwargs={"org": world.provider.slug})
    assert page.startswith("/sv/")
    assert client.get(page).status_code == 200


def test_a_new_claim_link_replaces_the_lost_one(
    world: World, django_capture_on_commit_callbacks: object
) -> None:
    award = issue(world)
    old_hash = award.claim_token_hash
    page = reverse(
        "issuing:award_resend_claim", kwargs={"org": world.provider.slug, "award": award.uuid}
    )
    assert signed_in(world.other_issuer).post(page).status_code == 403
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):  # type: ignore[operator]
        response = signed_in(world.issuer).post(page)
    assert response.status_code == 302
    award.refresh_from_db()
    assert award.claim_token_hash
    assert award.claim_token_hash != old_hash
    assert [message.to for message in mail.outbox] == [[award.learner_email]]
    with translation.override(award.language):
        claim = reverse("issuing:claim", kwargs={"token": "T"}).removesuffix("T/")
    link = re.search(re.escape(claim) + r"(\S+)/", mail.outbox[0].body)
    assert link is not None
    assert Client().get(claim + link.group(1) + "/").status_code == 200

    services.revoke(award, "Fel person.", world.issuer)
    with django_capture_on_commit_callbacks(execute=True):  # type: ignore[operator]
        signed_in(world.issuer).post(page)
    award.refresh_from_db()
    assert len(mail.outbox) == 1  # a revoked credential gets no new link
