"""Serializers of the workspace resources: contacts, projects, events, funding, holidays."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from api.serializers.fields import OptionalURLField, related_text
from api.serializers.records import RecordSerializer
from core.forms.admissions import ApplicationForm, DecisionForm
from core.forms.funding import FundingEntryForm
from core.forms.holidays import HolidayOfferForm
from core.forms.partners import ContactPersonForm
from core.forms.projects import EventForm, ProjectForm, WorkingGroupForm
from core.models import BoardMeeting, CertificateState, Partner, SealApplication


class ContactPersonSerializer(RecordSerializer):
    class Meta:
        form = ContactPersonForm
        help = {
            "partner": _("The partner organisation the person works for."),
            "first_name": _("First name."),
            "last_name": _("Last name."),
            "position": _("Position at the partner."),
            "email": _("E-mail address."),
            "phone": _("Phone number."),
            "is_primary": _("Whether this is the partner's main contact."),
            "anonymised_at": _("When the personal data were anonymised, if ever."),
            "partner_name": _("Name of the partner."),
        }


class ProjectSerializer(RecordSerializer):
    partners = serializers.PrimaryKeyRelatedField(
        many=True,
        queryset=Partner.objects.all(),
        required=False,
        help_text=_("Identifiers of the participating partners."),
    )
    target_groups = serializers.ListField(
        child=serializers.CharField(),
        required=False,
        help_text=_("Codes of the target groups, e.g. families or carers."),
    )

    class Meta:
        form = ProjectForm
        help = {
            "title": _("Title of the project."),
            "topic": _("Topic of the project."),
            "status": _("Planned, running or finished."),
            "description": _("Description."),
            "start_date": _("First day of the project."),
            "end_date": _("Last day of the project."),
            "lead_partner": _("Identifier of the partner that leads the project."),
            "families_reached": _("Number of families reached."),
            "funding_amount": _("Funding in euros."),
            "funding_source": _("Who funds the project."),
            "is_public": _("Whether the project is shown on the public page."),
            "event_count": _("Events of the project."),
        }


class EventSerializer(RecordSerializer):
    class Meta:
        form = EventForm
        help = {
            "title": _("Title of the event."),
            "kind": _("Kind of event."),
            "date": _("Date of the event."),
            "start_time": _("Time the event begins."),
            "place": _("Where the event takes place."),
            "participant_count": _("Number of participants."),
            "project": _("Identifier of the project the event belongs to."),
            "description": _("Description."),
            "is_public": _("Whether the event is shown on the public page."),
            "project_title": _("Title of the project, if any."),
        }


class FundingEntrySerializer(RecordSerializer):
    class Meta:
        form = FundingEntryForm
        help = {
            "kind": _("Donation, membership fee, grant or other."),
            "amount": _("Amount in euros (greater than zero)."),
            "received_on": _("Date the money was received."),
            "partner": _("Identifier of the partner the money came from."),
            "donor": _("Who gave the money, if not a partner."),
            "purpose": _("What the money is for."),
            # fundraising
            "supporter": _("Identifier of the member or donor of the fundraising circle."),
            "partner_name": _("Name of the partner the money came from, if any."),
        }


class HolidayOfferSerializer(RecordSerializer):
    class Meta:
        form = HolidayOfferForm
        help = {
            "title": _("Title of the offer."),
            "description": _("Description."),
            "organiser": _("Who organises the offer."),
            "partner": _("Identifier of the partner behind the offer."),
            "start_date": _("First day of the offer."),
            "end_date": _("Last day of the offer."),
            "start_time": _("Daily start time."),
            "end_time": _("Daily end time (after the start time)."),
            "place": _("Where the offer takes place."),
            "age_min": _("Youngest age the offer suits."),
            "age_max": _("Oldest age the offer suits."),
            "price": _("Price in euros."),
            "max_participants": _("Number of places."),
            "registration": _("How to register."),
            "is_published": _("Whether the offer is shown in the public calendar and plan."),
            "partner_name": _("Name of the partner behind the offer, if any."),
        }


class ApplicationSerializer(RecordSerializer):
    last_meeting_date = serializers.DateField(
        read_only=True,
        allow_null=True,
        help_text=_("Date of the last board meeting that decided on it."),
    )
    website = OptionalURLField(help_text=_("Website of the organisation."))

    class Meta:
        form = ApplicationForm
        help = {
            "organisation_name": _("Name of the applying organisation."),
            "kind": _("Kind of organisation."),
            "size_class": _("Size of the organisation."),
            "city": _("Town of the organisation."),
            "contact_name": _("Contact person at the organisation."),
            "contact_email": _("E-mail address of the contact person."),
            "contact_phone": _("Phone number of the contact person."),
            "statement": _("The organisation's measures and engagement for families."),
            "received_on": _("Date the application was received."),
            "status": _("Pending, admitted, rejected or withdrawn (set by the board's decision)."),
            "partner": _("Identifier of the partner created on admission."),
            "anonymised_at": _("When the personal data were anonymised, if ever."),
            "decision_count": _("Board decisions recorded on the application."),
        }


class BoardMeetingSerializer(RecordSerializer):
    """A board meeting as the list shows it (agenda, files and minutes: on the website)."""

    class Meta:
        model = BoardMeeting
        help = {
            "title": _("Title of the meeting."),
            "date": _("Date of the meeting."),
            "start_time": _("Time the meeting begins."),
            "location": _("Where the meeting takes place."),
            "status": _("Status of the meeting."),
            "template": _("Identifier of the meeting template."),
            "minutes_status": _("Status of the minutes."),
            "minutes_approved_on": _("Date the minutes were approved."),
            "template_name": _("Name of the template the meeting was planned from, if any."),
            "agenda_count": _("Agenda items."),
            "attachment_count": _("Attached files."),
            "decision_count": _("Decisions on applications taken in the meeting."),
        }


class SealApplicationSerializer(RecordSerializer):
    # certification: the status as it reads today, and the programme
    state = serializers.ChoiceField(
        choices=CertificateState.choices,
        read_only=True,
        help_text=_(
            "Status as it reads today: an awarded certificate past its validity is expired."
        ),
    )
    is_valid = serializers.BooleanField(
        read_only=True, help_text=_("Whether the certificate is awarded and valid today.")
    )
    programme_name = related_text("programme.name", _("Name of the programme."))

    class Meta:
        model = SealApplication
        help = {
            "partner": _("Identifier of the partner applying for the seal."),
            "submitted_on": _("Date the application for the seal was submitted."),
            "status": _("Status of the seal application."),
            "reviewer": _("Who reviewed the application."),
            "review_notes": _("Notes of the review."),
            "awarded_on": _("Date the seal was awarded."),
            "valid_until": _("Last day the seal is valid."),
            "reminder_sent_on": _("Date the expiry reminder was sent."),
            "programme": _("Identifier of the certification programme."),
            "renewal_of": _("Identifier of the certificate this application renews."),
            "reviewed_on": _("Date of the on-site review."),
            "decided_on": _("Date of the jury decision."),
            "decision_reasoning": _("Reasoning of the jury."),
            "partner_name": _("Name of the partner."),
            "check_count": _("Criteria checked."),
            "fulfilled_count": _("Criteria checked as fulfilled."),
        }


class WorkingGroupSerializer(RecordSerializer):
    class Meta:
        form = WorkingGroupForm
        help = {
            "name": _("Name of the working group."),
            "topic": _("Topic of the working group."),
            "description": _("Description."),
            "chair": _("Who chairs the working group."),
            "members": _("Identifiers of the member partners."),
            "is_active": _("Whether the working group is active."),
            "member_count": _("Number of members."),
        }


class DecisionSerializer(RecordSerializer):
    application_name = related_text(
        "application.organisation_name", _("Name of the applying organisation.")
    )
    meeting_date = serializers.DateField(
        source="meeting.date", read_only=True, help_text=_("Date of the board meeting.")
    )

    class Meta:
        form = DecisionForm
        help = {
            "application": _("Identifier of the application decided on."),
            "meeting": _("Identifier of the board meeting that decided."),
            "outcome": _("Admit, reject or defer to a later meeting."),
            "votes_yes": _("Votes in favour."),
            "votes_no": _("Votes against."),
            "votes_abstain": _("Abstentions."),
            "members_present": _(
                "Board members present (at least the quorum); without it, those who voted."
            ),
            "board_size": _("Board members whose term covered the meeting's date."),
            "note": _("Note on the decision."),
        }
