"""``python -m hiprehab`` and the ``hiprehab`` command.

Loading the command line (typer, pydantic) takes a moment; Ctrl-C during it ends
with "interrupted" and exit code 130, like Ctrl-C at any later moment.
"""

from __future__ import annotations

import sys

INTERRUPTED = 130  # as shells report a process stopped by SIGINT (errors.ExitCode.INTERRUPTED)


def main() -> None:
    """Load and run the command line."""
    try:
        from hiprehab.cli import main as run  # noqa: PLC0415 - Ctrl-C while loading is caught here

        run()
    except KeyboardInterrupt:  # while loading, or between the command's end and the exit
        sys.stderr.write("hiprehab: interrupted\n")
        sys.exit(INTERRUPTED)


if __name__ == "__main__":  # run only when executed, never when imported
    main()
