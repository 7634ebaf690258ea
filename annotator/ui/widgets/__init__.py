"""Widgets of the window: article view, label palette, review panel."""
