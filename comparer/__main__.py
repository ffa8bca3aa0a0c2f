"""``python -m comparer``."""

from comparer.cli import main

raise SystemExit(main())
