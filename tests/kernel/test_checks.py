"""Check constraints decided from a record's values (kernel.crud.checks) decide exactly
as the database does, for every check constraint of every record model."""

from __future__ import annotations

import datetime
import itertools
import random
from decimal import Decimal

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import connection, models
from django.db.models import F, Q
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from core.models import Partner
from kernel.crud.checks import PythonDecidedChecks, Undecided, Unresolved, decide

# Combinations asked of the database per constraint (a sample, the same every run).
SAMPLES = 40


def _constraints(kind: type) -> list[tuple[type[models.Model], models.BaseConstraint]]:
    """Every constraint of class ``kind`` of every record model, with its model."""
    return [
        (model, constraint)
        for model in apps.get_models()
        if issubclass(model, PythonDecidedChecks)
        for constraint in model._meta.constraints
        if isinstance(constraint, kind)
    ]


def _checks() -> list[tuple[type[models.Model], models.CheckConstraint]]:
    return _constraints(models.CheckConstraint)


def _names(condition: Q) -> set[str]:
    names = set()
    for child in condition.children:
        if isinstance(child, Q):
            names |= _names(child)
        else:
            names.add(child[0].split("__")[0])
            for operand in (child[1], *getattr(child[1], "get_source_expressions", list)()):
                if isinstance(operand, F):
                    names.add(operand.name)
    return names


def _candidates(field: models.Field) -> list:
    """Values around what the constraints compare: choices and a stranger, numbers and
    years at the edges, neighbouring days, texts; always also empty (NULL)."""
    if field.choices:
        return [None, "fremd", *[value for value, _label in field.flatchoices][:6]]
    if isinstance(field, models.DecimalField):
        return [None, Decimal("-0.01"), Decimal("0"), Decimal("0.01"), Decimal("12.50")]
    if isinstance(field, models.IntegerField | models.ForeignKey):
        return [None, -1, 0, 1, 2, 3, 4, 5, 8, 1999, 2000, 2100, 2101]
    if isinstance(field, models.DateTimeField):
        moment = datetime.datetime(2026, 3, 1, 12, tzinfo=datetime.UTC)
        return [None, moment, moment + datetime.timedelta(seconds=1), moment.replace(day=2)]
    if isinstance(field, models.DateField):
        day = datetime.date(2026, 3, 1)
        return [None, day, day + datetime.timedelta(days=1), day - datetime.timedelta(days=1)]
    if isinstance(field, models.TimeField):
        return [None, datetime.time(9), datetime.time(9, 0, 1), datetime.time(18)]
    if isinstance(field, models.BooleanField):
        return [None, True, False]
    return [None, "", "a", "jena", "Jena-1"]


@pytest.mark.slow
def test_every_check_decides_in_python_as_in_the_database(jena):
    from django_tenants.utils import schema_context

    # In an alliance's schema: a workspace record's defaults may read its tables.
    with schema_context("jena"):
        _compare_every_check()


def _compare_every_check() -> None:
    rng = random.Random(16)  # noqa: S311 - a fixed sample, not a secret
    decided = set()
    for model, constraint in _checks():
        names = sorted(_names(constraint.condition) - {"pk"})
        fields = [model._meta.get_field(name) for name in names]
        combinations = list(itertools.product(*(_candidates(f) for f in fields)))
        for values in rng.sample(combinations, min(SAMPLES, len(combinations))):
            instance = model(**{f.attname: v for f, v in zip(fields, values, strict=True)})
            against = instance._get_field_expression_map(meta=model._meta)
            plain = {f.name: getattr(instance, f.attname) for f in model._meta.concrete_fields}
            try:
                answer = decide(constraint.condition, {**plain, "pk": instance.pk})
            except (Undecided, Unresolved):
                continue
            decided.add(constraint.name)
            database = Q(constraint.condition).check(against)
            assert (answer is not False) == database, (constraint.name, values)
    # Most constraints are simple enough to be decided without the database.
    assert len(decided) >= len(_checks()) * 2 // 3, sorted(decided)


def test_three_valued_logic_and_what_is_left_to_the_database():
    assert decide(Q(a__gte=1), {"a": None}) is None  # unknown passes
    assert decide(~Q(a__gte=1), {"a": None}) is None
    assert decide(Q(a__gte=1) | Q(b__isnull=True), {"a": None, "b": None}) is True
    assert decide(Q(a__gte=1) & Q(b__isnull=False), {"a": None, "b": None}) is False
    assert decide(Q(a__in=["x", "y"]), {"a": "z"}) is False
    assert decide(Q(then__gt=F("first")), {"first": 2, "then": Decimal("2.5")}) is True
    for condition, values in [
        (Q(a__regex="^x$"), {"a": "x"}),  # PostgreSQL's patterns, not Python's
        (Q(a__gte="b"), {"a": "c"}),  # text order follows the collation
        (Q(a__gte=F("b") + F("c")), {"a": 1, "b": 1, "c": 1}),  # arithmetic
        (Q(a=1), {"a": True}),  # a boolean is no number
        (Q(a__gte=datetime.date(2026, 1, 1)), {"a": timezone.now()}),  # date against time
    ]:
        with pytest.raises(Undecided):
            decide(condition, values)
    with pytest.raises(Unresolved):  # an excluded field: Django's check passes too
        decide(Q(a__gte=1), {"b": 1})


