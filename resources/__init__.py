"""Data shipped with Annotator: the bundled Arabic font and the sample project.

Installed as the package ``annotator.resources``; read it through
:mod:`annotator.resources_path`, never by path arithmetic.
"""
