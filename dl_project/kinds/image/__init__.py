"The image kind's room: reader and kind (`kind`, nbs/16_image_kind.ipynb), audit (`audit`, nbs/13_audit.ipynb), tf.data pipeline (`pipeline`, nbs/12_pipeline.ipynb), figures (`eda`, nbs/14_image_eda.ipynb), networks (`models`, nbs/22_image_models.ipynb) and augmentation (`augment`, nbs/25_augment.ipynb). Importing the package registers the kind."
from . import kind
