"The audio kind's room: reader and kind (`kind`, nbs/19_audio_kind.ipynb) and network (`models`, nbs/22_audio_models.ipynb). Importing the package registers the kind."
from . import kind
