"""Asking where to write a map and in which format: CSV (coordinates and metadata), the
Embedding Projector's TSV pair, or a parquet table with neighbours for Embedding Atlas.
The writing is ``core.analysis.export_map`` (by suffix, atomic)."""
from __future__ import annotations

import os

from PySide6.QtWidgets import QFileDialog, QWidget

from w2v_desktop.gui.i18n import QT_TR_NOOP, tr
from w2v_desktop.gui.widgets import plot_export

# (file-type filter, suffix), in the dialog's order
MAP_FILTERS = (
    (QT_TR_NOOP("CSV: coordinates and metadata (*.csv)"), ".csv"),
    (QT_TR_NOOP("Embedding Projector: vectors + metadata TSV pair (*.tsv)"), ".tsv"),
    (QT_TR_NOOP("Embedding Atlas: parquet with x, y and neighbours (*.parquet)"), ".parquet"),
)


def map_path(path: str, chosen_filter: str) -> str:
    """``path`` with the suffix of the chosen filter when it has none of the map suffixes."""
    if path.lower().endswith(tuple(suffix for _f, suffix in MAP_FILTERS)):
        return path
    for text, suffix in MAP_FILTERS:
        if chosen_filter in (text, tr(text)):
            return path + suffix
    return path + ".csv"


def ask_map_path(parent: QWidget, default_name: str = "projection") -> str | None:
    """The path to write the map to (its suffix says the format), or None if cancelled.
    The dialog starts in the folder of the data in use."""
    start = os.path.join(plot_export.start_folder(), f"{default_name}.csv")
    filters = ";;".join(tr(text) for text, _suffix in MAP_FILTERS)
    path, chosen = QFileDialog.getSaveFileName(parent, tr("Export the map"), start, filters)
    return map_path(path, chosen) if path else None
