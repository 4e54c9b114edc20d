"The table kind's room: reader and kind (`kind`, nbs/17_table_kind.ipynb), audit (`audit`, nbs/18_table_audit.ipynb) and network (`models`, nbs/22_table_models.ipynb). Importing the package registers the kind."
from . import kind, audit
from .kind import _categories_as_dtype  # the baseline pickles (model.joblib) of run folders written before the move (fbf42d6) name it here
