"""The taxonomy pages: skill search, suggestions for the autocomplete, skill and occupation pages.

The paths are translated (``/sv/kompetenser/``, ``/en/skills/``), so the language switch keeps the
reader on the same page.
"""

from __future__ import annotations

from django.urls import path
from django.utils.translation import pgettext_lazy

from meritpass.taxonomy import views

app_name = "taxonomy"

urlpatterns = [
    path(pgettext_lazy("URL", "skills/"), views.search_page, name="search"),
    path(pgettext_lazy("URL", "skills/suggestions/"), views.suggestions, name="suggestions"),
    path(pgettext_lazy("URL", "skills/<uuid:uuid>/"), views.skill, name="skill"),
    path(pgettext_lazy("URL", "skills/isced-f/<slug:code>/"), views.field, name="field"),
    path(pgettext_lazy("URL", "occupations/<uuid:uuid>/"), views.occupation, name="occupation"),
    path(
        pgettext_lazy("URL", "occupations/isco/<slug:code>/"), views.isco_group, name="isco-group"
    ),
    path(pgettext_lazy("URL", "levels/"), views.levels, name="levels"),
]
