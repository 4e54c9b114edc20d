#!/usr/bin/env python
"""Shrink the saved outputs of notebooks, so that all of nbs/ together stays under 1 MB.

    python tools/shrink_outputs.py nbs/25_augment.ipynb [more notebooks ...]   # shrink in place
    python tools/shrink_outputs.py --dry-run nbs/*.ipynb                        # say what it would save; write nothing
    python tools/shrink_outputs.py --max-width 480 --quality 65 nbs/14_eda.ipynb
    python tools/shrink_outputs.py --self-test                                  # check the rules on a made-up notebook

Run it after re-executing a notebook (`python tools/execute_nbs.py nbs/NN_x.ipynb`), then `nbdev_clean`.
Running it twice changes nothing the second time. Only saved outputs change; sources and metadata do not.
What it does to the outputs of every code cell:

- **Images** (`image/png`, `image/jpeg`): decoded, scaled down with Pillow's LANCZOS filter to at most
  `--max-width` pixels wide (560 by default: the width of a notebook column; thumbnails in a grid of 8 stay
  about 60 px, enough to see the subject), then encoded twice: as a palette PNG (`Image.quantize`,
  `--colors` colours, optimised) and, when the image is opaque, as a JPEG (`--quality`, progressive,
  optimised). The JPEG is used only when it is under 0.8x the PNG (photographs); plots and text stay
  PNG. The new encoding replaces the old one only when it is smaller, so an image that is already small
  is left alone (and so is one the new encoding would shrink by less than 10%: no loss on reruns).
- **Log lines** in stream outputs: TensorFlow's C++ log lines (`I0000 00:00:... cudart_stub.cc:31] ...`),
  absl's "All log messages before absl::InitializeLog()", and the Python warnings that say nothing about the
  notebook (tqdm's "IProgress not found", Keras' "`shuffle=True` was passed" for a `tf.data.Dataset`,
  TensorFlow's tf.function retracing) with the source line Python prints under them. See `NOISE`;
  `--keep-logs` keeps them. Consecutive stream outputs of the same stream are merged, and an output left
  empty is removed.
- **Long text**: a stream or `text/plain` output longer than `--max-lines` lines keeps its head and one
  line saying how many lines were cut (HTML tables are left whole: print `df.head()` in the notebook).
- **Boilerplate**: the `<style scoped>` block pandas puts before every HTML table; the `text/plain` copy of
  a `show_doc` output, whose `text/markdown` is what Jupyter, GitHub and the docs show (nbdev re-runs
  `show_doc` cells when it renders the docs). `--keep-doc-plain` keeps that copy.
"""
import argparse, base64, copy, io, json, re, sys, tempfile
from pathlib import Path

from PIL import Image

MAX_WIDTH, QUALITY, COLORS, MAX_LINES = 560, 65, 256, 40
JPEG_ADVANTAGE = 0.8  # a JPEG replaces the palette PNG only below this share of its size
MIN_SAVING = 0.9      # a new encoding replaces an image only below this share of its size (no re-encoding on reruns)

# Lines of stream outputs that are noise. A matched Python warning (`file.py:12: SomeWarning: ...`) takes the
# indented source line Python prints under it along.
NOISE = [
    r'^WARNING: All log messages before absl::InitializeLog\(\) is called are written to STDERR$',
    r'^[IWEF]\d{4} [\d:.]+\s+\d+ [\w.]+:\d+\] ',  # TensorFlow/absl C++ log line
    r'TqdmWarning: IProgress not found',
    r'UserWarning: `shuffle=True` was passed, but will be ignored since the data `x` was provided as a tf\.data\.Dataset',
    r'^WARNING:tensorflow:.*triggered tf\.function retracing',
]
_re_noise = re.compile('|'.join(f'(?:{p})' for p in NOISE))
_re_warning = re.compile(r'^\S.*:\d+: \w+Warning: ')
_re_style = re.compile(r'<style scoped>.*?</style>\n?', re.S)
_re_cut = re.compile(r'^\.\.\. \(\d+ more lines cut by tools/shrink_outputs\.py\)$')
_re_show_doc = re.compile(r'^\s*show_doc\(', re.M)


def _text(v) -> str: return ''.join(v) if isinstance(v, list) else v
def _lines(s: str) -> list: return s.splitlines(keepends=True)


