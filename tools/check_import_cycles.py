#!/usr/bin/env python
"""Check that no module of dl_project imports one that imports it back (no import circle, however long).

    python tools/check_import_cycles.py               # check dl_project/ (exit 1 and one line per circle)
    python tools/check_import_cycles.py --lib DIR     # check another package folder
    python tools/check_import_cycles.py --self-test   # plant circles in a temporary package and check they are caught

The graph has one node per module of the package (`kinds/image.py` is `kinds.image`, `kinds/__init__.py` is
`kinds`) and one edge per import of another of its modules, read with `ast` from every line of the file:
top-level imports and those inside functions and methods alike (an import that runs later still closes a
circle a reader has to follow). `from .x import`, `from ..x import`, `from dl_project.x import`, `import
dl_project.x` and `from . import x` (x a module) are resolved to the module they name; importing a
sub-module does not count as importing its package's `__init__` (Python runs it, but no package could be
written otherwise). Each elementary circle is printed once, from its first module in sorted order, as
`a -> b -> a` with the line of each import.
"""
import argparse, ast, contextlib, io, sys, tempfile
from pathlib import Path

LIB = 'dl_project'
ROOT = Path(__file__).resolve().parent.parent
SKIP = {'_modidx'}  # generated index of names: imports nothing


def modules(lib: Path) -> dict:
    "`{module name: path}` of every `.py` file under the package folder `lib` (names relative to the package)."
    found = {}
    for path in sorted(lib.rglob('*.py')):
        parts = list(path.relative_to(lib).with_suffix('').parts)
        if parts[-1] == '__init__': parts = parts[:-1]
        name = '.'.join(parts)
        if name and name not in SKIP and not any(p.startswith('.') for p in parts): found[name] = path
    return found


def _resolve(base: list, names: list, known: set) -> set:
    "The known modules an import of `names` from the dotted `base` reaches: `base.n` where that is a module, else the longest known prefix of `base`."
    found = set()
    for n in names or [None]:
        target = base + [n] if n and n != '*' else base
        parts = list(target)
        while parts and '.'.join(parts) not in known: parts.pop()
        if parts: found.add('.'.join(parts))
    return found


def imports(source: str, module: str, is_package: bool, known: set) -> dict:
    "`{imported module: first line}` of the package's own modules that `source` (module `module`) imports, anywhere in the file."
    package = module.split('.') if is_package else module.split('.')[:-1]
    found = {}
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            targets = set().union(*(_resolve(a.name.split('.')[1:], [], known) for a in node.names
                                    if a.name == LIB or a.name.startswith(LIB + '.')))
        elif isinstance(node, ast.ImportFrom):
            names = [a.name for a in node.names]
            if node.level:
                if node.level - 1 > len(package): continue  # above the package: not ours
                base = package[:len(package) - (node.level - 1)] + (node.module.split('.') if node.module else [])
            elif node.module == LIB or (node.module or '').startswith(LIB + '.'):
                base = node.module.split('.')[1:]
            else: continue
            targets = _resolve(base, names, known)
        else: continue
        for t in targets - {module}: found.setdefault(t, node.lineno)
    return found


def graph(lib: Path) -> tuple[dict, dict]:
    "(`{module: {imported: line}}`, `{module: path}`) of the package in `lib`."
    found = modules(lib)
    known = set(found)
    edges = {m: imports(p.read_text(encoding='utf-8'), m, p.name == '__init__.py', known) for m, p in found.items()}
    return edges, found


def cycles(edges: dict) -> list[list[str]]:
    "Every elementary circle of the graph, each once: `[a, b, ..., a]` starting at its smallest module."
    found = []
    def walk(start, node, path, on_path):
        for nxt in sorted(edges.get(node, {})):
            if nxt == start: found.append(path + [start])
            elif nxt > start and nxt not in on_path:  # a circle is found from its smallest module only
                on_path.add(nxt); walk(start, nxt, path + [nxt], on_path); on_path.discard(nxt)
    for start in sorted(edges): walk(start, start, [start], {start})
    return found


