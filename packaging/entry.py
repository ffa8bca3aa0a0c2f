"""Entry point of the PyInstaller bundle: the same ``main`` as the ``comparer`` command."""

from comparer.cli import main

raise SystemExit(main())
