#!/usr/bin/env python
"""Recordings decoded (and their log-mel features made) per second: `AudioCache` (decode, resample, pad or crop) then
`AudioInputs` (log-mel spectrograms for every recording, the baseline's band statistics), on one-second recordings
written here (16-bit mono WAV, 8 kHz by default), or on a folder of recordings.

    python bench/audio_decode_speed.py                    # 2,000 one-second recordings made in a temporary folder, 2 threads
    python bench/audio_decode_speed.py --n 5000 --rate 16000
    python bench/audio_decode_speed.py --folder ../shared/data/fsdd/recordings --label-pattern '^(\d+)_'

Prints recordings per second for decoding alone and for decoding plus features (target: at least 1,000 per second on 2 cores).
"""
import argparse, os, tempfile, time, warnings
from pathlib import Path
import numpy as np

def make_recordings(folder: Path, n: int, rate: int, seed: int = 0):
    "`n` one-second 16-bit WAV files of noisy tones in two class folders."
    import soundfile as sf
    rng = np.random.default_rng(seed)
    t = np.arange(rate) / rate
    for i in range(n):
        label = f'c{i % 2}'
        (folder / label).mkdir(parents=True, exist_ok=True)
        wave = 0.3 * np.sin(2 * np.pi * rng.uniform(200, 2000) * t) + 0.05 * rng.standard_normal(rate)
        sf.write(folder / label / f'{i}.wav', wave.astype(np.float32), rate, subtype='PCM_16')

def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument('--n', type=int, default=2000, help='recordings to make (without --folder)')
    p.add_argument('--rate', type=int, default=8000, help='their sample rate')
    p.add_argument('--folder', help='measure this folder of recordings instead')
    p.add_argument('--label-pattern', help='regex for labels in file names (flat --folder)')
    p.add_argument('--threads', type=int, default=2, help='decoder threads (the target is for 2 cores)')
    a = p.parse_args()
    os.environ.setdefault('TF_CPP_MIN_LOG_LEVEL', '3')
    from dl_project.kinds.audio.kind import AudioCache, AudioInputs, audio_settings, load_audio
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(a.folder) if a.folder else Path(tmp)
        if not a.folder: make_recordings(folder, a.n, a.rate)
        with warnings.catch_warnings():
            warnings.simplefilter('ignore')
            samples = load_audio(folder, label_pattern=a.label_pattern)
        settings = audio_settings(samples)
        start = time.perf_counter()
        cache = AudioCache(samples, **settings, workers=a.threads)
        decoded = time.perf_counter() - start
        inputs = AudioInputs(samples, cache)
        inputs.baseline_features()
        total = time.perf_counter() - start
    n, seconds = len(samples), settings['duration']
    print(f'{n} recordings ({settings["sample_rate"]} Hz, {seconds:g} s each after padding or cropping), {a.threads} threads:')
    print(f'decode: {n / decoded:,.0f} recordings/s ({decoded:.2f} s); decode + log-mel + band statistics: {n / total:,.0f} recordings/s ({total:.2f} s)')

if __name__ == '__main__': main()
