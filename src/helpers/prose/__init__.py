"""Norwegian words from the data: number formatting, lists, and the sentences whose
structure depends on the data (one module per chapter that needs them)."""
