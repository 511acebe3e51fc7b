"""Time bulk issuing of 10,000 learners end to end, beside signing alone, on a fresh database.

Each run happens in a child process that owns a fresh database (see ``bench/databases.py``). The
child migrates and builds the trust chain (an authority, an accredited provider, a recognised
industry body, an approved and published specification; not timed), writes a CSV file of
``ROWS`` learners, then times:

- the baseline: signing the same Open Badges 3.0 credential (issuer accreditation and industry
  approval embedded, both status entries) ``BASELINE`` times with one decrypted key — the floor
  under issuing, which also has to validate, allocate status indexes and store;
- ``validate``: reading and checking every row of the CSV file;
- ``job``: storing the job's rows; ``issue``: the background job itself (status indexes, signing
  in one worker process per CPU, inserts, audit events, one transaction per 200 rows);
- end to end: the three together, the issue's figure (≥ 300 credentials per second on
  PostgreSQL on this 2-core machine, i.e. at most 33.3 s for 10,000 rows).

The claim emails are queued by the job as tasks of their own and are not part of the figure.

    python -m bench.bulk_issue          # prints the rows as JSON
"""

from __future__ import annotations

import base64
import json
import sys
import time
from datetime import timedelta
from typing import Any

from bench.databases import available, fresh, run_child, setup_django, summary

ROWS = 10_000
BASELINE = 300
#: The issue's target: 10,000 credentials at 300 per second, end to end (milliseconds).
TARGETS = {"bulk.issue.postgresql": ROWS / 300 * 1000}
Row = dict[str, Any]
KEK = base64.urlsafe_b64encode(b"bench-key-encryption-key-32byte!").decode()


def measure(*, runs: int = 3, rows: int = ROWS) -> list[Row]:
    """Time validate, job and issue of ``rows`` learners on each available database."""
    result: list[Row] = []
    for key, name in available():
        samples = []
        for _ in range(runs if key == "postgresql" else 1):
            with fresh(key) as environment:
                child = {**environment, "MERITPASS_KEY_ENCRYPTION_KEY": KEK}
                samples.append(run_child("bench.bulk_issue", [str(rows)], child))
        result += _rows(key, name, samples, rows)
    return result


def _rows(key: str, name: str, samples: list[dict[str, float]], rows: int) -> list[Row]:
    total = summary([sample["total_ms"] for sample in samples])
    sign = summary([sample["sign_ms"] for sample in samples])
    return [
        {
            "id": f"bulk.sign.{key}",
            "what": "baseline: sign one credential with its embedded endorsements (one key, "
            f"{name} run)",
            **sign,
            "per_second": 1000 / sign["median_ms"],
        },
        {
            "id": f"bulk.validate.{key}",
            "what": f"validate a CSV file of {rows:,} learners, {name}",
            **summary([sample["validate_ms"] for sample in samples]),
        },
        {
            "id": f"bulk.issue.{key}",
            "what": f"bulk issuing of {rows:,} learners end to end (validate, store, sign, "
            f"status indexes), {name}",
            **total,
            "per_second": rows / total["median_ms"] * 1000,
            "issue_ms": summary([sample["issue_ms"] for sample in samples])["median_ms"],
        },
    ]


def _csv(rows: int, day: str) -> bytes:
    lines = ["name;email;did;date;grade;idempotency_key"]
    lines += [f"Learner {n};learner{n}@example.org;;{day};VG;" for n in range(rows)]
    return ("\r\n".join(lines) + "\r\n").encode("utf-8")


