"""Training from the Train tab: live plots, pause/resume/stop, watch list, errors, continuation."""
from __future__ import annotations

import math

import pytest

from tests.gui.helpers import topic_corpus, wait_idle
from w2v_desktop.core.config import ITEM_DEFAULTS
from w2v_desktop.core.train.trainer import Progress, Trainer
from w2v_desktop.core.train.model_file import load_model, save_model
from w2v_desktop.gui import state as app_state
from w2v_desktop.gui.dialogs.error_dialog import open_error_dialogs
from w2v_desktop.gui.panels.data_panel import DataPanel
from w2v_desktop.gui.panels.train_panel import TrainPanel, format_seconds
from w2v_desktop.gui.state import AppState


@pytest.fixture
def panel(qtbot):
    state = AppState()
    errors = []
    state.error_occurred.connect(lambda *args: errors.append(args))
    widget = TrainPanel(state)
    widget.errors = errors
    qtbot.addWidget(widget)
    yield widget
    for job in state.jobs():  # a failed test must not leave training running
        job.cancel()
        job.wait()


def configure(panel, corpus, **options):
    state = panel.state
    state.set_corpus(corpus)
    state.set_config(state.config.replace(dim=16, min_count=1, threads=1, chunk_words=500, **options))


def test_training_updates_loss_curve_epochs_and_publishes_vectors(qtbot, panel):
    configure(panel, topic_corpus(), epochs=3)
    states, published = [], []
    panel.state.training_state_changed.connect(states.append)
    panel.state.vectors_changed.connect(published.append)
    panel.start()
    wait_idle(qtbot, panel.state)
    assert not panel.errors
    assert states[0] == app_state.RUNNING and states[-1] == app_state.IDLE
    assert panel.loss.points >= 3 and len(panel.loss._lines) == 3
    assert len(published) == 1 and published[0] is panel.state.vectors
    assert "apple" in panel.state.vectors and panel.state.vectors.dim == 16
    assert panel.state.trainer.epochs_trained == 3
    assert panel.progress_bar.value() == 1000
    assert "Finished" in panel.log.toPlainText()


def test_watch_list_and_analogies_are_reported_each_epoch(qtbot, panel, tmp_path):
    questions = tmp_path / "analogies.txt"
    questions.write_text(": fruit-metal\napple iron pear copper\nplum zinc cherry tin\n", encoding="utf-8")
    configure(panel, topic_corpus(), epochs=3)
    panel.watch_edit.setText("apple, whale, unicorn")
    panel.analogy_path.setText(str(questions))
    panel.analogy_box.setChecked(True)
    panel.start()
    wait_idle(qtbot, panel.state)
    assert not panel.errors
    history = panel.watch.history
    assert sorted(history) == ["apple", "whale"]
    assert [epoch for epoch, _ in history["apple"]] == [1, 2, 3]
    assert len(history["apple"][-1][1]) == 10
    # After training, fruit is nearer to fruit than to sea creatures.
    top = [n.name for n in history["apple"][-1][1][:3]]
    assert set(top) <= set(["pear", "plum", "cherry", "grape", "the", "a", "of", "and", "is", "on"])
    assert "unicorn" in panel.watch.note.text()
    assert panel.watch.table.columnCount() == 3  # "apple" is shown first
    assert len(panel.evaluation._y) == 3 and all(0 <= y <= 100 for y in panel.evaluation._y)


def test_pause_holds_training_and_resume_finishes(qtbot, panel):
    configure(panel, topic_corpus(4000), epochs=200)
    seen: list[Progress] = []
    panel.start()
    panel.job.progress.connect(lambda r: seen.append(r) if isinstance(r, Progress) else None)
    qtbot.waitUntil(lambda: any(p.words_done > 0 for p in seen), timeout=60_000)
    panel.pause_action.setChecked(True)
    assert panel.state.training_state == app_state.PAUSED
    qtbot.waitUntil(lambda: seen[-1].state == "paused", timeout=10_000)
    held = seen[-1].words_done
    qtbot.wait(400)
    assert seen[-1].state == "paused" and seen[-1].words_done == held
    panel.pause_action.setChecked(False)
    assert panel.state.training_state == app_state.RUNNING
    qtbot.waitUntil(lambda: seen[-1].words_done > held, timeout=10_000)
    panel.stop()
    wait_idle(qtbot, panel.state)


def test_stop_while_paused_keeps_the_vectors_learnt_so_far(qtbot, panel):
    configure(panel, topic_corpus(4000), epochs=200)
    panel.start()
    qtbot.waitUntil(lambda: panel.last_progress is not None and panel.last_progress.words_done > 0,
                    timeout=60_000)
    panel.pause_action.setChecked(True)
    panel.stop()
    assert panel.state.training_state == app_state.STOPPING
    wait_idle(qtbot, panel.state, timeout=20_000)
    assert panel.state.training_state == app_state.IDLE
    assert panel.last_progress.state == "cancelled"
    assert panel.state.vectors is not None and panel.state.trainer.epochs_trained < 200
    assert "Stopped early" in panel.log.toPlainText()
    assert not panel.pause_action.isChecked() and panel.train_action.isEnabled()


def test_training_error_is_shown_not_swallowed(qtbot, panel):
    configure(panel, topic_corpus(50), epochs=1)
    panel.state.set_config(panel.state.config.replace(min_count=10_000))  # nothing survives
    panel.start()
    wait_idle(qtbot, panel.state)
    assert panel.errors, "the worker's exception must reach the error dialog"
    title, message, details = panel.errors[0]
    assert title == "Training failed" and "min_count" in message and "Traceback" in details
    assert panel.state.training_state == app_state.IDLE and panel.train_action.isEnabled()
    assert "Error" in panel.log.toPlainText()


