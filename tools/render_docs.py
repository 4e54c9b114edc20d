#!/usr/bin/env python
"""Offline stand-in for `quarto render`: build the docs site and README.md from the notebooks.

    python tools/render_docs.py              # nbs/*.ipynb -> _docs/ (static, self-contained site)
    python tools/render_docs.py --readme     # nbs/index.ipynb -> README.md (GitHub-flavoured markdown)
    python tools/render_docs.py --root DIR   # run on another checkout of the project
    python tools/render_docs.py --force      # reprocess all notebooks, not only those changed since _proc/

Notebooks are first processed by nbdev itself (`nbdev.serve.proc_nbs`, the core of `nbdev_proc_nbs`, into
`_proc/`): hidden cells dropped, `#| export` directives stripped, `show_doc` output rendered to markdown, the
`# Title` / `> description` cell turned into raw frontmatter. What nbdev leaves for Quarto to do (the
frontmatter, `#| echo:`/`output:`/`include:`/`code-fold:` cell options, Pandoc link attributes and `.ipynb`
links) is done here, and nbconvert writes the HTML.
"""
import argparse, base64, os, re, shutil, string, sys, time
from pathlib import Path

import nbformat, yaml  # yaml comes with nbdev
from jinja2 import DictLoader  # jinja2 and pygments come with nbconvert
from nbconvert import HTMLExporter
from nbconvert.filters import strip_ansi
from nbdev.config import get_config
from nbdev.doclinks import _nbpath2html, nbglob  # _nbpath2html: nbdev's own `00_core.ipynb` -> `core.html` rule
from nbdev.processors import FilterDefaults
from nbdev.serve import proc_nbs
import nbdev.serve_drv
from pygments.formatters import HtmlFormatter

TOOLS = Path(__file__).resolve().parent
# Sidebar groups, by the first digit of a notebook's number (`10_data.ipynb` -> Data).
PHASES = {'0': 'Problem', '1': 'Data', '2': 'Baseline', '3': 'Improvement', '4': 'Validation', '9': 'Command line'}

# nbconvert's 'basic' template (body only, no CSS), with `code-fold` cells wrapped in <details> as Quarto does.
CELL_TEMPLATE = """{%- extends 'basic/index.html.j2' -%}
{% block input_group -%}
{%- if cell.metadata.code_fold -%}
<details class="code-fold"{{ ' open' if cell.metadata.code_fold == 'show' }}><summary>{{ cell.metadata.code_summary }}</summary>
{{ super() }}</details>
{%- else -%}{{ super() }}{%- endif -%}
{%- endblock input_group %}"""

PAGE = string.Template("""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>$head_title</title>
<meta name="description" content="$description">
<link rel="stylesheet" href="${base}docs.css">
</head>
<body>
<header class="site-header">
<a class="site-title" href="${base}index.html">$site_title</a>
<a class="site-repo" href="$repo">GitHub</a>
</header>
<div class="layout">
<nav class="sidebar">
$sidebar
</nav>
<main class="content">
<h1 class="title">$title</h1>
<p class="description">$description</p>
$body
<nav class="pager">$pager</nav>
</main>
</div>
</body>
</html>
""")

_re_option = re.compile(r'^#\|\s*([\w-]+)\s*:\s*(.*?)\s*$')  # a Quarto cell option that nbdev left in place
_pandoc_link = r'\[([^\]]*)\]\(([^)\s]*)\)\{([^}]*)\}'  # [text](url){attrs}: show_doc's source link
_re_pandoc_link, _re_pandoc_line = re.compile(_pandoc_link), re.compile(f'^{_pandoc_link}$', re.M)
_re_heading_id = re.compile(r'(<h[1-6] id="|<a class="anchor-link" href="#)([^"]+)')
_re_nb_href = re.compile(r'href="(?![a-zA-Z][\w+.-]*:|/|#)([^"#]*?\.ipynb)(#[^"]*)?"')  # relative notebook links
_re_nb_mdlink = re.compile(r'\]\((?![a-zA-Z][\w+.-]*:|/|#)([^)#\s]*?\.ipynb)(#[^)\s]*)?\)')  # the same in markdown


class RenderError(Exception): pass


