"""The ``artifacts`` command line. Each module registers its own sub-commands."""
