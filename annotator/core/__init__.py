"""The Qt-free heart of Annotator: documents, spans, edits, projects and agreement.

Only the Python standard library may be imported here (a test enforces it), so
training pipelines and the command line can use the model without Qt.
"""
