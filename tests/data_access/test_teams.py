"""Microsoft Teams attendance reports in the layouts, encodings and locales Teams writes them."""
from __future__ import annotations

from datetime import datetime

import pytest

from data_access.importers.errors import ImportRefused
from data_access.importers.teams import parse_duration, parse_report, parse_stamp

HEADER = "Name\tFirst Join\tLast Leave\tIn-Meeting Duration\tEmail\tParticipant ID (UPN)\tRole"
FIRST_ROW = 9  # the file line of the first participant in a sections() report
TIME = "cannot read the time; expected a time as Teams writes it, like 14/11/22, 09:30:46 or 11/26/25, 4:16:54 PM"


def person(name: str, join: str, leave: str, duration: str, email: str, role: str = "Attendee") -> str:
    return "\t".join([name, join, leave, duration, email, email, role])


def sections(*people: str, title: str = "Big Conversation: Team", start: str = "14/11/22, 09:30:46",
             header: str = HEADER) -> str:
    """A current three-section report; a stray row in section 3 must never be read as a participant."""
    return "\r\n".join([
        "1. Summary", f"Meeting title\t{title}", f"Attended participants\t{len(people)}", f"Start time\t{start}",
        "End time\t14/11/22, 10:42:00", "", "2. Participants", header, *people, "", "3. In-Meeting Activities",
        "Name\tJoin Time\tLeave Time\tDuration\tEmail\tRole",
        person("Not In Section Two", "14/11/22, 09:40:00", "14/11/22, 09:50:00", "10m", "ghost@example.nhs.uk"), "",
    ])


def utf16le(text: str) -> bytes:
    return b"\xff\xfe" + text.encode("utf-16-le")


UK_PEOPLE = (
    person("Chief Executive", "14/11/22, 09:30:46", "14/11/22, 10:32:56", "1h 2m 10s", "ceo@example.nhs.uk",
           "Organizer"),
    person("Chief Nurse", "14/11/22, 09:31:00", "14/11/22, 10:30:00", "59m", "nurse@example.nhs.uk", "Presenter"),
    person("Participant A", "14/11/22, 09:40:00", "14/11/22, 09:59:26", "19m 26s", "a@example.nhs.uk"),
    person("Participant B", "14/11/22, 09:35:00", "14/11/22, 10:40:00", "55m", "B@Example.nhs.uk"),
)


def test_reads_a_three_section_report() -> None:
    report = parse_report(utf16le(sections(*UK_PEOPLE)))
    assert report.title == "Big Conversation: Team"
    assert report.start == datetime(2022, 11, 14, 9, 30, 46)
    people = report.participants.set_index("identity")
    assert list(people.index) == ["ceo@example.nhs.uk", "nurse@example.nhs.uk", "a@example.nhs.uk", "b@example.nhs.uk"]
    assert list(people["teams_role"]) == ["Organizer", "Presenter", "Attendee", "Attendee"]
    # Minutes come from In-Meeting Duration, not leave minus join (B left and came back).
    assert people["minutes_attended"].round(4).tolist() == [62.1667, 59.0, 19.4333, 55.0]
    assert people.loc["b@example.nhs.uk", "first_join"] == datetime(2022, 11, 14, 9, 35)
    assert people.loc["b@example.nhs.uk", "last_leave"] == datetime(2022, 11, 14, 10, 40)


