"""Pictures of the map for the README, drawn offscreen from GloVe 6B 50d (run by hand).

    QT_QPA_PLATFORM=offscreen python benchmarks/map_screenshots.py [PATH] [--out docs/screenshots]

Saves map-labels.png (t-SNE of the 300 most frequent words, every point labelled where it fits),
map-density.png (all 400,000 rows with PCA, drawn as density) and map-selection.png (the
neighbourhood of "paris" with t-SNE, one point selected: the selection panel and its links).

    QT_QPA_PLATFORM=offscreen python benchmarks/map_screenshots.py --movielens DIR [--genre Sci-Fi]

Instead: map-movielens-genre.png, the whole app after opening MovieLens ``DIR/u.data`` (its
``u.item`` found beside it, as Open ratings finds it), a short item2vec run and a t-SNE map of
every item coloured by one genre (a multi-label column: every film that has the genre).
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
    parser.add_argument("--movielens", metavar="DIR", help="a MovieLens-100k folder (u.data, u.item)")
    parser.add_argument("--genre", default="Sci-Fi")
    args = parser.parse_args()
    if args.movielens:
        return movielens(Path(args.movielens), args.genre, Path(args.out))
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


def movielens(folder: Path, genre: str, out: Path) -> int:
    ratings = folder / "u.data"
    if not ratings.is_file():
        print(f"map_screenshots: {ratings}: no such file", file=sys.stderr)
        return 2
    app = QApplication.instance() or QApplication([])
    from w2v_desktop.gui import theme
    from w2v_desktop.gui.events import wait_until
    from w2v_desktop.gui.main_window import MainWindow
    theme.configure_pyqtgraph()
    window = MainWindow()
    window.resize(*SIZE)
    window.show()
    window.files.open_ratings(str(ratings), ask=False)
    wait_until(app, lambda: not window.state.busy and window.state.interactions is not None, 300)
    window.train_panel.watch_edit.clear()
    window.train_panel.analogy_box.setChecked(False)
    state = window.state
    state.set_config(state.config.replace(epochs=10))
    window.train_panel.start()
    wait_until(app, lambda: not window.train_panel.is_running() and not state.busy, 600)
    if state.vectors is None:
        print("map_screenshots: training failed", file=sys.stderr)
        return 1
    panel = window.panels["Projection"]
    window.tabs.setCurrentWidget(panel)
    panel.top_radio.setChecked(True)
    panel.top_spin.setValue(len(window.state.vectors))
    panel.method_combo.setCurrentText("t-SNE")
    panel.run_projection()
    wait_until(app, lambda: panel.job is None, 900)
    if not panel.colouring.set_choice("genres", genre):
        print(f"map_screenshots: no genre {genre!r} in the item table", file=sys.stderr)
        return 1
    titles = (window.state.vectors.meta or {}).get("columns", {}).get("title")
    if titles is not None:   # one film selected: its neighbours listed and linked
        rows = [int(r) for r in panel.result.rows]
        chosen = [i for i, r in enumerate(rows) if titles[r] == "Star Wars (1977)"]
        if chosen:
            panel.show_neighbours_of(chosen[0])
    for _ in range(20):
        app.processEvents()
    panel.map.refresh_labels()
    out.mkdir(parents=True, exist_ok=True)
    window.grab().save(str(out / "map-movielens-genre.png"))
    print(out / "map-movielens-genre.png", f"{len(window.state.vectors)} items")
    return 0   # no close(): it would ask whether to save the trained model


if __name__ == "__main__":
    sys.exit(main())
