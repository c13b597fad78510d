"""Shared helpers for the book: data from the SSB snapshot, Norwegian formatting, charts.

Chapters import from here and nothing else, so that every rule (which value to trust,
how a number is written, how a chart looks) lives in one place.
"""

from helpers.registry import load, describe
from helpers.norsk import tall, desimal, prosent, liste, aar_liste

__all__ = ["load", "describe", "tall", "desimal", "prosent", "liste", "aar_liste"]
