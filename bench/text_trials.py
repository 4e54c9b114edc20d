"""Quick trials of the text networks on the reference reviews (sentiment, grouped by movie): one grouped hold-out fold per
configuration, the run's recipe (AdamW, cosine schedule, label smoothing), seconds per epoch and the held-out scores.

    python bench/text_trials.py [--epochs 8] [--only NAME ...]   # prints a Markdown table (bench/results/text_trials.md)
"""
import argparse, time, warnings
import numpy as np
from sklearn.metrics import balanced_accuracy_score, roc_auc_score
from sklearn.model_selection import StratifiedGroupKFold
import dl_project
from dl_project.cv import make_learner
from dl_project.kinds import load_dataset
from dl_project.kinds.text.kind import TextInputs

DATA = '/work/shared/data/nsmc/reviews.csv'
TRIALS = {  # name -> (network, token mode, batch size, builder options)
    'cnn char 64/128 b64': ('text_cnn', 'char', 64, {}),
    'cnn char 32/64 b256': ('text_cnn', 'char', 256, {'embedding': 32, 'filters': 64}),
    'cnn char 64/128 b256': ('text_cnn', 'char', 256, {}),
    'cnn char 32/64 b64': ('text_cnn', 'char', 64, {'embedding': 32, 'filters': 64}),
    'cnn word 64/128 b64': ('text_cnn', 'word', 64, {}),
    'gru char 32 b256': ('text_gru', 'char', 256, {'embedding': 32, 'units': 32}),
    'gru word 32 b256': ('text_gru', 'word', 256, {'embedding': 32, 'units': 32}),
}

def main(epochs: int, only: list[str]):
    with warnings.catch_warnings():
        warnings.simplefilter('ignore')
        samples = load_dataset(DATA, 'sentiment', group='movie_id', text='review')
    pool = np.flatnonzero(samples.table['split'].to_numpy() != 'test')
    train, held = next(StratifiedGroupKFold(5, shuffle=True, random_state=0).split(pool, samples.y[pool], samples.table['group'].iloc[pool]))
    train, held = pool[train], pool[held]
    print(f'{len(train)} training and {len(held)} held-out reviews (grouped by movie), {epochs} epochs each\n')
    print('| trial | s/epoch | balanced accuracy | ROC AUC |\n|---|---|---|---|')
    for name, (net, tokens, batch, options) in TRIALS.items():
        if only and name not in only: continue
        inputs = TextInputs(samples, tokens)
        learner = make_learner(net, epochs=epochs, batch_size=batch, lr=2e-3, weight_decay=0.05, label_smoothing=0.1,
                               schedule='cosine', model_options=options)
        start = time.perf_counter()
        model, _ = learner.fit(inputs, train, seed=0)
        seconds = (time.perf_counter() - start) / epochs
        proba = learner.predict(model, inputs, held)
        y = samples.y[held]
        print(f'| {name} | {seconds:.1f} | {balanced_accuracy_score(y, proba.argmax(1)):.3f} | {roc_auc_score(y, proba[:, 1]):.3f} |', flush=True)

if __name__ == '__main__':
    p = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    p.add_argument('--epochs', type=int, default=8)
    p.add_argument('--only', nargs='*', default=[])
    a = p.parse_args()
    main(a.epochs, a.only)
