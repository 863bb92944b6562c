"""Qt's harmless offscreen-platform message does not reach the terminal; other messages do."""
from w2v_desktop.gui.app import _qt_message


def test_propagate_size_hints_is_dropped_and_other_messages_pass(capsys):
    _qt_message(None, None, "This plugin does not support propagateSizeHints()")
    _qt_message(None, None, "QPainter::begin: Paint device returned engine == 0")
    assert capsys.readouterr().err == "QPainter::begin: Paint device returned engine == 0\n"
