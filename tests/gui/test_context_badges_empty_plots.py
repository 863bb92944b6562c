"""Issue #12 polish: "Show in context" from the map's selection tables and the Recommendations
tables, help badges for trust and in·out, and the Train tab's plots' empty state."""
from __future__ import annotations

from PySide6.QtCore import Qt

from test_map import mapped, settle  # noqa: F401 (a fixture)
from test_panels import clustered_vectors, make_panel, project_now, rating_state, state, wait_job  # noqa: F401


def show_in_context(qtbot, table, state) -> str:
    """Open the first row's context menu and trigger "Show in context"; the name state receives."""
    menu = table.context_menu(table.visualItemRect(table.item(0, 1)).center())
    assert menu is not None, "no context menu: nothing connected to context_requested"
    action = menu.actions()[0]
    assert "in context" in action.text()
    with qtbot.waitSignal(state.context_requested, timeout=1000) as blocker:
        action.trigger()
    menu.deleteLater()
    return blocker.args[0]


def test_show_in_context_from_the_map_selection_tables(qtbot, mapped, state):
    panel = mapped
    panel.map.select([7])
    for table in (panel.selection.original, panel.selection.on_map):
        assert show_in_context(qtbot, table, state) == table.item(0, 1).text()


def test_show_in_context_from_the_recommendation_tables(qtbot, rating_state):
    from w2v_desktop.gui.panels.recs_panel import RecsPanel
    state, vectors = rating_state
    panel = make_panel(qtbot, RecsPanel, state)
    state.set_vectors(vectors)
    wait_job(qtbot, panel)
    qtbot.keyClicks(panel.user_edit, "u1")
    qtbot.keyClick(panel.user_edit, Qt.Key_Return)
    for table in (panel.cosine_table, panel.dot_table):
        assert show_in_context(qtbot, table, state) == table.names()[0]


def badge_terms(widget) -> set[str]:
    from w2v_desktop.gui.widgets.help_badge import GLOSSARY, HelpBadge
    from w2v_desktop.gui.i18n import tr
    texts = {badge.help_text for badge in widget.findChildren(HelpBadge)}
    return {term for term, text in GLOSSARY.items() if tr(text) in texts}


def test_help_badges_for_trust_on_the_map_and_in_out_in_the_evaluation(qtbot, mapped, rating_state):
    from w2v_desktop.gui.panels.recs_panel import RecsPanel
    assert "trust" in badge_terms(mapped)
    state, vectors = rating_state
    panel = make_panel(qtbot, RecsPanel, state)
    assert "in·out" in badge_terms(panel)


def test_train_plots_say_what_to_do_before_training(qtbot):
    from types import SimpleNamespace
    from w2v_desktop.gui.panels.train_monitor import EvalPlot, LossPlot
    loss, evaluation = LossPlot(), EvalPlot()
    for widget in (loss, evaluation):
        qtbot.addWidget(widget)
        assert "Press Train (F5)" in widget.hint.text
        assert not widget.plot.getPlotItem().getAxis("bottom").isVisible()
    loss.reset(0.0, epochs=3)
    assert not loss.hint.text and loss.plot.getPlotItem().getAxis("bottom").isVisible()
    evaluation.reset(0.0)
    assert evaluation.hint.text  # until the first epoch's accuracy
    evaluation.add(1, SimpleNamespace(accuracy=0.5, correct=5, total=10, skipped=0))
    assert not evaluation.hint.text and evaluation.plot.getPlotItem().getAxis("left").isVisible()
