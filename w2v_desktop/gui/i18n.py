"""Translating the GUI: ``tr("text")`` and the choice of language.

Every user-visible string of the GUI goes through ``tr`` (or is marked with
``QT_TR_NOOP`` where it is a module constant, and translated where it is
shown). ``pyside6-lupdate`` extracts both into one translation context, so a
phrase used on several tabs is translated once, the same everywhere
(``resources/update_translations.py`` re-runs lupdate and lrelease).

The language is the system's (``QLocale.system()``: ``LANG=zh_CN.UTF-8`` gives
简体中文) unless the View menu's Language chose one; it is read when the app
starts, so a change applies on the next start.
"""
from __future__ import annotations

import sys

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

from w2v_desktop.core.bundled import bundled_path
from w2v_desktop.core.wording import Phrase, plural
from w2v_desktop.core.wording import QT_TR_NOOP as QT_TR_NOOP  # the GUI marks its constants with core's marker

CONTEXT = ""  # lupdate's context for a bare tr()/QT_TR_NOOP()
LANGUAGES = ("system", "en", "zh_CN")  # the choices of the View menu's Language
SETTING = "language"
CJK_FONT_PACKAGE = "fonts-noto-cjk"


def tr(text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """``text`` in the current language (``%n`` is replaced by ``n`` when given)."""
    return QCoreApplication.translate(CONTEXT, text, disambiguation, n)


def tr_phrase(text: str) -> str:
    """A line made in core in the current language: a ``core.wording.Phrase`` has its template
    translated and its values (nested phrases translated too) formatted into it; any other
    string (a file name, a message not yet made a Phrase) is shown as it is."""
    if isinstance(text, Phrase):
        return text.say(tr)
    return text


def said(exc: BaseException) -> str:
    """An exception's message in the current language: a reader's error whose message is a
    ``Phrase`` is translated (file names and numbers kept), any other says ``str(exc)``."""
    message = exc.args[0] if len(exc.args) == 1 else None
    return tr_phrase(message) if isinstance(message, Phrase) else str(exc)


def counted(n: int, one: str, many: str) -> str:
    """``n`` with the singular or plural of a translated word: ``counted(1, tr("point"), tr("points"))``
    is "1 point" in English, "1 个点" in Chinese (one form there)."""
    return tr_phrase(plural(n, one, many))


def chosen_language(settings: QSettings | None = None) -> str:
    """The language to show: "en" or "zh_CN", from the setting or, for "system", the system locale."""
    choice = str((settings or QSettings()).value(SETTING, "system") or "system")
    if choice in ("en", "zh_CN"):
        return choice
    return language_of_locale(QLocale.system())


def language_of_locale(locale: QLocale) -> str:
    chinese = locale.language() == QLocale.Language.Chinese
    simplified = locale.script() in (QLocale.Script.SimplifiedChineseScript, QLocale.Script.AnyScript)
    return "zh_CN" if chinese and simplified else "en"


def translation_file(language: str):
    return bundled_path("i18n", f"w2v_desktop_{language}.qm")


_installed: list[QTranslator] = []


def install_translators(app, language: str) -> bool:
    """Replace the app's translators with those of ``language`` ("en": none). True when ours loaded."""
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    if language == "en":
        return True
    ours = QTranslator(app)
    loaded = ours.load(str(translation_file(language)))
    if loaded:
        app.installTranslator(ours)
        _installed.append(ours)
    qt_own = QTranslator(app)  # Qt's own strings: standard buttons, file dialogs
    if qt_own.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt_own)
        _installed.append(qt_own)
    return loaded


def has_cjk_font() -> bool:
    from PySide6.QtGui import QFontDatabase

    return bool(QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese))


def cjk_font_hint() -> str:
    return tr("No Chinese font found: install {package} (e.g. sudo apt install {package}) and restart.").format(
        package=CJK_FONT_PACKAGE)


def setup_language(app, settings: QSettings | None = None) -> str:
    """Install the chosen language's translators (before any window is built); returns the language."""
    language = chosen_language(settings)
    if language != "en":
        if not install_translators(app, language):
            sys.stderr.write(f"w2v-desktop: no {language} translation in this install; showing English\n")
            return "en"
        if not has_cjk_font():
            sys.stderr.write(cjk_font_hint() + "\n")
    return language
