"""Delegation of issuing rights, and who may issue a version."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied

from meritpass.accounts.models import Organisation
from meritpass.audit.models import AuditEvent
from meritpass.catalog import services
from meritpass.catalog.errors import CatalogError
from meritpass.catalog.models import Delegation, SpecificationVersion
from tests.integration.catalog.conftest import World
from tests.integration.catalog.support import complete_content, draft, make_member


def published(world: World, owner: Organisation | None = None) -> SpecificationVersion:
    owner = owner or world.owner
    author = world.author if owner == world.owner else make_member(owner, "author")
    version = draft(owner, author, complete_content(world.skills))
    services.submit(version, world.body, author)
    services.approve(version, "", world.reviewer, world.body)
    return services.publish(version, author)


def test_the_owner_delegates_to_an_accredited_provider_who_may_then_issue(world: World) -> None:
    version = published(world)
    assert services.can_issue(world.owner, version)
    assert not services.can_issue(world.partner, version)

    delegation = services.delegate(version.specification, world.partner, world.author)
    assert services.can_issue(world.partner, version)
    assert AuditEvent.objects.filter(action=AuditEvent.Action.DELEGATED).count() == 1

    services.revoke_delegation(delegation, world.author)
    assert not services.can_issue(world.partner, version)
    assert AuditEvent.objects.filter(action=AuditEvent.Action.DELEGATION_REVOKED).count() == 1
    with pytest.raises(CatalogError):
        services.revoke_delegation(delegation, world.author)

    services.delegate(version.specification, world.partner, world.author)  # again, after withdrawal
    assert Delegation.objects.filter(provider=world.partner).count() == 2


@pytest.mark.parametrize(
    ("target", "code"),
    [
        ("unaccredited", "catalog.not_accredited"),
        ("body", "catalog.not_provider"),
        ("owner", "catalog.delegate_to_owner"),
    ],
)
def test_delegation_needs_another_accredited_provider(world: World, target: str, code: str) -> None:
    version = published(world)
    with pytest.raises(CatalogError) as refused:
        services.delegate(version.specification, getattr(world, target), world.author)
    assert (refused.value.code, refused.value.field) == (code, "provider")
    assert not Delegation.objects.exists()


def test_a_provider_cannot_be_delegated_twice(world: World) -> None:
    version = published(world)
    services.delegate(version.specification, world.partner, world.author)
    with pytest.raises(CatalogError) as refused:
        services.delegate(version.specification, world.partner, world.author)
    assert refused.value.code == "catalog.already_delegated"


def test_only_the_owners_authors_and_admins_delegate(world: World) -> None:
    version = published(world)
    for outsider in (
        make_member(world.partner, "admin", "author"),
        make_member(world.owner, "issuer"),
    ):
        with pytest.raises(PermissionDenied):
            services.delegate(version.specification, world.partner, outsider)
    admin = make_member(world.owner, "admin")
    services.delegate(version.specification, world.partner, admin)


def test_only_a_published_version_can_be_issued(world: World) -> None:
    version = draft(world.owner, world.author, complete_content(world.skills))
    assert not services.can_issue(world.owner, version)
    services.submit(version, world.body, world.author)
    services.approve(version, "", world.reviewer, world.body)
    version.refresh_from_db()
    assert not services.can_issue(world.owner, version)
    services.publish(version, world.author)
    assert services.can_issue(world.owner, version)
    services.retire(version, world.author)
    assert not services.can_issue(world.owner, version)


def test_an_industry_body_that_owns_a_specification_cannot_issue_it(world: World) -> None:
    version = published(world, owner=world.other_body)
    assert not services.can_issue(world.other_body, version)
    services.delegate(version.specification, world.partner, version.specification.created_by)
    assert services.can_issue(world.partner, version)
