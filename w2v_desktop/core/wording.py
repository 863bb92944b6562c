"""Words made in core and shown to people: translatable phrases, and counts ("1 point", "2 points").

Core never imports Qt, yet the GUI shows many lines made here (progress steps,
training summaries, warnings, the map's status). Such a line is a ``Phrase``:
an English template with named fields and their values. A Phrase *is* the
English string (``str`` subclass), so the command line, logs and tests see
exactly the text they saw before; the GUI's ``tr_phrase`` looks the template
up in the translation and formats the same values into it (a value that is a
Phrase itself is translated too).

Templates are marked with ``QT_TR_NOOP`` where they are written, the name
``pyside6-lupdate`` extracts (``resources/update_translations.py`` scans core as
well as the GUI), so they share the GUI's one translation context: a phrase
said by core and by the GUI is translated once.

Counts: ``plural(n, one, many)`` picks the singular or plural phrase as a unit
(no suffix glued onto a word, never "point(s)"), for English and a language
with one form (Chinese) alike.
"""
from __future__ import annotations

from typing import Any, Callable, Iterable


def QT_TR_NOOP(text: str) -> str:  # noqa: N802 - the name lupdate looks for
    """Marks ``text`` for extraction into the translation; returns it unchanged."""
    return text


class Phrase(str):
    """English text that remembers its template and values, so it can be said in another language.

    ``Phrase(template, n=1200, trust="0.91")`` with the template "{n:,} points; mean trust
    {trust}" (marked for lupdate where it is written) is the string "1,200 points; mean trust 0.91". Format specs live in the template, so a
    translation formats the numbers the same way.
    """

    template: str
    values: dict[str, Any]

    def __new__(cls, template: str, **values: Any) -> "Phrase":
        self = super().__new__(cls, template.format(**values))
        self.template = template
        self.values = values
        return self

    def __reduce__(self):  # copies keep the template (no pickle is written anywhere)
        return (_rebuild, (type(self), self.template, self.values))

    def say(self, translate: Callable[[str], str]) -> str:
        """The phrase in the language of ``translate`` (a template -> template function);
        a translation whose fields do not match the template falls back to English."""
        values = {k: v.say(translate) if isinstance(v, Phrase) else v for k, v in self.values.items()}
        try:
            return translate(self.template).format(**values)
        except (KeyError, IndexError, ValueError):
            return self.template.format(**values)


def _rebuild(cls, template, values):
    return cls(template, **values)


def joined(separator: str, parts: Iterable[str]) -> Phrase | str:
    """``separator.join(parts)`` that keeps each Phrase translatable (a plain str when no part is one)."""
    parts = list(parts)
    if not any(isinstance(p, Phrase) for p in parts):
        return separator.join(parts)
    fields = {f"p{i}": p for i, p in enumerate(parts)}
    return Phrase(separator.replace("{", "{{").replace("}", "}}").join("{" + k + "}" for k in fields), **fields)


def plural(n: int, one: str, many: str) -> Phrase:
    """``n`` with the singular or plural phrase: ``plural(2, "point", "points")`` -> "2 points".

    The word is a phrase of its own (mark it with ``QT_TR_NOOP`` where it is written), so a
    translation replaces it whole: "2 points" -> "2 个点"."""
    word = one if n == 1 else many
    return Phrase(COUNT, n=n, word=word if isinstance(word, Phrase) else Phrase(word))


COUNT = QT_TR_NOOP("{n:,} {word}")
