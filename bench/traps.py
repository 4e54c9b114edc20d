"""How often each trap of issue 27 makes a test say p < 0.05 on labels that are pure noise (it should be about 5 %).

Usage: python bench/traps.py [--seeds 20] [--rows 240] [--folds 3] [--out bench/results/traps.md]

Every trap is a table of random features whose labels are random (nothing can be learnt), plus one way the
data fights back: near-copy rows (each row twice, the copy with 1e-9 relative noise), repeated test rows
(each row three times), rare positives (5 in 500 rows), copies across the splits (half the test rows are
copies of training rows, the split given with the data) and a headline metric that is not accuracy (ten
imbalanced classes: macro-F1).

Per trap and seed it runs what `dl-project run` runs on a table, through the library, with a second
classical model in place of the network (no network, to keep it to minutes): the table kind's audit
(`DataKind.audit`: copies join groups, a drawn split keeps each cluster on one side), the problem card
(metric and chance level), `cv.cross_validate` of the baseline (logistic regression) and of the "model"
(a random forest) on the same folds with the run's corrected t-test (`run._cv_vs_baseline`), both
fitted on the training split and scored on the test split with the rows' groups and their leak-free twins
(`baselines.run_baseline`), the paired test on the headline metric (`baselines.versus_baseline`), and the
report's `headline` on the resulting metrics (`run._test_entry`). It counts how often each test gave
p < 0.05: against chance (the headline metric's own test, on the leak-free rows when some leaked) for the
baseline and the model, against the baseline (cross-validation t-test; paired bootstrap on the test split),
the headline's verdicts, and, for comparison, the previous version's test against chance (an exact binomial
test of accuracy on all test rows, counted as independent).
"""
import argparse, dataclasses, os, sys, tempfile, time, warnings
from pathlib import Path
os.environ.setdefault('TF_CPP_MIN_LOG_LEVEL', '3')
import numpy as np, pandas as pd
from dl_project.baselines import run_baseline, versus_baseline
from dl_project.cv import cross_validate
from dl_project.data import load_samples
from dl_project.kinds import kind_of
from dl_project.problem import make_problem_card
from dl_project.report import _md_table, headline
from dl_project.run import _cv_vs_baseline, _test_entry
from dl_project.tasks import task_of
from dl_project.tasks.classification import binomial_p_value

FEATURES = 4  # random feature columns of every table

def _noise(rng, n: int, labels) -> pd.DataFrame:
    "`n` rows of random features with labels drawn at random from `labels` (with their probabilities if a dict)."
    names, p = (list(labels), list(labels.values())) if isinstance(labels, dict) else (list(labels), None)
    table = pd.DataFrame(rng.normal(size=(n, FEATURES)), columns=[f'x{k}' for k in range(FEATURES)])
    return table.assign(label=rng.choice(names, n, p=p))

def random_labels(rng, rows: int) -> pd.DataFrame:
    return _noise(rng, rows, ['no', 'yes'])

