"""Execute notebooks in place so that their outputs (tables, figures) are saved for the docs site.

    python tools/execute_nbs.py nbs/00_core.ipynb [more notebooks ...] [--skip-slow] [--slow-matching TEXT] [--timeout 1800]

Like `jupyter nbconvert --execute --inplace`, but it honours nbdev's directives: cells marked
`#| eval: false` (the Colab install cell, for example) are not run and keep no output, and with
`--skip-slow` cells flagged `#| slow` keep the outputs they had; `--slow-matching TEXT` runs only the slow
cells whose source contains TEXT (a new measurement added to an executed notebook). Run `nbdev_clean` afterwards.
"""
import argparse, re
from pathlib import Path
import nbformat
from nbconvert.preprocessors import ExecutePreprocessor


def has_directive(cell, pattern: str) -> bool:
    "Whether a code cell carries an nbdev directive line `#| <pattern>`."
    return any(re.match(rf'#\|\s*{pattern}\s*$', line.strip()) for line in cell.source.splitlines())


class DirectiveExecutor(ExecutePreprocessor):
    "An ExecutePreprocessor that leaves `eval: false` (and optionally `slow`) cells unexecuted."
    skip_slow = False
    slow_matching = None  # run only the slow cells containing this text

    def preprocess_cell(self, cell, resources, index):
        if cell.cell_type == 'code' and has_directive(cell, r'eval:\s*false'):
            cell.outputs, cell.execution_count = [], None
            return cell, resources
        if cell.cell_type == 'code' and has_directive(cell, 'slow') and (
                self.skip_slow or (self.slow_matching is not None and self.slow_matching not in cell.source)):
            return cell, resources
        return super().preprocess_cell(cell, resources, index)


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument('notebooks', nargs='+', type=Path, help='notebooks to execute in place')
    p.add_argument('--skip-slow', action='store_true', help='keep the saved outputs of `#| slow` cells')
    p.add_argument('--slow-matching', help='run only the `#| slow` cells whose source contains this text')
    p.add_argument('--timeout', type=int, default=1800, help='seconds a cell may run')
    a = p.parse_args(argv)
    for path in a.notebooks:
        nb = nbformat.read(path, as_version=4)
        ex = DirectiveExecutor(timeout=a.timeout, kernel_name='python3')
        ex.skip_slow, ex.slow_matching = a.skip_slow, a.slow_matching
        ex.preprocess(nb, {'metadata': {'path': str(path.parent)}})
        nbformat.write(nb, path)
        print(f'executed {path}')


if __name__ == '__main__':
    main()
