"""hiprehab: printable, evidence-based hip exercise plans for runners.

The public surface is small; the command line (``hiprehab``) is the main way in.
"""

__version__ = "0.1.0"
