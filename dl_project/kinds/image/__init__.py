"""The image kind's room: reader and kind (`kind`, nbs/16_image_kind.ipynb), its run settings (`settings`, nbs/16_image_settings.ipynb: image size, augmentation, mixing, TTA), audit (`audit`, nbs/13_audit.ipynb), tf.data pipeline (`pipeline`, nbs/12_pipeline.ipynb), figures (`eda`, nbs/14_image_eda.ipynb), networks (`models`, nbs/22_image_models.ipynb) and augmentation (`augment`, nbs/25_augment.ipynb).

`register()` (called by `dl_project.kinds` on first use) imports `kind`, which registers the kind; importing the
package alone loads nothing else, so a `settings` module stays free of TensorFlow."""
from .. import room

MODULES = ('kind',)  # the modules that register the kind when imported
register, __getattr__ = room(__name__, MODULES)
