"""Imports are bounded and precise: zip bombs, misaligned CSV rows, missing columns,
over-long cells. Messages are checked in German, as users read them."""

from __future__ import annotations

import io
import resource
import struct
import zipfile
import zlib
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from openpyxl import Workbook

from core.imports import Lookups, parse_import
from core.models import Partner
from tests.conftest import logged_in_client

MIB = 1024 * 1024
UPLOAD = "/workspace/import/"
# Uploads that wait for confirmation go to a folder of each test's own.
pytestmark = pytest.mark.usefixtures("media_root")


def parse(content: bytes, ext: str = "csv", kind: str = "partners"):
    with translation.override("de"):
        return parse_import(kind, content, ext, Lookups())


def messages(preview) -> list[str]:
    return [problem.message for problem in preview.errors]


def xlsx_bytes(rows: list[list]) -> bytes:
    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


# ---------------------------------------------------------------- building a zip bomb


def _deflated(parts: list[tuple[bytes, int]]) -> tuple[bytes, int, int]:
    """Raw deflate data, CRC-32 and size of each chunk repeated ``count`` times.

    Each chunk is compressed once, ending in a full flush (byte-aligned, no reference
    back), so its compressed block can simply be repeated: a gigabyte costs a second.
    """
    data, crc, size = [], 0, 0
    for chunk, count in parts:
        packer = zlib.compressobj(9, zlib.DEFLATED, -15)
        data.append((packer.compress(chunk) + packer.flush(zlib.Z_FULL_FLUSH)) * count)
        for _ in range(count):
            crc = zlib.crc32(chunk, crc)
        size += len(chunk) * count
    data.append(zlib.compressobj(9, zlib.DEFLATED, -15).flush())  # the final, empty block
    return b"".join(data), crc, size


def _zip(entries: list[tuple[str, tuple[bytes, int, int]]]) -> bytes:
    """A zip archive of already deflated entries (name, (data, crc, size))."""
    out, central = io.BytesIO(), []
    for name, (data, crc, size) in entries:
        offset, encoded = out.tell(), name.encode()
        out.write(struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0, crc, len(data),
                              size, len(encoded), 0) + encoded + data)  # fmt: skip
        central.append(struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, 8, 0, 0, crc,
                                   len(data), size, len(encoded), 0, 0, 0, 0, 0, offset)
                       + encoded)  # fmt: skip
    directory = b"".join(central)
    start = out.tell()
    out.write(directory)
    out.write(struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(entries), len(entries),
                          len(directory), start, 0))  # fmt: skip
    return out.getvalue()


