"""The vocabularies of an alliance's records: the kinds, statuses and categories its
partners, applications, board, carers, certificates, funding, holiday programme and
projects choose from, with their German labels (gettext).

One module for all of them (as NetBox keeps its ``choices.py``): the model modules, forms,
filters, imports and the API read them from here or from ``core.models``.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

# ------------------------------------------------------------------- partners


class PartnerKind(models.TextChoices):
    COMPANY = "company", _("Company")
    MUNICIPALITY = "municipality", _("Municipality or administration")
    SOCIAL_AGENCY = "social_agency", _("Social agency")
    SCIENCE = "science", _("Science or education")
    ASSOCIATION = "association", _("Association")
    CHAMBER = "chamber", _("Chamber")
    EMPLOYMENT_AGENCY = "employment_agency", _("Employment agency or job centre")
    CHURCH = "church", _("Church")
    OTHER = "other", _("Other")


class SizeClass(models.TextChoices):
    MICRO = "micro", _("1 to 9 employees")
    SMALL = "small", _("10 to 49 employees")
    MEDIUM = "medium", _("50 to 249 employees")
    LARGE = "large", _("250 employees or more")
    NOT_APPLICABLE = "n/a", _("Not applicable")


class PartnerStatus(models.TextChoices):
    APPLICANT = "applicant", _("Applicant")
    ACTIVE = "active", _("Active")
    DORMANT = "dormant", _("Dormant")
    LEFT = "left", _("Left")


class MeasureCategory(models.TextChoices):
    WORKING_TIME = "working_time", _("Flexible working time and place")
    CHILDCARE = "childcare", _("Childcare")
    CARE = "care", _("Care for relatives")
    PARENTAL_LEAVE = "parental_leave", _("Parental leave and return")
    HEALTH = "health", _("Health and advice")
    OTHER = "other", _("Other")


# ----------------------------------------------------------------- admissions


class ApplicationStatus(models.TextChoices):
    PENDING = "pending", _("Pending")
    ADMITTED = "admitted", _("Admitted")
    REJECTED = "rejected", _("Rejected")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class DecisionOutcome(models.TextChoices):
    ADMIT = "admit", _("Admit")
    REJECT = "reject", _("Reject")
    DEFER = "defer", _("Defer to a later meeting")


# ---------------------------------------------------------------------- board


class BoardPosition(models.TextChoices):
    CHAIR = "chair", _("Chair")
    DEPUTY = "deputy", _("Deputy chair")
    MEMBER = "member", _("Member")


class MinutesStatus(models.TextChoices):
    NONE = "none", _("No minutes yet")
    DRAFT = "draft", _("Draft")
    APPROVED = "approved", _("Approved")


# ----------------------------------------------------------------- agreements


class AgreementStatus(models.TextChoices):
    """The status as shown; ``expired`` is never stored but derived from the end date."""

    DRAFT = "draft", _("Draft")
    SIGNED = "signed", _("Signed")
    EXPIRED = "expired", _("Expired")
    TERMINATED = "terminated", _("Terminated")


class AgreementRenewal(models.TextChoices):
    NONE = "none", _("Ends on the end date")
    AUTOMATIC = "automatic", _("Renews itself unless terminated")
    NOTICE = "notice", _("Runs until terminated with notice")


# --------------------------------------------------------------------- carers


class CarerStatus(models.TextChoices):
    APPLICANT = "applicant", _("Applicant")
    VETTED = "vetted", _("Vetted")
    ACTIVE = "active", _("Active")
    PAUSED = "paused", _("Paused")
    LEFT = "left", _("Left")


class Availability(models.TextChoices):
    WEEKDAYS = "weekdays", _("Weekdays")
    EVENINGS = "evenings", _("Evenings")
    NIGHTS = "nights", _("Nights")
    WEEKENDS = "weekends", _("Weekends")


class CareKind(models.TextChoices):
    PICK_UP = "pick_up", _("Pick-up from day care or school")
    EVENING = "evening", _("Evening care")
    NIGHT = "night", _("Night care")
    WEEKEND = "weekend", _("Weekend care")
    HOLIDAY = "holiday", _("Holiday care")
    EMERGENCY = "emergency", _("Short-notice care")


class Recurrence(models.TextChoices):
    ONCE = "once", _("One-off")
    WEEKLY = "weekly", _("Weekly")
    FORTNIGHTLY = "fortnightly", _("Every two weeks")
    MONTHLY = "monthly", _("Monthly")
    ON_CALL = "on_call", _("On call")


class PlacementStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    RUNNING = "running", _("Running")
    ENDED = "ended", _("Ended")


# -------------------------------------------------------------------- funding


class FundingKind(models.TextChoices):
    DONATION = "donation", _("Donation")
    MEMBERSHIP_FEE = "membership_fee", _("Membership fee")
    GRANT = "grant", _("Grant")
    OTHER = "other", _("Other")


# ---------------------------------------------------------------- fundraising


class SupporterKind(models.TextChoices):
    PERSON = "person", _("Person")
    ORGANISATION = "organisation", _("Organisation")


class GrantStatus(models.TextChoices):
    DECIDED = "decided", _("Decided")
    PAID = "paid", _("Paid out")
    PROOF_RECEIVED = "proof_received", _("Proof of use received")
    WITHDRAWN = "withdrawn", _("Withdrawn")


# ------------------------------------------------------------------- holidays


class GuideCategory(models.TextChoices):
    ADVICE = "advice", _("Advice for families")
    CHILDCARE = "childcare", _("Childcare")
    CARE = "care", _("Care")
    HEALTH = "health", _("Health")
    EDUCATION = "education", _("Education")
    LEISURE = "leisure", _("Leisure")
    OTHER = "other", _("Other")


# ----------------------------------------------------------------- onboarding


class ChecklistStatus(models.TextChoices):
    OPEN = "open", _("Open")
    DONE = "done", _("Done")
    SKIPPED = "skipped", _("Skipped")


# ------------------------------------------------------------------- projects


class Topic(models.TextChoices):
    CHILDCARE = "childcare", _("Childcare")
    CARE = "care", _("Care for relatives")
    WORKING_WORLD = "working_world", _("Working world")
    GENERATIONS = "generations", _("Generations")
    INFORMATION = "information", _("Information and advice")
    HOLIDAYS = "holidays", _("Holidays and leisure")
    OTHER = "other", _("Other")


class ProjectStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    RUNNING = "running", _("Running")
    FINISHED = "finished", _("Finished")


class TargetGroup(models.TextChoices):
    FAMILIES = "families", _("Families")
    SINGLE_PARENTS = "single_parents", _("Single parents")
    SHIFT_WORKERS = "shift_workers", _("Shift workers")
    CARERS = "carers", _("Employees caring for relatives")
    EMPLOYERS = "employers", _("Employers")
    CHILDREN = "children", _("Children and young people")
    SENIORS = "seniors", _("Older people")


class EventKind(models.TextChoices):
    FAMILY_DAY = "family_day", _("Family day")
    HIKING_DAY = "hiking_day", _("Family hiking day")
    INFORMATION = "information", _("Information event")
    TRAINING = "training", _("Training")
    NETWORK = "network", _("Network meeting")
    OTHER = "other", _("Other")


# ----------------------------------------------------------------------- seal


class SealStatus(models.TextChoices):
    SUBMITTED = "submitted", _("Submitted")
    IN_REVIEW = "in_review", _("In review")
    AWARDED = "awarded", _("Awarded")
    REJECTED = "rejected", _("Not awarded")


class CertificateState(models.TextChoices):
    """The status as it reads today: an awarded certificate past its validity is expired."""

    SUBMITTED = "submitted", _("Submitted")
    IN_REVIEW = "in_review", _("In review")
    AWARDED = "awarded", _("Awarded")
    EXPIRED = "expired", _("Expired")
    REJECTED = "rejected", _("Not awarded")
