"""Reporters: pure functions from the audit result to text. One module per format."""

from __future__ import annotations

FORMATOS = ("rich", "text", "json")
