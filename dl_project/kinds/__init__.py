"The data kinds: `import dl_project.kinds` registers the built-in ones, each in its own room (sub-package); see nbs/15_kinds.ipynb."
from .core import DataKind, KindInputs, KINDS, LOAD_OPTIONS, register_kind, get_kind, kind_of, load_dataset, refuse_options
from . import image, table, text, audio  # each room's __init__ imports its kind module, which registers the kind
