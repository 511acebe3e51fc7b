"""Reading an uploaded CSV file: encodings, delimiters, headings, numbering and limits."""

from __future__ import annotations

from meritpass.issuing.bulk import read_csv


def test_semicolons_a_byte_order_mark_and_swedish_headings() -> None:
    data = "\ufeffNamn;E-post;Datum;Betyg\r\nÅsa Öberg;asa@example.org;2026-11-02;VG\r\n"
    records, errors = read_csv(data.encode("utf-8"), "en")
    assert errors == []
    assert records == [
        (2, {"name": "Åsa Öberg", "email": "asa@example.org", "date": "2026-11-02", "grade": "VG"})
    ]


def test_rows_are_numbered_as_the_file_shows_them() -> None:
    data = b'name,email,date\n"Ann\nAndersson",a@example.org,x\n\nBo,b@example.org,y\n'
    records, errors = read_csv(data, "en")
    assert errors == []
    assert [number for number, _ in records] == [2, 5]


def test_trailing_empty_cells_are_fine_but_extra_values_are_not() -> None:
    records, errors = read_csv(b"name,email,date\nA,a@x.se,d,,\nB,b@x.se,d,extra\n", "en")
    assert [number for number, _ in records] == [2]
    assert [(error.row, error.column) for error in errors] == [(3, None)]
    assert errors[0].message.startswith("Rows: this row has 4 cells")


def test_a_repeated_column_is_refused_in_swedish() -> None:
    _, errors = read_csv(b"name,email,date,email\n", "sv")
    assert [error.message for error in errors] == ["Fil: kolumnen ”email” förekommer två gånger."]


def test_a_file_over_the_size_limit_is_not_read() -> None:
    _, errors = read_csv(b"x" * (10 * 1024 * 1024 + 1), "en")
    assert errors[0].message.startswith("File: the file has 10485761 bytes")
