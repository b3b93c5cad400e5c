"""Reads of every library: documents with their latest version, search by title and
tag, the tags in use, a document's versions."""

from __future__ import annotations

from django.db.models import CharField, Count, F, Func, Max, Q, QuerySet, Value

from kernel.collation import german_sorted


def with_latest(documents: QuerySet) -> QuerySet:
    """Each document with how many versions it has, its latest version's number and
    when that was uploaded (``version_count``, ``latest_number``, ``latest_at``)."""
    return documents.annotate(
        version_count=Count("versions", distinct=True),
        latest_number=Max("versions__number"),
        latest_at=Max("versions__uploaded_at"),
    )


def _tag_text(documents: QuerySet) -> QuerySet:
    return documents.annotate(
        tag_text=Func(F("tags"), Value(" "), function="array_to_string", output_field=CharField())
    )


def search(documents: QuerySet, *, q: str = "", tag: str = "") -> QuerySet:
    """Documents whose title or a tag contains ``q`` (any case), and that carry ``tag``."""
    q, tag = (q or "").strip(), (tag or "").strip()
    if q:
        documents = _tag_text(documents).filter(Q(title__icontains=q) | Q(tag_text__icontains=q))
    if tag:
        documents = documents.filter(tags__contains=[tag])
    return documents


def tags_in_use(*sources: QuerySet) -> list[str]:
    """Every tag the documents of ``sources`` carry, each once, in German order."""
    found: set[str] = set()
    for documents in sources:
        for tags in documents.order_by().values_list("tags", flat=True):
            found.update(tags or ())
    return german_sorted(found)


def versions_of(document) -> QuerySet:
    """The document's versions, the latest first, with who uploaded them."""
    return document.versions.select_related("uploaded_by").order_by("-number")


def latest_version(document):
    """The document's latest version, or None."""
    return versions_of(document).first()
