"""The data kinds, each in its own room (sub-package); see nbs/15_kinds.ipynb (and nbs/15_kind_settings.ipynb for the settings they own).

The kind API (`DataKind`, `KINDS`, `kind_of`, ...) is loaded, and the built-in kinds registered, on the first use of one of
its names here (`from dl_project.kinds import kind_of`): a room's `settings` module (the run settings its kind owns, free of
TensorFlow) can be read without them, as the command line's parent process does (`settings.kind_settings`)."""
import importlib, sys

ROOMS = ('image', 'table', 'text', 'audio')  # the built-in kinds' rooms, registered in this order
_registered = False  # whether `_register_rooms` ran
_API = ('DataKind', 'KindInputs', 'KINDS', 'LOAD_OPTIONS', 'register_kind', 'get_kind', 'kind_of', 'load_dataset', 'refuse_options')

def room(name: str,      # the room's package name (`__name__` in its `__init__.py`)
         modules: tuple, # the modules that register its kind when imported
        ) -> tuple:
    "`(register, __getattr__)` for a kind's room: `register()` imports `modules`; a name the room lacks is its `kind` module's, after `register()` (baseline pickles written before the rooms, fbf42d6, name `_scaled` and `_categories_as_dtype` at the room)."
    def register():
        for module in modules: importlib.import_module(f'{name}.{module}')
    def lookup(attr: str):
        if attr.startswith('__'): raise AttributeError(f'module {name!r} has no attribute {attr!r}')
        register()
        package = vars(sys.modules[name])
        return package[attr] if attr in package else getattr(package['kind'], attr)
    return register, lookup

def _register_rooms():
    "Register every built-in kind; they come first in `KINDS`, in the order of `ROOMS`, even where a room's kind module was imported on its own before (kinds registered otherwise follow, in their order)."
    for room in ROOMS: importlib.import_module(f'{__name__}.{room}').register()
    kinds = importlib.import_module(f'{__name__}.core').KINDS
    rank = lambda kind: next((i for i, room in enumerate(ROOMS) if type(kind).__module__.startswith(f'{__name__}.{room}.')), len(ROOMS))
    ordered = sorted(kinds.values(), key=rank)  # stable: others keep their order
    kinds.clear(); kinds.update({kind.name: kind for kind in ordered})

def __getattr__(name: str):
    "A name of the kind API (`kinds.core`) or a room, with every built-in kind registered first (once)."
    if name not in _API and name not in ROOMS: raise AttributeError(f'module {__name__!r} has no attribute {name!r}')
    if not _registered: globals()['_registered'] = True; _register_rooms()
    return getattr(importlib.import_module(f'{__name__}.core'), name) if name in _API else globals()[name]
