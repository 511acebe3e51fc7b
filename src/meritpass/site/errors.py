"""The base of the apps' service errors: bilingual messages kept next to each app's services."""

from __future__ import annotations

from collections.abc import Mapping
from string import Formatter
from typing import ClassVar

from django.utils import translation
from django.utils.functional import Promise

from meritpass.core.errors import InputError
from meritpass.core.messages import Message

__all__ = ["ServiceError"]


class _Lenient(dict[str, object]):
    """Leave a placeholder the parameters do not fill as it is, rather than fail."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


class ServiceError(InputError):
    """A request an app's service refuses; ``messages`` maps each code to its texts.

    ``params["field"]`` names the form field or input the error belongs to, if any.
    """

    messages: ClassVar[Mapping[str, Message]] = {}

    @property
    def field(self) -> str | None:
        """Return the form field or input the error belongs to, if any."""
        value = self.params.get("field")
        return str(value) if value is not None else None

    def message(self, language: str = "en") -> str:
        """Return the message in ``language`` (``"sv"`` or ``"en"``)."""
        text = self.messages.get(self.code)
        if text is None:
            return super().message(language)
        params = {key: self.localise(value, language) for key, value in self.params.items()}
        params.update(self.extra_params(params, language))
        return Formatter().vformat(text.text(language), (), _Lenient(params))

    def localise(self, value: object, language: str) -> object:
        """Return a parameter as it reads in ``language``."""
        if isinstance(value, Message):
            return value.text(language)
        if isinstance(value, Promise):  # a lazily translated Django text, e.g. a field's label
            with translation.override(language):
                return str(value)
        if isinstance(value, list | tuple):
            return ", ".join(str(self.localise(item, language)) for item in value)
        return value

    def extra_params(self, params: Mapping[str, object], language: str) -> dict[str, object]:
        """Return parameters derived from the others (none by default)."""
        return {}