def esc(s): return str(s).replace('&', '&amp;').replace('<', '&lt;').replace('>', '&gt;').replace('"', '&quot;')


def site_url(cfg): return f'{cfg.doc_host}{cfg.doc_baseurl}'.rstrip('/')  # where the Quarto site is published


def process_notebooks(cfg, readme_only, force):
    "Run nbdev's docs processing into `_proc/` (just the README notebook with `readme_only`); return `_proc`."
    cache, src = cfg.config_path/'_proc', cfg.nbs_path/cfg.readme_nb
    if readme_only and not src.exists(): raise RenderError(f'{src} not found')
    try:
        if not readme_only: return proc_nbs(force=force)  # all notebooks, in parallel, skipping unchanged ones
        (cache/cfg.readme_nb).parent.mkdir(parents=True, exist_ok=True)
        nbdev.serve_drv.main((src, cache/cfg.readme_nb, FilterDefaults))  # what proc_nbs does for each notebook
        return cache
    except Exception as e:  # nbdev's message names the notebook and cell; the root cause says what went wrong
        raise RenderError(f'nbdev could not process the notebooks:\n{e}\n=> {root_cause(e)}') from e


def root_cause(e):
    "The first error of a chain; a worker process's error arrives as traceback text, so take its `...Error:` line."
    while e.__cause__: e = e.__cause__
    lines = re.findall(r'^\w+(?:Error|Exception): .*$', str(e), re.M)
    return lines[0] if lines else f'{type(e).__name__}: {e}'


def read_processed(path):
    "Read a processed notebook; return it without its frontmatter cell, and the frontmatter dict."
    nb = nbformat.read(path, as_version=4)
    fm = {}
    if nb.cells and nb.cells[0].cell_type == 'raw' and nb.cells[0].source.startswith('---'):
        fm = yaml.safe_load(nb.cells.pop(0).source.strip().strip('-')) or {}
    apply_cell_options(nb)
    return nb, fm


def apply_cell_options(nb):
    "Apply and strip the `#| key: value` options Quarto would act on (echo, output, include, code-fold)."
    cells = []
    for cell in nb.cells:
        if cell.cell_type == 'code':
            lines, opts = cell.source.splitlines(), {}
            while lines and (m := _re_option.match(lines[0])):
                opts[m[1]] = m[2].strip('\'"')
                lines.pop(0)
            cell.source = '\n'.join(lines).strip('\n')
            if opts.get('include') == 'false': continue
            if opts.get('output') == 'false': cell.outputs = []
            if opts.get('echo') == 'false': cell.source = ''
            if opts.get('code-fold') in ('true', 'show'):
                cell.metadata.code_fold = opts['code-fold']
                cell.metadata.code_summary = opts.get('code-summary', 'Code')
            if not cell.source and not cell.outputs: continue
            cell.metadata.transient = {'remove_source': not cell.source}  # how nbconvert's templates skip an input
        cells.append(cell)
    nb.cells = cells


def fix_pandoc_links(md, html):
    "Pandoc `[text](url){attrs}` links become plain links; for the site, one alone on its line keeps its attributes."
    # (as a <div> block: nbconvert's embed_images would split an inline <a>...</a> into two html fragments)
    if html: md = _re_pandoc_line.sub(lambda m: f'<div><a href="{m[2]}" {m[3]}>{m[1]}</a></div>', md)
    return _re_pandoc_link.sub(r'[\1](\2)', md)


def each_markdown(nb, f):
    "Apply `f` to every markdown cell and markdown output."
    for cell in nb.cells:
        if cell.cell_type == 'markdown': cell.source = f(cell.source)
        for out in cell.get('outputs', []):
            if 'text/markdown' in out.get('data', {}): out.data['text/markdown'] = f(out.data['text/markdown'])


# ---------------------------------------------------------------- the site

