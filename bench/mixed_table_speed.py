#!/usr/bin/env python
"""Wall time, CPU time and peak memory of `dl-project run` with the default settings on a mixed table: 100,000 rows
and 20 input columns of every table kind (issue 28: under 15 minutes on 2 cores), each step timed.

    python bench/mixed_table_speed.py                        # 100,000 rows, with the text column, classification
    python bench/mixed_table_speed.py --no-text              # the 19 other columns only
    python bench/mixed_table_speed.py --rows 10000 --task regression
    python bench/mixed_table_speed.py --rows 2000 --extra=--quick     # more flags for the run

The table (`mixed_table`, seeded): 9 numbers (two with missing cells, one count), 5 low-cardinality
categories (2 to 12 values), 2 high-cardinality ones (500 and 5,000 values: a city, a product code), one list
of categories in a cell (`"tag03, tag17"`), a date, one more category with empty cells, a free-text `review`
of about 150 characters of plausible words, and a target `y` that depends on a number, a category, the list,
the date and words of the text (classification: three classes; regression: a number). Written to a
temporary CSV, run in a fresh process under GNU time. Prints the run's console, then one JSON line: the
rows, columns, task, the seconds of each step (from the run's console), the time before the first step
(loading, settings), the total wall and CPU (user + sys) seconds, the peak resident memory, the load
average before and after, and the CV and test scores.
"""
import argparse, json, os, re, subprocess, sys, tempfile, time
from pathlib import Path
import numpy as np, pandas as pd

NEUTRAL = ('the a this that it was is very really quite just so and but with for of on in at to from after before my our '
           'their taste flavour texture price box delivery order item product size colour smell look feel packaging week day '
           'time again first last little bit more less than also still yet even maybe probably well').split()
POSITIVE = 'great excellent lovely perfect fresh delicious reliable sturdy comfortable recommend happy superb'.split()
NEGATIVE = 'awful broken stale bland flimsy late disappointing refund cheap leaking noisy worst'.split()
TEXT_CHARS = 150  # the target length of a review

def reviews(rng: np.random.Generator, lean: np.ndarray) -> list[str]:
    "One review per value of `lean` (-1..1), about `TEXT_CHARS` characters (100 to 200): neutral words, with some positive or negative ones as `lean` says."
    n, width = len(lean), TEXT_CHARS // 3  # more words than a review needs: cut at its length
    words = np.array(NEUTRAL, dtype=object)[rng.integers(0, len(NEUTRAL), (n, width))]
    said = rng.random((n, width)) < 0.12
    positive = rng.random((n, width)) < (1 + lean[:, None]) / 2
    words[said & positive] = np.array(POSITIVE, dtype=object)[rng.integers(0, len(POSITIVE), (said & positive).sum())]
    words[said & ~positive] = np.array(NEGATIVE, dtype=object)[rng.integers(0, len(NEGATIVE), (said & ~positive).sum())]
    lengths = rng.integers(TEXT_CHARS - 50, TEXT_CHARS + 51, n)
    texts = (' '.join(row) for row in words)
    return [(text[:text.find(' ', k)] if text.find(' ', k) > 0 else text).capitalize() + '.' for text, k in zip(texts, lengths)]

def mixed_table(n: int,                 # rows
                seed: int = 0,          # the same seed gives the same table
                task: str = 'classification', # 'classification' (y in three classes) or 'regression' (y a number)
                text: bool = True,      # with the free-text column `review`
               ) -> pd.DataFrame:
    "A mixed table of `n` rows: numbers with missing cells, low- and high-cardinality categories, a list column, a date, a text column, and the target `y`."
    rng = np.random.default_rng(seed)
    t = pd.DataFrame({f'x{i}': rng.normal(size=n).round(4) for i in range(7)})
    t['count'] = rng.poisson(3, n)
    t['amount'] = rng.lognormal(3, 1, n).round(2)
    t.loc[rng.random(n) < 0.05, 'x3'] = np.nan
    t.loc[rng.random(n) < 0.20, 'amount'] = np.nan
    for i, k in enumerate((2, 3, 5, 8, 12)): t[f'c{i}'] = rng.choice([f'c{i}_{v}' for v in range(k)], n)
    t['city'] = rng.choice([f'city{v:03d}' for v in range(500)], n, p=(p := 1 / np.arange(1, 501)) / p.sum())  # a long tail
    t['product'] = rng.choice([f'P{v:05d}' for v in range(5000)], n)
    tags = np.array([f'tag{v:02d}' for v in range(30)])[np.sort(np.argsort(rng.random((n, 30)), axis=1)[:, :3], axis=1)]  # three different tags a row
    t['tags'] = [', '.join(row[:k]) for row, k in zip(tags, rng.integers(1, 4, n))]  # one to three of them
    t['date'] = (pd.Timestamp('2015-01-01') + pd.to_timedelta(rng.integers(0, 9 * 365, n), 'D')).strftime('%Y-%m-%d')
    t['channel'] = rng.choice(['web', 'shop', 'phone', ''], n, p=[0.5, 0.3, 0.15, 0.05])
    lean = pd.Series(np.tanh(rng.normal(0, 1, n)))  # what the text says, in -1..1
    signal = (t.x0 + 0.5 * t.x1 * t.x2 + 0.8 * (t.c1 == 'c1_1') + 0.6 * t.tags.str.contains('tag07')
              + 0.3 * (pd.to_datetime(t.date).dt.year >= 2020) + 0.02 * t['count'] + 1.2 * lean)
    noisy = signal + rng.normal(0, 1, n)
    t['y'] = (noisy.round(3) if task == 'regression' else pd.cut(noisy, [-np.inf, -0.3, 0.9, np.inf], labels=['low', 'mid', 'high']).astype(str))
    if text: t.insert(len(t.columns) - 1, 'review', reviews(rng, lean.to_numpy()))
    return t