def shrink_image(data: bytes, max_width=MAX_WIDTH, quality=QUALITY, colors=COLORS):
    "`(mime, bytes)` of the smallest readable encoding of image `data`, or None when the original is smallest."
    im = Image.open(io.BytesIO(data))
    im.load()
    im = im.convert('RGBA')
    opaque = im.getextrema()[3][0] == 255
    if opaque: im = im.convert('RGB')
    if im.width > max_width:
        im = im.resize((max_width, max(1, round(im.height * max_width / im.width))), Image.LANCZOS)
    buf = io.BytesIO()
    method = Image.Quantize.MEDIANCUT if opaque else Image.Quantize.FASTOCTREE  # MEDIANCUT: RGB only
    im.quantize(colors, method=method).save(buf, 'PNG', optimize=True)
    best = ('image/png', buf.getvalue())
    if opaque:
        buf = io.BytesIO()
        im.save(buf, 'JPEG', quality=quality, optimize=True, progressive=True)
        if len(buf.getvalue()) < JPEG_ADVANTAGE * len(best[1]): best = ('image/jpeg', buf.getvalue())
    return best if len(best[1]) < MIN_SAVING * len(data) else None


def drop_noise(text: str) -> str:
    "`text` without the lines of `NOISE` (a matched warning with its indented source line)."
    out, skip_source = [], False
    for line in _lines(text):
        if skip_source and line.startswith(' '): skip_source = False; continue
        skip_source = False
        if _re_noise.search(line):
            skip_source = bool(_re_warning.match(line))
            continue
        out.append(line)
    return ''.join(out)


def cut(text: str, max_lines=MAX_LINES) -> str:
    "`text` cut to its first `max_lines` lines and a line saying how many were cut."
    lines = _lines(text)
    if len(lines) <= max_lines or (len(lines) == max_lines + 1 and _re_cut.match(lines[-1])): return text
    head = ''.join(lines[:max_lines])
    return head + ('' if head.endswith('\n') else '\n') + f'... ({len(lines) - max_lines} more lines cut by tools/shrink_outputs.py)\n'


def shrink_outputs(outputs: list, source: str = '', max_width=MAX_WIDTH, quality=QUALITY, colors=COLORS,
                   max_lines=MAX_LINES, keep_logs=False, keep_doc_plain=False) -> list:
    "A shrunk copy of one cell's `outputs` (see the module docstring)."
    res = []
    for o in copy.deepcopy(outputs):
        if o.get('output_type') == 'stream':
            text = _text(o.get('text', ''))
            if not keep_logs: text = drop_noise(text)
            if res and res[-1].get('output_type') == 'stream' and res[-1].get('name') == o.get('name'):
                text = _text(res.pop()['text']) + text
            if text: res.append(o | {'text': _lines(text)})
            continue
        data = o.get('data')
        if data:
            for mime in [k for k in data if k in ('image/png', 'image/jpeg')]:
                new = shrink_image(base64.b64decode(_text(data[mime])), max_width, quality, colors)
                if new is None: continue
                new_mime, blob = new
                del data[mime]
                data[new_mime] = base64.b64encode(blob).decode('ascii')
                meta = o.get('metadata', {})
                if mime in meta and new_mime != mime: meta[new_mime] = meta.pop(mime)
            if 'text/html' in data and '<style scoped>' in _text(data['text/html']):
                data['text/html'] = _lines(_re_style.sub('', _text(data['text/html'])))
            if not keep_doc_plain and 'text/markdown' in data and 'text/plain' in data and _re_show_doc.search(source):
                del data['text/plain']
            if 'text/plain' in data and len(_lines(_text(data['text/plain']))) > max_lines:
                data['text/plain'] = _lines(cut(_text(data['text/plain']), max_lines))
        res.append(o)
    for o in res:
        if o.get('output_type') == 'stream': o['text'] = _lines(cut(_text(o['text']), max_lines))
    return res


def dumps(nb: dict) -> str:
    "The notebook as nbdev writes it (`execnb.nbio.nb2str`), so that `nbdev_clean` changes nothing after us."
    return json.dumps(nb, sort_keys=True, indent=1, ensure_ascii=False) + '\n'


def shrink_notebook(path: Path, dry_run=False, **opts) -> tuple[int, int]:
    "Shrink the outputs of the notebook at `path` in place (not with `dry_run`); `(bytes before, bytes after)`."
    text = path.read_text(encoding='utf-8')
    nb = json.loads(text)
    for cell in nb['cells']:
        if cell.get('cell_type') == 'code' and cell.get('outputs'):
            cell['outputs'] = shrink_outputs(cell['outputs'], _text(cell.get('source', '')), **opts)
    new = dumps(nb)
    before, after = len(text.encode()), len(new.encode())
    if not dry_run and after < before: path.write_text(new, encoding='utf-8')
    return before, min(before, after)


