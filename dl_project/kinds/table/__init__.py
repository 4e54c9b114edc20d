"""The table kind's room: reader and kind (`kind`, nbs/17_table_kind.ipynb), audit (`audit`, nbs/18_table_audit.ipynb) and network (`models`, nbs/22_table_models.ipynb).

`register()` (called by `dl_project.kinds` on first use) imports `kind`, `audit`, which register the kind; importing the
package alone loads nothing else, so a `settings` module stays free of TensorFlow."""
from .. import room

MODULES = ('kind', 'audit')  # the modules that register the kind when imported
register, __getattr__ = room(__name__, MODULES)
