"""File formats: one module per format, all Qt-free.

``standoff`` and ``project_file`` are the project's own files (format spec
sections 2 and 3); ``store`` reads and saves them safely; exporters and
importers register themselves in ``formats``.
"""
