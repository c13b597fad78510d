"""Dataset declarations, one module per topic; collected by helpers.catalog.registry."""
