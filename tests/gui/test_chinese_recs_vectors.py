"""简体中文 in two more flows: the sample ratings trained and evaluated on the Recs tab (the evaluation
table's rows and notes, the recommendation lists), and a vectors file opened on its own (the Data tab's
summary, the title, Neighbours) show no English words."""
from __future__ import annotations

import numpy as np
import pytest

from tests.gui.helpers import wait_idle
from tests.gui.test_chinese_flows import english_in, watch_status
from w2v_desktop.gui import i18n


@pytest.fixture
def chinese(qapp):
    assert i18n.install_translators(qapp, "zh_CN")
    yield qapp
    i18n.install_translators(qapp, "en")


def table_texts(table) -> list[str]:
    heads = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount()) if table.horizontalHeaderItem(c)]
    cells = [table.item(r, c).text() for r in range(table.rowCount()) for c in range(table.columnCount())
             if table.item(r, c) is not None]
    return heads + cells


def quick_fit(corpus, config):
    """Stands in for training each method's model: the words of the table are under test, not the fit."""
    from w2v_desktop.core.analysis.recs import ItemModel
    from w2v_desktop.core.vectors import Vectors

    return ItemModel(Vectors(corpus.words, np.random.default_rng(1).normal(size=(len(corpus.words), 8))))


def train_sample_ratings(qtbot, window) -> None:
    assert window.load_sample_ratings(ask=False)
    wait_idle(qtbot, window.state)
    qtbot.waitUntil(lambda: window.state.interactions is not None, timeout=30_000)
    window.state.set_config(window.state.config.replace(dim=12, epochs=1, threads=1))
    window.train_panel.start()
    qtbot.waitUntil(lambda: window.state.vectors is not None and not window.state.busy, timeout=120_000)


def evaluate(qtbot, recs) -> None:
    recs.max_users.setValue(100)
    recs.run_evaluation(fit=quick_fit)
    qtbot.waitUntil(lambda: recs.eval_runner.job is None and recs.eval_table.rowCount() > 0, timeout=60_000)
    qtbot.waitUntil(lambda: recs.job is None, timeout=60_000)


def recs_texts(recs) -> list[str]:
    return (table_texts(recs.eval_table) + table_texts(recs.history_table)[:recs.history_table.columnCount()]
            + [recs.eval_status.text(), recs.user_status.text(), recs.comparison_label.text()]
            + [recs.cosine_table.horizontalHeaderItem(c).text() for c in range(recs.cosine_table.columnCount())]
            + [recs.dot_table.horizontalHeaderItem(c).text() for c in range(recs.dot_table.columnCount())]
            + list(recs.eval_chart.categories))


def test_sample_ratings_trained_and_evaluated_speak_chinese(qtbot, chinese, window):
    said = watch_status(window)
    train_sample_ratings(qtbot, window)
    recs = window.panels["Recs"]
    window.tabs.setCurrentWidget(recs)
    evaluate(qtbot, recs)
    recs.screenshot_demo()  # the first user of the file, with both recommendation lists
    qtbot.waitUntil(lambda: recs.job is None and recs.cosine_table.rowCount() > 0, timeout=60_000)
    texts = recs_texts(recs)
    labels = [recs.eval_table.item(r, c).text() for r in range(recs.eval_table.rowCount()) for c in range(3)]
    assert "最热门" in labels and "基线" in labels, labels
    # the item ids of the sample are names, and so are its titles (data, English in the sample)
    left = english_in(said + texts, set())
    assert not left, "English in the zh_CN window:\n" + "\n".join(left)


def write_word2vec_text(path, n: int = 40, dim: int = 6) -> list[str]:
    names = [f"w{i}" for i in range(n)]
    rows = np.random.default_rng(0).normal(size=(n, dim))
    path.write_text(f"{n} {dim}\n" + "".join(f"{name} " + " ".join(f"{v:.5f}" for v in row) + "\n"
                                            for name, row in zip(names, rows)), encoding="utf-8")
    return names