def describe(circle: list, edges: dict, paths: dict, lib: Path) -> str:
    "`a -> b -> a` with the file and line of each import."
    steps = [f'{a} ({paths[a].relative_to(lib.parent).as_posix()}:{edges[a][b]})' for a, b in zip(circle, circle[1:])]
    return ' -> '.join(steps + [circle[-1]])


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument('--lib', type=Path, default=ROOT / LIB, help='the package folder (default: dl_project/ of this checkout)')
    p.add_argument('--self-test', action='store_true', help='check that planted import circles are caught')
    a = p.parse_args(argv)
    if a.self_test: return self_test()
    if not a.lib.is_dir(): print(f'no folder {a.lib}'); return 2
    edges, paths = graph(a.lib)
    found = cycles(edges)
    for circle in found: print(f'import circle: {describe(circle, edges, paths, a.lib)}')
    n_edges = sum(map(len, edges.values()))
    if found:
        print(f'import circles: {len(found)} among the {len(edges)} modules ({n_edges} imports of each other): break each '
              '(move the shared code down, or import lazily where the thing is looked up)')
        return 1
    print(f'no import circle: {len(edges)} modules, {n_edges} imports of each other (top-level and inside functions)')
    return 0


def _write(lib: Path, files: dict):
    for name, source in files.items():
        path = lib / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(source)


def self_test() -> int:
    "Plant circles of each form in a temporary package and check each is reported (exit 1), and that the clean package passes (exit 0)."
    def run(lib):
        out = io.StringIO()
        with contextlib.redirect_stdout(out): rc = main(['--lib', str(lib)])
        return rc, out.getvalue()
    clean = {'__init__.py': '', 'core.py': 'X = 1\n', 'late.py': 'from .core import X\nimport dl_project.core\n',
             'kinds/__init__.py': 'from .core import K\nfrom . import image\n', 'kinds/core.py': 'from ..core import X\nK = 1\n',
             'kinds/image.py': 'from .core import K\nfrom ..late import *\n', '_modidx.py': 'd = {}\n'}
    planted = {  # each pair (or trio) closes one circle, in one of the forms the checker has to resolve
        'a.py': 'from .b import Y\n', 'b.py': 'def f():\n    from dl_project.a import Z  # inside a function\n    return Z\n',
        'c.py': 'import dl_project.d as D\n', 'd.py': 'from . import e\n', 'e.py': 'class E:\n    def m(self):\n        from .c import C\n',
        'kinds/text.py': 'from ..f import F\n', 'f.py': 'from .kinds import text\n',
        'kinds/audio.py': 'from dl_project.kinds.core import K\nfrom ..g import G\n', 'g.py': 'from .kinds.audio import *\n'}
    with tempfile.TemporaryDirectory() as tmp:
        lib = Path(tmp) / LIB
        _write(lib, clean)
        rc, out = run(lib)
        assert rc == 0 and 'no import circle' in out, (rc, out)
        _write(lib, planted)
        rc, out = run(lib)
        expected = ['a -> b -> a', 'c -> d -> e -> c', 'f -> kinds.text -> f', 'g -> kinds.audio -> g']
        got = [' -> '.join(part.split(' (')[0] for part in line.removeprefix('import circle: ').split(' -> '))
               for line in out.splitlines() if line.startswith('import circle: ')]
        assert rc == 1, (rc, out)
        assert got == expected, '\n'.join(['expected:', *expected, 'got:', *got])
        assert 'b.py:2' in out and 'e.py:3' in out, out  # the line of each import, inside functions too
        for name in planted: (lib / name).unlink()
        rc, out = run(lib)  # and the clean package still passes
        assert rc == 0, (rc, out)
    print(f'self-test OK: {len(expected)} planted import circles reported (exit 1); the clean package passes (exit 0)')
    return 0


if __name__ == '__main__':
    sys.exit(main())
