"""Audit speed on 100,000 short texts (issue 18: under 60 s): the reference reviews five times over, each copy with a
different number appended to most texts, so there are exact duplicates, near duplicates and distinct texts.

    python bench/text_audit_speed.py [--rows 100000]
"""
import argparse, time, warnings
import numpy as np, pandas as pd
import dl_project
from dl_project.data import samples_from_table
from dl_project.kinds.text.audit import audit_texts

DATA = '/work/shared/data/nsmc/reviews.csv'

def texts(rows: int, seed: int = 0) -> pd.DataFrame:
    "`rows` texts and labels made from the reference reviews (see above)."
    reviews = pd.read_csv(DATA).dropna(subset=['review', 'sentiment'])
    reviews = reviews[reviews.review.str.strip() != '']
    picked = reviews.sample(rows, replace=True, random_state=seed).reset_index(drop=True)
    rng = np.random.default_rng(seed)
    tail = np.where(rng.random(rows) < 0.8, ' ' + pd.Series(rng.integers(0, 10**6, rows)).astype(str), '')
    return pd.DataFrame({'text': picked.review + tail, 'label': picked.sentiment})

def main(rows: int):
    table = texts(rows)
    with warnings.catch_warnings():
        warnings.simplefilter('ignore')
        samples = samples_from_table(table, kind='text', features=['text'])
    start = time.perf_counter()
    report = audit_texts(samples)
    seconds = time.perf_counter() - start
    near = sum(c['kind'] == 'near' for c in report['duplicates'])
    print(f"audit of {len(samples):,} texts (median {table.text.str.len().median():.0f} characters): {seconds:.1f} s; "
          f"{len(report['duplicates']):,} duplicate clusters ({near:,} with near duplicates), {report['leaks']:,} across splits, "
          f"{report['label_conflicts']:,} with conflicting labels")

if __name__ == '__main__':
    p = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    p.add_argument('--rows', type=int, default=100_000)
    main(p.parse_args().rows)