def near_copies(rng, rows: int) -> pd.DataFrame:
    "Every row twice, the copy with 1e-9 relative noise."
    table = _noise(rng, rows // 2, ['no', 'yes'])
    copy = table.copy()
    copy.iloc[:, :FEATURES] *= 1 + 1e-9 * rng.standard_normal((len(copy), FEATURES))
    return pd.concat([table, copy], ignore_index=True)

def repeated_rows(rng, rows: int) -> pd.DataFrame:
    "Every row three times (exact copies)."
    table = _noise(rng, rows // 3, ['no', 'yes'])
    return pd.concat([table] * 3, ignore_index=True)

def rare_positives(rng, rows: int) -> pd.DataFrame:
    "5 positives among 500 rows."
    table = _noise(rng, 500, ['no'])
    table.loc[rng.choice(500, 5, replace=False), 'label'] = 'yes'
    return table

def copies_across_splits(rng, rows: int) -> pd.DataFrame:
    "A given split: `rows` training rows, and a test split of rows // 4 copies of training rows and rows // 4 new rows."
    train = random_labels(rng, rows).assign(split='train')
    test = pd.concat([train.sample(rows // 4, random_state=int(rng.integers(1 << 30))), random_labels(rng, rows // 4)]).assign(split='test')
    return pd.concat([train, test], ignore_index=True)

def other_metric(rng, rows: int) -> pd.DataFrame:
    "Ten imbalanced classes (the headline is macro-F1, not accuracy)."
    rates = np.r_[np.full(2, 0.2), np.full(8, 0.075)]
    return _noise(rng, rows, {f'r{k}': r for k, r in enumerate(rates)})

TRAPS = {'random labels': random_labels, 'near-copy rows': near_copies, 'repeated test rows': repeated_rows,
         'rare positives': rare_positives, 'copies across splits': copies_across_splits, 'metric not accuracy': other_metric}
COLUMNS = {'chance_baseline': 'p<0.05 vs chance: baseline', 'chance_model': 'p<0.05 vs chance: model',
           'cv_vs_baseline': 'p<0.05 model vs baseline (CV t-test)', 'test_vs_baseline': 'p<0.05 model vs baseline (test)',
           'verdict_chance': '"beats chance"', 'verdict_baseline': '"beats the baseline"',
           'old_chance': 'previous: binomial on all rows', 'no_cv_test': 'CV t-test not applied', 'leaks_found': 'test rows with a copy in training (mean)',
           'copies': 'test rows repeating a group (mean)'}

def _chance_p(entry: dict, metric: str) -> float | None:
    "The p-value against chance the headline reads: the headline metric's own test, on the leak-free rows when some leaked."
    judged = entry.get('without_leaks') or entry
    return (judged.get('p_value_vs_chance_by_metric') or {}).get(metric)

def one_trial(table: pd.DataFrame, seed: int, folds: int, work: Path) -> dict:
    "The run's statistics on one table: the outcome of every test (True: p < 0.05) and what the audit and the evaluation counted."
    samples = load_samples(table, target='label', seed=seed)
    work.mkdir(parents=True)
    samples, _, _ = kind_of(samples).audit(samples, work, seed)
    card = make_problem_card(samples.table.label, samples.table.split, name='trap', kind=samples.kind, task='auto', seed=seed)
    task, metric = task_of(card), card.metric
    samples = dataclasses.replace(samples, task=card.task)
    chance = task.chance_value(card)
    cvs = [cross_validate(samples, m, folds=folds, seed=seed, metric=metric, progress=False) for m in ('logreg', 'rf')]
    base, model = (run_baseline(samples, m, chance=chance, seed=seed, metric=metric) for m in ('logreg', 'rf'))
    model |= versus_baseline(task, base, model, metric, seed)
    metrics = {'task': task.name, 'kind': samples.kind, 'metric': metric, 'classes': samples.classes,
               'chance': {'metric': metric, 'level': card.chance_level},
               'baseline': {'name': 'logreg', 'cv_mean': cvs[0].mean, 'cv_std': cvs[0].std, 'folds': cvs[0].scores, 'test': _test_entry(task, base, metric)},
               'cv': cvs[1].summary() | _cv_vs_baseline(cvs[0], cvs[1]), 'test': _test_entry(task, model, metric), 'model': {'name': 'rf'}}
    verdict, _ = headline(metrics)
    test, clean = metrics['test'], metrics['test'].get('without_leaks')
    vs_base = clean.get('p_value_vs_baseline') if clean else (test.get('p_value_vs_baseline_by_metric') or {}).get(metric)
    below = lambda p: p is not None and p < 0.05
    return {'chance_baseline': below(_chance_p(metrics['baseline']['test'], metric)), 'chance_model': below(_chance_p(test, metric)),
            'cv_vs_baseline': below(metrics['cv'].get('p_value_vs_baseline')), 'test_vs_baseline': below(vs_base),
            'verdict_chance': ' beats chance' in verdict, 'verdict_baseline': 'and beats the classical' in verdict,
            'old_chance': below(binomial_p_value(model['n_correct'], model['n'], model['chance'])),
            'no_cv_test': metrics['cv'].get('p_value_vs_baseline') is None, 'leaks_found': clean['n_leaked'] if clean else 0,
            'copies': test['n'] - test['n_independent'], 'metric': metric, 'n_test': test['n']}

def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--seeds', type=int, default=20, help='seeds per trap')
    parser.add_argument('--rows', type=int, default=240, help='rows of each table (rare positives: always 500)')
    parser.add_argument('--folds', type=int, default=3, help='cross-validation folds')
    parser.add_argument('--traps', nargs='*', default=list(TRAPS), help='which traps (default: all)')
    parser.add_argument('--out', default='bench/results/traps.md', help='Markdown file for the table')
    args = parser.parse_args(argv)
    warnings.filterwarnings('ignore')
    rows, start = [], time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        for name in args.traps:
            trials = []
            for seed in range(args.seeds):
                table = TRAPS[name](np.random.default_rng(1000 + seed), args.rows)
                trials.append(one_trial(table, seed, args.folds, Path(tmp) / f'{name}-{seed}'))
            frame = pd.DataFrame(trials)
            row = {'trap': name, 'metric': frame['metric'].iloc[0], 'test rows': f"{frame['n_test'].mean():.0f}"}
            row |= {label: f"{frame[key].mean():.0%}" if frame[key].dtype == bool else f"{frame[key].mean():.1f}" for key, label in COLUMNS.items()}
            rows.append(row)
            print(f"{name}: {row}", flush=True)
            _write(rows, args, argv, time.perf_counter() - start)  # after every trap: a stopped run keeps the traps it finished

def _write(rows: list[dict], args, argv, seconds: float):
    "The table so far, with the command that made it, printed and saved to `args.out`."
    command = 'python bench/traps.py ' + ' '.join(argv if argv is not None else sys.argv[1:])
    text = (f"# Traps on random labels: how often p < 0.05\n\n`{command.strip()}` ({args.seeds} seeds per trap, {args.rows} rows, "
            f"{args.folds} folds; {seconds / 60:.1f} min)\n\nEvery label is random: each rate below should be about 5 % or less, except the "
            "previous version's column, shown for comparison.\n\n" + _md_table(pd.DataFrame(rows).set_index('trap')) + '\n')
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(text)

if __name__ == '__main__':
    main()
