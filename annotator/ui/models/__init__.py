"""Qt item models over the core model (span table, document list)."""
