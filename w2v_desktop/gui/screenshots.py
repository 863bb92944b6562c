"""``w2v-desktop --screenshot DIR``: train briefly on the bundled samples and save a PNG of each tab.

Text panels are shown after a short run on the sample corpus; panels that need
rating data (``screenshot_data = "ratings"``) after a short run on the sample
ratings. Each panel's optional ``screenshot_demo()`` fills in an example, and
the picture is taken once every worker it started has finished.
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication, QMainWindow

from w2v_desktop.core.bundled import sample_path
from w2v_desktop.gui.events import wait_until
from w2v_desktop.gui.panels.train_options import preset_config

SCREENSHOT_EPOCHS = 5
WINDOW_SIZE = (1200, 800)  # README-sized pictures
DEMO_LIMIT_S = 180


def take_screenshots(app: QApplication, window: QMainWindow, folder: Path) -> int:
    """Save each tab as DIR/NN-title.png; 0 on success, 1 when something failed."""
    folder.mkdir(parents=True, exist_ok=True)
    errors: list[str] = []
    window.state.error_occurred.connect(lambda title, message, _d: errors.append(f"{title}: {message}"))
    window.resize(*WINDOW_SIZE)
    window.show()
    if not window.load_sample():
        print("w2v-desktop: the bundled sample corpus is missing", file=sys.stderr)
        return 2
    window.state.set_config(preset_config("text"), kind="text")  # whatever the last session left in the settings
    ratings_tabs = [i for i in range(window.tabs.count())  # without sample ratings: shown empty, explained
                    if getattr(window.tabs.widget(i), "screenshot_data", "text") == "ratings" and sample_path("sample_ratings.csv")]
    ok = train_briefly(app, window, errors)
    for index in range(window.tabs.count()):
        if ok and index not in ratings_tabs:
            ok = shoot_tab(app, window, index, folder)
    if ok and ratings_tabs:
        ok = load_sample_ratings(app, window) and train_briefly(app, window, errors)
        for index in ratings_tabs:
            ok = ok and shoot_tab(app, window, index, folder)
    if errors or not ok:
        print("w2v-desktop: screenshot run failed: " + ("; ".join(errors) or "a step did not finish"),
              file=sys.stderr)
    window.state.set_unsaved(False)  # pictures only: the model trained for them is not kept
    window.close()
    return 0 if ok and not errors else 1


def train_briefly(app: QApplication, window: QMainWindow, errors: list[str]) -> bool:
    state, panel = window.state, window.train_panel
    wait_until(app, lambda: not state.busy and state.corpus is not None)
    state.set_config(state.config.replace(epochs=SCREENSHOT_EPOCHS))
    panel.start()
    finished = wait_until(app, lambda: not panel.is_running() and not state.busy)
    return finished and not errors and state.vectors is not None


def load_sample_ratings(app: QApplication, window: QMainWindow) -> bool:
    """The sample ratings with the detected columns (no dialog); no text-only extras while training."""
    state = window.state
    if not window.load_sample_ratings(ask=False):
        return False
    window.train_panel.watch_edit.clear()
    window.train_panel.analogy_box.setChecked(False)
    return wait_until(app, lambda: not state.busy and state.interactions is not None)


def shoot_tab(app: QApplication, window: QMainWindow, index: int, folder: Path) -> bool:
    window.tabs.setCurrentIndex(index)
    demo = getattr(window.tabs.widget(index), "screenshot_demo", None)
    if callable(demo):
        demo()
    finished = wait_until(app, lambda: not window.state.busy, DEMO_LIMIT_S)
    for _ in range(20):
        app.processEvents()  # let layouts and plots settle after the last results
    name = re.sub(r"[^a-z0-9]+", "-", window.tab_key(index).lower()).strip("-")
    path = folder / f"{index + 1:02d}-{name}.png"
    window.grab().save(str(path))
    print(path)
    return finished
