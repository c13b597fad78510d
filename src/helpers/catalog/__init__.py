"""What each dataset is: declarations (spec), the registry, regions, periods and sources.

Declarations say which SSB table and query would fill a dataset; they never talk HTTP
(that is helpers.statbank, which reads these declarations).
"""
