"""The window's system-library check: the apt line instead of Qt's abort."""
from w2v_desktop import cli
from w2v_desktop.cli import qt_platform


def test_xcb_is_expected_only_on_linux_x11_or_when_asked_for():
    assert qt_platform.uses_xcb({"DISPLAY": ":0"}, "linux")
    assert not qt_platform.uses_xcb({"DISPLAY": ":0", "WAYLAND_DISPLAY": "wayland-0"}, "linux")
    assert qt_platform.uses_xcb({"QT_QPA_PLATFORM": "xcb", "WAYLAND_DISPLAY": "w"}, "linux")
    assert not qt_platform.uses_xcb({"QT_QPA_PLATFORM": "offscreen", "DISPLAY": ":0"}, "linux")
    assert not qt_platform.uses_xcb({"DISPLAY": ":0"}, "darwin")
    assert not qt_platform.uses_xcb({}, "linux")


def test_the_message_names_the_packages_of_the_missing_libraries():
    gone = {"libxcb-icccm.so.4", "libxcb-keysyms.so.1"}
    message = qt_platform.xcb_problem({"DISPLAY": ":0"}, "linux", loadable=lambda name: name not in gone)
    assert "sudo apt install libxcb-icccm4 libxcb-keysyms1" in message
    assert qt_platform.xcb_problem({"DISPLAY": ":0"}, "linux", loadable=lambda name: True) is None


def test_an_import_error_of_qtgui_names_its_package():
    exc = ImportError("libEGL.so.1: cannot open shared object file: No such file or directory")
    assert "sudo apt install libegl1" in qt_platform.explain_import_error(exc, loadable=lambda n: True)


def test_the_app_exits_with_the_apt_line_instead_of_starting_qt(monkeypatch, capsys):
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.setenv("DISPLAY", ":0")
    monkeypatch.setattr(qt_platform, "_loadable", lambda name: name != "libxcb-cursor.so.0")
    assert cli.main([]) == 2
    err = capsys.readouterr().err
    assert "libxcb-cursor0" in err and "Traceback" not in err
