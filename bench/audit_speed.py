"""Time `audit` on 10,000 images synthesised from the jellyfish photos (re-encoded, resized, some mirrored copies).

Usage: TF_CPP_MIN_LOG_LEVEL=3 .venv/bin/python bench/audit_speed.py [DATA] [--n 10000] [--keep DIR]
(DATA defaults to ../shared/data/jellyfish; the synthetic folder goes to a temporary directory unless --keep.)
"""
import argparse, os, shutil, tempfile, time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
import numpy as np
from PIL import Image, ImageOps
from dl_project.data import load_samples
from dl_project.kinds.image.audit import audit

def synthesise(samples, folder: Path, n: int, seed: int = 0) -> int:
    "Write `n` JPEGs to `folder/<class>/`: each a jellyfish photo resized (96..320 px), re-encoded (quality 60..95), a quarter mirrored."
    rng = np.random.default_rng(seed)
    rows = samples.table.sample(n, replace=True, random_state=seed).reset_index(drop=True)
    sides, qualities, mirror = rng.integers(96, 321, n), rng.integers(60, 96, n), rng.random(n) < 0.25
    for c in samples.classes: (folder / c).mkdir(parents=True, exist_ok=True)
    def make(i):
        im = Image.open(rows['path'][i]).convert('RGB').resize((int(sides[i]),) * 2)
        if mirror[i]: im = ImageOps.mirror(im)
        im.save(folder / rows['label'][i] / f'{i:05d}.jpg', quality=int(qualities[i]))
    with ThreadPoolExecutor(4) as pool: list(pool.map(make, range(n)))
    return n

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('data', nargs='?', default=str(Path(__file__).resolve().parents[2] / 'shared' / 'data' / 'jellyfish'))
    ap.add_argument('--n', type=int, default=10_000)
    ap.add_argument('--keep', default=None, help='write the synthetic images here and keep them')
    args = ap.parse_args()
    folder = Path(args.keep or tempfile.mkdtemp(prefix='audit_bench_'))
    try:
        t = time.perf_counter(); synthesise(load_samples(args.data), folder / 'synth', args.n)
        print(f'synthesised {args.n} images in {time.perf_counter() - t:.1f} s ({folder / "synth"})')
        for p in (folder / 'synth').rglob('*.jpg'): p.read_bytes()  # warm the OS file cache, as a second audit would find it
        t = time.perf_counter(); report = audit(folder / 'synth'); seconds = time.perf_counter() - t
        print(f'audit of {report["files"]} images: {seconds:.1f} s ({report["files"] / seconds:.0f} images/s, '
              f'{os.cpu_count()} CPU cores; target < 60 s)')
        print(f'found {len(report["duplicates"])} duplicate clusters holding '
              f'{sum(len(c["paths"]) for c in report["duplicates"])} files, {len(report["unreadable"])} unreadable')
    finally:
        if not args.keep: shutil.rmtree(folder)

if __name__ == '__main__': main()
