"""The typer applications every command module registers with."""

from __future__ import annotations

import typer

app = typer.Typer(
    name="hiprehab",
    help="Turn a catalogue of hip exercises and a goal into a printable, week-by-week plan.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)
exercises_app = typer.Typer(help="Browse the exercises of the catalogue.", no_args_is_help=True)
catalogue_app = typer.Typer(help="Check, copy and review exercise catalogues.", no_args_is_help=True)
app.add_typer(exercises_app, name="exercises")
app.add_typer(catalogue_app, name="catalogue")
