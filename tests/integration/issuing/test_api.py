"""The issuing API: a learning-management system issues, reads and changes awards of its own
organisation only, and every error is problem details naming where it is."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from meritpass.accounts.services import create_api_token
from meritpass.audit.models import AuditEvent
from meritpass.issuing import api, jobs
from meritpass.issuing.models import Award, BulkJob
from tests.integration.issuing.conftest import World

pytestmark = pytest.mark.urls("tests.integration.issuing.api_urls")

Call = Callable[..., Any]


def api_client(world: World, organisation: str = "provider") -> Call:
    _, secret = create_api_token(getattr(world, organisation), "LMS", actor=None)
    client = Client()

    def call(method: str, path: str, body: object = None, **headers: str) -> Any:
        return getattr(client, method)(
            f"/api/v1{path}",
            body,
            content_type="application/json",
            headers={"authorization": f"Bearer {secret}", "accept-language": "en", **headers},
        )

    return call


@pytest.fixture
def lms(world: World) -> Call:
    return api_client(world)


def award_body(world: World, n: int = 1, **changes: object) -> dict[str, object]:
    body: dict[str, object] = {
        "version": str(world.version.uuid),
        "name": f"Learner {n}",
        "email": f"learner{n}@example.org",
        "date": timezone.localdate().isoformat(),
        "grade": "VG",
    }
    body.update(changes)
    return body


def test_lists_the_specifications_it_may_issue(world: World, lms: Call) -> None:
    response = lms("get", "/specifications")
    assert response.status_code == 200
    (item,) = response.json()
    assert item["id"] == str(world.version.uuid)
    assert item["grades"] == ["G", "VG"]
    assert item["title"]["en"] == "Welding, basic"
    assert api_client(world, "other")("get", "/specifications").json() == []


def test_issues_once_per_idempotency_key(world: World, lms: Call) -> None:
    first = lms("post", "/awards", award_body(world), **{"idempotency-key": "lms-1"})
    assert first.status_code == 201
    body = first.json()
    assert body["state"] == "active"
    assert body["credential"]["id"] == f"urn:uuid:{body['id']}"
    again = lms("post", "/awards", award_body(world), **{"idempotency-key": "lms-1"})
    assert again.status_code == 200
    assert again.json()["id"] == body["id"]
    other = lms("post", "/awards", award_body(world, 2), **{"idempotency-key": "lms-1"})
    assert other.status_code == 409
    assert other.json()["type"] == "urn:meritpass:problem:issuing.idempotency_conflict"
    assert lms("post", "/awards", award_body(world, idempotency_key="lms-1")).status_code == 200
    assert Award.objects.count() == 1
    event = AuditEvent.objects.get(action="issued")
    assert event.via_token
    assert event.actor is None


def test_field_errors_are_problem_details_with_locations(world: World, lms: Call) -> None:
    response = lms("post", "/awards", award_body(world, name=" ", email="x", date="2026-13-01"))
    assert response.status_code == 422
    assert response["Content-Type"] == "application/problem+json"
    problem = response.json()
    assert problem["type"] == "urn:meritpass:problem:invalid-award"
    assert [item["location"] for item in problem["errors"]] == [
        "body.name",
        "body.email",
        "body.date",
    ]
    swedish = lms("post", "/awards", award_body(world, name=""), **{"accept-language": "sv"})
    assert swedish.json()["errors"][0]["message"] == "Namn: ange mottagarens namn."


def test_differing_keys_are_refused(world: World, lms: Call) -> None:
    response = lms(
        "post", "/awards", award_body(world, idempotency_key="a"), **{"idempotency-key": "b"}
    )
    assert response.status_code == 422
    assert response.json()["errors"][0]["location"] == "header.Idempotency-Key"


def test_a_specification_it_may_not_issue_is_forbidden(world: World) -> None:
    response = api_client(world, "other")("post", "/awards", award_body(world))
    assert response.status_code == 403
    assert response.json()["errors"][0]["location"] == "body.version"


def test_without_a_valid_token_nothing_happens(world: World) -> None:
    response = Client().post("/api/v1/awards", award_body(world), content_type="application/json")
    assert response.status_code == 401
    assert Award.objects.count() == 0


def test_reads_and_changes_only_its_own_awards(world: World, lms: Call) -> None:
    award_id = lms("post", "/awards", award_body(world)).json()["id"]
    other = api_client(world, "other")
    hidden = other("get", f"/awards/{award_id}")
    assert hidden.status_code == 404
    assert hidden["Content-Type"] == "application/problem+json"
    assert hidden.json()["type"] == "urn:meritpass:problem:not-found"
    assert other("post", f"/awards/{award_id}/revoke", {"reason": "x"}).status_code == 404
    assert lms("get", f"/awards/{award_id}").json()["state"] == "active"
    missing = lms("post", f"/awards/{award_id}/suspend", {})
    assert missing.status_code == 422
    assert missing.json()["errors"][0]["location"] == "body.reason"
    suspended = lms("post", f"/awards/{award_id}/suspend", {"reason": "Checking"})
    assert suspended.json()["state"] == "suspended"
    assert lms("post", f"/awards/{award_id}/reinstate", {"reason": "Fine"}).json()["state"] == (
        "active"
    )
    assert lms("post", f"/awards/{award_id}/revoke", {"reason": "Void"}).json()["state"] == (
        "revoked"
    )
    final = lms("post", f"/awards/{award_id}/reinstate", {"reason": "Please"})
    assert final.status_code == 409


def test_a_batch_is_validated_whole_then_queued(world: World, lms: Call) -> None:
    rows = [award_body(world, n) for n in range(1, 6)]
    for row in rows:
        row.pop("version")
    rows[3]["email"] = "broken"
    rows[4]["date"] = (timezone.localdate() + timedelta(days=2)).isoformat()
    refused = lms("post", "/awards/batch", {"version": str(world.version.uuid), "awards": rows})
    assert refused.status_code == 422
    locations = [item["location"] for item in refused.json()["errors"]]
    assert locations == ["body.awards[3].email", "body.awards[4].date"]
    assert BulkJob.objects.count() == 0
    rows[3]["email"] = "fixed@example.org"
    rows[4]["date"] = timezone.localdate().isoformat()
    accepted = lms("post", "/awards/batch", {"version": str(world.version.uuid), "awards": rows})
    assert accepted.status_code == 202
    job = accepted.json()
    assert (job["state"], job["total"], job["progress"]) == ("queued", 5, 0.0)
    jobs.run_job(BulkJob.objects.get(uuid=job["id"]).pk)
    done = lms("get", f"/jobs/{job['id']}?results=true").json()
    assert (done["state"], done["issued"], done["progress"]) == ("done", 5, 1.0)
    assert len(set(done["awards"])) == 5
    assert api_client(world, "other")("get", f"/jobs/{job['id']}").status_code == 404


def test_an_empty_or_oversized_batch_is_refused(
    world: World, lms: Call, monkeypatch: pytest.MonkeyPatch
) -> None:
    empty = lms("post", "/awards/batch", {"version": str(world.version.uuid), "awards": []})
    assert empty.status_code == 422
    assert empty.json()["errors"][0]["location"] == "body.awards"
    monkeypatch.setattr(api, "MAX_BATCH", 2)
    rows = [{"name": f"L{n}", "email": f"l{n}@example.org"} for n in range(3)]
    large = lms("post", "/awards/batch", {"version": str(world.version.uuid), "awards": rows})
    assert large.status_code == 422
    assert "at most 2 learners" in large.json()["errors"][0]["message"]


def test_the_openapi_document_describes_the_issuing_operations(world: World) -> None:
    document = Client().get("/api/openapi.json").json()
    paths = document["paths"]
    assert paths["/api/v1/awards"]["post"]["summary"] == "Issue a credential to one learner"
    assert "/api/v1/awards/{award_id}/revoke" in paths
    assert "/api/v1/jobs/{job_id}" in paths
