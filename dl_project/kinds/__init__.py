"The data kinds: `import dl_project.kinds` registers the built-in ones (image, table); see nbs/15_kinds.ipynb."
from .core import DataKind, KindInputs, KINDS, register_kind, get_kind, kind_of, load_dataset
from . import image, table
from . import table_audit
