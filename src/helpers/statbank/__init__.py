"""SSB's statbank (PxWebApi v2): the client, JSON-stat, checks, resources, verify, refresh."""
