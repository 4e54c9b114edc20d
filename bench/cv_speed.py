"""Wall time of K-fold `cross_validate` vs K plain fits of the same model and epochs (target ratio <= 1.05x).

Usage: TF_CPP_MIN_LOG_LEVEL=3 .venv/bin/python bench/cv_speed.py [DATA] [--size 128] [--folds 5] [--epochs 2]
       [--model cnn] [--repeats 1]
(DATA defaults to the bundled jellyfish example.) The reference decodes the images once and fits K fresh models on
exactly the K training sets of the folds, nothing else; cross-validation additionally predicts and scores the
held-out fold, saves each fold (model, OOF CSV, metrics) to a run folder and writes oof.csv and cv.json. Both run
interleaved in one process; each figure is the median over the repeats. Few epochs make the ratio pessimistic:
the per-fold overhead is fixed while training time grows with the epochs. Wall and CPU time are both printed:
on a machine shared with other jobs, the CPU time of this process is the steadier figure.
"""
import argparse, os, statistics, tempfile, time, warnings
os.environ.setdefault('TF_CPP_MIN_LOG_LEVEL', '3')
import numpy as np
from dl_project.core import DEFAULT_SEED, seed_everything
from dl_project.data import load_samples
from dl_project.datasets import jellyfish
from dl_project.kinds.image.pipeline import ImageCache
from dl_project.models import build_model
from dl_project.train import compile_model, default_callbacks, fit
from dl_project.cv import assign_folds, cross_validate

def clock() -> tuple[float, float]:
    "(wall seconds, CPU seconds of this process over all threads): CPU time is robust to other jobs on a shared machine."
    return time.perf_counter(), time.process_time()

def since(start) -> tuple[float, float]:
    return tuple(b - a for a, b in zip(start, clock()))

def plain_fits(samples, args) -> tuple[float, float]:
    "(wall, CPU) seconds to decode once and fit K fresh models on the folds' training rows (the reference)."
    start = clock()
    cache = ImageCache(samples, args.size)
    fold_of = assign_folds(samples, args.folds, DEFAULT_SEED)
    for k in range(args.folds):
        rows = fold_of.index[fold_of != k].to_numpy()
        seed_everything(DEFAULT_SEED + k)
        model = compile_model(build_model(args.model, cache.images.shape[1:], len(samples.classes)), task=samples.task)
        fit(model, cache.dataset(rows, args.batch, shuffle=True, seed=DEFAULT_SEED + k), epochs=args.epochs,
            y_train=samples.y[rows], callbacks=default_callbacks(monitor='loss'))
    return since(start)

def cv_run(samples, args) -> tuple[float, float]:
    "(wall, CPU) seconds of `cross_validate` with a run folder (decoding included)."
    with tempfile.TemporaryDirectory() as run_dir:
        start = clock()
        cross_validate(samples, args.model, folds=args.folds, epochs=args.epochs, image_size=args.size,
                       batch_size=args.batch, run_dir=run_dir, progress=False)
        return since(start)

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('data', nargs='?', default=None)
    ap.add_argument('--size', type=int, default=128)
    ap.add_argument('--folds', type=int, default=5)
    ap.add_argument('--epochs', type=int, default=2)
    ap.add_argument('--batch', type=int, default=32)
    ap.add_argument('--model', default='cnn')
    ap.add_argument('--repeats', type=int, default=1)
    args = ap.parse_args()
    warnings.filterwarnings('ignore')
    import tensorflow as tf; tf.get_logger().setLevel('ERROR')
    samples = load_samples(args.data or jellyfish())
    for p in samples.table['path']: open(p, 'rb').read()  # warm the OS file cache for both
    ref, cv = [], []
    for _ in range(args.repeats):
        ref.append(plain_fits(samples, args))
        cv.append(cv_run(samples, args))
    (r, r_cpu), (c, c_cpu) = [[statistics.median(t[i] for t in runs) for i in (0, 1)] for runs in (ref, cv)]
    print(f'data: {args.data or "bundled jellyfish"} ({len(samples)} images, {len(assign_folds(samples, args.folds))} pooled), '
          f'{args.model} at {args.size} px, {args.folds} folds x {args.epochs} epochs, batch {args.batch}, '
          f'{os.cpu_count()} CPU cores, median of {args.repeats}')
    print(f'{"":<36}{"wall s":>9}{"CPU s":>9}')
    print(f'{f"{args.folds} x plain fit (decode once)":<36}{r:9.1f}{r_cpu:9.1f}')
    print(f'{"cross_validate (with run folder)":<36}{c:9.1f}{c_cpu:9.1f}')
    print(f'{"ratio":<36}{c / r:8.3f}x{c_cpu / r_cpu:8.3f}x  (target <= 1.05; '
          'CPU time is the fairer figure when other jobs share the machine)')

if __name__ == '__main__': main()
