#!/usr/bin/env python
"""Check the phase order of the notebooks: no notebook imports a module exported by a later-numbered notebook.

    python tools/check_phase_order.py               # check nbs/ (exit 1 and one line per backwards import)
    python tools/check_phase_order.py --nbs DIR     # check another folder of notebooks
    python tools/check_phase_order.py --all-cells   # also look at the imports of test and example cells
    python tools/check_phase_order.py --self-test   # plant a backwards import in a temporary folder and check it is caught

The notebooks are numbered by checklist phase (`0x` problem, `1x` data, `2x` baseline, `3x` improvement,
`4x` validation, `9x` command line), and a notebook may build only on earlier ones. For every `NN_*.ipynb`
this reads its `#| default_exp` module and, in every export cell (`#| export`, `#| exports`, `#| exporti`),
every import of a `dl_project` module: `from .x import`, `from dl_project.x import`, `import dl_project.x`,
`from . import x`, indented ones inside functions included, and relative imports inside sub-packages
(`#| default_exp kinds.image` is module `kinds.image`; there `from ..core import` is `core`). An import of a
module whose notebook has a higher number is printed as `nbs/NN_a.ipynb imports x (nbs/MM_b.ipynb)`.
"""
import argparse, ast, contextlib, io, json, re, sys, tempfile
from pathlib import Path

LIB = 'dl_project'
ROOT = Path(__file__).resolve().parent.parent
_re_number = re.compile(r'^(\d+)_')
_re_default_exp = re.compile(r'^\s*#\|\s*default_exp\s+([\w.]+)\s*$', re.M)
_re_export = re.compile(r'^\s*#\|\s*export[si]?\b', re.M)
# the same imports by text, for a cell that does not parse (an IPython magic in it, say)
_re_import = re.compile(r'^[ \t]*(?:from[ \t]+(\.*)([\w.]*)[ \t]+import[ \t]*\(?([\w \t,]*)|import[ \t]+([\w. \t,]+))', re.M)


def notebooks(nbs: Path) -> dict:
    "`{path: (number, module or None, cells)}` for every numbered notebook under `nbs` (not in `_`/`.` folders)."
    found = {}
    for path in sorted(nbs.rglob('*.ipynb')):
        rel = path.relative_to(nbs)
        if not (m := _re_number.match(path.name)) or any(p.startswith(('_', '.')) for p in rel.parts[:-1]): continue
        cells = [c for c in json.loads(path.read_text(encoding='utf-8'))['cells'] if c['cell_type'] == 'code']
        sources = [''.join(c['source']) for c in cells]
        module = next((m2.group(1) for s in sources if (m2 := _re_default_exp.search(s))), None)
        found[path] = (int(m.group(1)), module, sources)
    return found


def _raw_imports(source: str):
    "(level, module, names) of every import statement in `source` (`import a.b` is (0, 'a.b', []))."
    try:
        tree = ast.parse(source)
    except SyntaxError:
        for dots, mod, names, plain in _re_import.findall(source):
            as_name = lambda n: n.split()[0]  # `a.b as c` -> `a.b`
            if plain: yield from ((0, as_name(n), []) for n in plain.split(',') if n.strip())
            else: yield len(dots), mod, [as_name(n) for n in names.split(',') if n.strip()]
        return
    for node in ast.walk(tree):
        if isinstance(node, ast.Import): yield from ((0, a.name, []) for a in node.names)
        elif isinstance(node, ast.ImportFrom): yield node.level, node.module or '', [a.name for a in node.names]


def imported_modules(source: str, module: str, known: set) -> set:
    "The `dl_project` modules (names relative to the package, as `default_exp` writes them) that `source` imports."
    package = module.split('.')[:-1]  # `kinds.image` lives in package `kinds`; `core` in the top level
    found = set()
    for level, mod, names in _raw_imports(source):
        if level:  # relative: level 1 is this module's package, each further dot one package up
            if level - 1 > len(package): continue  # above dl_project: not ours
            base = package[:len(package) - (level - 1)] + (mod.split('.') if mod else [])
        elif mod == LIB or mod.startswith(LIB + '.'):
            base = mod.split('.')[1:]
        else:
            continue
        targets = ['.'.join(base + [n]) for n in names] if names else []  # `from . import x`: x may be a module
        for t in targets + ['.'.join(base)]:
            parts = t.split('.') if t else []
            while parts and '.'.join(parts) not in known: parts.pop()  # `a.b.c` -> the longest known module
            if parts:
                found.add('.'.join(parts))
                if t in targets: break  # the name was a module: the package itself is not imported for it
    return found


