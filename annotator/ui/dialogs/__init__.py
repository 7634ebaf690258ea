"""Dialogs of the window that run long jobs: File > Export… and File > Import…."""
