"""Map bookmarks from and to a view: made from its parts and checked in full (the projection
parameters through ``ProjectionParams``); the file-level checks are ``core.formats.map_bookmarks``."""
from __future__ import annotations

from dataclasses import asdict, fields

from w2v_desktop.core.analysis.projection_params import ProjectionError, ProjectionParams
from w2v_desktop.core.formats.map_bookmarks import BookmarkError, check_bookmark


def make_bookmark(name: str, subset: dict, params: ProjectionParams, colour: str, colour_value: str | None,
                  label: str, selection, view_range) -> dict:
    """A bookmark (checked) from the view's parts."""
    (x0, x1), (y0, y1) = view_range
    return check_bookmark({"name": str(name), "subset": dict(subset), "params": asdict(params),
                           "colour": str(colour), "colour_value": colour_value, "label": str(label),
                           "selection": [int(i) for i in selection],
                           "view": [[float(x0), float(x1)], [float(y0), float(y1)]]})


def bookmark_params(bookmark: dict) -> ProjectionParams:
    """The bookmark's projection parameters, or BookmarkError saying why they are not usable."""
    params = bookmark["params"]
    known = {f.name for f in fields(ProjectionParams)}
    unknown = sorted(set(params) - known)
    if unknown:
        raise BookmarkError(f"{bookmark['name']!r}: unknown projection parameters {', '.join(unknown)}")
    try:
        return ProjectionParams(**params)
    except (ProjectionError, TypeError, ValueError) as exc:
        raise BookmarkError(f"{bookmark['name']!r}: projection parameters not usable: {exc}") from None
