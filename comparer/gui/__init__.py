"""The desktop app: adapts comparer.core to Qt widgets."""

from comparer.gui import _none_guard as _none_guard  # first: see its docstring
