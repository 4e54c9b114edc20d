"""A default run on the reference reviews (issue 18: under 10 minutes on 2 CPU cores): `dl-project run reviews.csv
--target sentiment --group movie_id --text review`, timed, with the network against the TF-IDF baseline on the same grouped folds.

    python bench/text_run_speed.py [--target sentiment] [--task auto] [--out DIR] [-- more dl-project flags]
"""
import argparse, json, subprocess, sys, tempfile, time
from pathlib import Path

DATA = '/work/shared/data/nsmc/reviews.csv'

def main(target: str, task: str, out: str | None, extra: list[str]):
    out = Path(out or tempfile.mkdtemp()) / f'run_{target}'
    command = ['dl-project', 'run', DATA, '--target', target, '--group', 'movie_id', '--text', 'review', '--task', task, '--out', str(out), *extra]
    print(' '.join(command), flush=True)
    start = time.perf_counter()
    subprocess.run(command, check=True)
    wall = time.perf_counter() - start
    m = json.loads((out / 'metrics.json').read_text())
    cv, base, test = m['cv'], m['baseline'], m['test'] or {}
    print(f"\nwall time {wall:.0f} s ({wall / 60:.1f} min); {m['model']['name']}, {m.get('time_budget', {}).get('epochs', '?')} epochs per fit")
    print(f"CV {cv['metric']}: network {cv['mean']:.3f} ± {cv['std']:.3f}, baseline {base['name']} {base['cv_mean']:.3f} ± {base['cv_std']:.3f}; "
          f"paired p over the folds = {cv.get('p_value_vs_baseline')}")
    print(f"test {m['metric']}: network {test.get('score'):.3f}, baseline {base['test']['score']:.3f}; paired p on the test rows = "
          f"{test.get('p_value_vs_baseline')}")

if __name__ == '__main__':
    p = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    p.add_argument('--target', default='sentiment')
    p.add_argument('--task', default='auto')
    p.add_argument('--out', default=None)
    a, extra = p.parse_known_args()
    main(a.target, a.task, a.out, [e for e in extra if e != '--'])
