"The tasks: `import dl_project.tasks` registers the built-in ones (classification, regression, multilabel); see nbs/01_tasks.ipynb."
from .core import Task, TASKS, register_task, get_task, task_of, choose_task
from . import classification
from . import regression
from . import multilabel
