"""Bookmarks of the map: "Bookmark view" saves how the points were chosen, the projection
and its parameters, the colouring, the selection, the view range and a 3-D map's camera into the app state
(and so into the project file when it is saved); choosing one in the list restores it:
the same points are projected again with the same parameters and seed, then the colour,
selection and view are put back. The checks are in core (``map_view_state``, ``map_bookmarks``).
"""
from __future__ import annotations


from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout

from w2v_desktop.core.analysis import bookmark_camera, bookmark_params, make_bookmark
from w2v_desktop.core.formats.map_bookmarks import BookmarkError
from w2v_desktop.gui.i18n import QT_TR_NOOP, tr

ADD_TIP = QT_TR_NOOP("Save the points, projection, colouring, selection and view; saved with the project")
NOT_FOR_TWO_RUNS = QT_TR_NOOP("Two runs on one map cannot be bookmarked: a bookmark projects its points again, "
                              "and this map needs the second run too (Compare tab)")


class MapBookmarks(QGroupBox):
    """Bookmarks of ``panel``'s map (a ProjectionPanel); kept in ``state.map_bookmarks``."""

    def __init__(self, panel, state, parent=None):
        super().__init__(tr("Bookmarks"), parent)
        self.panel, self.state = panel, state
        self.pending: dict | None = None   # the bookmark being restored (its map is projected)
        self.map_ready = False             # its map has come (set by the panel)
        self.add_button = QPushButton(tr("Bookmark view"))
        self.add_button.setToolTip(tr(ADD_TIP))
        self.restore_button = QPushButton(tr("Restore"))
        self.delete_button = QPushButton(tr("Delete"))
        self.list = QListWidget()
        self.list.setMaximumHeight(90)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.restore_button, self.delete_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.list)
        self.add_button.clicked.connect(self.add)
        self.restore_button.clicked.connect(lambda: self.restore(self.list.currentRow()))
        self.delete_button.clicked.connect(self.delete)
        self.list.itemDoubleClicked.connect(lambda item: self.restore(self.list.row(item)))
        state.bookmarks_changed.connect(self._show)
        self._show(state.map_bookmarks)
        self.set_enabled(False)

    def set_enabled(self, has_map: bool) -> None:
        """Offered for a projected map; not for two runs (no subset to project again), the tooltip says why."""
        two_runs = has_map and self.panel.result_subset is None
        self.add_button.setEnabled(has_map and not two_runs)
        self.add_button.setToolTip(tr(NOT_FOR_TWO_RUNS if two_runs else ADD_TIP))

    def _show(self, bookmarks) -> None:
        self.list.clear()
        for bookmark in bookmarks:
            item = QListWidgetItem(bookmark["name"])
            item.setToolTip(tr("{n:,} selected; colour: {colour}").format(n=len(bookmark["selection"]),
                                                                         colour=bookmark["colour"]))
            self.list.addItem(item)
        self.restore_button.setEnabled(bool(bookmarks))
        self.delete_button.setEnabled(bool(bookmarks))

    def add(self) -> dict | None:
        """Bookmark the map on screen; returns the bookmark."""
        panel = self.panel
        if panel.result is None or panel.result_subset is None:
            return None
        result = panel.result
        name = tr("{method} of {n:,} names").format(method=result.params.label, n=len(result.names))
        if panel.map.selection:
            name += tr(", {n:,} selected").format(n=len(panel.map.selection))
        bookmark = make_bookmark(f"{len(self.state.map_bookmarks) + 1}. {name}", panel.result_subset,
                                 result.params, panel.colouring.choice(), panel.colouring.value(),
                                 panel.label_combo.currentText(), panel.map.selection,
                                 panel.map.view_box.viewRange(),
                                 panel.map.turn.camera if panel.map.turn.active else None)
        self.state.set_bookmarks(self.state.map_bookmarks + [bookmark])
        self.state.set_unsaved(True)
        self.list.setCurrentRow(self.list.count() - 1)
        return bookmark

    def delete(self) -> None:
        row = self.list.currentRow()
        if 0 <= row < len(self.state.map_bookmarks):
            self.state.set_bookmarks(self.state.map_bookmarks[:row] + self.state.map_bookmarks[row + 1:])
            self.state.set_unsaved(True)

    def restore(self, row: int) -> None:
        """Set the panel's choices from bookmark ``row`` and project; the rest follows in ``finish``."""
        if not 0 <= row < len(self.state.map_bookmarks) or self.panel.runner.running:
            return
        bookmark = self.state.map_bookmarks[row]
        try:
            params = bookmark_params(bookmark)
        except BookmarkError as exc:
            self.panel.status.setText(tr("Cannot restore the bookmark: {exc}").format(exc=exc))
            return
        self._set_subset(bookmark["subset"])
        set_params(self.panel.controls, params)
        self.pending, self.map_ready = bookmark, False
        self.panel.run_projection()
        if self.panel.job is None:   # refused (the status says why)
            self.pending = None

    def finish(self) -> None:
        """A run has ended: if it drew the restored bookmark's map, colour, labels, selection and
        view as saved (a cancelled or failed run drops the restore)."""
        bookmark, self.pending = self.pending, None
        ready, self.map_ready = self.map_ready, False
        if bookmark is None or not ready or self.panel.result is None:
            return
        panel = self.panel
        if not panel.colouring.set_choice(bookmark["colour"], bookmark["colour_value"]):
            panel.status.setText(tr("The bookmark's colouring ({colour}) is not offered for these vectors.")
                                 .format(colour=bookmark["colour"]))
        panel.label_combo.setCurrentText(bookmark["label"])
        n = len(panel.result.names)
        camera = bookmark_camera(bookmark)
        if camera is not None:
            panel.map.turn.set_camera(camera)
        panel.map.select([i for i in bookmark["selection"] if i < n])
        (x0, x1), (y0, y1) = bookmark["view"]
        panel.map.view_box.setRange(xRange=(x0, x1), yRange=(y0, y1), padding=0)

    def _set_subset(self, subset: dict) -> None:
        panel = self.panel
        if "top_n" in subset:
            panel.top_radio.setChecked(True)
            panel.top_spin.setValue(subset["top_n"])
        elif "around" in subset:
            panel.around_radio.setChecked(True)
            panel.around_edit.setText(subset["around"])
            panel.around_k.setValue(subset["k"])
        else:
            panel.pasted_radio.setChecked(True)
            panel.pasted_edit.setPlainText("\n".join(subset["names"]))


def set_params(controls, params) -> None:
    """Put ``params`` (ProjectionParams) into a ProjectionControls."""
    controls.method_combo.setCurrentIndex(max(0, controls.method_combo.findData(params.method)))
    controls.seed_spin.setValue(params.seed)
    controls.perplexity.setValue(params.perplexity)
    controls.learning_rate.setValue(0 if params.learning_rate == "auto" else float(params.learning_rate))
    controls.exaggeration.setValue(params.exaggeration)
    controls.n_neighbors.setValue(params.n_neighbors)
    controls.min_dist.setValue(params.min_dist)
    controls.metric_combo.setCurrentText(params.metric)
    controls.normalize_check.setChecked(params.normalize)
    controls.three_d_check.setChecked(params.n_components == 3)
    controls.x_edit.setText(params.x_axis)
    controls.y_edit.setText(params.y_axis)



