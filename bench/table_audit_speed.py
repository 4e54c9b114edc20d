"""Time `kinds.table.audit.audit_table` and its peak memory on synthetic tables of 20 columns (1k, 10k, 100k rows).

Usage: TF_CPP_MIN_LOG_LEVEL=3 .venv/bin/python bench/table_audit_speed.py [--rows 1000 10000 100000] [--repeats 3]

Each table has the column problems the audit looks for, so that every check does its full work: a row
number (ID), a constant column, a free-text column, a 300-category column, missing values, a column that
leaks the target, 1 % of its rows copied (with a new ID) and a 3-class target; 20 feature columns in all,
the split given. Seconds are the best of `--repeats` runs. Peak memory is measured in one more run, two ways:
what `tracemalloc` saw the audit allocate (Python objects and numpy buffers; not pyarrow's, which hold
pandas' strings), and how far the process's resident size rose above where it was before the audit
(`/proc/self/statm`, sampled every 2 ms by a thread), on the first audit of the table in a fresh process; the
process's peak resident size (imports, the table and the audits) is given beside them. Target: 100,000 rows in well under 30 s on 2 CPU cores.
"""
import argparse, os, resource, subprocess, sys, threading, time, tracemalloc
import numpy as np, pandas as pd
from dl_project.data import load_samples
from dl_project.kinds.table.audit import audit_table

WORDS = np.array('the visit went well but the owner asked about food price weight cough walk sleep'.split())

def synthesise(n: int, seed: int = 0) -> pd.DataFrame:
    "A table of `n` rows: 20 feature columns with planted problems, a 3-class `target` and a given `split`."
    rng = np.random.default_rng(seed)
    target = rng.choice(['low', 'mid', 'high'], n, p=[0.5, 0.3, 0.2])
    code = pd.Series(target).map({'low': 0, 'mid': 1, 'high': 2}).to_numpy()
    frame = pd.DataFrame({f'x{i}': rng.normal(code * (i % 3) * 0.3, 1, n) for i in range(10)})  # 10 numbers, some informative
    for i in range(0, 10, 3): frame.loc[rng.random(n) < 0.02, f'x{i}'] = np.nan                 # 2 % missing in four of them
    frame['count'] = rng.poisson(3, n)
    frame['age'] = rng.integers(18, 90, n)
    frame['visits'] = rng.integers(0, 40, n)
    frame['colour'] = rng.choice(['red', 'green', 'blue', 'black', 'white'], n)
    frame['town'] = rng.choice([f'town {i}' for i in range(300)], n)                              # high-cardinality
    frame['clinic'] = rng.choice([f'clinic {i}' for i in range(20)], n)
    frame['batch'] = 'B1'                                                                        # constant
    frame['notes'] = [' '.join(w) + f' (visit {i})' for i, w in enumerate(WORDS[rng.integers(0, len(WORDS), (n, 6))])]  # free text
    frame['score'] = code * 10 + rng.random(n)                                                   # leaks the target
    frame.insert(0, 'row_id', np.arange(n))                                                      # an ID
    frame['target'], frame['split'] = target, rng.choice(['train', 'valid', 'test'], n, p=[0.7, 0.15, 0.15])
    copies = frame.sample(frac=0.01, random_state=seed).assign(split=lambda f: rng.choice(['train', 'test'], len(f)))
    frame = pd.concat([frame, copies], ignore_index=True)
    frame['row_id'] = np.arange(len(frame))                                                      # the copies get new IDs
    return frame

def resident_mb() -> float:
    "The process's resident memory now, in MB (Linux)."
    with open('/proc/self/statm') as f: return int(f.read().split()[1]) * os.sysconf('SC_PAGE_SIZE') / 2**20

def peak_memory(run) -> tuple[float, float]:
    "`(tracemalloc peak, rise of the resident size above its level before)` while `run()` runs, in MB."
    before, peak, done = resident_mb(), [0.0], threading.Event()
    def watch():
        while not done.is_set(): peak[0] = max(peak[0], resident_mb()); time.sleep(0.002)
    watcher = threading.Thread(target=watch); watcher.start()
    tracemalloc.start()
    try: run()
    finally:
        traced = tracemalloc.get_traced_memory()[1]; tracemalloc.stop(); done.set(); watcher.join()
    return traced / 2**20, max(peak[0], resident_mb()) - before

def measure(n: int, repeats: int) -> str:
    "One row of the table for `n` rows: memory on the first audit of the table (imports warmed up on a small one), then the best time."
    audit_table(load_samples(synthesise(200), target='target'))  # imports and first calls, on another table
    samples = load_samples(synthesise(n), target='target')
    traced, rise = peak_memory(lambda: audit_table(samples))
    seconds = []
    for _ in range(repeats):
        t = time.perf_counter(); report = audit_table(samples); seconds.append(time.perf_counter() - t)
    c = report['columns']
    found = (f"ID {c['id_like']}, constant {c['constant']}, text {c['free_text']}, many categories {c['high_cardinality']}, "
             f"leaks {[l['column'] for l in c['target_leaks']]}, missing {len(c['missing'])} columns")
    return (f'| {len(samples):,} | {len(samples.features)} | {min(seconds):.2f} | {traced:.0f} | {rise:.0f} | '
            f'{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} | {len(report["duplicates"])} | {found} |')

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--rows', type=int, nargs='+', default=[1_000, 10_000, 100_000])
    ap.add_argument('--repeats', type=int, default=3)
    ap.add_argument('--one', action='store_true', help='measure the first size in this process (the others each run in a fresh one)')
    args = ap.parse_args()
    if args.one: return print(measure(args.rows[0], args.repeats), flush=True)
    print(f'{os.cpu_count()} CPU cores; pandas {pd.__version__}; each size in a fresh process')
    print(f'| rows | feature columns | audit seconds (best of {args.repeats}) | peak traced (MB) | resident rise (MB) | process peak resident (MB) | duplicate clusters | findings |')
    print('|---|---|---|---|---|---|---|---|')
    for n in args.rows:
        out = subprocess.run([sys.executable, __file__, '--one', '--rows', str(n), '--repeats', str(args.repeats)],
                             capture_output=True, text=True, check=True).stdout
        print(out.strip().splitlines()[-1], flush=True)

if __name__ == '__main__': main()
