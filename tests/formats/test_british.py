"""British dates and numbers, as every page, report and message shows them."""
from datetime import date

from formats.british import counted, long_date, month_year, one_or_many, percent, percent_points, whole


def test_long_date_has_no_leading_zero_and_the_month_in_words() -> None:
    assert long_date(date(2022, 4, 11)) == "11 April 2022"
    assert long_date(date(2026, 1, 1)) == "1 January 2026"
    assert long_date(None) == ""


def test_month_year_reads_present_for_an_open_end() -> None:
    assert month_year(date(2025, 9, 30)) == "September 2025"
    assert month_year(None) == "present"


def test_whole_numbers_have_thousands_separators_and_round() -> None:
    assert whole(1234567) == "1,234,567"
    assert whole(1234.6) == "1,235"
    assert whole(0) == "0"


def test_a_count_takes_its_noun_in_the_singular_only_for_one() -> None:
    assert counted(1, "item") == "1 item"
    assert [counted(n, "item") for n in (0, 2)] == ["0 items", "2 items"]
    assert counted(1234, "person", "people") == "1,234 people"
    assert counted(1, "person", "people") == "1 person"
    assert [one_or_many(n, "was", "were") for n in (0, 1, 2)] == ["were", "was", "were"]


def test_percentages_to_one_decimal_place_and_none_of_nothing() -> None:
    assert percent_points(1, 3) == 33.3
    assert percent(1, 3) == "33.3%"
    assert percent_points(5, 0) == 0.0
    assert percent(5, 0) == "n/a"
