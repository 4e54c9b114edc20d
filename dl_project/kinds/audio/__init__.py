"""The audio kind's room: reader and kind (`kind`, nbs/19_audio_kind.ipynb) and network (`models`, nbs/22_audio_models.ipynb).

`register()` (called by `dl_project.kinds` on first use) imports `kind`, which registers the kind; importing the
package alone loads nothing else, so a `settings` module stays free of TensorFlow."""
from .. import room

MODULES = ('kind',)  # the modules that register the kind when imported
register, __getattr__ = room(__name__, MODULES)
