#!/usr/bin/env python
"""The benchmark suite: `dl-project run` on every real dataset this machine can reach offline, one table.

    python bench/suite.py                      # --quick on each dataset (about 6 minutes on 2 cores)
    python bench/suite.py --defaults           # the default settings (about 20 minutes)
    python bench/suite.py --only digits penguins_species
    python bench/suite.py --only ramen_stars netflix_type netflix_year --rows-into bench/results/suite_quick.md   # re-measure some rows of the results file
    python bench/suite.py --keep /tmp/suite_after   # also keep each run's JSON files (for bench/compare_runs.py)
    python bench/suite.py --only nsmc_sentiment --extra '--epochs 2'   # more flags for every run

Datasets: the bundled jellyfish photos; scikit-learn's handwritten digits written out as an image folder
(8x8 grey images, one folder per digit); the Palmer penguins' species (a table, classes) and body mass (a
table, a number); scikit-learn's diabetes progression (a table, a number); mixed tables (issue 28): a
ramen-ratings-like table made here (`ramen_csv`: a product name, brand, style, country; stars with 'NR' and
'Unrated' cells), and the shared Netflix titles (`--target type`; `--target release_year`, a number); the shared
Korean reviews and spoken digits. Each runs in a fresh process
with seed 0. Prints one Markdown row per dataset: kind, task, metric, the classical baseline's CV and test
score, the network's, the paired test on the folds (corrected resampled t-test), the wall time; and writes
the table to `bench/results/suite_<settings>.md`.
"""
import argparse, json, os, shutil, subprocess, sys, tempfile, time
from pathlib import Path
import numpy as np, pandas as pd

def digits_folder(root: Path) -> Path:
    "scikit-learn's 1,797 handwritten digits as PNG files in one folder per digit (8x8 grey, 0-16 scaled to 0-255)."
    from PIL import Image
    from sklearn.datasets import load_digits
    digits = load_digits()
    for k, (image, label) in enumerate(zip(digits.images, digits.target)):
        (root / str(label)).mkdir(parents=True, exist_ok=True)
        Image.fromarray((image * 255 / 16).astype('uint8'), 'L').save(root / str(label) / f'{k:04d}.png')
    return root

def penguins_csv(path: Path) -> Path:
    from palmerpenguins import load_penguins
    load_penguins().to_csv(path, index=False)
    return path

RAMEN_WORDS = {'Spicy': 0.3, 'Tonkotsu': 0.5, 'Curry': 0.3, 'Laksa': 0.6, 'Chicken': -0.2, 'Beef': -0.1, 'Shrimp': 0.1,
               'Kimchi': 0.2, 'Miso': 0.3, 'Artificial': -0.6, 'Vegetable': -0.3, 'Pork': 0.0, 'Seafood': 0.1, 'Mushroom': 0.0}  # stars each word adds
RAMEN_FILLER = ['Instant', 'Noodles', 'Ramen', 'Flavour', 'Soup', 'Cup', 'Bowl', 'Udon', 'Soba', 'Noodle', 'Style', 'Hot', 'Original']

def ramen_csv(path: Path, n: int = 2750, seed: int = 0) -> Path:
    "A ramen-ratings-like table of `n` rows (like the public one: about 2,750), made here: `variety` (a product name of 2 to 5 words), `brand` (350, a long tail), `style`, `country`, and `stars` (0 to 5 in quarters; 'NR' or 'Unrated' in a few cells, left out by the audit), with a signal planted in each column."
    rng = np.random.default_rng(seed)
    brands = [f'brand{k:03d}' for k in range(350)]
    table = pd.DataFrame({'brand': rng.choice(brands, n, p=(w := 1 / np.arange(1, 351) ** 0.8) / w.sum()),
                          'style': rng.choice(['Pack', 'Bowl', 'Cup', 'Tray', 'Box'], n, p=[0.57, 0.18, 0.17, 0.06, 0.02]),
                          'country': rng.choice([f'country{k:02d}' for k in range(38)], n, p=(w := 1 / np.arange(1, 39)) / w.sum())})
    flavours = rng.choice(list(RAMEN_WORDS), (n, 2))
    table.insert(1, 'variety', [' '.join([*f[:rng.integers(1, 3)], *rng.choice(RAMEN_FILLER, rng.integers(1, 4), replace=False)]) for f in flavours])
    effect = lambda values, sd: values.map(dict(zip(sorted(set(values)), rng.normal(0, sd, values.nunique()))))  # one effect per value
    words = table.variety.map(lambda v: sum(RAMEN_WORDS.get(w, 0.0) for w in v.split()))
    stars = 3.5 + effect(table['brand'], 0.5) + effect(table['style'], 0.3) + effect(table['country'], 0.3) + words + rng.normal(0, 0.6, n)
    table['stars'] = ((stars.clip(0, 5) * 4).round() / 4).astype(object)
    table.loc[rng.choice(n, 6, replace=False), 'stars'] = ['NR', 'Unrated', 'NR', 'Unrated', 'NR', 'Unrated']
    table.to_csv(path, index=False)
    return path