def test_reads_a_legacy_meeting_summary_report() -> None:
    legacy = "\r\n".join([
        "Meeting Summary", "Total Number of Participants\t2", "Meeting Title\tBig Conversation: Flexibility",
        "Meeting Start Time\t11/04/22, 12:00:00", "Meeting End Time\t11/04/22, 13:05:00", "",
        "Full Name\tJoin Time\tLeave Time\tDuration\tEmail\tRole\tParticipant ID (UPN)",
        "\t".join(["Deputy Chief People Officer", "11/04/22, 12:00:00", "11/04/22, 13:05:00", "1h 5m",
                   "dcpo@example.nhs.uk", "Organizer", "dcpo@example.nhs.uk"]),
        "\t".join(["Participant C", "11/04/22, 12:04:10", "11/04/22, 12:50:00", "45m 50s",
                   "c@example.nhs.uk", "Attendee", "c@example.nhs.uk"]), "",
    ])
    report = parse_report(utf16le(legacy))
    assert (report.title, report.start) == ("Big Conversation: Flexibility", datetime(2022, 4, 11, 12, 0))
    assert report.participants[["identity", "name", "teams_role"]].values.tolist() == [
        ["dcpo@example.nhs.uk", "Deputy Chief People Officer", "Organizer"],
        ["c@example.nhs.uk", "Participant C", "Attendee"]]
    assert report.participants["minutes_attended"].round(4).tolist() == [65.0, 45.8333]


@pytest.mark.parametrize("encode", [
    pytest.param(utf16le, id="utf-16-le"),
    pytest.param(lambda t: b"\xfe\xff" + t.encode("utf-16-be"), id="utf-16-be"),
    pytest.param(lambda t: t.encode("utf-8-sig"), id="utf-8-bom"),
    pytest.param(lambda t: t.encode("utf-8"), id="utf-8"),
    pytest.param(lambda t: t.encode("cp1252"), id="cp1252"),
])
def test_reads_every_encoding_teams_or_excel_saves(encode) -> None:
    zoe = person("Zoë Ó'Brien-Renée", "14/11/22, 09:30:46", "14/11/22, 10:00:46", "30m", "zoe@example.nhs.uk")
    text = sections(zoe, title="Big Conversation – Équipe")
    report = parse_report(encode(text))
    assert report.title == "Big Conversation – Équipe"
    assert report.participants["name"].tolist() == ["Zoë Ó'Brien-Renée"]
    assert report.participants["minutes_attended"].tolist() == [30.0]


def test_reads_us_time_stamps() -> None:
    d = person("Participant D", "11/26/25, 11:58:05 AM", "11/26/25, 1:02:10 PM", "1h 4m 5s", "d@example.nhs.uk")
    text = sections(d, start="11/26/25, 11:58:05 AM")
    report = parse_report(utf16le(text))
    assert report.start == datetime(2025, 11, 26, 11, 58, 5)
    assert report.participants["last_leave"].tolist() == [datetime(2025, 11, 26, 13, 2, 10)]


def test_am_or_pm_in_a_title_does_not_make_a_uk_report_american() -> None:
    report = parse_report(utf16le(sections(*UK_PEOPLE, title="Big Conversation: AM drop-in for PM staff")))
    assert report.start == datetime(2022, 11, 14, 9, 30, 46)


def test_a_time_in_a_title_or_a_name_does_not_make_a_uk_report_american() -> None:
    lunch = person("Lunch 12:30 pm Rota Team", "14/11/22, 09:33:00", "14/11/22, 10:00:00", "27m", "rota@example.nhs.uk")
    report = parse_report(utf16le(sections(lunch, *UK_PEOPLE[2:], title="Drop-in at 12:30 PM for night staff")))
    assert report.start == datetime(2022, 11, 14, 9, 30, 46)
    assert report.participants["first_join"].min() == datetime(2022, 11, 14, 9, 33)


def test_without_a_start_time_the_first_join_tells_a_us_report() -> None:
    d = person("Participant D", "11/26/25, 11:58:05 AM", "11/26/25, 1:02:10 PM", "1h 4m 5s", "d@example.nhs.uk")
    report = parse_report(utf16le(sections(d).replace("Start time\t14/11/22, 09:30:46\r\n", "")))
    assert report.start == datetime(2025, 11, 26, 11, 58, 5)