def check(nbs: Path, all_cells: bool = False) -> list:
    "`(importer path, module, exporter path)` for every import of a later-numbered notebook's module."
    nbs = Path(nbs)
    found = notebooks(nbs)
    owner = {}  # module -> (number, path) of the notebook that exports it (the lowest number if several do)
    for path, (number, module, _) in found.items():
        if module and (module not in owner or number < owner[module][0]): owner[module] = (number, path)
    problems = []
    for path, (number, module, sources) in found.items():
        if module is None: continue
        seen = set()
        for source in sources:
            if not (all_cells or _re_export.search(source)): continue
            for imported in sorted(imported_modules(source, module, set(owner)) - {module} - seen):
                seen.add(imported)
                later, other = owner[imported]
                if later > number: problems.append((path, imported, other))
    return sorted(problems, key=lambda p: (str(p[0]), p[1]))


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument('--nbs', type=Path, default=None, help='the folder of notebooks (default: nbs/ of this checkout)')
    p.add_argument('--all-cells', action='store_true', help='check the imports of every code cell, not only export cells')
    p.add_argument('--self-test', action='store_true', help='check that a planted backwards import is caught')
    a = p.parse_args(argv)
    if a.self_test: return self_test()
    nbs = a.nbs if a.nbs is not None else ROOT / 'nbs'
    if not nbs.is_dir(): print(f'no folder {nbs}'); return 2
    shown = lambda path: str(Path(nbs.name) / path.relative_to(nbs)) if a.nbs is None else str(path)
    problems = check(nbs, a.all_cells)
    for importer, module, exporter in problems: print(f'{shown(importer)} imports {module} ({shown(exporter)})')
    n = len(notebooks(nbs))
    cells = 'cell' if a.all_cells else 'export cell'
    if problems:
        print(f'phase order broken: {len(problems)} backwards import(s) in the {cells}s of {n} notebooks')
        return 1
    print(f'phase order OK: no {cells} of the {n} numbered notebooks imports a later-numbered module')
    return 0


def _write_nb(path: Path, *sources: str):
    cells = [{'cell_type': 'code', 'execution_count': None, 'id': f'c{i}', 'metadata': {}, 'outputs': [],
              'source': s.splitlines(keepends=True)} for i, s in enumerate(sources)]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({'cells': cells, 'metadata': {}, 'nbformat': 4, 'nbformat_minor': 5}))


def self_test() -> int:
    "Plant backwards imports in temporary notebooks and check that each is reported (exit 1) and a clean set passes (exit 0)."
    def run(nbs):
        out = io.StringIO()
        with contextlib.redirect_stdout(out): rc = main(['--nbs', str(nbs)])
        return rc, out.getvalue()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        clean, planted = tmp / 'clean', tmp / 'planted'
        for nbs in (clean, planted):
            _write_nb(nbs / '00_core.ipynb', '#| default_exp core', '#| export\nX = 1')
            _write_nb(nbs / '20_late.ipynb', '#| default_exp late', '#| export\nfrom .core import X\nimport dl_project.core')
            _write_nb(nbs / '30_kinds_image.ipynb', '#| default_exp kinds.image',
                      '#| export\nfrom ..core import X\nfrom ..late import *\nfrom dl_project.late import *')
        _write_nb(clean / '10_early.ipynb', '#| default_exp early', '#| export\nfrom dl_project.core import X',
                  'from dl_project.late import Y  # a test cell: not an export, not checked by default')
        rc, out = run(clean)
        assert rc == 0 and 'phase order OK' in out, (rc, out)
        # the plant: one early notebook importing later modules in each form the checker has to see
        _write_nb(planted / '10_early.ipynb', '#| default_exp early', '#| export\nfrom dl_project.core import X',
                  '#| export\ndef f():\n    from dl_project.late import Y  # inside a function\n    return Y')
        _write_nb(planted / '11_rel.ipynb', '#| default_exp rel', '#|export\nfrom .late import Y')
        _write_nb(planted / '12_plain.ipynb', '#| default_exp plain', '#| exports\nimport dl_project.late as L, numpy')
        _write_nb(planted / '13_sub.ipynb', '#| default_exp sub', '#| export\nfrom dl_project.kinds.image import Z')
        _write_nb(planted / '14_subrel.ipynb', '#| default_exp subrel', '#| export\nfrom .kinds import image')
        _write_nb(planted / '15_pkg.ipynb', '#| default_exp kinds.early', '#| export\nfrom ..late import Y\nfrom .image import Z')
        _write_nb(planted / '16_magic.ipynb', '#| default_exp magic', '#| export\n%time 1\nfrom dl_project.late import Y')
        rc, out = run(planted)
        expected = [f'{planted / a}.ipynb imports {m} ({planted / b}.ipynb)' for a, m, b in (
            ('10_early', 'late', '20_late'), ('11_rel', 'late', '20_late'), ('12_plain', 'late', '20_late'),
            ('13_sub', 'kinds.image', '30_kinds_image'), ('14_subrel', 'kinds.image', '30_kinds_image'),
            ('15_pkg', 'kinds.image', '30_kinds_image'), ('15_pkg', 'late', '20_late'), ('16_magic', 'late', '20_late'))]
        lines = out.splitlines()
        assert rc == 1, (rc, out)
        assert lines[:-1] == expected, '\n'.join(['expected:', *expected, 'got:', *lines])
        rc, out = run(clean)  # and the clean folder still passes
        assert rc == 0, (rc, out)
    print(f'self-test OK: {len(expected)} planted backwards imports reported (exit 1); the clean notebooks pass (exit 0)')
    return 0


if __name__ == '__main__':
    sys.exit(main())
