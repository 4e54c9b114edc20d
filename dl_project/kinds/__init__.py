"""The data kinds, each in its own room (sub-package); see nbs/15_kinds.ipynb.

The kind API (`DataKind`, `KINDS`, `kind_of`, ...) is loaded, and the built-in kinds registered, on the first use of one of
its names here (`from dl_project.kinds import kind_of`): a room's `settings` module (the run settings its kind owns, free of
TensorFlow) can be read without them, as the command line's parent process does (`settings.kind_settings`)."""
import importlib

ROOMS = ('image', 'table', 'text', 'audio')  # the built-in kinds' rooms, registered in this order
_API = ('DataKind', 'KindInputs', 'KINDS', 'LOAD_OPTIONS', 'register_kind', 'get_kind', 'kind_of', 'load_dataset', 'refuse_options')

def __getattr__(name: str):
    "A name of the kind API (`kinds.core`) or a room, with every built-in kind registered first."
    if name not in _API and name not in ROOMS: raise AttributeError(f'module {__name__!r} has no attribute {name!r}')
    for room in ROOMS: importlib.import_module(f'{__name__}.{room}').register()
    return getattr(importlib.import_module(f'{__name__}.core'), name) if name in _API else globals()[name]
