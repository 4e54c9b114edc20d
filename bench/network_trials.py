"""Trials behind the default network of `dl-project run`: 5-fold group-aware CV and fold-ensemble test accuracy of
small-ResNet variants (input size, stem, widths, epochs, MixUp) on the bundled jellyfish example.

The trials ran on a GPU machine that has JAX but no TensorFlow, so this script has two steps:

  1. here (TensorFlow, the package):  python bench/network_trials.py prepare trials.npz
     decodes the example at 48, 64 and 96 px with the run's audit grouping and fold assignment;
  2. there (Keras 3 on JAX, GPU):     KERAS_BACKEND=jax python bench/network_trials.py trial trials.npz bench/network_trials.json
     trains each configuration on the 5 folds and prints one JSON line per configuration.

Step 2 is a replica, not the package's code path: the `rotate` augmentation is re-implemented as one jitted JAX
function (Keras' preprocessing layers took 10-12 s per epoch on JAX), MixUp is applied in NumPy, and one compiled
model is reset per fold (same initial weights, fresh optimizer state) to avoid recompiling. Its numbers rank the
variants; the defaults' own figures come from `dl-project run` on 2 CPU cores (README).
CONFIGS.json is a list of {"name", "size", "epochs", "mix" ("mixup" or null), "model": options of `models.resnet`}, e.g.
{"name": "patch96", "size": 96, "epochs": 60, "model": {"stem_stride": 4, "widths": [16, 32, 64, 128]}}. (One more
variant, a 3x3 stride-2 stem followed by max-pooling, was tried with a copy of the builder: CV 0.523 ± 0.073 at 96 px
and 30 epochs, not kept.)
"""
import json, math, os, sys, time
import numpy as np

N_CLASSES, SIZES = 6, (48, 64, 96)

def prepare(out: str):
    "Decode the bundled example as `dl-project run` groups and folds it (TensorFlow, the package)."
    import warnings
    from dl_project.datasets import jellyfish
    from dl_project.data import load_samples, apply_audit, group_by_name
    from dl_project.kinds.image.audit import audit
    from dl_project.cv import assign_folds
    from dl_project.kinds.image.pipeline import ImageCache
    from dl_project.core import DEFAULT_SEED
    samples = load_samples(jellyfish(), seed=DEFAULT_SEED)
    with warnings.catch_warnings():
        warnings.simplefilter('ignore'); samples = group_by_name(apply_audit(samples, audit(samples)))
    fold = assign_folds(samples, 5, DEFAULT_SEED)
    folds = np.full(len(samples), -1); folds[fold.index.to_numpy()] = fold.to_numpy()
    arrays = {f'x{s}': ImageCache(samples, s).images for s in SIZES}
    np.savez_compressed(out, y=samples.y.astype('int32'), folds=folds, test=(samples.table['split'] == 'test').to_numpy(), **arrays)

def rotate_batch_fn():
    "The `rotate` preset (flips, rotation ±180°, zoom -25..+10 %, contrast ±20 %, brightness ±15 %, mirrored fill) in JAX."
    import jax, jax.numpy as jnp
    from jax.scipy.ndimage import map_coordinates
    def one(key, img):
        h, w, c = img.shape
        k = jax.random.split(key, 6)
        theta = jax.random.uniform(k[0], (), minval=-jnp.pi, maxval=jnp.pi)
        zoom = 1 + jax.random.uniform(k[1], (), minval=-0.25, maxval=0.1)
        fx, fy = (jnp.where(jax.random.bernoulli(k[i]), -1.0, 1.0) for i in (2, 3))
        yy, xx = jnp.meshgrid(jnp.arange(h) - (h - 1) / 2, jnp.arange(w) - (w - 1) / 2, indexing='ij')
        sy = (jnp.cos(theta) * yy - jnp.sin(theta) * xx) * zoom * fy + (h - 1) / 2
        sx = (jnp.sin(theta) * yy + jnp.cos(theta) * xx) * zoom * fx + (w - 1) / 2
        out = jnp.stack([map_coordinates(img[..., ch], [sy, sx], order=1, mode='mirror') for ch in range(c)], -1)
        mean = out.mean(axis=(0, 1), keepdims=True)
        out = (out - mean) * jax.random.uniform(k[4], (), minval=0.8, maxval=1.2) + mean
        return jnp.clip(out + jax.random.uniform(k[5], (), minval=-0.15, maxval=0.15) * 255, 0, 255)
    return jax.jit(lambda key, x: jax.vmap(one)(jax.random.split(key, x.shape[0]), x))

