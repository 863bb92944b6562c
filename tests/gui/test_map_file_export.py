"""The map panel's data export: CSV, the Projector TSV pair and Atlas parquet, by the chosen filter."""
from __future__ import annotations

import pyarrow.parquet as pq
from PySide6.QtWidgets import QFileDialog

from test_panels import clustered_vectors, make_panel, project_now, state  # noqa: F401 (a fixture)


def test_the_export_button_writes_csv_tsv_and_parquet_starting_in_the_data_folder(qtbot, state, tmp_path,
                                                                                   monkeypatch):
    from w2v_desktop.gui.panels.projection_panel import ProjectionPanel
    from w2v_desktop.gui.widgets import plot_export
    from w2v_desktop.gui.widgets.map_file_export import MAP_FILTERS
    from w2v_desktop.gui.i18n import tr
    monkeypatch.setattr(plot_export, "start_folder", lambda: str(tmp_path))
    state.set_vectors(clustered_vectors(titles=True))
    panel = make_panel(qtbot, ProjectionPanel, state)
    panel.top_spin.setValue(30)
    project_now(qtbot, panel)
    asked = []

    def answer(name, filter_index):
        def fake(parent, caption, start, filters):
            asked.append((start, filters))
            return str(tmp_path / name), tr(MAP_FILTERS[filter_index][0])
        return fake

    for name, index in (("map", 0), ("proj", 1), ("atlas", 2)):   # no suffix typed: the filter's
        monkeypatch.setattr(QFileDialog, "getSaveFileName", answer(name, index))
        panel.export_csv_button.click()
        qtbot.waitUntil(lambda: not panel.export_runner.running, timeout=60_000)   # written on a worker
    assert all(start.startswith(str(tmp_path)) for start, _f in asked)
    assert ".parquet" in asked[0][1] and ".tsv" in asked[0][1]
    assert (tmp_path / "map.csv").read_text().splitlines()[0].startswith("name,x,y,trust")
    assert (tmp_path / "proj.tsv").exists() and (tmp_path / "proj_metadata.tsv").exists()
    table = pq.read_table(tmp_path / "atlas.parquet")
    assert {"name", "x", "y", "neighbors"} <= set(table.column_names) and table.num_rows == 30
    first = table.column("neighbors")[0].as_py()
    assert len(first["ids"]) == 10 and 0 not in first["ids"] and len(first["distances"]) == 10
    assert "atlas.parquet" in panel.status.text()
