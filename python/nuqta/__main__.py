"""``python -m nuqta``: the command-line interface."""

from nuqta.cli import main

raise SystemExit(main())