def find_pages(cfg, cache):
    "One page per source notebook, in nbdev's sidebar order (index first); fail on clashing output names."
    srcs = sorted(nbglob(cfg.nbs_path, as_path=True), key=lambda p: (p.parent.parts, p.name != 'index.ipynb', p.name))
    pages, seen = [], {}
    for src in srcs:
        rel = src.relative_to(cfg.nbs_path)
        out = _nbpath2html(rel).as_posix()
        if out in seen: raise RenderError(f'{seen[out]} and {rel} would both become {out}: rename one of them')
        seen[out] = rel
        m = re.match(r'(\d)\d*[a-zA-Z0-9]*_', rel.name)
        group = '' if rel.name == 'index.ipynb' else PHASES.get(m[1], 'More') if m else 'Other'
        pages.append(dict(proc=cache/rel, out=out, group=group))
    return pages


def relative(target, page_out):
    "URL of site path `target` as seen from the page at site path `page_out`."
    return os.path.relpath(target, os.path.dirname(page_out) or '.').replace(os.sep, '/')


def rewrite_links(body, page_out, site):
    "Point `.ipynb` links and absolute links into this site (nbdev's doc links) at the local pages; lowercase heading ids."
    def nb_link(m): return f'href="{_nbpath2html(Path(m[1])).as_posix()}{m[2] or ""}"'
    body = _re_nb_href.sub(nb_link, body)
    body = _re_heading_id.sub(lambda m: m[1] + m[2].lower(), body)  # Quarto's (and nbdev's doc links') lowercase ids
    return re.sub(f'href="{re.escape(site)}/([^"#]*)', lambda m: f'href="{relative(m[1] or "index.html", page_out)}', body)


def sidebar(pages, current):
    "The navigation list: the home page, then the pages grouped by phase."
    html, group = ['<ul>'], ''
    for p in pages:
        if p['group'] != group:
            group = p['group']
            html.append(f'</ul>\n<p class="group">{esc(group)}</p>\n<ul>')
        active = ' class="active"' if p is current else ''
        html.append(f'<li><a href="{relative(p["out"], current["out"])}"{active}>{esc(p["title"])}</a></li>')
    return '\n'.join(html + ['</ul>'])


def pager(pages, i):
    "Previous / next links."
    here, links = pages[i]['out'], []
    if i > 0:
        links.append(f'<a class="prev" href="{relative(pages[i-1]["out"], here)}">&larr; {esc(pages[i-1]["title"])}</a>')
    if i + 1 < len(pages):
        links.append(f'<a class="next" href="{relative(pages[i+1]["out"], here)}">{esc(pages[i+1]["title"])} &rarr;</a>')
    return '\n'.join(links)


def render_site(cfg, cache):
    "Write one HTML page per notebook, plus the stylesheet, into the doc_path folder; return the page count."
    pages = find_pages(cfg, cache)
    if not pages: raise RenderError(f'no notebooks found in {cfg.nbs_path}')
    exporter = HTMLExporter(template_name='basic', extra_loaders=[DictLoader({'cells.j2': CELL_TEMPLATE})],
                            template_file='cells.j2', exclude_input_prompt=True, exclude_output_prompt=True,
                            embed_images=True)
    if pages[0]['out'] != 'index.html': raise RenderError(f'{cfg.nbs_path}/index.ipynb is missing (the home page)')
    for p in pages:  # titles first: every page's sidebar lists them all
        if not p['proc'].exists(): raise RenderError(f'{p["proc"]} is missing: nbdev did not process it')
        p['nb'], fm = read_processed(p['proc'])
        each_markdown(p['nb'], lambda md: fix_pandoc_links(md, html=True))
        p['title'] = fm.get('title') or re.sub(r'^\d+[a-zA-Z0-9]*_', '', p['proc'].stem).replace('_', ' ')
        p['description'] = fm.get('description', '')

    docs = cfg.doc_path
    shutil.rmtree(docs, ignore_errors=True)
    docs.mkdir(parents=True)
    css = (TOOLS/'docs.css').read_text(encoding='utf-8') + HtmlFormatter().get_style_defs('.highlight')
    (docs/'docs.css').write_text(css, encoding='utf-8')
    for i, p in enumerate(pages):
        try: body, _ = exporter.from_notebook_node(p['nb'], resources={'metadata': {'path': str(p['proc'].parent)}})
        except Exception as e: raise RenderError(f'nbconvert failed on {p["proc"]}: {type(e).__name__}: {e}') from e
        title = esc(p['title'])
        page = PAGE.substitute(
            head_title=title if p['out'] == 'index.html' else f'{title} – {esc(cfg.title)}',
            title=title, description=esc(p['description']), site_title=esc(cfg.title), repo=esc(cfg.git_url),
            base='../' * p['out'].count('/'), sidebar=sidebar(pages, p), pager=pager(pages, i),
            body=rewrite_links(body, p['out'], site_url(cfg)))
        out = docs/p['out']
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(page, encoding='utf-8')
    return len(pages)


