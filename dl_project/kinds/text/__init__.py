"The text kind's room: reader and kind (`kind`, nbs/19_text_kind.ipynb), audit (`audit`, nbs/19_text_audit.ipynb) and networks (`models`, nbs/22_text_models.ipynb). Importing the package registers the kind."
from . import kind, audit
from .kind import _scaled  # the baseline pickles (model.joblib) of run folders written before the move (fbf42d6) name it here
