#!/usr/bin/env python
"""Wall time and peak memory of `dl-project run` on tables of 1k, 10k and 100k rows (default settings) and of
`dl-project run --quick` on 3k rows: synthetic tables of 20 columns (14 numbers, 5 categories, a yes/no target
that depends on a few of them, 2 % missing values), each run in a fresh process.

    python bench/table_run_speed.py                  # all sizes (about 10 minutes on 2 cores)
    python bench/table_run_speed.py --rows 3000 --quick

Prints one line per run: rows, settings, wall seconds, peak resident memory (MB), CV and test score.
"""
import argparse, json, subprocess, sys, tempfile, time
from pathlib import Path
import numpy as np, pandas as pd

def make_table(n: int, seed: int = 0) -> pd.DataFrame:
    "A table of `n` rows: 14 numbers, 5 categories of 8 values, target `y` (yes/no) from a few of them plus noise."
    rng = np.random.default_rng(seed)
    table = pd.DataFrame({f'x{i}': rng.normal(size=n) for i in range(14)} |
                         {f'c{i}': rng.choice([f'v{k}' for k in range(8)], n) for i in range(5)})
    signal = table.x0 + 0.5 * table.x1 * table.x2 + (table.c0 == 'v1')
    table['y'] = np.where(signal + rng.normal(0, 1, n) > 0.3, 'yes', 'no')
    table.loc[rng.random(n) < 0.02, 'x3'] = np.nan
    return table

def measure(rows: int, quick: bool, folder: Path) -> dict:
    "Run `dl-project run` on a fresh table in a child process; its wall time, peak memory and scores."
    csv = folder / f'table_{rows}.csv'
    make_table(rows).to_csv(csv, index=False)
    out = folder / f'run_{rows}{"_quick" if quick else ""}'
    start = time.perf_counter()
    done = subprocess.run(['/usr/bin/time', '-f', '%M', str(Path(sys.executable).parent / 'dl-project'), 'run', str(csv), '--target', 'y',
                           '--out', str(out), *(['--quick'] if quick else [])], check=True, capture_output=True, text=True)
    wall = time.perf_counter() - start
    metrics = json.loads((out / 'metrics.json').read_text())
    return {'rows': rows, 'settings': 'quick' if quick else 'default', 'wall_s': round(wall, 1),
            'peak_mb': round(int(done.stderr.strip().splitlines()[-1]) / 1024),  # GNU time: the largest resident set of the run's processes
            'batch_size': json.loads((out / 'config.json').read_text())['batch_size'],
            'cv': f"{metrics['cv']['mean']:.3f} ± {metrics['cv']['std']:.3f}", 'test': round(metrics['test']['score'], 3),
            'baseline_cv': round(metrics['baseline']['cv_mean'], 3)}

if __name__ == '__main__':
    parser = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    parser.add_argument('--rows', type=int, nargs='*', help='table sizes (default: 3000 quick, then 1000, 10000, 100000)')
    parser.add_argument('--quick', action='store_true', help='with --rows: run with --quick')
    args = parser.parse_args()
    plan = [(n, args.quick) for n in args.rows] if args.rows else [(3000, True), (1000, False), (10000, False), (100000, False)]
    with tempfile.TemporaryDirectory() as tmp:
        for rows, quick in plan:
            print(json.dumps(measure(rows, quick, Path(tmp))), flush=True)
