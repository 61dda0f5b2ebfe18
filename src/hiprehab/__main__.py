"""Allow ``python -m hiprehab``."""

from hiprehab.cli import main

if __name__ == "__main__":  # run only when executed, never when imported
    main()