@pytest.mark.parametrize(("text", "us", "expected"), [
    ("14/11/22, 09:30:46", False, datetime(2022, 11, 14, 9, 30, 46)),
    ("14/11/2022, 09:30:46", False, datetime(2022, 11, 14, 9, 30, 46)),
    ("11/26/25, 4:16:54 PM", True, datetime(2025, 11, 26, 16, 16, 54)),
    ("11/26/25, 12:05:00 AM", True, datetime(2025, 11, 26, 0, 5)),
    ("11/26/25, 12:05:00 PM", True, datetime(2025, 11, 26, 12, 5)),
])
def test_parse_stamp(text: str, us: bool, expected: datetime) -> None:
    assert parse_stamp(text, us) == expected


@pytest.mark.parametrize(("text", "seconds"), [
    ("1h 2m 10s", 3730), ("19m 26s", 1166), ("55m", 3300), ("45s", 45), ("2h", 7200), ("1h 5s", 3605)])
def test_parse_duration(text: str, seconds: int) -> None:
    assert parse_duration(text) == seconds


@pytest.mark.parametrize("text", ["", "soon", "5 minutes", "1:02:10"])
def test_parse_duration_refuses_what_it_cannot_read(text: str) -> None:
    with pytest.raises(ValueError, match="cannot read the duration"):
        parse_duration(text)


@pytest.mark.parametrize("header", [HEADER.upper(), HEADER.lower(), HEADER.replace("First Join", "First join")])
def test_header_case_does_not_matter(header: str) -> None:
    report = parse_report(utf16le(sections(*UK_PEOPLE, header=header)))
    assert report.participants["minutes_attended"].round(4).tolist() == [62.1667, 59.0, 19.4333, 55.0]


def test_the_same_person_twice_becomes_one_row() -> None:
    report = parse_report(utf16le(sections(
        person("Participant E", "14/11/22, 10:00:00", "14/11/22, 10:20:00", "20m", "e@example.nhs.uk"),
        person("Participant E", "14/11/22, 09:35:00", "14/11/22, 09:50:30", "15m 30s", "E@example.nhs.uk", "Presenter"),
    )))
    assert report.participants.to_dict("records") == [{
        "identity": "e@example.nhs.uk", "name": "Participant E", "teams_role": "Presenter",
        "first_join": datetime(2022, 11, 14, 9, 35), "last_leave": datetime(2022, 11, 14, 10, 20),
        "minutes_attended": 35.5}]


@pytest.mark.parametrize(("written", "kept"), [
    ("Organizer", "Organizer"), ("Co-organizer", "Organizer"), ("organiser", "Organizer"),
    ("Presenter", "Presenter"), ("attendee", "Attendee"), ("", "Attendee")])
def test_roles_are_kept(written: str, kept: str) -> None:
    row = person("Host", "14/11/22, 09:30:46", "14/11/22, 09:40:46", "10m", "host@example.nhs.uk", written)
    assert parse_report(utf16le(sections(row))).participants["teams_role"].tolist() == [kept]


def test_identity_falls_back_to_the_upn_then_the_name() -> None:
    times = ["14/11/22, 09:30:46", "14/11/22, 09:40:46", "10m"]
    no_email = "\t".join(["Guest One", *times, "", "guest.one@partner.nhs.uk", "Attendee"])
    nothing = "\t".join(["Guest Two", *times, "", "", "Attendee"])
    assert parse_report(utf16le(sections(no_email, nothing))).participants["identity"].tolist() == \
        ["guest.one@partner.nhs.uk", "guest two"]


def refused(text: str) -> ImportRefused:
    with pytest.raises(ImportRefused) as caught:
        parse_report(utf16le(text))
    return caught.value


def test_refuses_a_file_without_a_participants_table() -> None:
    problem = refused("1. Summary\r\nMeeting title\tBig Conversation\r\nStart time\t14/11/22, 09:30:46\r\n")
    assert str(problem) == "no participants table was found in this Teams report"


