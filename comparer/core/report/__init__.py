"""Reports of a comparison for people: HTML, plain text, and CSV cells made safe."""
