#!/usr/bin/env python
"""`dl-project run` on the Free Spoken Digit Dataset (2,500 recordings, 5 speakers) twice with the same settings: folds
and split grouped by speaker (`--group-pattern`), then a random split (no group pattern), each in a fresh process.

    python bench/audio_run_speed.py                  # default settings (several minutes per run on 2 cores)
    python bench/audio_run_speed.py --quick          # --quick settings
    python bench/audio_run_speed.py -- --epochs 30   # extra flags after -- go to both runs

With five speakers, one is the test split and four are pooled for cross-validation, so the grouped run uses
`--folds 4` (leave one speaker out); the random run uses the same. Each run reads its own copy of the recordings, as
a drawn split is saved beside the data and reused by the next run on the same folder. Prints, per run: wall seconds, CV accuracy of the
network and of the baseline on the same folds with the paired p-value, and their test accuracy; then the gap between
the random split's and the speaker-grouped test and CV accuracy: what a model gains by having heard the speaker.
"""
import argparse, json, shutil, subprocess, tempfile, time
from pathlib import Path

DATA = Path(__file__).resolve().parents[1].parent / 'shared' / 'data' / 'fsdd' / 'recordings'
LABEL, GROUP = r'^(\d+)_', r'^\d+_([a-z]+)_'

def run(data: Path, out: Path, flags: list[str]) -> dict:
    "One `dl-project run` in a child process on a copy of `data` (a drawn split is saved beside the data and reused: each run draws its own), its wall time and metrics."
    copy = out.parent / f'{out.name}_data' / data.name
    shutil.copytree(data, copy, dirs_exist_ok=True)
    start = time.perf_counter()
    subprocess.run(['dl-project', 'run', str(copy), '--out', str(out), *flags], check=True, stdout=subprocess.DEVNULL)
    return {'seconds': time.perf_counter() - start, **json.loads((out / 'metrics.json').read_text())}

def line(name: str, m: dict) -> str:
    cv, base, test = m['cv'], m['baseline'], m.get('test') or {}
    return (f"{name}: {m['seconds']:.0f} s; CV accuracy network {cv['mean']:.3f} ± {cv['std']:.3f}, baseline {base['cv_mean']:.3f} ± "
            f"{base['cv_std']:.3f} (same folds, paired p = {cv.get('p_value_vs_baseline', float('nan')):.3g}); test accuracy network "
            f"{test.get('accuracy', float('nan')):.3f}, baseline {base['test']['accuracy']:.3f} (paired p = {test.get('p_value_vs_baseline', float('nan')):.3g})")

def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument('--data', default=str(DATA))
    p.add_argument('--quick', action='store_true')
    p.add_argument('--out', help='keep the run folders here (default: a temporary folder)')
    p.add_argument('extra', nargs='*', help='more flags for both runs (after --)')
    a = p.parse_args()
    common = ['--label-pattern', LABEL, '--folds', '4', *(['--quick'] if a.quick else []), *a.extra]
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(a.out or tmp)
        grouped = run(Path(a.data), base / 'by_speaker', common + ['--group-pattern', GROUP])
        print(line('grouped by speaker', grouped), flush=True)
        random = run(Path(a.data), base / 'random', common)
        print(line('random split      ', random), flush=True)
    gap = lambda f: f(random) - f(grouped)
    print(f"random split minus speaker-grouped: test accuracy {gap(lambda m: m['test']['accuracy']):+.3f}, "
          f"CV accuracy {gap(lambda m: m['cv']['mean']):+.3f} (network); baseline test {gap(lambda m: m['baseline']['test']['accuracy']):+.3f}")

if __name__ == '__main__': main()
