"""Map bookmarks from and to a view: made from its parts and checked in full (the projection
parameters through ``ProjectionParams``); the file-level checks are ``core.formats.map_bookmarks``."""
from __future__ import annotations

from dataclasses import asdict, fields

from w2v_desktop.core.analysis.map_camera import Camera
from w2v_desktop.core.analysis.projection_params import ProjectionError, ProjectionParams
from w2v_desktop.core.formats.map_bookmarks import BookmarkError, check_bookmark


def make_bookmark(name: str, subset: dict, params: ProjectionParams, colour: str, colour_value: str | None,
                  label: str, selection, view_range, camera: Camera | None = None) -> dict:
    """A bookmark (checked) from the view's parts; ``camera`` for a 3-D map."""
    (x0, x1), (y0, y1) = view_range
    bookmark = {"name": str(name), "subset": dict(subset), "params": asdict(params),
                "colour": str(colour), "colour_value": colour_value, "label": str(label),
                "selection": [int(i) for i in selection],
                "view": [[float(x0), float(x1)], [float(y0), float(y1)]]}
    if camera is not None:
        bookmark["camera"] = camera.as_dict()
    return check_bookmark(bookmark)


def bookmark_camera(bookmark: dict) -> Camera | None:
    """The 3-D map's camera of a (checked) bookmark, or None (a 2-D map, or saved before 3-D)."""
    camera = bookmark.get("camera")
    return None if camera is None else Camera(float(camera["yaw"]), float(camera["pitch"]))


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
