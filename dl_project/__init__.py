__version__ = "0.1.0"

# First, before anything can load TensorFlow: the backend settings of `dl_project.core.configure_backend`
# (oneDNN off: it crashes natively on some CPUs). Documented and tested in nbs/00_core.ipynb.
from .core import configure_backend as _configure_backend
_configure_backend()
