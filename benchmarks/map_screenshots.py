"""Pictures of the map for the README, drawn offscreen from GloVe 6B 50d (run by hand).

    QT_QPA_PLATFORM=offscreen python benchmarks/map_screenshots.py [PATH] [--out docs/screenshots]

Saves map-labels.png (t-SNE of the 300 most frequent words, every point labelled where it fits),
map-density.png (all 400,000 rows with PCA, drawn as density) and map-selection.png (the
neighbourhood of "paris" with t-SNE, one point selected: the selection panel and its links).
"""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run from a checkout
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication  # noqa: E402

SIZE = (1500, 860)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default = Path(os.environ.get("W2V_DATA", "~/.cache/w2v-data")).expanduser() / "vectors" / "glove.6B.50d.txt"
    parser.add_argument("path", nargs="?", default=str(default))
    parser.add_argument("--out", default="docs/screenshots")
    args = parser.parse_args()
    if not Path(args.path).is_file():
        print(f"map_screenshots: {args.path}: no such file", file=sys.stderr)
        return 2
    app = QApplication.instance() or QApplication([])
    from w2v_desktop.core.formats import load_vectors
    from w2v_desktop.gui import theme
    from w2v_desktop.gui.events import wait_until
    from w2v_desktop.gui.panels.projection_panel import ProjectionPanel
    from w2v_desktop.gui.state import AppState
    theme.configure_pyqtgraph()
    state = AppState()
    state.set_vectors(load_vectors(args.path))
    panel = ProjectionPanel(state)
    panel.resize(*SIZE)
    panel.show()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)

    def project(method: str, **subset) -> None:
        if "top_n" in subset:
            panel.top_radio.setChecked(True)
            panel.top_spin.setValue(subset["top_n"])
        else:
            panel.around_radio.setChecked(True)
            panel.around_edit.setText(subset["around"])
            panel.around_k.setValue(subset["k"])
        panel.method_combo.setCurrentText(method)
        panel.run_projection()
        wait_until(app, lambda: panel.job is None, 900)

    def shoot(name: str) -> None:
        for _ in range(10):
            app.processEvents()
        panel.map.refresh_labels()
        panel.grab().save(str(out / name))
        print(out / name, panel.map.mode, f"{len(panel.map.label_layer.texts)} labels")

    project("t-SNE", top_n=300)
    shoot("map-labels.png")
    project("t-SNE", around="paris", k=300)
    panel.show_neighbours_of(0)
    shoot("map-selection.png")
    project("PCA", top_n=len(state.vectors))
    shoot("map-density.png")
    panel.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
