"""Bulk issuing: every row checked before anything is issued, then a job that survives crashes."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from meritpass.audit.models import AuditEvent
from meritpass.core.verification.verify import verify_credential
from meritpass.issuing import bulk, jobs, services
from meritpass.issuing.errors import IssuingError
from meritpass.issuing.models import Award, BulkJob, BulkRow
from meritpass.registry.trust import platform_policy
from tests.integration.issuing.conftest import World


def csv_file(world: World, count: int, *, delimiter: str = ",", bom: bool = False) -> bytes:
    today = timezone.localdate().isoformat()
    lines = [delimiter.join(["name", "email", "did", "date", "grade", "idempotency_key"])]
    lines += [
        delimiter.join([f"Learner {n}", f"learner{n}@example.org", "", today, "G", ""])
        for n in range(1, count + 1)
    ]
    text = "\r\n".join(lines) + "\r\n"
    return (("\ufeff" if bom else "") + text).encode("utf-8")


def validate(world: World, data: bytes, language: str = "en") -> tuple[list, list]:
    return bulk.validate(world.version, data, language, organisation=world.provider)


def job_for(world: World, data: bytes, *, start: bool = True) -> BulkJob:
    rows, errors = validate(world, data)
    assert errors == []
    return bulk.create_job(
        world.provider, world.version, rows, filename="x.csv", actor=world.issuer, start=start
    )


class CrashError(Exception):
    pass


def crash_after(chunk: int) -> jobs.AfterChunk:
    def hook(job: BulkJob, done: int) -> None:
        if done == chunk:
            raise CrashError

    return hook


@pytest.mark.parametrize(("delimiter", "bom"), [(",", False), (";", True)])
def test_a_valid_file_is_read_whatever_its_delimiter(
    world: World, delimiter: str, bom: bool
) -> None:
    rows, errors = validate(world, csv_file(world, 3, delimiter=delimiter, bom=bom))
    assert errors == []
    assert [row.number for row in rows] == [2, 3, 4]
    assert rows[0].learner.email == "learner1@example.org"


def test_the_template_has_the_columns_of_the_specification(world: World) -> None:
    assert bulk.template(world.version).decode("utf-8-sig").strip() == (
        "name;email;did;date;grade;idempotency_key"
    )
    ungraded = world.publish(world.provider, graded=False)
    assert "grade" not in bulk.template(ungraded).decode("utf-8-sig")
    today = timezone.localdate().isoformat()
    filled = bulk.template(world.version) + f"Ann;ann@example.org;;{today};VG;\r\n".encode()
    rows, errors = validate(world, filled)
    assert (len(rows), errors) == (1, [])


def test_errors_name_the_row_as_in_the_file_and_the_column(world: World) -> None:
    today = timezone.localdate().isoformat()
    data = (
        "name,email,date,grade\n"
        f"Ann,ann@example.org,{today},G\n"
        "\n"  # a blank line still counts in the file's numbering
        f",bad-address,{today},G\n"
        f"Bo,bo@example.org,31/12/2025,X\n"
        f"Ann again,ANN@example.org,{today},VG\n"
    ).encode()
    _, errors = validate(world, data)
    found = [(error.row, error.column) for error in errors]
    assert found == [(4, "name"), (4, "email"), (5, "date"), (5, "grade"), (6, "idempotency_key")]
    assert errors[2].message.startswith("Date: “31/12/2025” is not a date")
    assert "same credential as row 2" in errors[4].message
    _, swedish = validate(world, data, "sv")
    assert swedish[0].message == "Namn: ange mottagarens namn."


def test_a_grade_outside_the_scale_is_an_error_of_its_column(world: World) -> None:
    today = timezone.localdate().isoformat()
    data = f"name,email,date,grade\nBo,bo@example.org,{today},X\n".encode()
    _, errors = validate(world, data)
    assert [(error.row, error.column) for error in errors] == [(2, "grade")]


@pytest.mark.parametrize(
    ("data", "english"),
    [
        (b"", "File: the file has no header row."),
        (b"name,email\nA,a@example.org\n", "File: the column \u201cdate\u201d is missing."),
        (b"name,email,date,shoe size\n", "File: the column \u201cshoe size\u201d is not one"),
        (b"name,email,date\n", "Rows: there is no learner to issue to."),
        (b"name,email,date\n\xff\xfe,x,y\n", "File: the file is not UTF-8 text (byte 16)."),
        (b'name,email,date\n"A,a@example.org\n', "File: the file cannot be read as CSV"),
    ],
)
def test_a_file_that_cannot_be_used_is_one_error(world: World, data: bytes, english: str) -> None:
    rows, errors = validate(world, data)
    assert rows == []
    assert errors[0].row == 0
    assert errors[0].message.startswith(english)


def test_too_many_rows_are_refused(world: World, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(bulk, "MAX_ROWS", 3)
    _, errors = validate(world, csv_file(world, 4))
    assert [error.message for error in errors] == [
        "Rows: at most 3 learners can be issued at once; this has more."
    ]


def test_a_file_for_a_specification_the_provider_may_not_issue_is_refused(world: World) -> None:
    with pytest.raises(IssuingError):
        bulk.validate(world.version, csv_file(world, 1), "en", organisation=world.other)


def test_a_job_issues_every_row_once_in_chunks(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(jobs, "CHUNK", 20)
    job = job_for(world, csv_file(world, 50))
    assert job.state == BulkJob.State.QUEUED
    assert DBTaskResult.objects.filter(id=job.task_id).exists()
    finished = jobs.run_job(job.pk)
    assert finished is not None
    assert (finished.state, finished.issued, finished.skipped) == ("done", 50, 0)
    assert Award.objects.filter(job=job).count() == 50
    assert not BulkRow.objects.filter(job=job, award__isnull=True).exists()
    assert AuditEvent.objects.filter(action="issued").count() == 50
    assert AuditEvent.objects.filter(action="bulk_started").count() == 1
    lists = {award.revocation_list_id for award in Award.objects.all()}
    assert len(lists) == 1
    indexes = list(Award.objects.values_list("revocation_index", flat=True))
    assert len(set(indexes)) == 50


# The worker closes connections that are not in autocommit mode, as a test transaction is.
@pytest.mark.django_db(transaction=True)
def test_the_learners_of_a_job_are_emailed_by_their_own_tasks_once(world: World) -> None:
    job = job_for(world, csv_file(world, 30))
    jobs.run_job(job.pk)
    assert mail.outbox == []  # issuing never waits for the mail server
    worker = ("run_worker", "--batch", "--no-startup-delay", "--no-reload")
    call_command(*worker, verbosity=0)
    assert sorted(message.to[0] for message in mail.outbox) == sorted(
        f"learner{n}@example.org" for n in range(1, 31)
    )
    assert not Award.objects.filter(claim_token_hash="").exists()
    assert jobs.send_claim_emails.call(list(Award.objects.values_list("pk", flat=True))) == 0
    assert len(mail.outbox) == 30


def test_a_job_waits_for_confirmation(world: World) -> None:
    job = job_for(world, csv_file(world, 2), start=False)
    assert job.state == BulkJob.State.READY
    assert jobs.run_job(job.pk) is None
    assert Award.objects.count() == 0
    bulk.start_job(job, actor=world.issuer)
    job.refresh_from_db()
    assert job.state == BulkJob.State.QUEUED


def test_uploading_the_same_file_again_issues_nothing_twice(world: World) -> None:
    data = csv_file(world, 10)
    jobs.run_job(job_for(world, data).pk)
    services.issue(issuer=world.provider, version=world.version, learner=world.learner(11))
    second = jobs.run_job(job_for(world, csv_file(world, 12)).pk)
    assert second is not None
    assert (second.issued, second.skipped) == (1, 11)
    assert Award.objects.count() == 12
    linked = BulkRow.objects.filter(job=second, award__isnull=False).count()
    assert linked == 12


def test_a_crash_mid_job_loses_no_row_and_issues_none_twice(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(jobs, "CHUNK", 15)
    job = job_for(world, csv_file(world, 50))
    with pytest.raises(CrashError):
        jobs.run_job(job.pk, after_chunk=crash_after(2))
    job.refresh_from_db()
    assert (job.state, job.issued) == ("issuing", 30)
    assert jobs.resume_stalled() == []  # its heartbeat is fresh: it may still be running
    BulkJob.objects.filter(pk=job.pk).update(heartbeat_at=timezone.now() - timedelta(minutes=3))
    resumed = jobs.resume_stalled()
    assert [item.pk for item in resumed] == [job.pk]
    job.refresh_from_db()
    assert job.state == BulkJob.State.QUEUED
    finished = jobs.run_job(job.pk)
    assert finished is not None
    assert (finished.state, finished.issued, finished.skipped) == ("done", 50, 0)
    assert Award.objects.count() == 50
    emails = set(Award.objects.values_list("learner_email", flat=True))
    assert emails == {f"learner{n}@example.org" for n in range(1, 51)}


def test_a_queued_job_without_a_live_task_is_queued_again(world: World) -> None:
    job = job_for(world, csv_file(world, 3))
    assert jobs.resume_stalled() == []  # its task waits in the queue
    DBTaskResult.objects.filter(id=job.task_id).delete()
    assert [item.pk for item in jobs.resume_stalled()] == [job.pk]
    job.refresh_from_db()
    assert DBTaskResult.objects.filter(id=job.task_id, status="READY").exists()


# The worker closes connections that are not in autocommit mode, as a test transaction is.
@pytest.mark.django_db(transaction=True)
def test_the_worker_resumes_and_runs_stopped_jobs(world: World) -> None:
    job = job_for(world, csv_file(world, 5))
    DBTaskResult.objects.all().delete()  # the worker that had it died with its queue entry
    call_command("run_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)
    job.refresh_from_db()
    assert (job.state, job.issued) == ("done", 5)


def test_resume_command_reports_what_it_did(
    world: World, capsys: pytest.CaptureFixture[str]
) -> None:
    job_for(world, csv_file(world, 1))
    DBTaskResult.objects.all().delete()
    call_command("resume_bulk_jobs")
    assert "1 bulk job(s) resumed" in capsys.readouterr().out


def test_a_job_fails_cleanly_when_issuing_rights_end_meanwhile(world: World) -> None:
    job = job_for(world, csv_file(world, 3))
    world.version.status = "retired"
    world.version.save(update_fields=["status"])
    finished = jobs.run_job(job.pk)
    assert finished is not None
    assert finished.state == BulkJob.State.FAILED
    assert "är inte publicerad" in finished.failure  # in the uploader's language
    assert Award.objects.count() == 0


def test_a_large_job_signs_in_worker_processes(
    world: World, monkeypatch: pytest.MonkeyPatch, settings: object
) -> None:
    monkeypatch.setattr(jobs, "PARALLEL_FROM", 10)
    monkeypatch.setattr(jobs, "CHUNK", 12)
    settings.MERITPASS_SIGNING_PROCESSES = 2  # type: ignore[attr-defined]
    started: list[int] = []
    original = jobs.SigningPool.__init__

    def counting(self: object, shared: object, processes: int) -> None:
        started.append(processes)
        original(self, shared, processes)  # type: ignore[arg-type]

    monkeypatch.setattr(jobs.SigningPool, "__init__", counting)
    finished = jobs.run_job(job_for(world, csv_file(world, 25)).pk)
    assert started == [2]
    assert finished is not None
    assert finished.issued == 25
    policy = platform_policy(timezone.now())
    for award in Award.objects.all():
        assert verify_credential(award.credential, policy=policy).verified
    assert len({award.credential for award in Award.objects.all()}) == 25


def test_old_rows_and_unconfirmed_uploads_are_pruned_but_awards_stay(world: World) -> None:
    done = job_for(world, csv_file(world, 3))
    jobs.run_job(done.pk)
    waiting = job_for(world, csv_file(world, 2), start=False)
    assert jobs.prune() == (0, 0)
    later = timezone.now() + timedelta(days=91)
    assert jobs.prune(now=later) == (3, 1)
    assert not BulkRow.objects.exists()  # the unconfirmed job's rows went with it
    assert not BulkJob.objects.filter(pk=waiting.pk).exists()
    assert BulkJob.objects.filter(pk=done.pk).exists()
    assert Award.objects.count() == 3


def test_a_row_gets_every_error_even_when_one_cell_cannot_be_read(world: World) -> None:
    data = b"name,email,date,grade\nAnn,bad,2020-01-01,X\n"
    _, errors = validate(world, data)
    assert [(error.row, error.column) for error in errors] == [
        (2, "email"),
        (2, "date"),
        (2, "grade"),
    ]
