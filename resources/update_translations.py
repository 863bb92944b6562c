"""Re-extract the GUI's strings and recompile the translations.

    .venv/bin/python resources/update_translations.py

Runs ``pyside6-lupdate`` over every module of ``w2v_desktop/gui`` and
``w2v_desktop/core`` (core marks the templates of the lines the GUI shows with
``QT_TR_NOOP``, see ``core/wording.py``) into
``w2v_desktop/resources/i18n/w2v_desktop_zh_CN.ts`` (new strings arrive
unfinished, translated ones keep their translation, vanished ones are marked
obsolete), then ``pyside6-lrelease`` into the ``.qm`` the app loads. Edit the
``.ts`` with Qt Linguist (``pyside6-linguist``) or any text editor and run this
again.
"""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
I18N = ROOT / "w2v_desktop" / "resources" / "i18n"
LANGUAGES = ("zh_CN",)


def tool(name: str) -> str:
    here = Path(sys.executable).parent / name
    return str(here) if here.exists() else name


def main() -> int:
    sources = sorted(str(p.relative_to(ROOT)) for part in ("gui", "core")
                     for p in (ROOT / "w2v_desktop" / part).rglob("*.py"))
    for language in LANGUAGES:
        ts = I18N / f"w2v_desktop_{language}.ts"
        subprocess.run([tool("pyside6-lupdate"), "-no-obsolete", "-locations", "none", "-target-language", language, *sources, "-ts", str(ts)],
                       cwd=ROOT, check=True)
        subprocess.run([tool("pyside6-lrelease"), str(ts), "-qm", str(ts.with_suffix(".qm"))], cwd=ROOT, check=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
