#!/usr/bin/env python
"""Near-copy recall and false clusters of the table and text audits (issue 27, item 1).

    python bench/near_copies.py > bench/results/near_copies.md     # about 4 minutes on 2 cores

Real data, as it is: clusters found, and **false clusters**: a cluster holding two texts of 20 or more content
characters (`contents`) more than 3 character edits apart (Levenshtein, on every pair of the cluster), or two
table rows that differ in a non-measured column or by more than `NEAR_SPREAD` spreads in a measured one.
Planted copies: every row (table) or 2,000 sampled texts again with a small change; recall is the share of
copies found in the same cluster as their original (the real data stays in, so false joins would show).
Data: the Palmer penguins and scikit-learn's bundled iris, wine, breast cancer and diabetes tables, the Netflix
titles as a table (its `show_id` left out, as the audit leaves out ID-like columns), the NSMC reviews and
the Netflix descriptions (/work/shared/data); random tables of 100,000 rows for the speed and the chance joins.
"""
import sys, time
from itertools import combinations
from pathlib import Path
import numpy as np, pandas as pd
from rapidfuzz.distance import Levenshtein
from dl_project.kinds.table.audit import NEAR_SPREAD, column_spreads, continuous_columns, near_row_ids, row_hashes
from dl_project.kinds.text.audit import contents, duplicate_ids

SHARED = Path('/work/shared/data')
PAIRS_CHECKED = 200   # a cluster larger than this has its rows checked against its first row only

def cluster_rows(ids: np.ndarray) -> list[np.ndarray]:
    "The rows of each cluster of more than one row."
    rows = pd.Series(np.arange(len(ids))).groupby(ids).agg(list)
    return [np.array(r) for r in rows if len(r) > 1]

def joins(ids: np.ndarray) -> int:
    "Rows joined to another: rows less clusters (a row alone is a cluster)."
    return len(ids) - len(np.unique(ids))

def pairs_of(rows: np.ndarray):
    return combinations(rows, 2) if len(rows) <= PAIRS_CHECKED else ((rows[0], r) for r in rows[1:])

def false_table_clusters(table: pd.DataFrame, columns: list[str], ids: np.ndarray) -> int:
    "Clusters with two rows beyond the tolerance: a non-measured column unequal, or a measured one more than NEAR_SPREAD spreads apart."
    measured = continuous_columns(table, columns)
    other = [c for c in columns if c not in measured]
    values = table[measured].astype(float)
    scaled = (values / column_spreads(values.where(np.isfinite(values)))).to_numpy()
    exact = row_hashes(table, other) if other else np.zeros(len(table))  # missing equals missing
    def beyond(a, b):
        gap = np.abs(scaled[a] - scaled[b])
        return exact[a] != exact[b] or bool((np.nan_to_num(gap, nan=0) > NEAR_SPREAD).any())
    return sum(any(beyond(a, b) for a, b in pairs_of(rows)) for rows in cluster_rows(ids))

def false_text_clusters(texts: pd.Series, ids: np.ndarray) -> int:
    "Clusters with two texts of 20+ content characters more than 3 edits apart."
    said = contents(texts).to_numpy()
    def beyond(a, b): return min(len(said[a]), len(said[b])) >= 20 and Levenshtein.distance(said[a], said[b], score_cutoff=4) > 3
    return sum(any(beyond(a, b) for a, b in pairs_of(rows)) for rows in cluster_rows(ids))

def noisy(table: pd.DataFrame, columns: list[str], eps: float, rng) -> pd.DataFrame:
    "`table` with each value of `columns` moved by up to `eps` of itself (of the column's spread where that is larger: zeros move too)."
    moved = table.copy()
    for c in columns:
        x = moved[c].astype(float)
        spread = column_spreads(x.where(np.isfinite(x)).to_frame()).iloc[0]
        moved[c] = x + eps * np.maximum(np.abs(x), spread) * rng.uniform(-1, 1, len(x))
    return moved

def table_lines(name: str, table: pd.DataFrame, rng) -> list[str]:
    "Real rows as they are, then each row plus a noisy copy (noise on the measured columns, and at 1e-9 on every numeric column)."
    columns = list(table.columns)
    start = time.perf_counter(); ids = near_row_ids(table, columns); seconds = time.perf_counter() - start
    lines = [f'| {name} | real rows | {len(table)} | {len(cluster_rows(ids))} clusters | {joins(ids)} | {false_table_clusters(table, columns, ids)} | {seconds:.2f} |']
    numeric = [c for c in columns if pd.api.types.is_numeric_dtype(table[c]) and not pd.api.types.is_bool_dtype(table[c])]
    for what, eps, noised in [('1e-9 of each value, every numeric column', 1e-9, numeric)] + [
            (f'{eps:g} of each value, measured columns', eps, continuous_columns(table, columns)) for eps in (1e-9, 1e-6, 1e-3)]:
        both = pd.concat([table, noisy(table, noised, eps, rng)], ignore_index=True)
        start = time.perf_counter(); ids = near_row_ids(both, columns); seconds = time.perf_counter() - start
        n, found = len(table), ids[:len(table)] == ids[len(table):]
        lines.append(f'| {name} | + copy, noise {what} | {len(both)} | {found.mean():.4f} | {joins(ids) - found.sum()} | '
                     f'{false_table_clusters(both, columns, ids)} | {seconds:.2f} |')
    return lines