def xlsx_bomb(unpacked: int = 1024 * MIB) -> bytes:
    """A real workbook (header Name, Art) whose second row holds one text cell of
    ``unpacked`` bytes: about 1 MB on disk per GB unpacked."""
    with zipfile.ZipFile(io.BytesIO(xlsx_bytes([["Name", "Art"], ["x", "company"]]))) as book:
        entries = [
            (info.filename, _deflated([(book.read(info), 1)]))
            for info in book.infolist()
            if info.filename != "xl/worksheets/sheet1.xml"
        ]
    head = (
        b'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxml'
        b'formats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr">'
        b'<is><t>Name</t></is></c><c r="B1" t="inlineStr"><is><t>Art</t></is></c></row>'
        b'<row r="2"><c r="A2" t="inlineStr"><is><t>'
    )
    tail = b"</t></is></c></row></sheetData></worksheet>"
    sheet = _deflated([(head, 1), (b"A" * MIB, unpacked // MIB), (tail, 1)])
    return _zip([*entries, ("xl/worksheets/sheet1.xml", sheet)])


def _peak_memory_growth(call) -> tuple[int, object]:
    """How far the process's resident memory rose above its level before ``call``."""
    status = Path("/proc/self/status")

    def field(name: str) -> int:
        line = next(x for x in status.read_text().splitlines() if x.startswith(name))
        return int(line.split()[1]) * 1024

    try:
        Path("/proc/self/clear_refs").write_text("5")  # resets the peak (VmHWM)
        before, result = field("VmRSS:"), call()
        return field("VmHWM:") - before, result
    except OSError:  # no /proc: the lifetime peak, which can only understate the growth
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
        result = call()
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024 - before, result


# ---------------------------------------------------------------- zip bombs


def test_the_bomb_is_a_small_file_that_unpacks_to_a_gigabyte():
    bomb = xlsx_bomb()
    assert len(bomb) < 2 * MIB
    with zipfile.ZipFile(io.BytesIO(bomb)) as archive:
        assert sum(info.file_size for info in archive.infolist()) > 1024 * MIB


def test_an_uploaded_zip_bomb_is_refused_in_german_within_a_few_hundred_mb(jena):
    from tenants.roles import Role
    from tests.conftest import person_with_role

    client = logged_in_client(person_with_role(Role.LOCAL_COORDINATOR, jena))
    bomb = xlsx_bomb()
    growth, response = _peak_memory_growth(
        lambda: client.post(
            UPLOAD, {"kind": "partners", "file": SimpleUploadedFile("partner.xlsx", bomb)}
        )
    )
    assert response.status_code == 400
    body = response.content.decode()
    assert "Die Arbeitsmappe ist entpackt 1024 MB groß; erlaubt sind höchstens 50 MB." in body
    assert growth < 300 * MIB
    assert not Partner.objects.exists()


def test_a_densely_packed_part_is_refused_even_below_the_total_limit():
    dense = _zip([("xl/worksheets/sheet1.xml", _deflated([(b"A" * MIB, 20)]))])
    preview = parse(dense, "xlsx")
    assert messages(preview) == [
        "Die Arbeitsmappe ist ungewöhnlich stark komprimiert (ein Teil wird entpackt "
        "1010-mal so groß; erlaubt ist höchstens das 100-Fache). Bitte kopieren Sie die "
        "Daten in eine neue Arbeitsmappe oder speichern Sie sie als CSV."
    ]


def test_an_archive_of_too_many_parts_is_refused():
    parts = [(f"part{n}.xml", _deflated([(b"<x/>", 1)])) for n in range(501)]
    assert messages(parse(_zip(parts), "xlsx"))[0].startswith(
        "Die Arbeitsmappe besteht aus 501 Teilen; erlaubt sind höchstens 500."
    )


@pytest.mark.slow
def test_an_ordinary_workbook_of_5000_rows_is_still_read():
    rows = [["Name", "Art", "Ort", "Beschreibung"]] + [
        [f"Betrieb {n}", "company", "Jena", "Familienfreundlich " * 5] for n in range(5000)
    ]
    preview = parse(xlsx_bytes(rows), "xlsx")
    assert preview.errors == []
    assert len(preview.rows) == 5000


# ---------------------------------------------------------------- CSV edge cases


def test_an_unquoted_separator_in_a_text_is_reported_for_its_row():
    content = (
        b"Name;Art;Ort;Beschreibung\n"
        b"Kita Sonne;company;Jena;Betreuung ab 6 Uhr\n"
        b"Kita Mond;company;Jena;Betreuung; auch samstags\n"
        b'Kita Stern;company;Jena;"Betreuung; auch sonntags"\n'
    )
    preview = parse(content)
    assert preview.errors == []
    assert [(p.row, p.column) for p in preview.row_problems] == [(3, None)]
    assert preview.row_problems[0].message.startswith(
        "Zeile 3 hat 5 Werte, die Kopfzeile aber 4 Spalten: Wahrscheinlich enthält ein Wert "
        "das Trennzeichen „;“ ohne Anführungszeichen."
    )
    assert preview.rows[2].data["description"] == "Betreuung; auch sonntags"
    assert not preview.can_import


def test_empty_trailing_values_are_not_a_misaligned_row():
    content = b"Name;Art;Ort\nKita Sonne;company;Jena;;\n"
    preview = parse(content)
    assert preview.row_problems == []
    assert preview.can_import


def test_all_missing_columns_are_reported_at_once(jena):
    preview = parse(b"Ort;Nmae\nJena;Kita\n")
    assert messages(preview) == ["Die Pflichtspalten „Name“, „Art“ fehlen."]
    preview = parse(b"Titel;Ort\nFest;Jena\n", kind="projects")
    assert messages(preview) == ["Die Pflichtspalte „Thema“ fehlt."]


def test_the_upload_page_shows_all_missing_columns_and_the_unknown_ones(coordinator):
    client = logged_in_client(coordinator)
    response = client.post(
        UPLOAD,
        {"kind": "partners", "file": SimpleUploadedFile("p.csv", b"Ort;Nmae\nJena;Kita\n")},
    )
    assert response.status_code == 400
    body = response.content.decode()
    assert "Die Pflichtspalten „Name“, „Art“ fehlen." in body
    assert "„Nmae“" in body  # the misspelt column, as a hint


def test_an_over_long_cell_is_named_by_row_and_column_in_csv_and_xlsx():
    long_text = "x" * 200_000  # beyond the csv module's own field limit as well
    content = f"Name;Art;Beschreibung\nKita;company;kurz\nHort;company;{long_text}\n".encode()
    expected = (
        "Zeile 3, Spalte „Beschreibung“: Die Zelle enthält 200000 Zeichen; "
        "erlaubt sind höchstens 10000."
    )
    assert messages(parse(content)) == [expected]
    rows = [["Name", "Art", "Beschreibung"], ["Kita", "company", "kurz"], ["Hort", "company"]]
    rows[2].append("y" * 20_000)
    assert messages(parse(xlsx_bytes(rows), "xlsx")) == [expected.replace("200000", "20000")]


def test_a_text_longer_than_its_field_names_row_and_column():
    preview = parse(f"Name;Art\nKita;company\n{'N' * 201};company\n".encode())
    assert [(p.row, p.column) for p in preview.row_problems] == [(3, "Name")]
    assert "Höchstens 200 Zeichen sind erlaubt" in preview.row_problems[0].message


def test_a_row_with_more_than_100_columns_is_refused():
    content = ("Name;Art\n" + "Kita;company;" + ";".join(["x"] * 150) + "\n").encode()
    assert messages(parse(content)) == [
        "Zeile 2 hat mehr als 100 Spalten. Es können höchstens 100 gelesen werden."
    ]


@pytest.mark.parametrize("ext", ["csv", "xlsx"])
def test_a_file_over_5_mb_is_refused_by_the_parser_too(ext):
    assert messages(parse(b"PK" + b"x" * (5 * MIB), ext)) == [
        "Die Datei ist größer als 5 MB. Bitte teilen Sie sie in kleinere Dateien auf."
    ]