def diabetes_csv(path: Path) -> Path:
    from sklearn.datasets import load_diabetes
    load_diabetes(as_frame=True, scaled=False).frame.to_csv(path, index=False)
    return path

SHARED = Path(os.environ.get('DL_PROJECT_SHARED_DATA', Path(__file__).resolve().parents[2] / 'shared' / 'data'))  # nsmc/, fsdd/, netflix/

def datasets(tmp: Path) -> dict:
    "name -> (the data argument of dl-project run, extra arguments); the shared reference data where this machine has it."
    penguins = penguins_csv(tmp / 'penguins.csv')
    found = {'jellyfish': (None, []), 'digits': (digits_folder(tmp / 'digits'), []),
             'penguins_species': (penguins, ['--target', 'species']), 'penguins_mass': (penguins, ['--target', 'body_mass_g']),
             'diabetes': (diabetes_csv(tmp / 'diabetes.csv'), ['--target', 'target']),
             'ramen_stars': (ramen_csv(tmp / 'ramen.csv'), ['--target', 'stars'])}
    reviews, recordings, titles = SHARED / 'nsmc' / 'reviews.csv', SHARED / 'fsdd' / 'recordings', SHARED / 'netflix' / 'netflix_titles.csv'
    # copied: a run saves the split it draws beside the data, which must not touch the shared folder
    reviews = shutil.copy(reviews, tmp / 'reviews.csv') if reviews.exists() else reviews
    recordings = shutil.copytree(recordings, tmp / 'recordings') if recordings.exists() else recordings
    if titles.exists():  # a mixed table: one copy per target, each run keeps its own split beside it
        found |= {'netflix_type': (shutil.copy(titles, tmp / 'netflix_type.csv'), ['--target', 'type']),
                  'netflix_year': (shutil.copy(titles, tmp / 'netflix_year.csv'), ['--target', 'release_year', '--task', 'regression'])}
    if reviews.exists():
        found |= {'nsmc_sentiment': (reviews, ['--target', 'sentiment', '--group', 'movie_id', '--text', 'review']),
                  'nsmc_rating': (reviews, ['--target', 'rating', '--task', 'regression', '--group', 'movie_id', '--text', 'review'])}
    if recordings.exists():
        found['fsdd_speakers'] = (recordings, ['--label-pattern', r'^(\d+)_', '--group-pattern', r'^\d+_([a-z]+)_'])
    return found

def run_one(name: str, data, extra: list, settings: list, out: Path) -> dict:
    "One `dl-project run` in a fresh process: the row of the table."
    start = time.perf_counter()
    done = subprocess.run([str(Path(sys.executable).parent / 'dl-project'), 'run', *([str(data)] if data else []), *extra, *settings,
                           '--seed', '0', '--out', str(out)], capture_output=True, text=True)
    wall = time.perf_counter() - start
    if done.returncode: return {'dataset': name, 'error': (done.stderr.strip().splitlines() or ['?'])[-1]}
    m = json.loads((out / 'metrics.json').read_text())
    fmt = lambda v: '' if v is None else f'{v:.3f}' if abs(v) < 10 else f'{v:.1f}'
    return {'dataset': name, 'kind': m['kind'], 'task': m['task'], 'metric': m['metric'],
            'baseline': m['baseline']['name'], 'baseline CV': f"{fmt(m['baseline']['cv_mean'])} ± {fmt(m['baseline']['cv_std'])}",
            'baseline test': fmt((m['baseline']['test'] or {}).get('score')),
            'network': m['model']['name'], 'network CV': f"{fmt(m['cv']['mean'])} ± {fmt(m['cv']['std'])}",
            'network test': fmt((m['test'] or {}).get('score')),
            'CV diff (p)': f"{fmt(m['cv'].get('diff_vs_baseline'))} ({m['cv'].get('p_value_vs_baseline', float('nan')):.2g})",
            'wall s': round(wall, 1)}

