"""First-epoch and cached-epoch images/s of `make_dataset` vs a plain tf.data loop and Keras' directory loader.

Usage: TF_CPP_MIN_LOG_LEVEL=3 .venv/bin/python bench/pipeline_speed.py [DATA] [--size 128] [--repeats 3]
(DATA defaults to ../shared/data/jellyfish; the methods run interleaved, each figure is the median of the repeats.)
"""
import argparse, os, statistics, time
from pathlib import Path
os.environ.setdefault('TF_CPP_MIN_LOG_LEVEL', '3')
import tensorflow as tf, keras
from dl_project.data import load_samples
from dl_project.pipeline import make_dataset

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
    res = {k: [] for k in ('ours first epoch', 'ours cached epoch', 'ours streaming (cache=None)', '(a) plain tf.data', '(b) image_dataset_from_directory')}
    for r in range(args.repeats):
        rate, n, ds = timed(lambda: make_dataset(samples, image_size=args.size, batch_size=args.batch))
        res['ours first epoch'].append(rate)
        t = time.perf_counter(); count(ds); res['ours cached epoch'].append(n / (time.perf_counter() - t))
        res['ours streaming (cache=None)'].append(timed(lambda: make_dataset(samples, image_size=args.size, batch_size=args.batch, cache=None))[0])
        res['(a) plain tf.data'].append(timed(lambda: plain_tf(paths, labels, args.size, args.batch))[0])
        res['(b) image_dataset_from_directory'].append(timed(lambda: keras_dirs(split_dirs, args.size, args.batch))[0])
    med = {k: statistics.median(v) for k, v in res.items()}
    print(f'data: {args.data} ({n} images), image size {args.size}, batch {args.batch}, {os.cpu_count()} CPU cores, '
          f'median of {args.repeats} interleaved repeats')
    for k, v in med.items(): print(f'{k:<36}{v:9.0f} images/s')
    print(f'first epoch / (a) plain tf.data        {med["ours first epoch"] / med["(a) plain tf.data"]:6.2f}x  (target >= 0.9)')
    print(f'first epoch / (b) image_dataset_from.. {med["ours first epoch"] / med["(b) image_dataset_from_directory"]:6.2f}x  (target >= 1.0)')
    print(f'cached epoch / first epoch             {med["ours cached epoch"] / med["ours first epoch"]:6.2f}x  (target >= 10)')

if __name__ == '__main__': main()
