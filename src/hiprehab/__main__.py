"""Allow ``python -m hiprehab``."""

from hiprehab.cli import main

main()
