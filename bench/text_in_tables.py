#!/usr/bin/env python
"""How a free-text column enters gradient boosting in a mixed table (issue 28, item 2).

    PYTHONPATH=. OMP_NUM_THREADS=1 python bench/text_in_tables.py [netflix|ramen]   # the Markdown tables of bench/results/text_in_tables.md

Gradient boosting (the table's default baseline, 'hgb') cannot take the sparse TF-IDF of a text column. Three ways,
each measured in 5-fold CV (fixed seed 0, the same folds for all) against the same model without the text columns:
- (a) `svd`: the TF-IDF's `SVD_COMPONENTS` TruncatedSVD components, dense, beside the other columns;
- (b) `oof`: the out-of-fold scores of a linear model of the TF-IDF alone (logistic regression's decision values for
  classes, a ridge's prediction for numbers), computed by an inner 5-fold CV inside the training rows of each fold
  (stacking: the scores the trees learn from are never those of a model that saw the row), the linear model refit on
  all training rows for the held-out rows;
- (c) `linear`: no trees: the task's linear model (logistic regression C=0.05, or ridge) on every column (TF-IDF,
  one-hot, multi-hot, standardised numbers and date parts).
Data: the shared Netflix titles, `type` from everything but the giveaways `duration` and `listed_in` and the ID
`show_id` (text columns `description` and `title`), and a ramen-ratings-like table made here (2,750 rows: a variety
name of 3 to 6 words, brand, style, country; stars 0 to 5 with 'NR'/'Unrated' cells left out; a signal planted in
every column).
"""
import sys, time, warnings
import numpy as np, pandas as pd
from sklearn.base import BaseEstimator, TransformerMixin, clone
from sklearn.compose import ColumnTransformer
from sklearn.ensemble import HistGradientBoostingClassifier, HistGradientBoostingRegressor
from sklearn.linear_model import LogisticRegression, Ridge
from sklearn.metrics import accuracy_score, mean_absolute_error, roc_auc_score
from sklearn.model_selection import KFold, StratifiedKFold, cross_val_predict
from sklearn.pipeline import make_pipeline
from dl_project.kinds.text.kind import ngram_features
from dl_project.kinds.table.kind import tabular_preprocessor

SEED, FOLDS = 0, 5
NETFLIX = '/work/shared/data/netflix/netflix_titles.csv'

def ramen_like(n: int = 2750, seed: int = 0) -> tuple[pd.DataFrame, pd.Series]:
    "A ramen-ratings-like table: variety (3-6 words), brand, style, country, stars (as the CSV has them: 'NR', 'Unrated' cells)."
    rng = np.random.default_rng(seed)
    good, bad = ['Tonkotsu', 'Laksa', 'Curry', 'Black Garlic', 'Sesame'], ['Artificial', 'Plain', 'Vegetable', 'Light', 'Cup Noodle']
    neutral = ['Chicken', 'Beef', 'Shrimp', 'Spicy', 'Soy Sauce', 'Miso', 'Kimchi', 'Tom Yum', 'Instant', 'Noodles', 'Ramen',
               'Flavour', 'Udon', 'Hot', 'Original', 'Bowl', 'Style', 'Seafood', 'Pork', 'Mushroom']
    brands = [f'Brand{i:03d}' for i in range(300)]
    brand_p = 1 / np.arange(1, 301) ** 0.9
    brand = rng.choice(brands, n, p=brand_p / brand_p.sum())
    styles = {'Pack': 0.0, 'Bowl': 0.1, 'Cup': -0.5, 'Tray': 0.2, 'Box': 0.7}
    style = rng.choice(list(styles), n, p=[.55, .18, .18, .06, .03])
    countries = [f'Country{i:02d}' for i in range(35)]
    country = rng.choice(countries, n)
    country_effect = dict(zip(countries, rng.normal(0, 0.35, 35)))
    brand_effect = dict(zip(brands, rng.normal(0, 0.5, 300)))
    varieties, word_effect = [], []
    for _ in range(n):
        k = rng.integers(3, 7)
        signal = rng.choice(good + bad) if rng.random() < 0.5 else None
        words = list(rng.choice(neutral, k - (signal is not None), replace=False)) + ([signal] if signal else [])
        rng.shuffle(words)
        varieties.append(' '.join(words))
        word_effect.append(0.6 if signal in good else -0.6 if signal in bad else 0.0)
    stars = (3.6 + np.array(word_effect) + np.vectorize(brand_effect.get)(brand) + np.vectorize(styles.get)(style)
             + np.vectorize(country_effect.get)(country) + rng.normal(0, 0.6, n))
    stars = pd.Series(np.clip(np.round(stars * 4) / 4, 0, 5)).astype(str)
    stars[rng.random(n) < 0.01] = rng.choice(['NR', 'Unrated'])
    frame = pd.DataFrame({'variety': varieties, 'brand': brand, 'style': style, 'country': country})
    return frame, stars

