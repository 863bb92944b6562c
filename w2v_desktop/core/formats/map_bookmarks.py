"""Map bookmarks: a saved view of the map as plain JSON for the project file, checked strictly.

A bookmark holds how the rows were chosen (``subset``: the N most frequent, a name's
neighbourhood, or a list of names; not the coordinates: restoring projects again, with
the same parameters and seed), the projection parameters, the colouring, the selection
(positions on that map), the view range and, for a 3-D map, the camera (``{"yaw": degrees,
"pitch": degrees}``; bookmarks saved before 3-D maps have none and load as they are). A bookmark may come from someone else's
project file, so every field is type- and range-checked here (:func:`check_bookmark`);
the projection parameters are plain scalars here and are checked in full by
``ProjectionParams`` (``core.analysis.map_view_state``) before a bookmark is restored
(formats sit below analysis, so they cannot be checked in full here).
"""
from __future__ import annotations

import math

MAX_BOOKMARKS = 200
MAX_NAMES = 1_000_000        # names in a pasted subset, points in a selection
MAX_TEXT = 1_000


class BookmarkError(ValueError):
    pass


def check_bookmarks(value) -> list[dict]:
    if not isinstance(value, list) or len(value) > MAX_BOOKMARKS:
        raise BookmarkError(f"must be a list of at most {MAX_BOOKMARKS} bookmarks")
    return [check_bookmark(b, i) for i, b in enumerate(value)]


def check_bookmark(data, index: int = 0) -> dict:
    """``data`` if it is a well-formed bookmark; else BookmarkError naming the field."""
    def bad(name: str, why: str) -> BookmarkError:
        return BookmarkError(f"bookmark {index + 1}: {name} {why}")

    expected = {"name", "subset", "params", "colour", "colour_value", "label", "selection", "view"}
    if not isinstance(data, dict) or set(data) - {"camera"} != expected:
        raise bad("", f"must be an object with exactly the fields {', '.join(sorted(expected))} "
                      "(and a camera for a 3-D map)")
    camera = data.get("camera")
    if "camera" in data and not (isinstance(camera, dict) and set(camera) == {"yaw", "pitch"}
                                 and all(_finite(v) for v in camera.values())
                                 and -180 <= camera["yaw"] <= 180 and -90 <= camera["pitch"] <= 90):
        raise bad("camera", 'must be {"yaw": -180 to 180, "pitch": -90 to 90} (degrees)')
    for key in ("name", "colour", "label"):
        if not _text(data[key]):
            raise bad(key, f"must be a string of at most {MAX_TEXT} characters")
    if data["colour_value"] is not None and not _text(data["colour_value"]):
        raise bad("colour_value", "must be a string or null")
    _check_subset(data["subset"], bad)
    params = data["params"]
    if (not isinstance(params, dict) or len(params) > 50 or "method" not in params
            or not all(_text(k) and (_text(v) or _finite(v) or isinstance(v, bool)) for k, v in params.items())):
        raise bad("params", "must be an object with a method and only strings, numbers and true/false")
    selection = data["selection"]
    if (not isinstance(selection, list) or len(selection) > MAX_NAMES
            or not all(_whole(i) and i >= 0 for i in selection)):
        raise bad("selection", "must be a list of point positions (whole numbers from 0)")
    view = data["view"]
    if (not isinstance(view, list) or len(view) != 2
            or not all(isinstance(r, list) and len(r) == 2 and all(_finite(v) for v in r) and r[0] < r[1]
                       for r in view)):
        raise bad("view", "must be [[x0, x1], [y0, y1]] with finite numbers, each low < high")
    return data


def _check_subset(subset, bad) -> None:
    if not isinstance(subset, dict):
        raise bad("subset", "must be an object")
    if set(subset) == {"top_n"} and _whole(subset["top_n"]) and 3 <= subset["top_n"] <= 100_000_000:
        return
    if set(subset) == {"around", "k"} and _text(subset["around"]) and _whole(subset["k"]) and 1 <= subset["k"] <= 1_000_000:
        return
    if (set(subset) == {"names"} and isinstance(subset["names"], list) and 3 <= len(subset["names"]) <= MAX_NAMES
            and all(_text(n) for n in subset["names"])):
        return
    raise bad("subset", 'must be {"top_n": N}, {"around": name, "k": N} or {"names": [at least 3 names]}')


def _text(value) -> bool:
    return isinstance(value, str) and len(value) <= MAX_TEXT


def _whole(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _finite(value) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)
