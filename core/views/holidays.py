"""The summer holiday programme and the family guide: workspace pages and public pages.

The public pages (calendar, iCalendar feed, printable plan, family guide) need no login
and show only what was published: offers and advice services, never persons.
"""

from __future__ import annotations

import datetime
from itertools import groupby

from django.conf import settings
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse_lazy
from django.utils import timezone
from django.utils.dates import MONTHS
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.filters.holidays import GuideEntryFilter, HolidayOfferFilter
from core.forms.holidays import GuideEntryForm, HolidayOfferForm
from core.models import GuideCategory, GuideEntry, HolidayOffer
from core.selectors.holidays import (
    guide_entry_list,
    holiday_offer_detail,
    holiday_offer_list,
    holiday_plan_offers,
    plan_year,
    public_guide_entries,
    public_holiday_offers,
)
from core.services import holidays as services
from core.views.work import CHANGE, VIEW, WorkPages
from kernel import formats
from kernel.crud.facts import Fact, dash, link, short_date, yes_no
from kernel.crud.tables import Column
from kernel.crud.views import ObjectActionView
from kernel.dates import is_plausible_date
from kernel.meetings.ics import escape as ics_escape
from kernel.meetings.ics import fold as ics_fold
from kernel.pdf import holiday_plan_pdf, offer_ages, offer_hours, offer_price
from tenants.permissions import public

# ---------------------------------------------------------------- an offer's facts


def _offer_dates(offer: HolidayOffer) -> str:
    if offer.end_date == offer.start_date:
        return short_date(offer.start_date)
    return f"{short_date(offer.start_date)} – {short_date(offer.end_date)}"


def _offer_daily(offer: HolidayOffer) -> str:
    return formats.time_range(offer.start_time, offer.end_time)


# ---------------------------------------------------------------- holiday offers (workspace)


class HolidayPages(WorkPages):
    model, prefix, name, instance_arg = HolidayOffer, "workspace/holidays", "holiday", "offer"
    title, queryset = gettext_lazy("Holiday programme"), holiday_offer_list
    filterset, default_order = HolidayOfferFilter, "start_date"
    table = [
        Column("title", order_by=True),
        Column("from", value="start_date", order_by=True),
        Column("until", value="end_date", order_by=True),
        Column("hours", gettext_lazy("Daily"), offer_hours),
        Column("ages", gettext_lazy("Ages"), offer_ages, "age_min"),
        Column("price", order_by=True, money=True),
        Column("organiser", order_by=True),
        Column("partner", value="partner.name", order_by=True),
        Column("place", order_by=True),
        Column("places", value="max_participants", order_by=True),
        Column("published", value="is_published", order_by=True),
    ]
    extra_links = [
        (gettext_lazy("Public calendar"), reverse_lazy("public-holidays"), VIEW),
        (gettext_lazy("Printable plan (PDF)"), reverse_lazy("public-holidays-pdf"), VIEW),
    ]
    selector, template_name = holiday_offer_detail, "core/holidays/detail.html"
    heading = "title"
    facts = [
        Fact(gettext_lazy("Dates"), _offer_dates),
        Fact(gettext_lazy("Daily"), _offer_daily, optional=True),
        Fact(gettext_lazy("Ages"), offer_ages),
        Fact(gettext_lazy("Price"), offer_price),
        Fact(gettext_lazy("Organiser"), "organiser"),
        Fact(gettext_lazy("Partner"), "partner", link("partner-detail"), optional=True),
        Fact(gettext_lazy("Place"), "place", dash),
        Fact(gettext_lazy("Places"), "max_participants", dash),
        Fact(gettext_lazy("Registration"), "registration", dash),
        Fact(gettext_lazy("Published"), "is_published", yes_no),
    ]
    form_class, service_module, service_name = HolidayOfferForm, services, "holiday_offer"
    create_title = gettext_lazy("New holiday offer")
    delete_question = gettext_lazy("Delete “%(title)s” for good?")
    deleted_message = gettext_lazy("The offer has been deleted.")


class HolidayPublishView(HolidayPages.Record, ObjectActionView):
    """Publish an unpublished offer, or withdraw a published one."""

    required_permission, service = CHANGE, services.holiday_offer_set_published

    def service_kwargs(self, obj):
        return {"published": not obj.is_published}

    # The page's title, question, message and button: withdraw a published offer,
    # publish an unpublished one.
    TEXTS = {
        True: (
            gettext_lazy("Withdraw holiday offer"),
            gettext_lazy(
                "Take “%(title)s” out of the public calendar, the calendar feed and the plan?"
            ),
            gettext_lazy("The offer has been withdrawn from the public pages."),
            gettext_lazy("Withdraw"),
        ),
        False: (
            gettext_lazy("Publish holiday offer"),
            gettext_lazy(
                "Show “%(title)s” in the public calendar, the calendar feed and the plan?"
            ),
            gettext_lazy("The offer has been published."),
            gettext_lazy("Publish"),
        ),
    }

    def texts(self, obj):
        self.title, self.question, self.success_message, self.button = self.TEXTS[obj.is_published]
        return super().texts(obj)


# ---------------------------------------------------------------- family guide (workspace)