class TextScores(TransformerMixin, BaseEstimator):
    "A text column's out-of-fold linear scores (stacking): an inner K-fold on the training rows, the model refit on all of them for new rows."
    def __init__(self, classify: bool = True, folds: int = FOLDS): self.classify, self.folds = classify, folds

    def _model(self):
        return make_pipeline(ngram_features('logreg' if self.classify else 'linear'),
                             LogisticRegression(C=0.05, max_iter=1000) if self.classify else Ridge())

    def _scores(self, model, X) -> np.ndarray:
        out = model.decision_function(X) if self.classify else model.predict(X)
        return np.asarray(out, float).reshape(len(X), -1)

    def fit_transform(self, X, y):
        X = pd.DataFrame(X).iloc[:, 0].fillna('').astype(str)
        cv = (StratifiedKFold if self.classify else KFold)(self.folds, shuffle=True, random_state=SEED)
        oof = cross_val_predict(self._model(), X, y, cv=cv, method='decision_function' if self.classify else 'predict')
        self.model_ = self._model().fit(X, y)
        oof = np.asarray(oof, float).reshape(len(X), -1)
        self.n_scores_ = oof.shape[1]
        return oof

    def fit(self, X, y): self.fit_transform(X, y); return self
    def transform(self, X): return self._scores(self.model_, pd.DataFrame(X).iloc[:, 0].fillna('').astype(str))
    def get_feature_names_out(self, input_features=None): return np.asarray([f'score{i}' for i in range(self.n_scores_)], object)

def _one_text(step):
    "`step` on the 1-D texts of one column (TF-IDF takes 1-D input)."
    from sklearn.preprocessing import FunctionTransformer
    return make_pipeline(FunctionTransformer(lambda X: pd.DataFrame(X).iloc[:, 0].fillna('').astype(str), feature_names_out='one-to-one'), step)

def pipeline(way: str, others: list[str], texts: list[str], classify: bool):
    "The model of `way` ('none': gradient boosting without the texts, 'svd', 'oof', 'linear', 'linear_none')."
    model = 'hgb' if way in ('none', 'svd', 'oof') else 'linear'
    rest = [('rest', tabular_preprocessor(model), others)]
    if way == 'svd': rest += [(f'text_{c}', _one_text(ngram_features('hgb')), [c]) for c in texts]
    if way == 'oof': rest += [(f'text_{c}', TextScores(classify), [c]) for c in texts]
    if way == 'linear': rest += [(f'text_{c}', _one_text(ngram_features('logreg' if classify else 'linear')), [c]) for c in texts]
    front = ColumnTransformer(rest, verbose_feature_names_out=False)
    if model == 'hgb':
        front.set_output(transform='pandas')
        last = (HistGradientBoostingClassifier if classify else HistGradientBoostingRegressor)(random_state=SEED)
    else: last = LogisticRegression(C=0.05, max_iter=2000) if classify else Ridge()
    return make_pipeline(front, last)

def measure(name: str, frame: pd.DataFrame, y: np.ndarray, texts: list[str], classify: bool) -> list[str]:
    "Rows of the Markdown table: each way's CV score (mean ± standard deviation over the folds) and seconds."
    others = [c for c in frame.columns if c not in texts]
    cv = (StratifiedKFold if classify else KFold)(FOLDS, shuffle=True, random_state=SEED)
    rows = []
    for way in ('none', 'svd', 'oof', 'linear_none', 'linear'):
        start, scores = time.perf_counter(), []
        for train, test in cv.split(frame, y):
            with warnings.catch_warnings():
                warnings.simplefilter('ignore')
                model = pipeline(way, others, texts, classify).fit(frame.iloc[train], y[train])
            if classify:
                p = model.predict_proba(frame.iloc[test])[:, 1]
                scores.append((accuracy_score(y[test], p > 0.5), roc_auc_score(y[test], p)))
            else: scores.append((mean_absolute_error(y[test], model.predict(frame.iloc[test])),))
        s = np.array(scores)
        cells = ' | '.join(f'{m:.3f} ± {d:.3f}' for m, d in zip(s.mean(0), s.std(0)))
        rows.append(f'| {name} | {way} | {cells} | {time.perf_counter() - start:.0f} |')
        print(rows[-1], file=sys.stderr)
    return rows

def main(which: str = 'both'):
    "Print the Markdown tables (`which`: 'netflix', 'ramen' or 'both')."
    if which in ('both', 'netflix'):
        netflix = pd.read_csv(NETFLIX, dtype=str).dropna(subset=['type'])
        y = (netflix.pop('type') == 'TV Show').to_numpy(int)
        netflix = netflix.drop(columns=['show_id', 'duration', 'listed_in']).assign(release_year=lambda f: pd.to_numeric(f.release_year))
        print(f'\nNetflix `type` (TV Show = 1; always Movie: accuracy {1 - y.mean():.3f}), {len(y)} rows:\n')
        print('| table | way | accuracy | ROC-AUC | seconds (5 folds) |\n|---|---|---|---|---|')
        print('\n'.join(measure('netflix', netflix, y, ['description', 'title'], True)), flush=True)
    if which in ('both', 'ramen'):
        ramen, stars = ramen_like()
        rated = pd.to_numeric(stars, errors='coerce').notna().to_numpy()
        ry = pd.to_numeric(stars[rated]).to_numpy(float)
        print(f'\nRamen-like stars ({rated.sum()} rated rows of {len(rated)}; MAE of the median: {np.abs(ry - np.median(ry)).mean():.3f}):\n')
        print('| table | way | MAE | seconds (5 folds) |\n|---|---|---|---|')
        print('\n'.join(measure('ramen-like', ramen[rated].reset_index(drop=True), ry, ['variety'], False)), flush=True)

if __name__ == '__main__': main(*sys.argv[1:2])
