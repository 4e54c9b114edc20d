__version__ = "0.1.0"

# First, before anything can load TensorFlow: the backend settings of `dl_project.backend.configure_backend`
# (oneDNN off: it crashes natively on some CPUs). Documented and tested in nbs/00_core.ipynb.
from .backend import configure_backend as _configure_backend
_configure_backend()