def test_invalid_options_are_refused_before_starting(qtbot, panel):
    configure(panel, topic_corpus(50))
    form = panel.options.form
    form.editors["hs"].set(False)
    form.editors["negative"].set(0)
    assert "negative" in form.validate() and form.error_label.isVisibleTo(panel)
    panel.start()
    assert panel.job is None and panel.errors and "negative" in panel.errors[0][1]
    for box in open_error_dialogs():
        box.close()


def test_presets_fill_the_form(qtbot, panel):
    panel.options.apply_preset("items")
    config = panel.options.config()
    assert (config.window, config.min_count, config.sample) == tuple(ITEM_DEFAULTS[k] for k in ("window", "min_count", "sample"))
    assert panel.state.config == config  # the shared state follows the form
    panel.options.apply_preset("text")
    assert panel.options.config().window == 5


def test_data_panel_min_count_is_shared_with_the_training_form(qtbot, panel):
    data = DataPanel(panel.state)
    qtbot.addWidget(data)
    configure(panel, topic_corpus(300))
    wait_idle(qtbot, panel.state)
    assert data.summary is not None
    data.min_count.setValue(10_000)
    assert panel.options.form.editors["min_count"].get() == 10_000
    assert "Keeps <b>0</b>" in data.report.text()
    panel.options.form.editors["min_count"].set(1)
    assert data.min_count.value() == 1 and "Keeps <b>21</b>" in data.report.text()


def test_continue_training_a_saved_model_on_new_data(qtbot, panel, tmp_path):
    configure(panel, topic_corpus(), epochs=2)
    panel.start()
    wait_idle(qtbot, panel.state)
    model = tmp_path / "m.w2vmodel.npz"
    save_model(panel.state.trainer, model)
    # A fresh session: open the model, then new data with a new topic.
    panel.state.set_trainer(load_model(model))
    assert panel.continue_box.isEnabled()
    panel.continue_box.setChecked(True)
    assert not panel.options.form.editors["dim"].widget.isEnabled()
    new = topic_corpus(800, seed=3, topics={"sky": ["sun", "moon", "star", "cloud", "comet"]})
    panel.state.set_corpus(new)
    panel.state.set_config(panel.state.config.replace(epochs=2))
    panel.start()
    wait_idle(qtbot, panel.state)
    assert not panel.errors
    vectors = panel.state.vectors
    assert "moon" in vectors and "apple" in vectors and vectors.dim == 16
    assert panel.state.trainer.epochs_trained == 4
    assert "5 new words added" in panel.log.toPlainText()


def test_continuing_may_change_the_window_and_refuses_a_new_dimension(qtbot, panel):
    """The form asks core's one rule (config.continue_config), as the command line does."""
    configure(panel, topic_corpus(300), epochs=1)
    panel.start()
    wait_idle(qtbot, panel.state)
    trained = panel.state.trainer
    panel.options.form.editors["dim"].set(32)  # changed before continuing: the model has 16
    panel.continue_box.setChecked(True)
    assert not panel.options.form.editors["dim"].widget.isEnabled()
    assert panel.options.form.editors["window"].widget.isEnabled()
    panel.start()
    assert panel.job is None and panel.errors
    title, message, _details = panel.errors[-1]
    assert title == "Cannot train" and message.startswith("dim cannot change") and "dim=16" in message
    for box in open_error_dialogs():
        box.close()
    panel.continue_box.setChecked(False)
    panel.options.form.editors["dim"].set(16)
    panel.continue_box.setChecked(True)
    panel.options.form.editors["window"].set(9)
    panel.start()
    wait_idle(qtbot, panel.state)
    assert len(panel.errors) == 1
    assert panel.state.trainer is trained and trained.config.window == 9 and trained.epochs_trained == 2


def test_the_app_state_gets_the_trainer_when_the_run_ends(qtbot, panel):
    configure(panel, topic_corpus(4000), epochs=200)
    panel.start()
    qtbot.waitUntil(lambda: panel.last_progress is not None and panel.last_progress.words_done > 0,
                    timeout=60_000)
    assert panel.state.trainer is None and panel.state.vectors is None  # still the training threads'
    assert panel.handle is not None and panel.handle.progress is not None
    panel.stop()
    wait_idle(qtbot, panel.state)
    assert panel.state.trainer is not None and panel.state.vectors is not None and panel.handle is None


def test_a_window_the_options_refuse_shows_their_message(qtbot, panel):
    panel.options.form.editors["window"].set(0)
    assert panel.options.form.validate().startswith("window 0: at least 1 needed (word2vec cuts sentences")
    configure(panel, topic_corpus(50))  # the state keeps the last valid options; the form does not
    panel.options.form.editors["window"].set(0)
    panel.start()
    assert panel.job is None and "window 0: at least 1 needed" in panel.errors[-1][1]
    for box in open_error_dialogs():
        box.close()


def test_format_seconds():
    assert format_seconds(65) == "1:05" and format_seconds(3725) == "1:02:05"
    assert format_seconds(math.nan) == "–"


def test_options_the_model_ignores_are_greyed_out(qtbot, panel):
    form = panel.options.form
    form.set_value(panel.options.config().replace(sg=True, hs=False))
    assert not form.editors["cbow_mean"].widget.isEnabled()
    assert form.editors["negative"].widget.isEnabled()
    form.set_value(panel.options.config().replace(sg=False, hs=True, negative=0))
    assert form.editors["cbow_mean"].widget.isEnabled()
    assert not form.editors["negative"].widget.isEnabled()
