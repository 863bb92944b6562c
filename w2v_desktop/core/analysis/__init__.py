"""Judging and seeing vectors: analogy and word-pair evaluation (``intrinsic``), recommendation
evaluation with named ranking metrics, alignment of two runs, 2-D maps (``projection``: the
parameters, the layouts, the child process that makes Cancel prompt, axes you choose, map export)
and what draws and picks on them (``map_density``, ``map_labels``, ``map_select``, ``map_camera``: a
3-D map turned in numpy), the map's table columns and its filter language (``map_columns``,
``map_filter``), two runs on one map (``map_compare``).

Other wings, the CLI and the GUI import these names from here (each module is imported when one of
its names is first used); ``align.align`` is used through its module, whose name it shares."""
from w2v_desktop.core.lazy import lazy_exports

__all__, __getattr__, __dir__ = lazy_exports(__name__, {
    "align": ("AlignError", "iter_align"),
    "intrinsic": ("evaluate_analogies",),
    "map_camera": ("Camera", "axis_directions", "far_first", "nearness", "screen_view", "unit_ball"),
    "map_compare": ("DEFAULT_ARROWS", "MapComparison", "iter_map_comparison", "map_comparison",
                    "write_comparison_csv"),
    "map_colour": ("OKABE_ITO", "ColumnValues", "cell_values", "distinct_cells", "has_value", "is_multi_label",
                   "is_useful", "log_counts", "main_value", "value_counts"),
    "map_columns": ("MapColumns", "make_map_columns", "projection_columns"),
    "map_density": ("density_image", "grid_order", "visible_rows"),
    "map_filter": ("FilterError", "filter_mask", "parse_filter"),
    "map_view_state": ("bookmark_camera", "bookmark_params", "make_bookmark"),
    "map_labels": ("Placement", "label_order", "place_labels"),
    "map_search": ("MapText",),
    "map_select": ("map_neighbours", "nearest_point", "points_in_box", "points_in_polygon"),
    "map_axes": ("AxisError", "axes_coordinates", "parse_axis"),
    "map_export": ("MAP_SUFFIXES", "export_map"),
    "projection": ("Projection", "project", "select_rows"),
    "projection_params": ("PROJECTION_METHODS", "ProjectionError", "ProjectionParams", "UMAP_METRICS",
                          "estimate_seconds"),
    "ranking": ("hit_rate", "mrr", "ndcg"),
    "recs": ("EvalOptions", "ItemModel", "evaluate_recs", "fit_model", "genre_coherence", "leave_last_out"),
})