def test_refuses_bad_rows_naming_every_one_of_them() -> None:
    problem = refused(sections(
        UK_PEOPLE[0],
        person("Participant F", "14/11/22, 10:00:00", "14/11/22, 09:50:00", "10m", "f@example.nhs.uk"),
        person("Participant G", "yesterday", "14/11/22, 09:50:00", "10m", "g@example.nhs.uk"),
        person("Participant H", "14/11/22, 09:40:00", "14/11/22, 09:50:00", "10m", "h@example.nhs.uk", "Guest"),
        person("Participant I", "14/11/22, 09:40:00", "14/11/22, 09:50:00", "30h", "i@example.nhs.uk"),
    ))
    assert [(p.row, p.message) for p in problem.problems] == [
        (FIRST_ROW + 1, "the leave time is before the join time"),
        (FIRST_ROW + 2, TIME),
        (FIRST_ROW + 3, "unknown Teams role; the roles are Organizer, Presenter and Attendee"),
        (FIRST_ROW + 4, "an attendance of 30 hours is not believable"),
    ]
    assert f"row {FIRST_ROW + 2}, column First Join: {TIME}" in str(problem)


def test_refuses_a_table_without_a_required_column() -> None:
    problem = refused(sections(header=HEADER.replace("Last Leave", "Left")))
    assert [(p.row, p.column) for p in problem.problems] == [(FIRST_ROW - 1, "last_leave")]


def test_refuses_an_empty_participants_table() -> None:
    assert [(p.row, p.message) for p in refused(sections()).problems] == \
        [(FIRST_ROW, "the participants table is empty")]


def test_refuses_a_quoted_cell_left_open_naming_its_row() -> None:
    problem = refused(sections(UK_PEOPLE[0], UK_PEOPLE[2], '"Participant Q\t14/11/22, 09:40:00'))
    assert [(p.row, p.message) for p in problem.problems] == [
        (FIRST_ROW + 2, "a quoted cell is never closed, so the rows from here on cannot be read; "
                        "export the report from Teams again")]


def test_a_quoted_cell_over_several_lines_is_one_cell_in_one_row_as_a_spreadsheet_shows_it() -> None:
    # Saved from Excel after someone typed a line break into a name, with a blank line inside the quotes.
    multi_line = person('"Participant\r\n\r\nM"', "14/11/22, 09:40:00", "14/11/22, 09:50:00", "10m", "")
    text = sections(UK_PEOPLE[2], multi_line, UK_PEOPLE[3],
                    person("Participant N", "later", "14/11/22, 09:50:00", "10m", "n@example.nhs.uk"))
    problem = refused(text)
    assert [(p.row, p.column, p.message) for p in problem.problems] == \
        [(FIRST_ROW + 3, "First Join", TIME)]  # Excel's row: the 3-line cell is one row
    people = parse_report(utf16le(text.replace("later", "14/11/22, 09:41:00"))).participants
    assert people["name"].tolist() == ["Participant A", "Participant M", "Participant B", "Participant N"]
    assert people["identity"].tolist() == ["a@example.nhs.uk", "participant m", "b@example.nhs.uk", "n@example.nhs.uk"]


def test_a_report_saved_with_old_mac_line_ends_reads() -> None:
    report = parse_report(utf16le(sections(*UK_PEOPLE).replace("\r\n", "\r")))
    assert report.participants["identity"].tolist()[:2] == ["ceo@example.nhs.uk", "nurse@example.nhs.uk"]
    assert report.start == datetime(2022, 11, 14, 9, 30, 46)


def test_a_name_that_opens_with_quoted_words_is_read_as_written() -> None:
    nickname = person('"Jo" Bloggs (Guest)', "14/11/22, 09:40:00", "14/11/22, 09:50:00", "10m", "jo@example.nhs.uk")
    for text in (sections(nickname, UK_PEOPLE[2]), sections(UK_PEOPLE[2], nickname).split("\r\n\r\n3.")[0]):
        names = parse_report(utf16le(text)).participants.set_index("identity")["name"]
        assert names["jo@example.nhs.uk"] == "Jo Bloggs (Guest)"


