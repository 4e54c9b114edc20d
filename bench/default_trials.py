#!/usr/bin/env python
"""Trials behind the image defaults of `dl-project run` (issue 17): one change at a time, on more than one dataset.

    python bench/default_trials.py                 # every trial (about 15 minutes on 2 cores)
    python bench/default_trials.py --only digits_standard jellyfish_standard

Each trial is `dl-project run --quick --seed 0` on a suite dataset (`bench/suite.py`) with a few settings
changed; its row (network CV and test against the classical baseline, paired p, wall time) is kept in
`bench/results/default_trials.jsonl`, and the table of every trial run so far is printed and written to
`bench/results/default_trials.md`.
"""
import argparse, json, sys, tempfile
from pathlib import Path
import pandas as pd
sys.path.insert(0, str(Path(__file__).parent))
from suite import datasets, run_one, markdown_table

TRIALS = {  # name -> (suite dataset, settings beyond --quick)
    'digits_rotate_mixup': ('digits', ['--image-size', '32', '--augment', 'rotate', '--mix', 'mixup']),
    'digits_standard': ('digits', ['--image-size', '32', '--augment', 'standard', '--mix', 'none']),
    'digits_upright': ('digits', ['--image-size', '32', '--augment', 'upright', '--mix', 'none']),
    'digits_standard_mixup': ('digits', ['--image-size', '32', '--augment', 'standard', '--mix', 'mixup']),
    'digits_standard_stem2': ('digits', ['--image-size', '32', '--augment', 'standard', '--mix', 'none',
                                         '--model-options', '{stem_stride: 2}']),
    'jellyfish_standard': ('jellyfish', ['--augment', 'standard', '--mix', 'none']),
    'jellyfish_standard_mixup': ('jellyfish', ['--augment', 'standard', '--mix', 'mixup']),
    'jellyfish_rotate': ('jellyfish', ['--augment', 'rotate', '--mix', 'none']),
    'jellyfish_upright': ('jellyfish', ['--augment', 'upright', '--mix', 'none']),
    'digits_upright_stem2': ('digits', ['--image-size', '32', '--augment', 'upright', '--mix', 'none',
                                        '--model-options', '{stem_stride: 2}']),
    # the network's width, on today's defaults (image size, stem and mixing chosen from the data)
    'digits_defaults_half_width': ('digits', ['--model-options', '{widths: [8, 16, 32, 64]}']),
    'digits_defaults_double_width': ('digits', ['--model-options', '{widths: [32, 64, 128, 256]}']),
    'jellyfish_defaults_half_width': ('jellyfish', ['--model-options', '{widths: [8, 16, 32, 64]}']),
    'jellyfish_defaults_double_width': ('jellyfish', ['--model-options', '{widths: [32, 64, 128, 256]}']),
}
RESULTS = Path(__file__).parent / 'results' / 'default_trials.jsonl'  # one row per trial; a trial run again replaces its row

if __name__ == '__main__':
    parser = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    parser.add_argument('--only', nargs='*', help='run these trials only')
    args = parser.parse_args()
    rows = {r['trial']: r for r in map(json.loads, RESULTS.read_text().splitlines())} if RESULTS.exists() else {}
    with tempfile.TemporaryDirectory() as tmp:
        data = datasets(Path(tmp))
        for name, (dataset, settings) in TRIALS.items():
            if args.only and name not in args.only: continue
            source, extra = data[dataset]
            row = run_one(dataset, source, extra, ['--quick', *settings], Path(tmp) / 'runs' / name)
            rows[name] = {'trial': name, 'settings': ' '.join(settings), **row}
            print(json.dumps(rows[name]), flush=True)
            RESULTS.write_text(''.join(json.dumps(r) + '\n' for r in rows.values()))
    text = markdown_table(pd.DataFrame([rows[t] for t in TRIALS if t in rows]).fillna(''))
    print(text)
    note = ('Each row: `dl-project run --quick --seed 0` with the settings shown. The scores do not depend on the machine '
            '(seeded, deterministic); the wall times do, and these ran on 2 CPU cores shared with other jobs.')
    (Path(__file__).parent / 'results' / 'default_trials.md').write_text(f"# `python bench/default_trials.py`\n\n{note}\n\n{text}\n")
