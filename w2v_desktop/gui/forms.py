"""A form generated from a dataclass's fields, so new options appear by themselves.

Widgets follow the field types: bool -> check box (or a two-choice combo),
int -> spin box, ``int | None`` -> spin box whose lowest value means None,
float -> double spin box, str -> line edit, collections of str -> a line edit
of comma-separated words, Enum/Literal-like choices -> combo box. Labels,
tooltips, groups and choices are optional presentation hints passed in; the
dataclass itself stays the single source of truth (``value()`` constructs it,
so its own validation runs).
"""
from __future__ import annotations

import dataclasses
import typing
from types import UnionType
from typing import Any, Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDoubleSpinBox, QFormLayout, QGroupBox, QLabel,
                               QLineEdit, QSpinBox, QVBoxLayout, QWidget)
from w2v_desktop.gui.i18n import QT_TR_NOOP, tr

INT_MAX = 2_000_000_000


@dataclasses.dataclass
class FieldHints:
    label: str = ""
    tooltip: str = ""
    choices: dict | None = None  # value -> shown text
    minimum: float | None = None
    maximum: float | None = None
    step: float | None = None
    decimals: int = 6
    none_text: str = QT_TR_NOOP("none")


def _unwrap_optional(tp) -> tuple[Any, bool]:
    args = typing.get_args(tp)
    if (typing.get_origin(tp) in (typing.Union, UnionType)) and type(None) in args:
        rest = [a for a in args if a is not type(None)]
        return (rest[0] if len(rest) == 1 else typing.Union[tuple(rest)]), True
    return tp, False


class _Editor:
    """Pairs a widget with typed getters/setters."""

    def __init__(self, widget: QWidget, get: Callable[[], Any], set_: Callable[[Any], None],
                 changed: Any):
        self.widget, self.get, self.set, self.changed = widget, get, set_, changed


def make_editor(tp, hints: FieldHints) -> _Editor:
    base, optional = _unwrap_optional(tp)
    if hints.choices:
        return _choice_editor(hints.choices)
    if base is bool:
        box = QCheckBox()
        return _Editor(box, box.isChecked, box.setChecked, box.toggled)
    if base is int:
        return _int_editor(hints, optional)
    if base is float and not optional:
        spin = QDoubleSpinBox()
        spin.setDecimals(hints.decimals)
        spin.setRange(hints.minimum if hints.minimum is not None else -1e9,
                      hints.maximum if hints.maximum is not None else 1e9)
        spin.setSingleStep(hints.step or 0.01)
        return _Editor(spin, spin.value, lambda v: spin.setValue(float(v)), spin.valueChanged)
    if base is float or _is_union_of(base, int, str):
        return _text_editor(hints, optional, float if base is float else _column)
    origin = typing.get_origin(base)
    if origin in (tuple, frozenset, set, list):
        edit = QLineEdit()
        edit.setPlaceholderText(tr("comma-separated words"))
        kind = origin

        def get():
            words = [w.strip() for w in edit.text().replace("\n", ",").split(",") if w.strip()]
            return kind(words) if kind is not list else words

        return _Editor(edit, get, lambda v: edit.setText(", ".join(sorted(v or ()))), edit.textChanged)
    # str, Path and anything else given as text
    return _text_editor(hints, optional, base if callable(base) and base is not str else str)


def _column(text: str) -> int | str:
    """A column given as a 0-based index or a header name."""
    return int(text) if text.isdigit() else text


def _is_union_of(tp, *members) -> bool:
    return typing.get_origin(tp) in (typing.Union, UnionType) and set(typing.get_args(tp)) == set(members)


def _text_editor(hints: FieldHints, optional: bool, parse: Callable[[str], Any]) -> _Editor:
    """Free text parsed on read (optional numbers, int-or-name columns); empty means None."""
    edit = QLineEdit()
    if optional:
        edit.setPlaceholderText(tr(hints.none_text))

    def get():
        text = edit.text().strip()
        return None if optional and not text else parse(text)

    return _Editor(edit, get, lambda v: edit.setText("" if v is None else str(v)), edit.textChanged)


