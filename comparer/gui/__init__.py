"""The desktop app: adapts comparer.core to Qt widgets."""