def self_test():
    "Check the rules on a made-up notebook: noise gone, text cut, photo to JPEG, plot stays PNG, idempotent."
    import numpy as np
    rng = np.random.default_rng(0)
    photo = Image.fromarray(rng.integers(0, 255, (300, 1000, 3), dtype=np.uint8)).resize((1000, 300))
    plot = Image.new('RGBA', (400, 200), (255, 255, 255, 255))
    plot.paste((31, 119, 180, 255), (50, 50, 350, 150))
    def png(im):
        buf = io.BytesIO(); im.save(buf, 'PNG'); return base64.b64encode(buf.getvalue()).decode()
    log = ('WARNING: All log messages before absl::InitializeLog() is called are written to STDERR\n'
           'I0000 00:00:1795405028.366030   27227 cudart_stub.cc:31] Could not find cuda drivers on your machine, GPU will not be used.\n'
           '/x/tqdm/auto.py:21: TqdmWarning: IProgress not found. Please update jupyter and ipywidgets.\n'
           '  from .autonotebook import tqdm as notebook_tqdm\n'
           'a real warning\n')
    cells = [
        {'cell_type': 'code', 'source': 'x', 'metadata': {}, 'execution_count': None, 'outputs': [
            {'output_type': 'stream', 'name': 'stderr', 'text': _lines(log)},
            {'output_type': 'stream', 'name': 'stdout', 'text': _lines(''.join(f'{i}\n' for i in range(100)))},
            {'output_type': 'display_data', 'metadata': {}, 'data': {'image/png': png(photo), 'text/plain': ['<Figure>']}},
            {'output_type': 'display_data', 'metadata': {}, 'data': {'image/png': png(plot), 'text/plain': ['<Figure>']}}]},
        {'cell_type': 'code', 'source': 'show_doc(f)', 'metadata': {}, 'execution_count': None, 'outputs': [
            {'output_type': 'execute_result', 'metadata': {}, 'execution_count': None,
             'data': {'text/markdown': ['### f'], 'text/plain': ['def f()']}}]}]
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / 'a.ipynb'
        path.write_text(dumps({'cells': cells, 'metadata': {}, 'nbformat': 4, 'nbformat_minor': 5}))
        before, after = shrink_notebook(path)
        nb = json.loads(path.read_text())
        outs = nb['cells'][0]['outputs']
        assert _text(outs[0]['text']) == 'a real warning\n', outs[0]
        assert len(outs[1]['text']) == MAX_LINES + 1 and '60 more lines cut' in outs[1]['text'][-1], outs[1]['text'][-2:]
        assert 'image/jpeg' in outs[2]['data'] and 'image/png' not in outs[2]['data']
        w = Image.open(io.BytesIO(base64.b64decode(outs[2]['data']['image/jpeg']))).width
        assert w == MAX_WIDTH, w
        assert 'image/png' in outs[3]['data']
        assert list(nb['cells'][1]['outputs'][0]['data']) == ['text/markdown']
        assert after < before
        assert shrink_notebook(path) == (after, after), 'a second run changed the notebook'
    print('self-test passed')


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument('notebooks', nargs='*', type=Path, help='notebooks to shrink in place')
    p.add_argument('--dry-run', action='store_true', help='print the sizes it would reach; write nothing')
    p.add_argument('--max-width', type=int, default=MAX_WIDTH, help=f'widest image in pixels (default {MAX_WIDTH})')
    p.add_argument('--quality', type=int, default=QUALITY, help=f'JPEG quality for photographs (default {QUALITY})')
    p.add_argument('--colors', type=int, default=COLORS, help=f'palette size of PNG images (default {COLORS})')
    p.add_argument('--max-lines', type=int, default=MAX_LINES, help=f'longest text output kept whole (default {MAX_LINES})')
    p.add_argument('--keep-logs', action='store_true', help='keep TensorFlow log lines and noise warnings')
    p.add_argument('--keep-doc-plain', action='store_true', help="keep the text/plain copy of show_doc outputs")
    p.add_argument('--self-test', action='store_true', help='check the rules on a made-up notebook and exit')
    a = p.parse_args(argv)
    if a.self_test: return self_test()
    if not a.notebooks: p.error('give notebook paths (or --self-test)')
    opts = dict(max_width=a.max_width, quality=a.quality, colors=a.colors, max_lines=a.max_lines,
                keep_logs=a.keep_logs, keep_doc_plain=a.keep_doc_plain)
    total = [0, 0]
    for path in a.notebooks:
        before, after = shrink_notebook(path, a.dry_run, **opts)
        total[0] += before; total[1] += after
        print(f'{path}: {before:,} -> {after:,} bytes')
    print(f"{'would be' if a.dry_run else 'now'} {total[1]:,} bytes (was {total[0]:,}) in {len(a.notebooks)} notebook(s)")


if __name__ == '__main__':
    sys.exit(main())