class GuidePages(WorkPages):
    model, prefix, name, instance_arg = GuideEntry, "workspace/guide", "guide", "entry"
    title, queryset = gettext_lazy("Family guide"), guide_entry_list
    filterset, default_order = GuideEntryFilter, "title"
    table = [
        Column("title", order_by=True),
        Column("category", order_by=True),
        Column("provider", value="organisation", order_by=True),
        Column("address", order_by=True),
        Column("phone"),
        Column("email"),
        Column("website"),
        Column("hours", value="opening_hours"),
        Column("published", value="is_published", order_by=True),
    ]
    extra_links = [(gettext_lazy("Public family guide"), reverse_lazy("public-guide"), VIEW)]
    template_name = "core/holidays/guide_detail.html"
    form_class, service_module, service_name = GuideEntryForm, services, "guide_entry"
    create_title = gettext_lazy("New family guide entry")
    delete_question = gettext_lazy("Delete “%(title)s” from the family guide?")
    deleted_message = gettext_lazy("The entry has been deleted.")


# ---------------------------------------------------------------- public pages


def _age_param(request) -> int | None:
    """``?age=`` as a whole number from 0 to 99, or None (ignored if malformed)."""
    value = request.GET.get("age", "").strip()
    if not value.isdigit() or len(value) > 2:
        return None
    return int(value)


@public
def public_calendar(request):
    """Published offers not yet over, grouped by the month they begin in."""
    age = _age_param(request)
    offers = list(public_holiday_offers(age=age))
    months = [
        {"label": f"{MONTHS[month]} {year}", "offers": list(items)}
        for (year, month), items in groupby(
            offers, key=lambda o: (o.start_date.year, o.start_date.month)
        )
    ]
    return render(
        request,
        "core/public/holidays.html",
        {
            "alliance": request.tenant,
            "months": months,
            "age": age,
            "ages": range(0, 19),
            "plan_year": plan_year(),
        },
    )


# ---- iCalendar (RFC 5545): escaping and folding as for meetings (kernel.meetings.ics)


def _ics_description(offer) -> str:
    parts = [offer.description.strip()] if offer.description.strip() else []
    parts.append(_("Ages: %(ages)s") % {"ages": offer_ages(offer)})
    parts.append(_("Price: %(price)s") % {"price": offer_price(offer)})
    parts.append(_("Organiser: %(organiser)s") % {"organiser": offer.organiser})
    hours = offer_hours(offer)
    if hours:
        parts.append(_("Daily: %(hours)s") % {"hours": hours})
    if offer.max_participants:
        parts.append(_("Places: %(count)s") % {"count": offer.max_participants})
    if offer.registration:
        parts.append(_("Registration: %(text)s") % {"text": offer.registration})
    return "\n".join(parts)


def _ics_stamp(moment: datetime.datetime) -> str:
    return moment.astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")


def _ics_date(day: datetime.date) -> str:
    """A DATE value, always four digits of year (strftime's %Y writes year 1 as "1")."""
    return f"{day.year:04d}{day.month:02d}{day.day:02d}"


def holiday_calendar_ics(*, alliance_name: str, host: str, offers, now=None) -> str:
    """The iCalendar text: one all-day VEVENT per offer (DTEND is the day after)."""
    now = now or timezone.now()
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:-//{settings.BUENDNISNETZ_PLATFORM_NAME}//Ferienprogramm//DE",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "X-WR-CALNAME:"
        + ics_escape(_("%(alliance)s: holiday programme") % {"alliance": alliance_name}),
    ]
    for offer in offers:
        # Dates outside the plausible range (only rows stored before it was enforced)
        # would overflow (``date.max + 1 day``) or break the format: such an offer is
        # left out rather than failing the whole feed.
        if not (is_plausible_date(offer.start_date) and is_plausible_date(offer.end_date)):
            continue
        lines += [
            "BEGIN:VEVENT",
            f"UID:{offer.pk}@{host}",
            f"DTSTAMP:{_ics_stamp(now)}",
            f"DTSTART;VALUE=DATE:{_ics_date(offer.start_date)}",
            f"DTEND;VALUE=DATE:{_ics_date(offer.end_date + datetime.timedelta(days=1))}",
            f"SUMMARY:{ics_escape(offer.title)}",
        ]
        if offer.place:
            lines.append(f"LOCATION:{ics_escape(offer.place)}")
        lines.append(f"DESCRIPTION:{ics_escape(_ics_description(offer))}")
        if offer.updated_at:
            lines.append(f"LAST-MODIFIED:{_ics_stamp(offer.updated_at)}")
        lines.append("END:VEVENT")
    lines.append("END:VCALENDAR")
    return "".join(ics_fold(line) + "\r\n" for line in lines)


@public
def public_calendar_ics(request):
    """The calendar feed of the published offers, to subscribe to."""
    host = request.get_host().split(":")[0]
    body = holiday_calendar_ics(
        alliance_name=request.tenant.name, host=host, offers=public_holiday_offers()
    )
    response = HttpResponse(body.encode("utf-8"), content_type="text/calendar; charset=utf-8")
    filename = f"ferienprogramm-{slugify(request.tenant.slug)}.ics"
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


@public
def public_plan_pdf(request):
    """The printable plan of one year's published offers (``?year=``, else the coming one)."""
    value = request.GET.get("year", "").strip()
    if value:
        if not value.isdigit() or not 1990 <= int(value) <= 2100:
            raise Http404
        year = int(value)
    else:
        year = plan_year()
    data = holiday_plan_pdf(
        alliance_name=request.tenant.name, year=year, offers=holiday_plan_offers(year=year)
    )
    response = HttpResponse(data, content_type="application/pdf")
    filename = f"ferienprogramm-{slugify(request.tenant.slug)}-{year}.pdf"
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


@public
def public_guide(request):
    """The published family guide by category, in the categories' order."""
    entries = list(public_guide_entries())
    categories = []
    for value, label in GuideCategory.choices:
        items = [e for e in entries if e.category == value]
        if items:
            categories.append({"label": label, "entries": items})
    return render(
        request,
        "core/public/guide.html",
        {"alliance": request.tenant, "categories": categories},
    )