@pytest.mark.django_db
def test_a_decided_check_refuses_as_django_does_without_asking_the_database(jena):
    from django_tenants.utils import schema_context

    partner = Partner(name="Stadtwerke", kind="fremd", status="active")
    with (
        schema_context("jena"),
        CaptureQueriesContext(connection) as queries,
        pytest.raises(ValidationError) as decided,
    ):
        partner.validate_constraints()
    assert not [q for q in queries.captured_queries if "SAVEPOINT" in q["sql"]]
    with schema_context("jena"), pytest.raises(ValidationError) as asked:
        models.Model.validate_constraints(partner)  # Django's own, through the database
    assert decided.value.message_dict == asked.value.message_dict


# ---------------------------------------------------------------- partial unique constraints


def _partial_uniques() -> list[tuple[type[models.Model], models.UniqueConstraint]]:
    return [(m, c) for m, c in _constraints(models.UniqueConstraint) if c.condition is not None]


def _outcome(validate) -> list[str] | None:
    try:
        validate()
    except ValidationError as error:
        return error.messages
    return None


def test_every_partial_unique_condition_is_decided_from_the_values():
    """Each condition can be read from a record's values (else every save would fall
    back to Django's three statements): the fields they name are the model's own."""
    found = _partial_uniques()
    assert {c.name for _m, c in found} >= {"membership_unique_state_role"}
    for model, constraint in found:
        names = {f.name for f in model._meta.local_concrete_fields}
        assert _names(constraint.condition) <= names, constraint.name


@pytest.mark.django_db
def test_a_partial_unique_constraint_decides_as_django_does_with_fewer_statements(jena):
    from tenants.models import Membership, State
    from tenants.roles import Role
    from tests.factories.tenants import UserFactory

    holder, other = UserFactory(), UserFactory()
    thuringia = State.objects.get(key="16")
    Membership.objects.create(user=holder, role=Role.STATE_COORDINATOR, state=thuringia)
    Membership.objects.create(user=holder, role=Role.LOCAL_COORDINATOR, alliance=jena)
    saved = Membership.objects.get(user=holder, role=Role.STATE_COORDINATOR)
    cases = {
        "a second state role": Membership(
            user=holder, role=Role.STATE_COORDINATOR, state=thuringia
        ),
        "the state role itself, saved again": saved,
        "another person's state role": Membership(
            user=other, role=Role.STATE_COORDINATOR, state=thuringia
        ),
        "an alliance role (not covered)": Membership(
            user=holder, role=Role.BOARD_MEMBER, alliance=jena
        ),
    }
    (constraint,) = [
        c for c in Membership._meta.constraints if c.name == "membership_unique_state_role"
    ]
    decided_by = {c.name: c for _model, cs in Membership(user=holder).get_constraints() for c in cs}
    decided = decided_by[constraint.name]
    statements = {}
    for label, record in cases.items():
        with CaptureQueriesContext(connection) as queries:
            ours = _outcome(lambda r=record: decided.validate(Membership, r))
        theirs = _outcome(lambda r=record: constraint.validate(Membership, r))
        assert ours == theirs, label
        statements[label] = len(queries.captured_queries)
    assert _outcome(lambda: decided.validate(Membership, cases["a second state role"])) == [
        "Diese Person hat diese Rolle bereits."
    ]
    # A record the condition leaves out asks nothing, a covered one one SELECT (Django:
    # a savepoint, the check and its release every time).
    assert statements["an alliance role (not covered)"] == 0
    assert statements["a second state role"] == 1


def _both_ways(model, constraint, decided, record) -> tuple:
    """(ours, Django's) outcome of validating ``record`` against ``constraint``."""
    return (
        _outcome(lambda: decided.validate(model, record)),
        _outcome(lambda: constraint.validate(model, record)),
    )


@pytest.mark.django_db
def test_every_partial_unique_constraint_decides_existing_rows_as_django_does(jena):
    """For every partial unique constraint: each stored row of its table (in the state
    schema or Jena's), and an unsaved copy of it, are judged alike both ways."""
    from django.db import ProgrammingError, transaction
    from django_tenants.utils import schema_context

    from tenants.models import Membership, State
    from tenants.roles import Role
    from tests.factories.tenants import UserFactory

    thuringia = State.objects.get(key="16")
    Membership.objects.create(user=UserFactory(), role=Role.MINISTRY, state=thuringia)
    compared = set()
    for model, constraint in _partial_uniques():
        decided = {c.name: c for _m, cs in model().get_constraints() for c in cs}[constraint.name]
        for schema in ("public", "jena"):
            with schema_context(schema):
                try:
                    with transaction.atomic():
                        rows = list(model._default_manager.all()[:20])
                except ProgrammingError:
                    continue  # the table lives in the other schema
                for row in rows:
                    copy = model._default_manager.get(pk=row.pk)
                    copy.pk, copy._state.adding = None, True
                    for record in (row, copy):
                        ours, theirs = _both_ways(model, constraint, decided, record)
                        assert ours == theirs, (constraint.name, record.pk)
                    compared.add(constraint.name)
    # The session's alliances have a primary domain each, the membership above a state role.
    assert {"domain_one_primary_per_alliance", "membership_unique_state_role"} <= compared