def _steps(console: str) -> dict:
    "The seconds of each step of a run, from its console: `[i/n] name ...`, then lines up to the step's summary, the last one ending `(12.3 s)`."
    steps, name = {}, None
    for line in console.splitlines():
        if m := re.match(r'\[\d+/\d+\] (.+) \.\.\.$', line.strip()): name = m.group(1)
        elif name and (m := re.search(r'\((\d+(?:\.\d+)?) s\)$', line.rstrip())): steps[name] = float(m.group(1))  # a fold's line first, the summary last
    return steps

def measure(rows: int, task: str, text: bool, extra: list, folder: Path, seed: int = 0) -> dict:
    "One `dl-project run` on a fresh table in a child process under GNU time: its steps, wall and CPU seconds, peak memory and scores."
    csv = folder / f'mixed_{rows}.csv'
    table = mixed_table(rows, seed, task, text)
    table.to_csv(csv, index=False)
    out, load = folder / 'run', os.getloadavg()
    start, console = time.perf_counter(), []
    with subprocess.Popen(['/usr/bin/time', '-f', 'TIME %M %U %S', str(Path(sys.executable).parent / 'dl-project'), 'run', str(csv),
                           '--target', 'y', '--out', str(out), '--seed', str(seed), *(['--task', 'regression'] if task == 'regression' else []),
                           *extra], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                          env=os.environ | {'PYTHONUNBUFFERED': '1'}) as child:
        for line in child.stdout:  # the run's console as it goes
            print(line, end='', flush=True)
            console.append(line)
        errors = child.stderr.read()
    wall = time.perf_counter() - start
    if child.returncode: print(errors[-3000:], flush=True)
    peak_kb, user, system = [line for line in errors.splitlines() if line.startswith('TIME ')][-1].split()[1:]  # GNU time: the largest resident set of the run's processes, CPU seconds
    steps = _steps(''.join(console))
    result = {'rows': rows, 'columns': table.shape[1] - 1, 'text': text, 'task': task, 'extra': ' '.join(extra),
              'steps_s': steps, 'before_steps_s': round(wall - sum(steps.values()), 1), 'wall_s': round(wall, 1),
              'cpu_s': round(float(user) + float(system), 1), 'user_s': float(user), 'sys_s': float(system), 'peak_mb': round(int(peak_kb) / 1024),
              'load_before': [round(v, 2) for v in load], 'load_after': [round(v, 2) for v in os.getloadavg()], 'returncode': child.returncode}
    if not child.returncode:
        m = json.loads((out / 'metrics.json').read_text())
        result |= {'metric': m['metric'], 'cv': f"{m['cv']['mean']:.3f} ± {m['cv']['std']:.3f}", 'test': m['test'] and m['test']['score'],
                   'baseline': m['baseline']['name'], 'baseline_cv': f"{m['baseline']['cv_mean']:.3f} ± {m['baseline']['cv_std']:.3f}",
                   'epochs': (resolved := json.loads((out / 'resolved.json').read_text())['settings'])['epochs'],
                   'batch_size': resolved['batch_size']}
    return result

if __name__ == '__main__':
    parser = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    parser.add_argument('--rows', type=int, default=100_000, help='rows of the table')
    parser.add_argument('--task', choices=('classification', 'regression'), default='classification', help='what the target is')
    parser.add_argument('--text', action=argparse.BooleanOptionalAction, default=True, help='with the free-text column (--no-text: without)')
    parser.add_argument('--seed', type=int, default=0, help='the table and the run')
    parser.add_argument('--extra', default='', help="more flags for the run, e.g. --extra=--quick or --extra='--epochs 5'")
    parser.add_argument('--keep', type=Path, help='keep the CSV and the run folder here instead of a temporary folder')
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        print(json.dumps(measure(args.rows, args.task, args.text, args.extra.split(), folder, args.seed)), flush=True)
