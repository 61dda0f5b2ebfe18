"""Names and texts print as written: Unicode round-trips, markup characters stay literal."""

from __future__ import annotations

import pytest

from hiprehab.model.notice import Notice
from hiprehab.render import pdf_bytes
from testing.render_fixtures import make_plan, page_texts, reader, rules, template


@pytest.mark.parametrize("name", ["Zoë Ødegård", "Łukasz Żółć", "Дмитрий Шостакович", "Γιώργος Παπαδόπουλος"])
def test_unicode_names_copy_out(name: str) -> None:
    """Latin, Greek and Cyrillic names come back out of the PDF's text unchanged."""
    cover = page_texts(pdf_bytes(make_plan(name=name)))[0]
    assert f"for {name}" in cover
    assert cover.startswith(f"{name} · ")


def test_markup_in_a_name_prints_literally() -> None:
    """A name holding "<b>&" is printed as those characters, not read as markup."""
    data = pdf_bytes(make_plan(name="Ann <b>& Co</b>"))
    assert "for Ann <b>& Co</b>" in page_texts(data)[0]
    metadata = reader(data).metadata
    assert metadata is not None
    assert metadata.title == "Your hip exercise plan: Ann <b>& Co</b>, Manage hip pain after running"


def test_markup_in_a_notice_prints_literally() -> None:
    """Plan texts with markup characters are escaped too."""
    data = pdf_bytes(
        make_plan(notices=(Notice.of("condition_note", text="Use <i>less</i> load & rest > 2 days."),))
    )
    assert "Use <i>less</i> load & rest > 2 days." in " ".join(page_texts(data))


@pytest.mark.parametrize("name", ["", "   "])
def test_an_unnamed_plan_is_for_no_one(name: str) -> None:
    """Without a name, the cover title is followed by the goal, not by "for" a stand-in word."""
    cover = page_texts(pdf_bytes(make_plan(name=name)))[0]
    assert f"Your hip exercise plan {template().title} " in cover


def test_an_unnamed_cover_has_no_runner_row() -> None:
    """Without a name, the cover's summary starts at the goal: no "Runner" row (issue: "Runner Runner")."""
    cover = page_texts(pdf_bytes(make_plan(name="")))[0]
    assert "Runner" not in cover
    assert f"Goal {template().title} Starts" in cover


def test_an_unnamed_header_names_the_goal_alone() -> None:
    """Without a name, the running header is the goal, with no separator before it."""
    howto = page_texts(pdf_bytes(make_plan(name="")))[1]
    assert howto.startswith(f"{template().title} How to use this plan ")


def test_an_unnamed_title_names_the_goal_alone() -> None:
    """Without a name, the PDF's title is the plan title and the goal."""
    metadata = reader(pdf_bytes(make_plan(name=""))).metadata
    assert metadata is not None
    assert metadata.title == f"Your hip exercise plan: {template().title}"


def test_an_unnamed_referral_sheet_title_is_the_sheet_title() -> None:
    """A stopped plan without a name is titled by its referral sheet alone."""
    metadata = reader(pdf_bytes(make_plan(name="", outcome="stop"))).metadata
    assert metadata is not None
    assert metadata.title == rules().stop_title