def keep_json(run_dir: Path, into: Path):
    "Copy the JSON files of a run folder (and its CV folders' summaries) into `into`, keeping their relative paths."
    for f in run_dir.rglob('*.json'):
        (into / f.relative_to(run_dir)).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(f, into / f.relative_to(run_dir))

def markdown_table(table: pd.DataFrame) -> str:
    "A DataFrame as a Markdown table."
    return '\n'.join(['| ' + ' | '.join(table.columns) + ' |', '|' + '---|' * len(table.columns)]
                     + ['| ' + ' | '.join(map(str, row)) + ' |' for row in table.values])

def read_markdown_table(lines: list[str]) -> pd.DataFrame:
    "The Markdown table in `lines` (a header, a rule, then rows) as a DataFrame of strings."
    cells = [[c.strip() for c in line.strip().strip('|').split('|')] for line in lines]
    return pd.DataFrame(cells[2:], columns=cells[0])

def merge_rows(path: Path, table: pd.DataFrame):
    "Put the rows of `table` into the Markdown table of the results file `path`: a dataset's row replaced, a new dataset's added at the end; the rest of the file kept."
    lines = path.read_text().splitlines()
    start = next(k for k, line in enumerate(lines) if line.startswith('| dataset'))
    end = next((k for k in range(start, len(lines)) if not lines[k].startswith('|')), len(lines))
    old = read_markdown_table(lines[start:end]).set_index('dataset')
    new = table.astype(str).set_index('dataset')
    merged = pd.concat([old.drop(index=[d for d in new.index if d in old.index]), new]).reindex(list(old.index) + [d for d in new.index if d not in old.index])
    path.write_text('\n'.join(lines[:start] + [markdown_table(merged.reset_index().fillna(''))] + lines[end:]) + '\n')

if __name__ == '__main__':
    parser = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    parser.add_argument('--defaults', action='store_true', help='the default settings instead of --quick')
    parser.add_argument('--only', nargs='*', help='run these datasets only')
    parser.add_argument('--extra', default='', help="more flags for every run, e.g. '--epochs 2' (a fixed number of epochs instead of a time budget)")
    parser.add_argument('--rows-into', type=Path, help='with --only: put the rows measured into this results file (a row of the same dataset replaced), the other rows kept')
    parser.add_argument('--keep', type=Path, help="copy each run's JSON files (metrics, audit, problem card, settings) into KEEP/<dataset>/")
    args = parser.parse_args()
    settings = ([] if args.defaults else ['--quick']) + args.extra.split()
    with tempfile.TemporaryDirectory() as tmp:
        rows = []
        for name, (data, extra) in datasets(Path(tmp)).items():
            if args.only and name not in args.only: continue
            rows.append(run_one(name, data, extra, settings, Path(tmp) / 'runs' / name))
            print(json.dumps(rows[-1]), flush=True)
            if args.keep: keep_json(Path(tmp) / 'runs' / name, args.keep / name)
    text = markdown_table(pd.DataFrame(rows).fillna(''))
    print(text)
    if args.rows_into: merge_rows(args.rows_into, pd.DataFrame(rows))
    if args.only or args.extra: sys.exit(0)  # a partial or changed suite: printed, not the results file of the whole one
    result = Path(__file__).parent / 'results' / f"suite_{'defaults' if args.defaults else 'quick'}.md"
    result.parent.mkdir(exist_ok=True)
    result.write_text(f"# `python bench/suite.py{' --defaults' if args.defaults else ''}`\n\n{text}\n")