def trial(data: str, configs: str):
    "Train every configuration on the 5 folds; print (and append to $OUT/results.jsonl) one JSON line each."
    import jax, keras
    from dl_project.train import cosine_schedule
    from dl_project.kinds.image.models import resnet
    D = np.load(data); y, folds, test = D['y'], D['folds'], D['test']
    rotate = rotate_batch_fn()
    class Batches(keras.utils.PyDataset):
        def __init__(self, x, labels, seed, mix):
            super().__init__()
            self.x, self.y, self.mix, self.rng, self.key = x, keras.utils.to_categorical(labels, N_CLASSES), mix, np.random.default_rng(seed), jax.random.PRNGKey(seed)
            self.on_epoch_end()
        def __len__(self): return math.ceil(len(self.x) / 32)
        def on_epoch_end(self): self.perm = self.rng.permutation(len(self.x))
        def __getitem__(self, i):
            idx = self.perm[i * 32:(i + 1) * 32]
            x, t = self.x[idx].astype('float32'), self.y[idx]
            if self.mix == 'mixup':
                lam, p = self.rng.beta(0.2, 0.2, len(idx)).astype('float32'), self.rng.permutation(len(idx))
                x, t = lam[:, None, None, None] * x + (1 - lam[:, None, None, None]) * x[p], lam[:, None] * t + (1 - lam[:, None]) * t[p]
            self.key, sub = jax.random.split(self.key)
            return rotate(sub, jax.numpy.asarray(x)), t
    def flip_tta(model, x): return (model.predict(x, verbose=0, batch_size=256) + model.predict(x[:, :, ::-1], verbose=0, batch_size=256)) / 2
    for cfg in json.loads(open(configs).read()):
        x, epochs, start = D[f"x{cfg.get('size', 48)}"], cfg.get('epochs', 30), time.time()
        keras.utils.set_random_seed(42)
        model = resnet(x.shape[1:], N_CLASSES, **cfg.get('model', {}))
        steps = math.ceil(int(((folds >= 0) & (folds != 0)).sum()) / 32)
        model.compile(keras.optimizers.AdamW(cosine_schedule(2e-3, epochs, steps, warmup_epochs=1), weight_decay=0.05),
                      keras.losses.CategoricalCrossentropy(label_smoothing=0.1))
        init, held, held_tta, test_p, test_p_tta = model.get_weights(), [], [], [], []
        for k in range(5):
            train, valid = np.flatnonzero((folds >= 0) & (folds != k)), np.flatnonzero(folds == k)
            model.set_weights(init)
            for v in model.optimizer.variables: v.assign(np.zeros(v.shape, v.dtype))
            model.fit(Batches(x[train], y[train], 42 + k, cfg.get('mix', 'mixup')), epochs=epochs, verbose=0)
            held.append(float((model.predict(x[valid], verbose=0).argmax(1) == y[valid]).mean()))
            held_tta.append(float((flip_tta(model, x[valid]).argmax(1) == y[valid]).mean()))
            test_p.append(model.predict(x[test], verbose=0)); test_p_tta.append(flip_tta(model, x[test]))
        result = dict(cfg=cfg, cv=round(float(np.mean(held)), 3), cv_std=round(float(np.std(held)), 3), cv_tta=round(float(np.mean(held_tta)), 3),
                      test_folds=[round(float((p.argmax(1) == y[test]).mean()), 3) for p in test_p],
                      test_ens=float((np.mean(test_p, 0).argmax(1) == y[test]).mean()),
                      test_ens_tta=float((np.mean(test_p_tta, 0).argmax(1) == y[test]).mean()),
                      params=int(model.count_params()), seconds=round(time.time() - start, 1))
        print(json.dumps(result), flush=True)
        with open(os.path.join(os.environ.get('OUT', '.'), 'results.jsonl'), 'a') as f: f.write(json.dumps(result) + '\n')

if __name__ == '__main__':
    {'prepare': prepare, 'trial': trial}[sys.argv[1]](*sys.argv[2:])
