"""Regenerate the example dataset bundled in the package from the full-size jellyfish folder.

    python tools/make_example_data.py [SOURCE] [--dest DIR] [--max-side 128] [--quality 85]

SOURCE defaults to ../shared/data/jellyfish (the layout `Train_Test_Valid/{Train,valid,test}/<class>/`).
Every image is EXIF-rotated, converted to RGB, shrunk so that its shorter side is at most
`--max-side` pixels and written as JPEG under the same split and class folders, so the copy is
reproducible byte for byte from the source. The attribution and licence files are written beside it.
"""
import argparse, shutil
from pathlib import Path
from PIL import Image, ImageOps

REPO = Path(__file__).resolve().parents[1]
DEFAULT_SOURCE = REPO.parent / 'shared' / 'data' / 'jellyfish'
DEFAULT_DEST = REPO / 'dl_project' / 'example_data' / 'jellyfish'
IMAGE_SUFFIXES = {'.jpg', '.jpeg', '.png', '.bmp', '.gif', '.webp'}
JPEG_SUFFIXES = {'.jpg', '.jpeg'}

ATTRIBUTION = """# Jellyfish Types (resized copy)

Six classes of real jellyfish photographs, in the layout the public dataset is distributed in:
`Train_Test_Valid/{{Train,valid,test}}/<class>/<image>` (900 / 39 / 40 images, 979 in all).

- Source: the Kaggle dataset "Jellyfish Types" (`anshtanwar/jellyfish-types`), Ansh Tanwar et al., 2024.
- License: Creative Commons Attribution 4.0 International (CC BY 4.0),
  https://creativecommons.org/licenses/by/4.0/ (see LICENSE beside this file).
- Changes made by dl_project: every image was rotated by its EXIF orientation, converted to RGB,
  shrunk so that its shorter side is at most {max_side} px (Lanczos) and re-encoded as JPEG
  (quality {quality}); the five PNG files were re-encoded as JPEG with a `.jpg` suffix. File and folder
  names are otherwise unchanged. Regenerate with `python tools/make_example_data.py`.
"""

LICENSE = """The images in this folder are a modified (resized, re-encoded) copy of the dataset
"Jellyfish Types" by Ansh Tanwar et al. (2024), distributed on Kaggle as anshtanwar/jellyfish-types.

They are licensed under the Creative Commons Attribution 4.0 International License (CC BY 4.0).
To view a copy of this license, visit https://creativecommons.org/licenses/by/4.0/
or send a letter to Creative Commons, PO Box 1866, Mountain View, CA 94042, USA.

You are free to share and adapt the material for any purpose, provided that you give appropriate
credit, provide a link to the license, and indicate if changes were made (the changes are listed
in README.md beside this file). No warranties are given.
"""


def shrink(src: Path, dst: Path, max_side: int, quality: int):
    "Write `src` as an RGB JPEG at `dst` whose shorter side is at most `max_side` pixels."
    with Image.open(src) as im:
        im = ImageOps.exif_transpose(im).convert('RGB')
        scale = max_side / min(im.size)
        if scale < 1:
            im = im.resize((round(im.width * scale), round(im.height * scale)), Image.LANCZOS)
        dst.parent.mkdir(parents=True, exist_ok=True)
        im.save(dst, 'JPEG', quality=quality, optimize=True)


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument('source', nargs='?', type=Path, default=DEFAULT_SOURCE, help='full-size jellyfish folder')
    p.add_argument('--dest', type=Path, default=DEFAULT_DEST, help='where the bundled copy goes')
    p.add_argument('--max-side', type=int, default=128, help='largest allowed shorter side, in pixels')
    p.add_argument('--quality', type=int, default=85, help='JPEG quality')
    a = p.parse_args(argv)
    files = sorted(f for f in a.source.rglob('*') if f.suffix.lower() in IMAGE_SUFFIXES)
    if not files: raise SystemExit(f'No images under {a.source}: pass the full-size jellyfish folder.')
    if a.dest.exists(): shutil.rmtree(a.dest)
    for f in files:
        out = a.dest / f.relative_to(a.source)
        shrink(f, out if out.suffix.lower() in JPEG_SUFFIXES else out.with_suffix('.jpg'), a.max_side, a.quality)
    (a.dest / 'README.md').write_text(ATTRIBUTION.format(max_side=a.max_side, quality=a.quality))
    (a.dest / 'LICENSE').write_text(LICENSE)
    size = sum(f.stat().st_size for f in a.dest.rglob('*') if f.is_file())
    print(f'{len(files)} images -> {a.dest} ({size / 1e6:.1f} MB)')


if __name__ == '__main__':
    main()
