"""A form field that picks one ESCO concept through the autocomplete, e.g. for learning outcomes."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from meritpass.taxonomy.models import Concept


class ConceptWidget(forms.Widget):
    """The ESCO autocomplete in "select" mode: a text input for the label, a hidden one for the URI.

    The label's input is named ``<name>__label``; the URI travels under the field's own name.
    """

    template_name = "taxonomy/widgets/concept.html"

    def __init__(
        self, attrs: dict[str, Any] | None = None, *, kinds: Sequence[str] = ("skill",)
    ) -> None:
        super().__init__(attrs)
        self.kinds = tuple(kinds)

    def get_context(self, name: str, value: Any, attrs: dict[str, Any] | None) -> dict[str, Any]:
        context = super().get_context(name, value, attrs)
        widget = context["widget"]
        widget["attrs"].setdefault("id", f"id_{name}")
        widget["text_name"] = f"{name}__label"
        widget["kinds"] = ",".join(self.kinds)
        widget["text"] = _label(value)
        return context

    def value_from_datadict(self, data: Any, files: Any, name: str) -> str | None:
        value = data.get(name)
        return str(value) if value else None


class ConceptField(forms.Field):
    """A field whose value is an ESCO concept of the given kinds, chosen with the autocomplete."""

    default_error_messages = {
        "unknown": _("Choose an entry from the suggestions."),
    }

    def __init__(self, *, kinds: Sequence[str] = ("skill",), **kwargs: Any) -> None:
        self.kinds = tuple(kinds)
        kwargs.setdefault("widget", ConceptWidget(kinds=self.kinds))
        super().__init__(**kwargs)

    def to_python(self, value: Any) -> Concept | None:
        if isinstance(value, Concept):
            return value
        if not value:
            return None
        concept = Concept.objects.filter(
            uri=str(value)[:200], kind__in=self.kinds, obsolete=False
        ).first()
        if concept is None:
            raise ValidationError(self.error_messages["unknown"], code="unknown")
        return concept

    def prepare_value(self, value: Any) -> Any:
        return value.uri if isinstance(value, Concept) else value


def _label(value: Any) -> str:
    uri = value.uri if isinstance(value, Concept) else value
    if not uri:
        return ""
    concept = value if isinstance(value, Concept) else Concept.objects.filter(uri=uri).first()
    return concept.label(get_language() or "en")[0] if concept else ""
