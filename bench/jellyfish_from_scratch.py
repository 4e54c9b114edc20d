"""Jellyfish from scratch: the `jellyfish` recipe of `dl_project.improve.recipe` on the full-size data, no pretrained weights.

Trains on Train + valid (the `valid` split's 39 images are pooled into training) under a hard training budget
(default 20 minutes of wall-clock time; a callback stops training when it is spent), then prints the train
minutes, the test accuracy without and with flip TTA, and the test accuracy on the test images that are not
near-duplicates of training images (audit duplicate clusters). `--cv` adds a K-fold CV mean ± std of the recipe
at a lower cost (`--cv-budget` minutes per fold).

    TF_CPP_MIN_LOG_LEVEL=3 .venv/bin/python bench/jellyfish_from_scratch.py [--data PATH] [--budget 20] [--cv]
    # with the augmentation and mixing the benchmark suite chose for `dl-project run` (60 epochs and more: MixUp)
    .venv/bin/python bench/jellyfish_from_scratch.py --augment upright --mix mixup --out bench/results/jellyfish_from_scratch_suite_defaults.json
"""
import argparse, json, os, sys, time
os.environ.setdefault('TF_CPP_MIN_LOG_LEVEL', '3')
import numpy as np

def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument('--data', default='/work/shared/data/jellyfish', help='dataset folder (Train_Test_Valid layout)')
    p.add_argument('--preset', default='jellyfish', help='a key of dl_project.improve.recipe.RECIPES')
    p.add_argument('--budget', type=float, default=20.0, help='training budget in minutes')
    p.add_argument('--clock', default='wall', choices=['wall', 'cpu'], help="'cpu': CPU time / cores (estimate on a shared machine)")
    p.add_argument('--epochs', type=int, default=None, help='planned epochs of the cosine schedule (preset default if omitted)')
    p.add_argument('--image-size', type=int, default=None, help='image side in pixels (preset default if omitted)')
    p.add_argument('--mix', default=None, choices=['none', 'mixup', 'cutmix'], help='batch mixing (preset default if omitted)')
    p.add_argument('--augment', default=None, help="augmentation preset (dl_project.kinds.image.augment), e.g. 'upright', the run's default (preset default if omitted)")
    p.add_argument('--seed', type=int, default=42)
    p.add_argument('--cv', action='store_true', help='also cross-validate the recipe on train+valid')
    p.add_argument('--folds', type=int, default=5)
    p.add_argument('--cv-budget', type=float, default=4.0, help='training minutes per CV fold')
    p.add_argument('--out', default='bench/results/jellyfish_from_scratch.json', help='where to save the figures')
    a = p.parse_args(argv)

    from dl_project.core import enable_determinism, save_json
    from dl_project.data import load_samples, group_by_name, apply_audit
    from dl_project.kinds.image.audit import audit
    from dl_project.kinds.image.pipeline import ImageCache
    from dl_project.improve.recipe import recipe_options, train_recipe, evaluate_recipe, cv_recipe

    enable_determinism(a.seed)
    overrides = {'budget_minutes': a.budget, 'clock': a.clock}
    if a.epochs: overrides['epochs'] = a.epochs
    if a.image_size: overrides['image_size'] = a.image_size
    if a.mix: overrides['mix'] = None if a.mix == 'none' else a.mix
    if a.augment: overrides['augment'] = a.augment
    options = recipe_options(a.preset, **overrides)
    report = audit(a.data)
    samples = group_by_name(apply_audit(load_samples(a.data), report))  # duplicate clusters and aug-* copies as groups
    leaked = {path for c in report['duplicates'] if c['leak'] for path in c['paths']}
    rel = samples.relative_paths()
    test = np.flatnonzero(samples.table['split'] == 'test')
    clean = test[~rel.iloc[test].isin(leaked).to_numpy()]
    start = time.perf_counter()
    cache = ImageCache(samples, options['image_size'])
    decode_s = time.perf_counter() - start
    trained = train_recipe(samples, a.preset, cache=cache, seed=a.seed, **overrides)
    full, dedup = evaluate_recipe(trained, samples, test, cache), evaluate_recipe(trained, samples, clean, cache)
    load = os.getloadavg()
    result = {'preset': a.preset, 'options': {k: v for k, v in options.items()}, 'trained_on': 'train + valid',
              'n_train': int(samples.table['split'].isin(['train', 'valid']).sum()), 'decode_s': decode_s,
              'train_minutes': trained['train_minutes'], 'clock': a.clock, 'epochs': trained['epochs'],
              'test_accuracy': full['accuracy'], 'test_accuracy_tta': full['accuracy_tta'], 'n_test': full['n'],
              'clean_test_accuracy': dedup['accuracy'], 'clean_test_accuracy_tta': dedup['accuracy_tta'], 'n_clean_test': dedup['n'],
              'load_average': load, 'cpus': os.cpu_count()}
    print(f"train minutes ({a.clock} clock): {trained['train_minutes']:.1f} over {trained['epochs']} epochs "
          f"(decode {decode_s:.0f} s; load average {load[0]:.1f} on {os.cpu_count()} CPUs)")
    print(f"test accuracy: {full['accuracy']:.3f} without TTA, {full['accuracy_tta']:.3f} with flip TTA (n={full['n']})")
    print(f"test accuracy on non-duplicate test images: {dedup['accuracy']:.3f} without TTA, "
          f"{dedup['accuracy_tta']:.3f} with TTA (n={dedup['n']}; {full['n'] - dedup['n']} near-duplicates of training photos left out)")
    if a.cv:
        folds = cv_recipe(samples, a.preset, folds=a.folds, seed=a.seed, cache=cache, **{**overrides, 'budget_minutes': a.cv_budget})
        result['cv'] = folds.to_dict('records')
        print(f"CV ({a.folds} folds, {a.cv_budget:g} training minutes per fold, group-aware): accuracy "
              f"{folds.accuracy.mean():.3f} ± {folds.accuracy.std():.3f}, with TTA {folds.accuracy_tta.mean():.3f} ± {folds.accuracy_tta.std():.3f}")
    save_json(result, a.out)
    return result

if __name__ == '__main__': main()
