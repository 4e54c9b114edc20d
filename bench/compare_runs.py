#!/usr/bin/env python
"""Compare two sets of suite runs kept by `python bench/suite.py --keep DIR` (say, before and after a refactor).

    python bench/compare_runs.py /tmp/suite_before /tmp/suite_after

For each dataset kept in both: whether the chance level, the audit's counts (duplicate clusters, leaks,
label conflicts, rows left out), the baseline's fold scores and test score, and the network's fold scores
and test score are identical; where the network's differ, by how much (the mean over folds). Prints one
Markdown row per dataset.
"""
import argparse, json
from pathlib import Path

def load(path: Path):
    return json.loads(path.read_text()) if path.exists() else {}

def audit_counts(a: dict) -> tuple:
    "What the audit found, as counts: clusters, leaks, conflicting labels, rows left out."
    return (len(a.get('duplicates', [])), a.get('leaks'), a.get('label_conflicts'), len(a.get('unreadable', a.get('excluded', []))))

def facts(run: Path) -> dict:
    m, a = load(run / 'metrics.json'), load(run / 'audit.json')
    return {'chance': m['chance']['level'], 'audit': audit_counts(a), 'baseline folds': m['baseline']['folds'],
            'baseline test': (m['baseline']['test'] or {}).get('score'), 'network folds': m['cv']['folds'],
            'network test': (m['test'] or {}).get('score'), 'network mean': m['cv']['mean']}

if __name__ == '__main__':
    parser = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    parser.add_argument('before', type=Path); parser.add_argument('after', type=Path)
    args = parser.parse_args()
    keys = ('chance', 'audit', 'baseline folds', 'baseline test', 'network folds', 'network test')
    print('| dataset | ' + ' | '.join(keys) + ' | network CV before → after |')
    print('|---|' + '---|' * (len(keys) + 1))
    for run in sorted(p for p in args.before.iterdir() if (args.after / p.name / 'metrics.json').exists()):
        a, b = facts(run), facts(args.after / run.name)
        same = ['identical' if a[k] == b[k] else f'differs ({a[k]} → {b[k]})' if k in ('chance', 'audit') else 'differs' for k in keys]
        print(f"| {run.name} | " + ' | '.join(same) + f" | {a['network mean']:.4f} → {b['network mean']:.4f} |")
