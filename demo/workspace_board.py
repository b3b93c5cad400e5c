"""The board (Kuratorium) of a demo workspace: members, quarterly meetings and the
admissions decided there (a mixin of ``demo.workspace._WorkspaceSeed``)."""

from __future__ import annotations

import datetime

from core.models import (
    DecisionOutcome,
    Partner,
    PartnerKind,
    SizeClass,
)
from core.selectors.board import current_board_members
from core.services import admissions, board, partners
from core.services.board import add_months
from demo.workspace_vocabulary import (
    BOARD_AGENDA,
    BOARD_AGENDA_SMALL,
    _Spec,
    _weekday_on_or_after,
    ascii_slug,
)


class BoardSeeding:
    """Board members, board meetings, admissions."""

    # ------------------------------------------------------------ board

    def seed_board(self) -> list:
        size = 8 if self.profile.flagship else 5
        people = self.active_partners()
        chosen = self.rng.sample(people, min(size, len(people)))
        # In office before the first meeting, so every decision has its board.
        term_start = self.window_start - datetime.timedelta(days=self.rng.randint(0, 60))
        members = []
        for number, partner in enumerate(chosen):
            first, last = self.person()
            position = ["chair", "deputy"][number] if number < 2 else "member"
            members.append(
                board.board_member_create(
                    actor=self.actor,
                    full_name=f"{first} {last}",
                    affiliation=partner.name,
                    partner=partner,
                    position=position,
                    email=self.mail(first, last, partner.name),
                    term_start=term_start,
                    term_end=add_months(term_start, 48),
                )
            )
            self.count("board_members")
        return members

    def seed_board_meetings(self, members: list) -> list:
        """The board's quarterly series over two years (and ahead): the past meetings
        held, their minutes approved at the next meeting (the latest still a draft)."""
        flagship = self.profile.flagship
        template = board.meeting_template_create(
            actor=self.actor,
            name="Sitzung des Kuratoriums" if flagship else "Sitzung der Steuerungsgruppe",
            location=f"Rathaus {self.town}, Beratungsraum",
            start_time=datetime.time(16, 0),
            agenda="\n".join(BOARD_AGENDA if flagship else BOARD_AGENDA_SMALL),
        )
        first = _weekday_on_or_after(
            self.window_start + datetime.timedelta(days=self.rng.randint(5, 40)), 2
        )
        meetings = board.meeting_series_plan(
            actor=self.actor,
            template=template,
            first_date=first,
            count=12 if flagship else 9,
            title=template.name,
        )
        self.count("board_meetings", len(meetings))
        past = [m for m in meetings if m.date <= self.today]
        for index, meeting in enumerate(past):
            board.meeting_mark_held(actor=self.actor, meeting=meeting)
            present = len(members) - self.rng.randint(0, 2)
            board.minutes_update(
                actor=self.actor,
                meeting=meeting,
                minutes=(
                    f"Anwesend: {present} von {len(members)} Mitgliedern; das Gremium ist "
                    "beschlussfähig.\n\nDie Koordinierungsstelle berichtet über neue Partner, "
                    "laufende Projekte und die Termine des nächsten Quartals. Die Mitglieder "
                    "verständigen sich auf die nächsten Schritte."
                ),
            )
            if index + 1 < len(past):
                board.minutes_approve(
                    actor=self.actor, meeting=meeting, approved_on=past[index + 1].date
                )
        return meetings

    def seed_admissions(self, specs: list[_Spec], meetings: list) -> None:
        """Applications decided at the board meetings (Jena), and pending ones."""
        past = [m for m in meetings if m.date <= self.today]
        for spec in (s for s in specs if s.via_admission):
            meeting = next((m for m in past if m.date >= spec.joined_on), None)
            if meeting is None:  # joins after the latest meeting: still pending
                spec.via_admission = False
                self.application(spec, spec.joined_on)
                continue
            application = self.application(spec, meeting.date - datetime.timedelta(days=20))
            admissions.decision_record(
                actor=self.actor,
                application=application,
                meeting=meeting,
                outcome=DecisionOutcome.ADMIT,
                **self.votes(
                    meeting, self.rng.randint(5, 7), self.rng.randint(0, 1), self.rng.randint(0, 1)
                ),
            )
            self.count("decisions")
            partner = Partner.objects.get(name=spec.name)
            partners.partner_update(
                actor=self.actor,
                partner=partner,
                public_listing_consent=True,
                postcode=self.profile.postcode,
                measures=self.measures_for(spec),
            )
            self.partners.append(partner)
            self.count("partners")
        if self.profile.flagship and len(past) >= 3:
            # One rejected, one withdrawn, one deferred and admitted later.
            rejected = self.extra_application(past[1].date - datetime.timedelta(days=25))
            admissions.decision_record(
                actor=self.actor, application=rejected, meeting=past[1],
                outcome=DecisionOutcome.REJECT, **self.votes(past[1], 1, 6, 1),
                note="Kein erkennbares Engagement für Familien; erneuter Antrag möglich.",
            )  # fmt: skip
            withdrawn = self.extra_application(past[2].date - datetime.timedelta(days=30))
            admissions.application_withdraw(actor=self.actor, application=withdrawn)
            deferred = self.extra_application(past[-3].date - datetime.timedelta(days=15))
            admissions.decision_record(
                actor=self.actor, application=deferred, meeting=past[-3],
                outcome=DecisionOutcome.DEFER, **self.votes(past[-3], 3, 2, 3),
                note="Rückfragen zu den Maßnahmen; Vorstellung in der nächsten Sitzung.",
            )  # fmt: skip
            admissions.decision_record(
                actor=self.actor, application=deferred, meeting=past[-2],
                outcome=DecisionOutcome.ADMIT, **self.votes(past[-2], 7, 0, 1),
            )  # fmt: skip
            self.partners.append(Partner.objects.get(name=deferred.organisation_name))
            self.count("partners")
            self.count("decisions", 3)
        pending = 3 if self.profile.flagship else self.rng.randint(0, 2)
        for _number in range(pending):
            self.extra_application(self.today - datetime.timedelta(days=self.rng.randint(3, 40)))

    @staticmethod
    def votes(meeting, yes: int, no: int, abstain: int) -> dict[str, int]:
        """The whole board present; the votes cut to its size (a small steering group)."""
        present = current_board_members(meeting.date).count()
        yes = min(yes, present)
        no = min(no, present - yes)
        abstain = min(abstain, present - yes - no)
        return {
            "votes_yes": yes,
            "votes_no": no,
            "votes_abstain": abstain,
            "members_present": present,
        }

    def application(self, spec: _Spec, received_on: datetime.date):
        first, last = self.person()
        self.count("applications")
        return admissions.application_create(
            actor=self.actor,
            organisation_name=spec.name,
            kind=spec.kind,
            size_class=spec.size_class,
            city=self.town,
            website=f"https://www.{ascii_slug(spec.name)[:50].strip('-')}.example",
            contact_name=f"{first} {last}",
            contact_email=self.mail(first, last, spec.name),
            contact_phone=self.phone(),
            statement=self.engagement(spec),
            received_on=received_on,
        )

    def extra_application(self, received_on: datetime.date):
        spec = _Spec(self.company_name(), PartnerKind.COMPANY, SizeClass.SMALL, received_on)
        return self.application(spec, received_on)
