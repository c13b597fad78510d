"""`from helpers import name` gives what the chapters expect. An export whose module is
named like it gives the module (`alder`, `tilbake`); so a module must never hold a function
of its own name, or the chapters would get the module instead of the function."""

import importlib
import types

import helpers


def test_every_export_resolves_and_no_module_shadows_its_function():
    for name, path in helpers._EXPORTS.items():
        value = getattr(helpers, name)
        if path.rsplit(".", 1)[-1] == name:
            assert isinstance(value, types.ModuleType), name
            inner = getattr(importlib.import_module(path), name, None)
            assert inner is None or isinstance(inner, types.ModuleType), f"{path} holds {name}: rename it"
        else:
            assert not isinstance(value, types.ModuleType), f"{name} from {path} is a module"
