"""The data package in data/: paths, verified reads, atomic writes, validation, shared import.

Only this layer touches the files in data/.
"""
