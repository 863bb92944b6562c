"""简体中文 in the main flows: what the window says while opening the sample corpus, training,
querying neighbours and drawing a map (lines made in core included) has no English words left;
opening the sample ratings shows its sequence report and warnings in Chinese."""
from __future__ import annotations

import pytest

from tests.gui.helpers import wait_idle
from tests.gui.test_translation import ALLOWED, CORE_VALUES, english_words
from w2v_desktop.gui import i18n

# technical tokens of these lines: option names with their values, units
TECHNICAL = {"min_count", "max_vocab", "cap", "p90", "HitRate", "KB", "MB", "GB", "bytes", "s", "min", "h"}


@pytest.fixture
def chinese(qapp):
    assert i18n.install_translators(qapp, "zh_CN")
    yield qapp
    i18n.install_translators(qapp, "en")


def english_in(lines: list[str], names) -> list[str]:
    extra = TECHNICAL | CORE_VALUES | set(names)
    return [line for line in lines if line and english_words(line, extra)]


def watch_status(window) -> list[str]:
    said: list[str] = []
    window.statusBar().messageChanged.connect(lambda text: text and said.append(text))
    return said


def test_sample_corpus_train_neighbours_and_map_speak_chinese(qtbot, window, chinese):
    said = watch_status(window)
    assert window.load_sample()
    wait_idle(qtbot, window.state)
    assert window.state.corpus is not None
    window.state.set_config(window.state.config.replace(dim=12, epochs=1, threads=1))
    train = window.train_panel
    train.start()
    qtbot.waitUntil(lambda: window.state.vectors is not None and not window.state.busy, timeout=120_000)
    names = window.state.vectors.names
    neighbours = window.panels["Neighbours"]
    neighbours.query(names[5])
    projection = window.panels["Projection"]
    projection.top_spin.setValue(60)
    projection.project_button.click()
    qtbot.waitUntil(lambda: projection.result is not None and not projection.runner.running, timeout=60_000)

    log = train.log.toPlainText().splitlines()
    report = [line for line in log[1:] if line.startswith(("语料", "保留", "去掉"))]
    assert len(report) == 3, log  # the vocabulary report, made in core
    lines = (said + log[1:] + [train.status.text(), neighbours.heading.text(), neighbours.status.text(),
                               projection.status.text()]
             + [neighbours.table.horizontalHeaderItem(c).text() for c in range(neighbours.table.columnCount())])
    assert any("正在读取" in line for line in said), said  # the load's steps, made in core
    assert "平均可信度" in projection.status.text() and "个点" in projection.status.text()
    assert "已训练" in said[-1] and "用时" in said[-1] and "个词" in said[-1], said[-1]  # a count, not the header "词"
    left = english_in(lines, names)
    assert not left, "English in the zh_CN window:\n" + "\n".join(left)


def test_sample_ratings_report_and_warnings_are_chinese(qtbot, window, chinese):
    said = watch_status(window)
    assert window.load_sample_ratings(ask=False)
    wait_idle(qtbot, window.state)
    qtbot.waitUntil(lambda: "\n" in window.data_panel.preview.toPlainText(), timeout=30_000)
    report = window.data_panel.preview.toPlainText().split("\n\n")[0].splitlines()
    assert len(report) >= len(window.state.data_report) >= 5
    assert any("评分尺度" in line for line in report) and any("序列" in line for line in report), report
    # the "e.g." line quotes item titles (data, English in the sample)
    left = english_in([line for line in report if "例如" not in line] + said, set())
    assert not left, "English in the zh_CN window:\n" + "\n".join(left)


def test_the_flow_check_catches_a_core_line_left_in_english(qtbot, window, chinese, monkeypatch):
    """Without tr_phrase on the data tab, the ratings report would stay English: the check sees it."""
    monkeypatch.setattr("w2v_desktop.gui.panels.data_panel.tr_phrase", lambda text: str(text))
    assert window.load_sample_ratings(ask=False)
    wait_idle(qtbot, window.state)
    qtbot.waitUntil(lambda: "\n" in window.data_panel.preview.toPlainText(), timeout=30_000)
    report = window.data_panel.preview.toPlainText().split("\n\n")[0].splitlines()
    assert english_in(report, set())
