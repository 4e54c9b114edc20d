"""Seconds per training epoch of `dl-project run`'s default network with no augmentation, with the `rotate` preset
as three Keras warps (RandomFlip, RandomRotation, RandomZoom, then RandomContrast and RandomBrightness), and with
the `rotate` preset as it is (one `models.RandomAffine` warp, then the same contrast and brightness).

Usage: TF_CPP_MIN_LOG_LEVEL=3 .venv/bin/python bench/augment_speed.py [--size 96] [--epochs 3] [--repeats 3]
The images are the bundled example's cross-validation pool (Train + valid, 939 photos; 780 per epoch, as in a
5-fold run), decoded once; the network and optimiser are the run's defaults (AdamW, batch 32). Each variant is
built and traced once, then timed over --epochs epochs; the variants run interleaved, in a rotated order each
repeat; each figure is the median over the repeats, wall and CPU time of this process (steadier on a shared machine).
"""
import argparse, os, statistics, time, warnings
os.environ.setdefault('TF_CPP_MIN_LOG_LEVEL', '3')
import numpy as np, keras
from keras import layers
from dl_project.cv import cv_pool
from dl_project.data import load_samples
from dl_project.datasets import jellyfish
from dl_project.kinds.image.pipeline import ImageCache
from dl_project.models import build_model
from dl_project.kinds.image.augment import augmentation
from dl_project.kinds import get_kind
from dl_project.train import compile_model

def three_warps(seed=0):
    "The `rotate` preset as it was built from Keras layers alone: three resamplings."
    return keras.Sequential([layers.RandomFlip('horizontal_and_vertical', seed=seed), layers.RandomRotation(0.5, fill_mode='reflect', seed=seed),
                             layers.RandomZoom((-0.25, 0.1), fill_mode='reflect', seed=seed), layers.RandomContrast(0.2, seed=seed),
                             layers.RandomBrightness(0.15, value_range=(0, 255), seed=seed)])

VARIANTS = {'no augmentation': lambda: None, 'rotate, three Keras warps': three_warps, 'rotate, one RandomAffine warp': lambda: augmentation('rotate', 0)}

def network(size: int, augment):
    "The run's default image network, with `augment` (a layer or None) as its first layer."
    name, options = get_kind('image').default_network
    inputs = keras.Input((size, size, 3))
    net = build_model(name, (size, size, 3), 6, **options)
    return compile_model(keras.Model(inputs, net(augment(inputs) if augment is not None else inputs)), lr=2e-3, weight_decay=0.05, task='classification')

def clock(): return time.perf_counter(), time.process_time()

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--size', type=int, default=96)
    ap.add_argument('--epochs', type=int, default=3)
    ap.add_argument('--repeats', type=int, default=3)
    args = ap.parse_args()
    warnings.filterwarnings('ignore', message='.*shuffle=True.*')
    samples = load_samples(jellyfish())
    rows = cv_pool(samples)[:780]
    train = ImageCache(samples, args.size).dataset(rows, 32, shuffle=True, seed=0)
    models = {}
    for name, make in VARIANTS.items():
        models[name] = network(args.size, make())
        models[name].fit(train, epochs=1, verbose=0)  # build and trace
    wall, cpu = {k: [] for k in VARIANTS}, {k: [] for k in VARIANTS}
    names = list(VARIANTS)
    for r in range(args.repeats):
        for name in names[r % len(names):] + names[:r % len(names)]:
            w, c = clock()
            models[name].fit(train, epochs=args.epochs, verbose=0)
            wall[name].append((time.perf_counter() - w) / args.epochs); cpu[name].append((time.process_time() - c) / args.epochs)
    print(f'{len(rows)} images per epoch, {args.size} px, default network {get_kind("image").default_network}, {os.cpu_count()} CPU cores, '
          f'median of {args.repeats} interleaved repeats of {args.epochs} epochs; load average {os.getloadavg()[0]:.2f}')
    for name in names:
        print(f'{name:<32}{statistics.median(wall[name]):6.2f} s/epoch wall  {statistics.median(cpu[name]):6.2f} s/epoch CPU')
    old, new, none = (statistics.median(wall[n]) for n in (names[1], names[2], names[0]))
    print(f'augmentation cost: three warps {old - none:.2f} s/epoch, one warp {new - none:.2f} s/epoch; epoch {1 - new / old:.0%} shorter')

if __name__ == '__main__': main()
