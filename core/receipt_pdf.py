"""The donation receipt (Zuwendungsbestätigung) as PDF, in the layout of the official
model of the Federal Ministry of Finance for bodies under § 5 (1) no. 9 KStG: the
issuing body, the donor's name and address, the amount in figures and in words, the
date (a collective receipt: the period, and the entries in an annex), the tax-exemption
notice, the confirmations, the signature line and the liability notice.

The texts are the model's own wording (German msgstr of English msgids). fpdf2's core
font draws Windows-1252 (Latin-1 and "€"), so everything passes through
``kernel.pdf.latin1``; amounts and dates are ``kernel.formats``'.
"""

from __future__ import annotations

import datetime

from django.conf import settings as django_settings
from django.utils.translation import gettext as _

from kernel import formats
from kernel.money_words import euros_in_words
from kernel.pdf import CoreFontPDF, latin1

WIDTH = 180  # the text width on A4 with 15 mm margins


def _date(day: datetime.date | None) -> str:
    return formats.date(day)


def _euro(amount) -> str:
    return formats.money(amount)


class _ReceiptPDF(CoreFontPDF):
    def text_block(self, text: str, *, size: float = 9, style: str = "", height: float = 4.4):
        self.set_font("Helvetica", style=style, size=size)
        self.multi_cell(WIDTH, height, latin1(text), new_x="LMARGIN", new_y="NEXT")

    def labelled_box(self, label: str, lines: list[str], *, height: float = 18) -> None:
        self.set_font("Helvetica", size=7)
        self.cell(WIDTH, 4, latin1(label), new_x="LMARGIN", new_y="NEXT")
        top = self.get_y()
        self.rect(self.l_margin, top, WIDTH, height)
        self.set_xy(self.l_margin + 2, top + 1.5)
        self.set_font("Helvetica", size=10)
        for line in lines:
            if line.strip():
                self.cell(WIDTH - 4, 5, latin1(line), new_x="LMARGIN", new_y="NEXT")
                self.set_x(self.l_margin + 2)
        self.set_y(top + height + 3)

    def amount_row(self, cells: list[tuple[str, str, float]]) -> None:
        """Boxes side by side: (label, value, width)."""
        top, x = self.get_y(), self.l_margin
        for label, value, width in cells:
            self.rect(x, top, width, 15)
            self.set_xy(x + 1.5, top + 1)
            self.set_font("Helvetica", size=7)
            self.cell(width - 3, 4, latin1(label))
            self.set_xy(x + 1.5, top + 6)
            self.set_font("Helvetica", style="B", size=10)
            self.multi_cell(width - 3, 4.5, latin1(value), align="L")
            x += width
        self.set_y(top + 18)

    def tick(self, checked: bool, text: str) -> None:
        self.set_font("Helvetica", style="B", size=9)
        self.cell(8, 4.4, "[X]" if checked else "[  ]")
        self.set_font("Helvetica", size=9)
        self.multi_cell(WIDTH - 8, 4.4, latin1(text), new_x="LMARGIN", new_y="NEXT")
        self.ln(1.5)