def test_a_vectors_file_opened_alone_speaks_chinese(qtbot, chinese, window, tmp_path):
    said = watch_status(window)
    path = tmp_path / "small.txt"
    names = write_word2vec_text(path)
    window.files.open_vectors(str(path))
    qtbot.waitUntil(lambda: window.state.vectors is not None, timeout=30_000)
    wait_idle(qtbot, window.state)
    data = window.data_panel
    qtbot.waitUntil(lambda: data.vectors_summary is not None, timeout=30_000)
    neighbours = window.panels["Neighbours"]
    neighbours.query(names[3])
    info = data.info.text()
    assert "名称 × " in info and "维" in info, info
    texts = ([info, window.windowTitle(), neighbours.heading.text(), neighbours.status.text()]
             + table_texts(neighbours.table) + table_texts(data.vectors_view.sample_table)[:8]
             + [data.vectors_view.norm_plot.getPlotItem().titleLabel.text]
             + [data.vectors_view.norm_plot.getPlotItem().getAxis(side).labelText for side in ("bottom", "left")])
    assert neighbours.table.rowCount() > 0
    texts += word_pair_benchmark(qtbot, window, tmp_path, names)
    left = english_in(said + texts, set(names) | {"small", "pairs"})
    assert not left, "English in the zh_CN window:\n" + "\n".join(left)


def test_bad_rows_and_detected_columns_are_said_in_chinese(qtbot, chinese, window, tmp_path):
    from w2v_desktop.gui.dialogs.ratings_dialog import RatingsDialog

    path = tmp_path / "odd.csv"
    good = [f"u{u},i{(u * 7 + k) % 30},{1 + (u + k) % 5},{1000 + 10 * k}" for u in range(40) for k in range(8)]
    path.write_text("user,item,rating,time\n" + "\n".join(good[:50]) + "\nu1,i2,lots,1000\n\nu2,,3,1001\n"
                    + "\n".join(good[50:]) + "\n", encoding="utf-8")
    dialog = RatingsDialog(path, window.state, window)
    qtbot.addWidget(dialog)
    detected = dialog.detected.text()
    assert "分隔符" in detected and "有表头" in detected, detected
    window.files.open_ratings(str(path), ask=False)
    wait_idle(qtbot, window.state)
    qtbot.waitUntil(lambda: "\n" in window.data_panel.preview.toPlainText(), timeout=30_000)
    first = window.data_panel.preview.toPlainText().split("\n\n")[0].splitlines()[0]
    assert "评分不是数字 1 行" in first and "缺少字段 1 行" in first, first
    left = english_in([detected, first], {"odd", "user", "item", "rating", "time"})
    assert not left, "English in the zh_CN window:\n" + "\n".join(left)


def test_spark_progress_and_the_time_left_are_said_in_chinese(qtbot, chinese):
    from types import SimpleNamespace

    from w2v_desktop.core.spark import session
    from w2v_desktop.core.wording import QT_TR_NOOP, Phrase
    from w2v_desktop.gui.widgets.load_progress import LoadProgressWidget

    stage = SimpleNamespace(numTasks=8, numCompletedTasks=3, numActiveTasks=2, name="collect at /x.py:1")
    tracker = SimpleNamespace(getJobIdsForGroup=lambda group: [0],
                              getJobInfo=lambda job: SimpleNamespace(stageIds=[0]), getStageInfo=lambda s: stage)
    context = SimpleNamespace(statusTracker=lambda: tracker)
    progress = session._progress(context, "g", Phrase(QT_TR_NOOP("Reading {name}"), name="x.csv"))
    assert str(progress.message) == "Reading x.csv (collect): 3/8 tasks"  # what the command line prints
    assert i18n.tr_phrase(progress.message) == "正在读取 x.csv（collect）：3/8 个任务"
    bar = LoadProgressWidget()
    qtbot.addWidget(bar)
    bar._show(["job", "x.csv", None], 0.5, 125)
    assert bar.left.text().endswith("剩余约 2 分钟"), bar.left.text()
    assert not english_in([bar.left.text()], {"x"})


def word_pair_benchmark(qtbot, window, tmp_path, names) -> list[str]:
    """The Analogy tab's word-pair evaluation of the opened vectors: summary, chart axis, history row."""
    pairs = tmp_path / "pairs.txt"
    pairs.write_text("".join(f"{names[i]} {names[i + 1]} {i % 10}\n" for i in range(0, 30, 2)) + "w0 absent 5\n",
                     encoding="utf-8")
    analogy = window.panels["Analogy"]
    from w2v_desktop.gui.panels.analogy_panel import PAIRS

    analogy.path_edit.setText(str(pairs))
    analogy.kind_combo.setCurrentIndex(analogy.kind_combo.findData(PAIRS))
    analogy.run_benchmark()
    qtbot.waitUntil(lambda: not analogy.runner.running, timeout=30_000)
    assert analogy.history.rowCount() == 1, analogy.summary.text()
    row = [analogy.history.item(0, c).text() for c in range(analogy.history.columnCount())]
    assert "余弦" in row, row
    axis = analogy.chart.plot.getPlotItem().getAxis("bottom").labelText
    return [analogy.summary.text(), axis] + row
