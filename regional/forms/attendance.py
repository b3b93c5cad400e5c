"""The form recording a regional meeting's attendance: a checkbox per invitee and the
people who came without an invitation, one per line "Name; Alliance"."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from kernel.crud.forms import checkbox_choices
from kernel.text import PlainTextForm
from regional.selectors.meetings import invitable_alliances
from regional.services.attendance import WalkInData

__all__ = ["AttendanceForm", "walk_in_lines"]


def walk_in_lines(walk_ins) -> str:
    """The walk-ins as the form's text shows them."""
    return "\n".join(f"{w.name}; {w.alliance.name}" if w.alliance_id else w.name for w in walk_ins)


class AttendanceForm(PlainTextForm, forms.Form):
    attended = checkbox_choices(_("Invited people who came"), coerce=int)
    walk_ins = forms.CharField(
        label=_("Came without an invitation"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_(
            "One per line: “Name; alliance” (the alliance's name as on the platform), or "
            "just the name for a guest without an alliance."
        ),
    )

    def __init__(self, *args, invitations, walk_ins=(), **kwargs):
        kwargs.setdefault(
            "initial",
            {
                "attended": [i.pk for i in invitations if i.attended],
                "walk_ins": walk_in_lines(walk_ins),
            },
        )
        super().__init__(*args, **kwargs)
        self.fields["attended"].choices = [(i.pk, self._label(i)) for i in invitations]

    @staticmethod
    def _label(invitation) -> str:
        alliance = invitation.alliance.name if invitation.alliance_id else gettext("no alliance")
        reply = invitation.get_response_display()
        return f"{invitation.name} ({alliance}) – {reply}"

    def clean_walk_ins(self) -> list[WalkInData]:
        alliances = {a.name.casefold(): a for a in invitable_alliances()}
        people, unknown = [], []
        for raw in self.cleaned_data.get("walk_ins", "").splitlines():
            line = raw.strip()
            if not line:
                continue
            name, _sep, alliance_name = (part.strip() for part in line.partition(";"))
            alliance = None
            if alliance_name:
                alliance = alliances.get(alliance_name.casefold())
                if alliance is None:
                    unknown.append(alliance_name)
                    continue
            people.append(WalkInData(name=name, alliance=alliance))
        if unknown:
            raise forms.ValidationError(
                gettext("No alliance of this name on the platform: %(names)s")
                % {"names": ", ".join(unknown)}
            )
        return people
