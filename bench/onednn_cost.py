"""What switching TensorFlow's oneDNN kernels off costs: seconds per training epoch of `dl-project run`'s default
network (and of the quick preset's image size), with `TF_ENABLE_ONEDNN_OPTS` 1 and 0, each in a fresh process
(the variable is read once, when TensorFlow loads).

Why: on AMD EPYC CPUs with AVX-512, oneDNN's `Conv2DBackpropFilter` for a 1x1 stride-2 convolution with fewer than
16 input channels and an odd batch size corrupts memory (`free(): invalid pointer`, SIGSEGV); `dl_project.core`
therefore turns oneDNN off before TensorFlow loads. This script prints what that costs.

Usage: .venv/bin/python bench/onednn_cost.py [--sizes 96 64] [--epochs 3] [--repeats 3]
The images are the bundled example's cross-validation pool (780 photos per epoch, as in a 5-fold run), batch 32,
with the run's default augmentation and optimiser. Each figure is the median over the repeats of wall and CPU
seconds per epoch, after one epoch that builds and traces the graph. A config that crashes prints its exit status.
"""
import argparse, json, os, statistics, subprocess, sys, time

CHILD = r'''
import json, os, sys, time, warnings
size, epochs = int(sys.argv[1]), int(sys.argv[2])
import keras
from dl_project.cv import cv_pool, make_learner, CVInputs
from dl_project.data import load_samples
from dl_project.datasets import jellyfish
from dl_project.kinds.image.pipeline import ImageCache
from dl_project.kinds import get_kind
from dl_project.settings import RunConfig
from dl_project.run import network_of, learner_options
samples = load_samples(jellyfish())
rows = cv_pool(samples)[:780]
inputs = CVInputs(samples, size, ImageCache(samples, size))
c, image = RunConfig(epochs=1), get_kind('image')
learner = make_learner(network_of(c, image)[0], **learner_options(c, image))  # the run's default network and recipe
learner.fit(inputs, rows, 0)  # build and trace
learner.epochs = epochs
w, p = time.perf_counter(), time.process_time()
learner.fit(inputs, rows, 0)
print(json.dumps({'wall': (time.perf_counter() - w) / epochs, 'cpu': (time.process_time() - p) / epochs}))
'''

def one(size: int, epochs: int, onednn: str) -> dict | str:
    env = os.environ | {'TF_ENABLE_ONEDNN_OPTS': onednn, 'TF_CPP_MIN_LOG_LEVEL': '3'}
    r = subprocess.run([sys.executable, '-c', CHILD, str(size), str(epochs)], env=env, capture_output=True, text=True)
    if r.returncode: return f'exit {r.returncode}'
    return json.loads(r.stdout.strip().splitlines()[-1])

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--sizes', type=int, nargs='+', default=[96, 64])
    ap.add_argument('--epochs', type=int, default=3)
    ap.add_argument('--repeats', type=int, default=3)
    args = ap.parse_args()
    print(f'load average at start: {os.getloadavg()[0]:.2f}')
    for size in args.sizes:
        times = {'1': [], '0': []}
        for r in range(args.repeats):
            for flag in (('1', '0') if r % 2 == 0 else ('0', '1')):  # interleaved, alternating order
                times[flag].append(one(size, args.epochs, flag))
        for flag, label in (('1', 'oneDNN on '), ('0', 'oneDNN off')):
            ok = [t for t in times[flag] if isinstance(t, dict)]
            crashed = [t for t in times[flag] if isinstance(t, str)]
            if ok:
                print(f'{size} px, {label}: {statistics.median(t["wall"] for t in ok):.2f} s/epoch wall, '
                      f'{statistics.median(t["cpu"] for t in ok):.2f} s/epoch CPU (median of {len(ok)})'
                      + (f'; crashed: {crashed}' if crashed else ''))
            else: print(f'{size} px, {label}: every repeat crashed: {crashed}')
    print(f'load average at end: {os.getloadavg()[0]:.2f}')

if __name__ == '__main__': main()