def _world() -> tuple[Any, Any, Any]:
    """Build the chain: authority → accredited provider, recognised body → approved version."""
    from django.utils import timezone  # noqa: PLC0415 - the child owns its settings

    from meritpass.accounts.models import Membership, Organisation, Role, User  # noqa: PLC0415
    from meritpass.catalog import services as catalog  # noqa: PLC0415
    from meritpass.core.vocabularies import controlled_lists as lists  # noqa: PLC0415
    from meritpass.registry import services as registry  # noqa: PLC0415
    from meritpass.taxonomy.models import Concept  # noqa: PLC0415

    now = timezone.now()
    year = timedelta(days=365)

    def organisation(slug: str, kind: str) -> Organisation:
        return Organisation.objects.create(slug=slug, kind=kind, name_sv=slug, name_en=slug)

    def member(org: Organisation, role: str) -> User:
        user = User.objects.create_user(f"{role}@{org.slug}.example", "a long passphrase")
        Membership.objects.create(user=user, organisation=org, role=role)
        return user

    authority = organisation("authority", Organisation.Kind.AUTHORITY)
    body = organisation("industry", Organisation.Kind.INDUSTRY_BODY)
    provider = organisation("provider", Organisation.Kind.PROVIDER)
    registry.recognise(
        authority,
        body,
        sectors=["07"],
        valid_from=now - year,
        valid_until=None,
        actor=None,
        now=now - year,
    )
    registry.accredit(
        authority,
        provider,
        eqf_levels=[4],
        fields=["07"],
        valid_from=now - year,
        valid_until=now + year,
        decision="Bench 1",
        actor=None,
        now=now - year,
    )
    skill = "http://data.europa.eu/esco/skill/0b6a0f8e-5e7f-4a39-9d2e-9a4a8c1a7b01"
    Concept.objects.create(uri=skill, kind=Concept.Kind.SKILL, label_en="weld", label_sv="svetsa")
    content = {
        "title": {"sv": "Svetsning", "en": "Welding"},
        "learningOutcomes": [{"text": {"sv": "Svetsar", "en": "Welds"}, "skills": [skill]}],
        "workload": {"ects": "3", "hours": 80},
        "eqfLevel": 4,
        "fieldOfEducation": "0715",
        "assessmentType": lists.ASSESSMENT_TYPES.terms[0].uri,
        "participationForm": lists.PARTICIPATION_FORMS.terms[0].uri,
        "qualityAssurance": lists.QUALITY_ASSURANCE_TYPES.terms[0].uri,
        "grading": {"scheme": {"sv": "G/VG", "en": "Pass/distinction"}, "values": ["G", "VG"]},
        "language": "sv",
    }
    author = member(provider, Role.AUTHOR)
    version = catalog.create_specification(provider, author)
    catalog.save_draft(version, content, author)
    catalog.submit(version, body, author, now=now - timedelta(days=3))
    catalog.approve(version, "", member(body, Role.REVIEWER), body, now=now - timedelta(days=2))
    version = catalog.publish(version, author, now=now - timedelta(days=1))
    return provider, version, member(provider, Role.ISSUER)


def _baseline(provider: Any, version: Any) -> float:
    """Return the median time (ms) to sign one typical credential of this world."""
    from django.utils import timezone  # noqa: PLC0415

    from meritpass.issuing import status_lists  # noqa: PLC0415
    from meritpass.issuing.credentials import IssuingContext  # noqa: PLC0415
    from meritpass.issuing.validation import LearnerInput  # noqa: PLC0415

    now = timezone.now()
    context = IssuingContext.prepare(provider, version)
    revocation = status_lists.allocate(provider, "revocation", 1, now=now)[0]
    suspension = status_lists.allocate(provider, "suspension", 1, now=now)[0]
    learner = LearnerInput("Learner", "learner@example.org", None, timezone.localdate(), "VG")
    samples = []
    for _ in range(BASELINE):
        started = time.perf_counter()
        context.credential(
            award_id="urn:uuid:00000000-0000-4000-8000-000000000000",
            learner=learner,
            revocation=revocation,
            suspension=suspension,
            now=now,
        )
        samples.append((time.perf_counter() - started) * 1000)
    return summary(samples)["median_ms"]


def _issue(rows: int) -> dict[str, float]:
    """In the child: migrate, build the world, then time the baseline and the bulk issue."""
    setup_django()
    from django.utils import timezone  # noqa: PLC0415

    from meritpass.issuing import bulk, jobs  # noqa: PLC0415

    provider, version, issuer = _world()
    timings = {"sign_ms": _baseline(provider, version)}
    data = _csv(rows, timezone.localdate().isoformat())
    started = time.perf_counter()
    valid, errors = bulk.validate(version, data, "en", organisation=provider)
    assert not errors, errors[:3]  # a broken bench must not report a figure
    validated = time.perf_counter()
    job = bulk.create_job(provider, version, valid, filename="bench.csv", actor=issuer, start=True)
    stored = time.perf_counter()
    finished = jobs.run_job(job.pk)
    done = time.perf_counter()
    assert finished is not None
    assert finished.issued == rows
    timings |= {
        "validate_ms": (validated - started) * 1000,
        "job_ms": (stored - validated) * 1000,
        "issue_ms": (done - stored) * 1000,
        "total_ms": (done - started) * 1000,
    }
    return timings


if __name__ == "__main__":
    if "--child" in sys.argv:
        print(json.dumps(_issue(int(sys.argv[-1]))))
    else:
        quick = "--quick" in sys.argv
        print(json.dumps(measure(runs=1 if quick else 3, rows=2_000 if quick else ROWS), indent=2))