def receipt_pdf(*, receipt, entries: list, settings, copy: bool) -> bytes:
    """The receipt ``receipt`` for ``entries`` (its funding entries), issued under
    ``settings`` (the circle's tax data); ``copy`` marks it as a duplicate."""
    pdf = _ReceiptPDF(orientation="portrait", unit="mm", format="A4")
    pdf.set_margins(15, 12, 15)
    pdf.set_auto_page_break(auto=True, margin=12)
    pdf.set_title(latin1(_("Donation receipt %(number)s") % {"number": receipt.number}))
    pdf.set_author(latin1(settings.recipient))
    pdf.set_creator(django_settings.BUENDNISNETZ_PLATFORM_NAME)
    pdf.set_creation_date(datetime.datetime.now(tz=datetime.UTC))
    pdf.add_page()
    collective = receipt.is_collective
    purpose = settings.purpose

    if copy:
        pdf.set_font("Helvetica", style="B", size=14)
        pdf.set_text_color(170, 0, 0)
        pdf.cell(WIDTH, 7, latin1(_("Copy (duplicate)")), align="R", new_x="LMARGIN", new_y="NEXT")
        pdf.set_text_color(0, 0, 0)
    pdf.set_font("Helvetica", size=8)
    number = _("Receipt no. %(number)s") % {"number": receipt.number}
    pdf.cell(WIDTH, 4, latin1(number), align="R", new_x="LMARGIN", new_y="NEXT")

    pdf.labelled_box(
        _("Issuer (name and address of the tax-privileged body)"),
        [settings.recipient, settings.recipient_address],
        height=13,
    )
    title = (
        _("Collective confirmation of monetary donations/membership fees")
        if collective
        else _("Confirmation of monetary donations/membership fee")
    )
    pdf.text_block(title, size=12, style="B", height=6)
    pdf.text_block(
        _(
            "within the meaning of Section 10b of the Income Tax Act to one of the bodies, "
            "associations of persons or estates named in Section 5 (1) no. 9 of the "
            "Corporation Tax Act"
        ),
        size=9,
    )
    pdf.ln(3)
    supporter = receipt.supporter
    pdf.labelled_box(_("Name and address of the donor:"), supporter.address_lines, height=17)

    total = receipt.total
    if collective:
        days = [entry.received_on for entry in entries]
        when_label = _("Period of the collective confirmation:")
        when = f"{_date(min(days))} - {_date(max(days))}" if days else ""
    else:
        when_label = _("Date of the donation:")
        when = _date(entries[0].received_on) if entries else ""
    figures_label = (
        _("Total amount - in figures -")
        if collective
        else _("Amount of the donation - in figures -")
    )
    pdf.amount_row(
        [
            (figures_label, _euro(total), 52),
            (_("- in words -"), euros_in_words(total), 83),
            (when_label, when, 45),
        ]
    )
    if collective:
        pdf.text_block(
            _(
                "Whether the donation is a waiver of the reimbursement of expenses is shown in "
                "the annex to the collective confirmation."
            )
        )
    else:
        pdf.text_block(
            _("It is a waiver of the reimbursement of expenses: yes [  ]  no [X]"), style="B"
        )
    pdf.ln(3)
    pdf.tick(
        True,
        _(
            "We are exempt from corporation tax under Section 5 (1) no. 9 of the Corporation "
            "Tax Act and from trade tax under Section 3 no. 6 of the Trade Tax Act for the "
            "promotion of %(purpose)s according to the exemption notice or the annex to the "
            "corporation tax notice of the tax office %(office)s, tax no. %(number)s, dated "
            "%(date)s for the last assessment period %(period)s."
        )
        % {
            "purpose": purpose,
            "office": settings.tax_office,
            "number": settings.tax_number,
            "date": _date(settings.exemption_notice_on),
            "period": settings.assessment_period or "-",
        },
    )
    pdf.text_block(
        _("It is confirmed that the donation is used only for the promotion of %(purpose)s.")
        % {"purpose": purpose}
    )
    pdf.ln(2)
    pdf.tick(
        True,
        _(
            "It is confirmed that this is not a membership fee whose deduction is excluded "
            "under Section 10b (1) of the Income Tax Act."
        ),
    )
    if collective:
        pdf.text_block(
            _(
                "It is confirmed that no further confirmations, neither formal donation "
                "receipts nor receipts for fees or the like, have been or will be issued for "
                "the donations contained in the total amount."
            )
        )
    pdf.ln(12)
    pdf.set_font("Helvetica", size=10)
    pdf.cell(WIDTH, 5, latin1(f"{settings.place}, {_date(receipt.issued_on)}"))
    pdf.ln(8)
    pdf.line(pdf.l_margin, pdf.get_y(), pdf.l_margin + 95, pdf.get_y())
    pdf.set_font("Helvetica", size=7)
    pdf.cell(WIDTH, 4, latin1(_("(Place, date and signature of the recipient)")))
    pdf.ln(4)
    if settings.signatory:
        pdf.text_block(settings.signatory, size=8)
    pdf.ln(5)
    pdf.text_block(_("Note:"), size=7, style="B", height=3.4)
    pdf.text_block(
        _(
            "Whoever intentionally or through gross negligence issues an incorrect donation "
            "receipt or causes donations not to be used for the tax-privileged purposes "
            "stated in the donation receipt is liable for the tax lost (Section 10b (4) EStG, "
            "Section 9 (3) KStG, Section 9 no. 5 GewStG)."
        ),
        size=7,
        height=3.4,
    )
    pdf.text_block(
        _(
            "This confirmation is not recognised as proof for the tax deduction of the "
            "donation if the date of the exemption notice is more than 5 years before the "
            "date of issue (Section 63 (5) AO)."
        ),
        size=7,
        height=3.4,
    )
    if collective:
        _annex(pdf, receipt, entries)
    return bytes(pdf.output())


def _annex(pdf: _ReceiptPDF, receipt, entries: list) -> None:
    pdf.add_page()
    pdf.text_block(
        _("Annex to the collective confirmation no. %(number)s") % {"number": receipt.number},
        size=11,
        style="B",
        height=6,
    )
    pdf.ln(2)
    widths = (35, 60, 50, 35)
    headings = (
        _("Date of the donation"),
        _("Kind of donation"),
        _("Waiver of the reimbursement of expenses (yes/no)"),
        _("Amount"),
    )
    with pdf.table(col_widths=widths, text_align=("LEFT", "LEFT", "LEFT", "RIGHT")) as table:
        pdf.set_font("Helvetica", size=9)
        row = table.row()
        for heading in headings:
            row.cell(latin1(heading))
        for entry in entries:
            row = table.row()
            row.cell(_date(entry.received_on))
            row.cell(latin1(entry.get_kind_display()))
            row.cell(latin1(_("no")))
            row.cell(latin1(_euro(entry.amount)))
        row = table.row()
        row.cell(latin1(_("Total")), colspan=3)
        row.cell(latin1(_euro(receipt.total)))
