"""The text kind's room: reader and kind (`kind`, nbs/19_text_kind.ipynb), audit (`audit`, nbs/19_text_audit.ipynb) and networks (`models`, nbs/22_text_models.ipynb).

`register()` (called by `dl_project.kinds` on first use) imports `kind`, `audit`, which register the kind; importing the
package alone loads nothing else, so a `settings` module stays free of TensorFlow."""
from .. import room

MODULES = ('kind', 'audit')  # the modules that register the kind when imported
register, __getattr__ = room(__name__, MODULES)
