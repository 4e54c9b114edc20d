"""The table kind's room: reader and kind (`kind`, nbs/17_table_kind.ipynb), audit (`audit`, nbs/18_table_audit.ipynb) and network (`models`, nbs/22_table_models.ipynb).

`register()` (called by `dl_project.kinds` on first use) imports `kind`, `audit`, which register the kind; importing the
package alone loads nothing else, so a `settings` module stays free of TensorFlow."""
import importlib

MODULES = ('kind', 'audit')  # the modules that register the kind when imported

def register():
    "Import `MODULES`: the kind is registered."
    for module in MODULES: importlib.import_module(f'{__name__}.{module}')

def __getattr__(name: str):
    "A name of the kind module (baseline pickles written before the move, fbf42d6, name `_scaled` and `_categories_as_dtype` here)."
    if name.startswith('__'): raise AttributeError(f'module {__name__!r} has no attribute {name!r}')
    register()
    return globals()[name] if name in globals() else getattr(globals()['kind'], name)
