"""Options, watch lists and examples follow the data: presets per data type, per-data-set watch
lists, Chinese examples for a Chinese corpus, and what the window says when training ends."""
from __future__ import annotations

import pytest

from tests.conftest import SAMPLES
from tests.gui.helpers import temp_settings, wait_idle
from w2v_desktop.core.config import ITEM_DEFAULTS, TrainConfig
from w2v_desktop.gui.main_window import MainWindow

needs_samples = pytest.mark.skipif(not (SAMPLES / "sample_ratings.csv").is_file()
                                   or not (SAMPLES / "sample_corpus.txt").is_file(),
                                   reason="the bundled samples are missing")


def open_text(qtbot, window, path):
    window.files.open_text(str(path), ask_options=False)
    wait_idle(qtbot, window.state)
    assert window.state.source_path == str(path)


def open_ratings(qtbot, window, path):
    window.files.open_ratings(str(path), ask=False)
    wait_idle(qtbot, window.state)
    assert window.state.data_kind == "ratings"


def test_the_preset_box_follows_the_form(window):
    options = window.train_panel.options
    assert options.preset_name() == "text" and options.preset.currentText().startswith("Text")
    window.state.set_config(window.state.config.replace(dim=42))
    assert options.preset_name() == "custom" and options.preset.currentText() == "Custom"
    options.apply_preset("items")
    assert options.preset_name() == "items" and window.state.config.dim == ITEM_DEFAULTS["dim"]
    options.form.editors["window"].set(9)  # an edit in the form itself
    assert options.preset_name() == "custom"
    # a machine's threads and seed are not the preset's: changing them keeps the label
    window.state.set_config(TrainConfig(threads=1, seed=9))
    assert options.preset_name() == "text"


def test_a_text_corpus_after_item_options_gets_text_defaults_with_undo(qtbot, window, corpus_file):
    options = window.train_panel.options
    options.apply_preset("items")
    window.state.set_config(window.state.config.replace(threads=1))
    open_text(qtbot, window, corpus_file)
    assert window.state.config == TrainConfig(threads=1) and window.state.config_kind == "text"
    assert options.preset_name() == "text"
    assert not options._notice_row.isHidden() and "text defaults" in options.notice.text()
    assert "text defaults" in window.statusBar().currentMessage()
    options.undo_button.click()
    assert window.state.config == TrainConfig(threads=1).replace(**ITEM_DEFAULTS)
    assert window.state.config_kind == "items" and options._notice_row.isHidden()


def test_text_options_of_ones_own_survive_another_text_corpus(qtbot, window, corpus_file):
    window.state.set_config(window.state.config.replace(dim=33))
    open_text(qtbot, window, corpus_file)
    assert window.state.config.dim == 33 and window.train_panel.options._notice_row.isHidden()


def test_item_options_and_their_kind_survive_a_restart(qtbot, tmp_path):
    first = MainWindow(settings=temp_settings(tmp_path))
    qtbot.addWidget(first)
    first.train_panel.options.apply_preset("items")
    first.state.set_config(first.state.config.replace(dim=48))  # custom, for items
    first.close()
    second = MainWindow(settings=temp_settings(tmp_path))
    qtbot.addWidget(second)
    assert second.state.config.dim == 48 and second.state.config_kind == "items"
    assert second.train_panel.options.preset_name() == "custom"


@needs_samples
def test_watch_lists_belong_to_their_data_set(qtbot, window):
    panel = window.train_panel
    assert window.load_sample()
    wait_idle(qtbot, window.state)
    assert panel.watch_names() == ["paris", "money", "bicycle"] and panel.analogy_box.isChecked()
    open_ratings(qtbot, window, SAMPLES / "sample_ratings.csv")
    assert panel.watch_names() == [] and not panel.analogy_box.isChecked()
    items = window.state.corpus.words
    examples = panel.watch_edit.placeholderText().removeprefix("e.g. ").split(", ")
    assert len(examples) == 3 and all(name in items for name in examples)
    assert window.state.config_kind == "items" and window.train_panel.options.preset_name() == "items"
    panel.watch_edit.setText(examples[0])
    assert window.load_sample()
    wait_idle(qtbot, window.state)
    assert panel.watch_names() == ["paris", "money", "bicycle"]
    open_ratings(qtbot, window, SAMPLES / "sample_ratings.csv")
    assert panel.watch_names() == [examples[0]]  # the ratings' own list came back with them


def test_a_chinese_corpus_gets_chinese_examples(qtbot, window, tmp_path):
    path = tmp_path / "zh.txt"
    words = ["北京", "上海", "天气", "喜欢", "电影", "书籍", "音乐", "朋友", "工作", "学习"]
    lines = [" ".join(words[(i + j) % len(words)] for j in range(6)) + " 的 了" for i in range(300)]
    path.write_text("\n".join(lines), encoding="utf-8")
    open_text(qtbot, window, path)
    examples = window.train_panel.watch_edit.placeholderText().removeprefix("e.g. ").split(", ")
    assert len(examples) == 3 and all(name in words for name in examples)


def test_training_ends_with_a_status_line_and_a_first_query(qtbot, window, corpus_file):
    open_text(qtbot, window, corpus_file)
    window.state.set_config(window.state.config.replace(dim=12, epochs=2, min_count=1, threads=1))
    window.tabs.setCurrentWidget(window.data_panel)
    window.train_panel.train_action.trigger()  # F5
    assert window.tabs.currentWidget() is window.train_panel
    wait_idle(qtbot, window.state)
    message = window.statusBar().currentMessage()
    assert message.startswith(f"Trained {len(window.state.vectors):,} words in ") and "Neighbours" in message
    neighbours = window.panels["Neighbours"]
    assert neighbours.query_edit.text() in window.state.vectors and neighbours.table.rowCount() == 10
    loss = window.train_panel.loss
    assert len(loss._sy) == 2 and loss._sy[-1] > 0  # the fixed-sample loss of each epoch
    assert "negative sampling" in loss.plot.getPlotItem().getAxis("left").labelText
    assert "(?)" == loss.help.text() and "Online loss" in loss.help.toolTip()


def test_the_ratings_dialog_suggests_a_threshold_for_the_scale(qtbot, tmp_path):
    from tests.core.items.test_checks import half_star_file
    from w2v_desktop.gui.dialogs.ratings_dialog import RatingsDialog

    dialog = RatingsDialog(half_star_file(tmp_path / "half.csv"))
    qtbot.addWidget(dialog)
    assert dialog.sequence_options().min_rating == 3.0  # not MovieLens's 3.5, which drops most events
    assert "ratings 0.5 to 4 in steps of 0.5" in dialog.scale_label.text() and "⚠" not in dialog.scale_label.text()
    dialog.sequence_form.editors["min_rating"].set(3.5)
    dialog.sequence_form.changed.emit()
    assert "⚠" in dialog.scale_label.text() and "drops" in dialog.scale_label.text()
    dialog.close()
