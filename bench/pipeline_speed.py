"""First-epoch and cached-epoch images/s of `make_dataset` vs a plain tf.data loop and Keras' directory loader.

Usage: TF_CPP_MIN_LOG_LEVEL=3 .venv/bin/python bench/pipeline_speed.py [DATA] [--size 128] [--repeats 3]
(DATA defaults to ../shared/data/jellyfish; TensorFlow is warmed up once, then the methods run interleaved, in a
rotated order each repeat; each figure is the median of the repeats. The load average is printed: the machine is shared.
The last line compares what the first-epoch and cached targets together ask of a cached epoch with the memory floor: a
reshuffled epoch gathered from float32 images already decoded in memory.)
"""
import argparse, os, statistics, time
from pathlib import Path
os.environ.setdefault('TF_CPP_MIN_LOG_LEVEL', '3')
import tensorflow as tf, keras
from dl_project.data import load_samples
from dl_project.kinds.image.pipeline import make_dataset

def count(ds) -> int:
    "Iterate a dataset once; the number of images seen."
    return sum(int(tf.shape(x)[0]) for x, _ in ds)

def plain_tf(paths, labels, size, batch):
    "(a) the textbook tf.data loop: parallel read_file + decode_image + resize."
    def load(p, y):
        x = tf.io.decode_image(tf.io.read_file(p), channels=3, expand_animations=False)
        return tf.image.resize(x, (size, size)), y
    return (tf.data.Dataset.from_tensor_slices((paths, labels)).map(load, num_parallel_calls=tf.data.AUTOTUNE)
            .batch(batch).prefetch(tf.data.AUTOTUNE))

def keras_dirs(split_dirs, size, batch):
    "(b) keras.utils.image_dataset_from_directory on each split folder, concatenated."
    dss = [keras.utils.image_dataset_from_directory(d, image_size=(size, size), batch_size=batch, shuffle=False, verbose=False)
           for d in split_dirs]
    out = dss[0]
    for d in dss[1:]: out = out.concatenate(d)
    return out

def timed(make):
    "Images/s of building a dataset and iterating it once; also returns the dataset."
    t = time.perf_counter(); ds = make(); n = count(ds)
    return n / (time.perf_counter() - t), n, ds

TARGETS = (('first epoch / (a) plain tf.data', 'ours first epoch', '(a) plain tf.data', 0.9),
           ('first epoch / (b) image_dataset_from_directory', 'ours first epoch', '(b) image_dataset_from_directory', 1.0),
           ('cached epoch / first epoch', 'ours cached epoch', 'ours first epoch', 10.0))

def ours(samples, size, batch, res):
    "Our first epoch (decode + serve) and, on the same dataset, a cached epoch; streaming (cache=None) too."
    rate, n, ds = timed(lambda: make_dataset(samples, image_size=size, batch_size=batch))
    res['ours first epoch'].append(rate)
    t = time.perf_counter(); count(ds); res['ours cached epoch'].append(n / (time.perf_counter() - t))

def memory_floor(n, size, batch):
    "The least work a reshuffled cached epoch can do: gather batches of float32 images already decoded in memory."
    images = tf.zeros((n, size, size, 3), tf.float32)
    ds = (tf.data.Dataset.from_tensor_slices(tf.range(n)).shuffle(n, seed=0).batch(batch)
          .map(lambda i: (tf.gather(images, i), i), num_parallel_calls=tf.data.AUTOTUNE).prefetch(tf.data.AUTOTUNE))
    count(ds)  # trace once
    t = time.perf_counter(); count(ds)
    return n / (time.perf_counter() - t)

def load() -> str: return '%.2f %.2f %.2f' % os.getloadavg()

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('data', nargs='?', default=str(Path(__file__).resolve().parents[2] / 'shared' / 'data' / 'jellyfish'))
    ap.add_argument('--size', type=int, default=128)
    ap.add_argument('--batch', type=int, default=32)
    ap.add_argument('--repeats', type=int, default=3)
    args = ap.parse_args()
    samples = load_samples(args.data)
    paths, labels = samples.table['path'].tolist(), samples.y
    split_dirs = sorted({str(Path(p).parent.parent) for p in paths})
    for p in paths: Path(p).read_bytes()  # warm the OS file cache so every method reads from memory
    count(plain_tf(paths[:64], labels[:64], args.size, args.batch))  # warm TensorFlow up (thread pools, kernels) once
    res = {k: [] for k in ('ours first epoch', 'ours cached epoch', 'ours streaming (cache=None)', '(a) plain tf.data', '(b) image_dataset_from_directory',
                           'memory floor (shuffled gather)')}
    methods = [lambda: ours(samples, args.size, args.batch, res),
               lambda: res['ours streaming (cache=None)'].append(timed(lambda: make_dataset(samples, image_size=args.size, batch_size=args.batch, cache=None))[0]),
               lambda: res['(a) plain tf.data'].append(timed(lambda: plain_tf(paths, labels, args.size, args.batch))[0]),
               lambda: res['(b) image_dataset_from_directory'].append(timed(lambda: keras_dirs(split_dirs, args.size, args.batch))[0]),
               lambda: res['memory floor (shuffled gather)'].append(memory_floor(len(paths), args.size, args.batch))]
    load_before = load()
    for r in range(args.repeats):
        for m in methods[r % len(methods):] + methods[:r % len(methods)]: m()
    med = {k: statistics.median(v) for k, v in res.items()}
    print(f'data: {args.data} ({len(paths)} images), image size {args.size}, batch {args.batch}, {os.cpu_count()} CPU cores, '
          f'median of {args.repeats} interleaved repeats; load average (1, 5, 15 min) before {load_before}, after {load()}')
    for k, v in med.items(): print(f'{k:<36}{v:9.0f} images/s   (runs: {", ".join(f"{x:.0f}" for x in res[k])})')
    for name, num, den, target in TARGETS:
        ratio = med[num] / med[den]
        print(f'{name:<48}{ratio:6.2f}x  target >= {target:g}  {"PASS" if ratio >= target else "FAIL"}')
    needed = 10 * 0.9 * med['(a) plain tf.data']  # a cached epoch 10x a first epoch that is 0.9x the plain loop
    print(f'both targets at once need a cached epoch of >= {needed:.0f} images/s; serving a reshuffled epoch of decoded float32 '
          f'images from memory (no decoding at all) runs at {med["memory floor (shuffled gather)"]:.0f} images/s here')

if __name__ == '__main__': main()
