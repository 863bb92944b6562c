"""Files of vectors and sessions: one registry of vector formats (detect, load, save, atomically),
each family in its own module, the kind of an opened file, and the project file.

Other wings, the CLI and the GUI import these names from here."""
from w2v_desktop.core.formats.kinds import FileKind, guess_kind, sniff
from w2v_desktop.core.formats.project import (OutsideProjectError, Project, ProjectError, is_inside,
                                              load_project, resolve, save_project)
from w2v_desktop.core.formats.registry import (FORMATS, FormatError, UnwritableNameError, detect_format,
                                               load_vectors, save_coordinates, save_vectors)

__all__ = [
    "FORMATS",
    "FileKind",
    "FormatError",
    "OutsideProjectError",
    "Project",
    "ProjectError",
    "UnwritableNameError",
    "detect_format",
    "guess_kind",
    "is_inside",
    "load_project",
    "load_vectors",
    "resolve",
    "save_coordinates",
    "save_project",
    "save_vectors",
    "sniff",
]