def _int_editor(hints: FieldHints, optional: bool) -> _Editor:
    spin = QSpinBox()
    low = int(hints.minimum) if hints.minimum is not None else 0
    spin.setRange(low - 1 if optional else low, int(hints.maximum) if hints.maximum is not None else INT_MAX)
    if hints.step:
        spin.setSingleStep(int(hints.step))
    if optional:
        spin.setSpecialValueText(tr(hints.none_text))  # shown at the minimum, which stands for None

    def get():
        value = spin.value()
        return None if optional and value == spin.minimum() else value

    def set_(value):
        spin.setValue(spin.minimum() if value is None else int(value))

    return _Editor(spin, get, set_, spin.valueChanged)


def _choice_editor(choices: dict) -> _Editor:
    combo = QComboBox()
    for value, text in choices.items():
        combo.addItem(tr(text), value)

    def set_(value):
        index = next((i for i in range(combo.count()) if combo.itemData(i) == value), 0)
        combo.setCurrentIndex(index)

    return _Editor(combo, combo.currentData, set_, combo.currentIndexChanged)


def field_label(name: str) -> str:
    return name.replace("_", " ").capitalize()


class DataclassForm(QWidget):
    """Edits one frozen dataclass; ``value()`` builds an instance (raising its own errors)."""

    changed = Signal()

    def __init__(self, cls, value=None, hints: dict[str, FieldHints] | None = None,
                 groups: dict[str, list[str]] | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.cls = cls
        self.hints = hints or {}
        self.editors: dict[str, _Editor] = {}
        types = typing.get_type_hints(cls)
        names = [f.name for f in dataclasses.fields(cls)]
        groups = dict(groups or {})
        grouped = {n for members in groups.values() for n in members}
        leftovers = [n for n in names if n not in grouped]
        if leftovers:  # fields added later still appear
            groups["Other" if groups else ""] = leftovers
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for title, members in groups.items():
            form = QFormLayout()
            form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
            for name in (m for m in members if m in names):
                self._add_row(form, name, types[name])
            if title:
                box = QGroupBox(tr(title))
                box.setLayout(form)
                layout.addWidget(box)
            else:
                layout.addLayout(form)
        labels = self.findChildren(QLabel)
        width = max((label.sizeHint().width() for label in labels), default=0)
        for label in labels:  # one label column across all groups
            label.setMinimumWidth(width)
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        layout.addWidget(self.error_label)
        layout.addStretch(1)
        self.set_value(value if value is not None else cls())

    def _add_row(self, form: QFormLayout, name: str, tp) -> None:
        hints = self.hints.get(name, FieldHints())
        editor = make_editor(tp, hints)
        editor.widget.setObjectName(name)
        label = QLabel(tr(hints.label) if hints.label else field_label(name))
        if hints.tooltip:
            editor.widget.setToolTip(tr(hints.tooltip))
            label.setToolTip(tr(hints.tooltip))
        editor.changed.connect(self._on_changed)
        form.addRow(label, editor.widget)
        self.editors[name] = editor

    def set_value(self, value) -> None:
        for name, editor in self.editors.items():
            editor.widget.blockSignals(True)
            editor.set(getattr(value, name))
            editor.widget.blockSignals(False)
        self._on_changed()

    def raw_values(self) -> dict:
        return {name: editor.get() for name, editor in self.editors.items()}

    def value(self):
        """The edited dataclass; raises the dataclass's own validation error."""
        return self.cls(**self.raw_values())

    def validate(self) -> str:
        """An error message, or "" when the values are valid (also shown under the form)."""
        try:
            self.value()
            message = ""
        except (ValueError, TypeError) as exc:
            message = str(exc)
        self.error_label.setText(f"⚠ {message}" if message else "")
        self.error_label.setVisible(bool(message))
        return message

    def _on_changed(self, *_args) -> None:
        self.validate()
        self.changed.emit()
