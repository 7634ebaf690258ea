"""The annotation window: the only package that imports PySide6."""
