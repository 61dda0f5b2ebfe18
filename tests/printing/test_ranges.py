"""Week and page ranges, lp's page list, and what lpstat says, read without a printer."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hiprehab.errors import InvalidValueError
from hiprehab.printing import page_ranges, parse_lpstat, parse_ranges


@pytest.mark.parametrize(
    ("text", "numbers"),
    [
        ("3", (3,)),
        ("3-4", (3, 4)),
        (" 2 - 4 ", (2, 3, 4)),
        ("1-2,5", (1, 2, 5)),
        ("5,1-2,2", (1, 2, 5)),
        ("6-6", (6,)),
    ],
)
def test_ranges_read_numbers_and_spans(text: str, numbers: tuple[int, ...]) -> None:
    """A number, a span or a comma list of them gives those numbers, sorted, once each."""
    assert parse_ranges(text, "weeks", 6, "week") == numbers


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("9", "weeks: the plan has 6 weeks, numbered 1 to 6; found '9'"),
        ("0-2", "weeks: the plan has 6 weeks, numbered 1 to 6; found '0-2'"),
        ("5-7", "weeks: the plan has 6 weeks, numbered 1 to 6; found '5-7'"),
        ("4-3", "weeks: a range goes from low to high, such as 3-4; found '4-3'"),
        ("", "weeks: expected a week number or a range such as 3-4 (several: 1-2,5); found ''"),
        ("3-", "weeks: expected a week number or a range such as 3-4 (several: 1-2,5); found '3-'"),
        ("1,,2", "weeks: expected a week number or a range such as 3-4 (several: 1-2,5); found '1,,2'"),
        ("-1", "weeks: expected a week number or a range such as 3-4 (several: 1-2,5); found '-1'"),
        ("week 3", "weeks: expected a week number or a range such as 3-4 (several: 1-2,5); found 'week 3'"),
    ],
)
def test_bad_ranges_name_the_setting_and_what_was_found(text: str, message: str) -> None:
    """A range outside the plan, backwards or not a range at all is refused, naming the setting."""
    with pytest.raises(InvalidValueError) as caught:
        parse_ranges(text, "weeks", 6, "week")
    assert str(caught.value) == message
    assert caught.value.field == "weeks"


def test_a_one_page_plan_says_so_in_the_singular() -> None:
    """The message counts one page as "1 page"."""
    with pytest.raises(InvalidValueError, match=r"the plan has 1 page, numbered 1; found '2'"):
        parse_ranges("2", "pages", 1, "page")


@given(st.sets(st.integers(min_value=1, max_value=60), min_size=1))
def test_page_list_reads_back_as_the_same_pages(pages: set[int]) -> None:
    """What lp's -P gets ("1-3,7") names exactly the pages chosen, in runs as short as can be."""
    text = page_ranges(sorted(pages))
    assert parse_ranges(text, "pages", 60, "page") == tuple(sorted(pages))
    runs = text.split(",")
    assert len(runs) == sum(1 for page in pages if page - 1 not in pages)


def test_page_list_joins_neighbours() -> None:
    """Neighbouring pages make one span; a lone page stays one number."""
    assert page_ranges([7, 1, 2, 3, 9, 10]) == "1-3,7,9-10"


def test_lpstat_gives_queues_default_and_state() -> None:
    """The queues are the lines without spaces; the default and the scheduler's state are read too."""
    text = "scheduler is running\nsystem default destination: office\nhome\noffice\noffice/duplex\n"
    found = parse_lpstat(text)
    assert found.names == ("home", "office", "office/duplex")
    assert found.default == "office"
    assert found.running
    assert found.find("OFFICE") == "office"
    assert found.find("garage") is None


def test_lpstat_without_a_scheduler_or_default() -> None:
    """A stopped scheduler and "no system default destination" give no queues and no default."""
    assert parse_lpstat("scheduler is not running\n").running is False
    found = parse_lpstat("scheduler is running\nno system default destination\nhome\n")
    assert (found.names, found.default, found.running) == (("home",), None, True)
