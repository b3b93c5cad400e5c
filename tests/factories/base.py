"""What every model factory here would otherwise repeat.

``record_factory(Model)`` is the base class of ``Model``'s factory: factory_boy's
``DjangoModelFactory`` with ``Meta.model`` set (further Meta options as keywords), so a
factory states only its field defaults. ``numbered("Projekt {n}")`` is the sequence
that gives each record made its own number (unique names and e-mail addresses).
"""

from __future__ import annotations

import factory


def record_factory(model, **options) -> type[factory.django.DjangoModelFactory]:
    """The factory base of ``model``; ``options`` are further Meta options (e.g.
    ``skip_postgeneration_save``), which the subclass inherits with the model."""
    meta = type("Meta", (), {"model": model, **options})
    return type(f"{model.__name__}Record", (factory.django.DjangoModelFactory,), {"Meta": meta})


def numbered(template: str) -> factory.Sequence:
    """``template`` with the record's sequence number for ``{n}``."""
    return factory.Sequence(lambda n: template.format(n=n))
