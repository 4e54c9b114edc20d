"The data kinds: `import dl_project.kinds` registers the built-in ones (image, table, text); see nbs/15_kinds.ipynb."
from .core import DataKind, KindInputs, KINDS, LOAD_OPTIONS, register_kind, get_kind, kind_of, load_dataset, refuse_options
from . import image, table
from . import table_audit
from . import text, text_audit  # the text kind and its audit (nbs/19_text_kind.ipynb, nbs/19_text_audit.ipynb)
from . import audio  # the audio kind (nbs/19_audio_kind.ipynb)
