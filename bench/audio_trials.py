#!/usr/bin/env python
"""A few quick trials of the audio network's settings on the Free Spoken Digit Dataset, folds grouped by speaker:
`cv.cross_validate` of `audio_cnn` (behind the audio kind's front end) on the four speakers outside the test split,
K folds by speaker, the run's recipe (AdamW, cosine schedule, label smoothing 0.1), a few epochs each.

    python bench/audio_trials.py                       # every trial below (several minutes on 2 cores)
    python bench/audio_trials.py --epochs 20 --folds 2 --only default no_specaugment

Prints one line per trial: its name, settings, mean CV accuracy ± std over the folds, and seconds.
"""
import argparse, os, time, warnings
from pathlib import Path

DATA = Path(__file__).resolve().parents[1].parent / 'shared' / 'data' / 'fsdd' / 'recordings'
TRIALS = {  # name -> (model options, SpecAugment on)
    'default': ({}, True),
    'no_specaugment': ({}, False),
    'time_average': ({'pool': 'time'}, True),
    'wider': ({'widths': (32, 64, 128)}, True),
    'dropout_0.4': ({'dropout': 0.4}, True),
}

def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument('--data', default=str(DATA))
    p.add_argument('--epochs', type=int, default=20)
    p.add_argument('--folds', type=int, default=2)
    p.add_argument('--batch-size', type=int, default=64)
    p.add_argument('--only', nargs='*', help='trial names to run')
    a = p.parse_args()
    os.environ.setdefault('TF_CPP_MIN_LOG_LEVEL', '3')
    warnings.simplefilter('ignore')
    import dl_project.kinds.audio.kind as audio
    from dl_project.cv import cross_validate
    from dl_project.kinds import load_dataset
    samples = load_dataset(a.data, seed=0, label_pattern=r'^(\d+)_', group_pattern=r'^\d+_([a-z]+)_')
    inputs = audio.AUDIO.inputs(samples)
    front = audio.audio_frontend
    for name in a.only or TRIALS:
        options, spec = TRIALS[name]
        audio.audio_frontend = lambda *args, _s=spec, **kw: front(*args, **kw | {'augment': _s})  # SpecAugment on or off for this trial
        start = time.perf_counter()
        r = cross_validate(samples, 'audio_cnn', folds=a.folds, seed=0, cache=inputs, progress=False, epochs=a.epochs, batch_size=a.batch_size,
                           lr=2e-3, weight_decay=0.05, label_smoothing=0.1, schedule='cosine', model_options=options)
        print(f'{name:16s} {options} specaugment={spec}: CV accuracy {r.mean:.3f} ± {r.std:.3f} over {a.folds} speaker folds '
              f'({", ".join(f"{x:.3f}" for x in r.scores)}), {time.perf_counter() - start:.0f} s', flush=True)
    audio.audio_frontend = front

if __name__ == '__main__': main()
