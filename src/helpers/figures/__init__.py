"""Figures: one theme, chart functions, and the Figur that carries a chart to its reader."""