def test_a_quotation_mark_left_open_in_the_summary_is_named_not_mistaken_for_a_missing_table() -> None:
    problem = refused(sections(*UK_PEOPLE, title='"Big Conversation: Team'))
    assert [(p.row, p.message) for p in problem.problems] == [
        (2, "a quoted cell is never closed, so the rows from here on cannot be read; "
            "export the report from Teams again")]


def test_a_cell_over_several_lines_in_the_summary_leaves_the_rows_after_it_where_a_spreadsheet_shows_them() -> None:
    text = sections(UK_PEOPLE[2], person("Participant N", "later", "14/11/22, 09:50:00", "10m", "n@example.nhs.uk"),
                    title='"Big Conversation:\r\nTeam"')
    problem = refused(text)
    assert [(p.row, p.column) for p in problem.problems] == [(FIRST_ROW + 1, "First Join")]
    report = parse_report(utf16le(text.replace("later", "14/11/22, 09:41:00")))
    assert report.title == "Big Conversation: Team"
    assert report.participants["identity"].tolist() == ["a@example.nhs.uk", "n@example.nhs.uk"]


def test_a_quotation_mark_left_open_in_a_long_report_is_refused_not_a_crash() -> None:
    # Python's reader stops at 131,072 characters in a cell, long before the end of a big report.
    people = [person(f"Person {n}", "14/11/22, 09:40:00", "14/11/22, 09:50:00", "10m", f"p{n}@example.nhs.uk")
              for n in range(3000)]
    problem = refused(sections(UK_PEOPLE[0], '"Participant Q\t14/11/22, 09:40:00', *people))
    assert [(p.row, p.message) for p in problem.problems] == [
        (FIRST_ROW + 1, "a quoted cell is never closed, so the rows from here on cannot be read; "
                        "export the report from Teams again")]


def test_short_rows_are_padded_and_cells_past_the_header_ignored() -> None:
    problem = refused(sections(UK_PEOPLE[2], "Participant S\t14/11/22, 09:40:00"))
    assert [(p.row, p.column, p.message) for p in problem.problems] == \
        [(FIRST_ROW + 1, "Last Leave", TIME)]
    report = parse_report(utf16le(sections(UK_PEOPLE[2] + "\textra\t\tcells", UK_PEOPLE[3])))
    assert report.participants["identity"].tolist() == ["a@example.nhs.uk", "b@example.nhs.uk"]
    assert report.participants["minutes_attended"].round(4).tolist() == [19.4333, 55.0]


def test_a_section_straight_after_the_table_ends_it() -> None:
    text = sections(UK_PEOPLE[2]).replace(f"{UK_PEOPLE[2]}\r\n\r\n3.", f"{UK_PEOPLE[2]}\r\n3.")
    assert parse_report(utf16le(text)).participants["identity"].tolist() == ["a@example.nhs.uk"]


def test_a_large_report_reads_each_distinct_time_and_duration_once_and_maps_them_back() -> None:
    people = [person(f"Person {n}", f"14/11/22, 09:{30 + n % 20}:00", f"14/11/22, 10:{10 + n % 7}:00",
                     f"{40 - n % 20 + n % 7}m", f"p{n}@example.nhs.uk") for n in range(3000)]
    found = parse_report(utf16le(sections(*people))).participants
    assert len(found) == 3000
    for n in (0, 1, 19, 2999):
        row = found.iloc[n]
        assert row["first_join"] == datetime(2022, 11, 14, 9, 30 + n % 20)
        assert row["last_leave"] == datetime(2022, 11, 14, 10, 10 + n % 7)
        assert row["minutes_attended"] == 40 - n % 20 + n % 7