def changed_letter(text: str, rng) -> str:
    "`text` with one letter or digit replaced (a Hangul syllable by another, anything else by a Latin letter)."
    spots = [i for i, c in enumerate(text) if c.isalnum()]
    if not spots: return text + 'x'
    i = rng.choice(spots)
    new = chr(0xAC00 + rng.integers(11172)) if '가' <= text[i] <= '힣' else rng.choice(list('abcdefghijklmnopqrstuvwxyz'))
    return text[:i] + (new if new != text[i] else 'q') + text[i + 1:]

CHANGES = {'`!!`': lambda t, rng: t + '!!', '` ㅋㅋ`': lambda t, rng: t + ' ㅋㅋ', '`...`': lambda t, rng: t + '...',
           'an emoji': lambda t, rng: t + ' 😂', 'one letter changed': changed_letter}

def text_lines(name: str, texts: pd.Series, rng, sample: int = 2000) -> list[str]:
    "Real texts as they are, then 2,000 sampled texts copied with each change (recall also on 10+ content characters, where one edit is allowed)."
    start = time.perf_counter(); ids = duplicate_ids(texts); seconds = time.perf_counter() - start
    lines = [f'| {name} | real texts | {len(texts)} | {len(cluster_rows(ids))} clusters | {joins(ids)} | {false_text_clusters(texts, ids)} | {seconds:.2f} |']
    said = contents(texts)
    chosen = rng.choice(np.flatnonzero((said != '').to_numpy()), sample, replace=False)
    long = (said.iloc[chosen].str.len() >= 10).to_numpy()
    for what, change in CHANGES.items():
        copies = pd.Series([change(texts.iloc[i], rng) for i in chosen])
        both = pd.concat([texts, copies], ignore_index=True)
        start = time.perf_counter(); ids = duplicate_ids(both); seconds = time.perf_counter() - start
        found = ids[chosen] == ids[len(texts):]
        lines.append(f'| {name} | + {sample} copies, {what} | {len(both)} | {found.mean():.4f} (10+ characters: {found[long].mean():.4f}) | '
                     f'{joins(ids) - found.sum()} | {false_text_clusters(both, ids)} | {seconds:.2f} |')
    return lines

def random_table(n: int, rng, measured: int = 4) -> pd.DataFrame:
    return pd.DataFrame({**{f'x{k}': rng.normal(size=n) * 10 ** k for k in range(measured)},
                         'kind': rng.choice(list('abc'), n), 'count': rng.integers(0, 2, n)})

def main():
    from palmerpenguins import load_penguins
    from sklearn import datasets
    rng = np.random.default_rng(0)
    head = ['| data | case | rows | recall (real: clusters) | joins besides the planted pairs | false clusters | seconds |', '|---|---|---|---|---|---|---|']
    tables = {'penguins': load_penguins().drop(columns='species')}
    for loader in ('iris', 'wine', 'breast_cancer', 'diabetes'):
        bunch = getattr(datasets, f'load_{loader}')(as_frame=True)
        tables[loader] = bunch.data
    tables['netflix (table)'] = pd.read_csv(SHARED / 'netflix' / 'netflix_titles.csv').drop(columns='show_id')
    tables['random, 4 measured + 2 counted columns'] = random_table(100_000, rng)
    tables['random, 1 measured + 2 counted columns'] = random_table(100_000, rng, measured=1)
    lines = ['## Tables', '', *head]
    for name, table in tables.items(): lines += table_lines(name, table, rng); print(lines[-1], file=sys.stderr)
    lines += ['', '## Texts', '', *head]
    nsmc = pd.read_csv(SHARED / 'nsmc' / 'reviews.csv')['review'].fillna('').astype(str)
    netflix = pd.read_csv(SHARED / 'netflix' / 'netflix_titles.csv')['description'].fillna('').astype(str)
    for name, texts in (('nsmc reviews', nsmc), ('netflix descriptions', netflix)): lines += text_lines(name, texts, rng); print(lines[-1], file=sys.stderr)
    print('\n'.join(lines))

if __name__ == '__main__': main()
