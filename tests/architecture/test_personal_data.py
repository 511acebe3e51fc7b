"""Every model of ours says what personal data it holds and how long it is kept (GDPR art. 30)."""

from __future__ import annotations

import pytest
from django.apps import apps
from django.db import models

OURS = [model for model in apps.get_models() if model.__module__.startswith("meritpass.")]


def test_the_project_has_models() -> None:
    assert len(OURS) >= 7


@pytest.mark.parametrize("model", OURS, ids=lambda model: model.__name__)
def test_model_declares_personal_data_and_retention(model: type[models.Model]) -> None:
    doc = model.__doc__ or ""
    assert "Personal data:" in doc, f"{model.__name__} does not say what personal data it holds"
    assert "Retention:" in doc, f"{model.__name__} does not say how long its data is kept"
