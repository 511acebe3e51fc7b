"""The ESCO classification as imported: concepts, their Swedish and English labels, relations.

Personal data: none of these models holds personal data. Retention: the classification is kept
until a newer ESCO release replaces it; concepts that a release drops are marked obsolete, never
deleted, because issued credentials keep referring to them.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class EscoRelease(models.Model):
    """One import of an ESCO release, for attribution and version display.

    Personal data: none. Retention: kept as the import history.
    """

    version = models.CharField(max_length=20)
    swedish_source = models.CharField(max_length=300, blank=True)
    imported_at = models.DateTimeField()
    skills = models.PositiveIntegerField(default=0)
    occupations = models.PositiveIntegerField(default=0)
    occupation_skill_relations = models.PositiveIntegerField(default=0)
    swedish_labels = models.PositiveIntegerField(default=0)
    #: SHA-256 over the imported files and the import format: the same digest means nothing to do.
    digest = models.CharField(max_length=64, blank=True)

    class Meta:
        ordering = ["-imported_at"]

    def __str__(self) -> str:
        return f"ESCO v{self.version}"


class Concept(models.Model):
    """An ESCO concept: a skill or knowledge item, a skill group, an occupation or an ISCO group.

    Personal data: none. Retention: until replaced by a newer release (see the module docstring).
    """

    class Kind(models.TextChoices):
        SKILL = "skill", _("Skill")
        SKILL_GROUP = "skill-group", _("Skill group")
        OCCUPATION = "occupation", _("Occupation")
        ISCO_GROUP = "isco-group", _("ISCO group")

    class SkillType(models.TextChoices):
        SKILL = "skill/competence", _("Skill or competence")
        KNOWLEDGE = "knowledge", _("Knowledge")
        NONE = "", _("Not stated")

    class ReuseLevel(models.TextChoices):
        TRANSVERSAL = "transversal", _("Transversal")
        CROSS_SECTOR = "cross-sector", _("Cross-sector")
        SECTOR_SPECIFIC = "sector-specific", _("Sector-specific")
        OCCUPATION_SPECIFIC = "occupation-specific", _("Occupation-specific")
        NONE = "", _("Not stated")

    uri = models.CharField(max_length=200, unique=True)
    kind = models.CharField(max_length=16, choices=Kind.choices, db_index=True)
    code = models.CharField(max_length=40, blank=True)
    label_en = models.CharField(max_length=400)
    label_sv = models.CharField(max_length=400, blank=True)
    description_en = models.TextField(blank=True)
    description_sv = models.TextField(blank=True)
    scope_note_en = models.TextField(blank=True)
    skill_type = models.CharField(max_length=20, choices=SkillType.choices, blank=True)
    reuse_level = models.CharField(max_length=20, choices=ReuseLevel.choices, blank=True)
    regulated_note = models.TextField(blank=True)
    modified = models.DateField(null=True, blank=True)
    obsolete = models.BooleanField(default=False)
    #: How many occupations list this skill (essential or optional): a tie-breaker in search.
    occupation_count = models.PositiveIntegerField(default=0)

    class Meta:
        indexes = [models.Index(fields=["kind", "code"])]

    def __str__(self) -> str:
        return self.label_en

    def label(self, language: str) -> tuple[str, str]:
        """Return the preferred label in ``language`` and the language it is actually in.

        A concept without a Swedish label gives its English one, marked ``"en"``, never an empty
        label.
        """
        if language == "sv" and self.label_sv:
            return self.label_sv, "sv"
        return self.label_en, "en"


class Label(models.Model):
    """A preferred, alternative or hidden label of a concept, in one language; what search reads.

    Personal data: none. Retention: as its concept.
    """

    class LabelKind(models.TextChoices):
        PREFERRED = "preferred", _("Preferred")
        ALTERNATIVE = "alternative", _("Alternative")
        HIDDEN = "hidden", _("Hidden")

    concept = models.ForeignKey(Concept, on_delete=models.CASCADE, related_name="labels")
    language = models.CharField(max_length=2)
    kind = models.CharField(max_length=12, choices=LabelKind.choices)
    text = models.CharField(max_length=400)
    #: Case-folded, punctuation turned into spaces, whitespace collapsed: what search matches.
    normalized = models.CharField(max_length=400)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["concept", "language", "kind", "text"], name="taxonomy_label_unique"
            )
        ]
        indexes = [models.Index(fields=["language", "normalized"])]

    def __str__(self) -> str:
        return f"{self.text} ({self.language})"


class Broader(models.Model):
    """A hierarchy link: ``narrower`` is a narrower concept of ``broader``.

    Personal data: none. Retention: as its concepts.
    """

    narrower = models.ForeignKey(Concept, on_delete=models.CASCADE, related_name="broader_links")
    broader = models.ForeignKey(Concept, on_delete=models.CASCADE, related_name="narrower_links")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["narrower", "broader"], name="taxonomy_broader_unique")
        ]

    def __str__(self) -> str:
        return f"{self.narrower_id} < {self.broader_id}"


class Relation(models.TextChoices):
    ESSENTIAL = "essential", _("Essential")
    OPTIONAL = "optional", _("Optional")


class OccupationSkill(models.Model):
    """A skill an occupation needs, essential or optional.

    Personal data: none. Retention: as its concepts.
    """

    occupation = models.ForeignKey(Concept, on_delete=models.CASCADE, related_name="skill_links")
    skill = models.ForeignKey(Concept, on_delete=models.CASCADE, related_name="occupation_links")
    relation = models.CharField(max_length=10, choices=Relation.choices)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["occupation", "skill"], name="taxonomy_occupation_skill_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.occupation_id} needs {self.skill_id} ({self.relation})"


class SkillRelation(models.Model):
    """A skill that goes with another skill, essential or optional (ESCO skill-skill relations).

    Personal data: none. Retention: as its concepts.
    """

    skill = models.ForeignKey(Concept, on_delete=models.CASCADE, related_name="related_links")
    related = models.ForeignKey(Concept, on_delete=models.CASCADE, related_name="+")
    relation = models.CharField(max_length=10, choices=Relation.choices)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["skill", "related"], name="taxonomy_skill_relation_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.skill_id} with {self.related_id} ({self.relation})"


class CollectionMembership(models.Model):
    """A concept's membership of an ESCO collection (digital, green, transversal, language, …).

    Personal data: none. Retention: as its concept.
    """

    class Collection(models.TextChoices):
        DIGITAL = "digital", _("Digital skills")
        DIGCOMP = "digcomp", _("DigComp")
        GREEN = "green", _("Green skills")
        LANGUAGE = "language", _("Language skills and knowledge")
        TRANSVERSAL = "transversal", _("Transversal skills")
        RESEARCH_SKILLS = "research-skills", _("Research skills")
        RESEARCH_OCCUPATIONS = "research-occupations", _("Research occupations")

    concept = models.ForeignKey(Concept, on_delete=models.CASCADE, related_name="collections")
    collection = models.CharField(max_length=24, choices=Collection.choices)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["concept", "collection"], name="taxonomy_collection_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.concept_id} in {self.collection}"