# ---------------------------------------------------------------- the README

def fence(text, lang=''):
    "A fenced code block, its fence longer than any backtick run inside."
    ticks = '`' * max(3, 1 + max((len(r) for r in re.findall('`+', text)), default=0))
    return f'{ticks}{lang}\n{text.rstrip()}\n{ticks}'


IMAGE_EXT = {'image/png': 'png', 'image/jpeg': 'jpg', 'image/svg+xml': 'svg'}

def output_md(out, name, root):
    "Markdown for one output, in Quarto's order of preference; an image is written to `root/name.ext`."
    if out.output_type == 'stream': return fence(out.text)
    if out.output_type == 'error': return fence(strip_ansi('\n'.join(out.traceback)))
    data = out.get('data', {})
    if 'text/markdown' in data: return data['text/markdown'].strip()
    for mime, ext in IMAGE_EXT.items():
        if mime in data:
            path = root/f'{name}.{ext}'
            path.parent.mkdir(parents=True, exist_ok=True)
            if ext == 'svg': path.write_text(data[mime], encoding='utf-8')
            else: path.write_bytes(base64.b64decode(data[mime]))
            return f'![]({path.relative_to(root).as_posix()})'
    if 'text/html' in data: return data['text/html'].strip()
    if 'text/plain' in data: return fence(data['text/plain'])
    return ''


def render_readme(cfg, cache):
    "Write README.md from the processed README notebook; links to notebooks point at their pages on the docs site."
    nb, fm = read_processed(cache/cfg.readme_nb)
    def nb_link(m): return f']({site_url(cfg)}/{_nbpath2html(Path(m[1])).as_posix()}{m[2] or ""})'  # to the docs site
    each_markdown(nb, lambda md: _re_nb_mdlink.sub(nb_link, fix_pandoc_links(md, html=False)))
    parts = [f'# {fm.get("title", cfg.title)}']
    if fm.get('description'): parts.append(f'> {fm["description"]}')
    figures = f'{Path(cfg.readme_nb).stem}_files/figure-commonmark'  # Quarto's folder for the README's images
    shutil.rmtree(cfg.config_path/figures, ignore_errors=True)
    for i, cell in enumerate(nb.cells):
        if cell.cell_type == 'markdown': parts.append(cell.source.strip())
        elif cell.cell_type == 'code':
            if cell.source: parts.append(fence(cell.source, 'python'))
            parts += [output_md(o, f'{figures}/cell-{i}-output-{j}', cfg.config_path)
                      for j, o in enumerate(cell.outputs)]
    (cfg.config_path/'README.md').write_text('\n\n'.join(p for p in parts if p) + '\n', encoding='utf-8')


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--readme', action='store_true', help='write README.md from the index notebook instead')
    ap.add_argument('--root', default=TOOLS.parent, type=Path, help='project root holding settings.ini')
    ap.add_argument('--force', action='store_true', help='reprocess every notebook, ignoring the _proc/ cache')
    args = ap.parse_args()
    if not (args.root/'settings.ini').is_file(): sys.exit(f'render_docs: error: no settings.ini in {args.root}')
    os.chdir(args.root)  # nbdev finds settings.ini, and runs notebook code, from here
    cfg, start = get_config(), time.time()
    try:
        cache = process_notebooks(cfg, args.readme, args.force)
        if args.readme:
            render_readme(cfg, cache)
            print(f'wrote README.md from {cfg.nbs_path.name}/{cfg.readme_nb} in {time.time() - start:.1f}s')
        else:
            n = render_site(cfg, cache)
            print(f'rendered {n} pages into {cfg.doc_path.name}/ in {time.time() - start:.1f}s')
    except RenderError as e: sys.exit(f'render_docs: error: {e}')


if __name__ == '__main__': main()  # guard needed: nbdev processes notebooks in spawned worker processes
