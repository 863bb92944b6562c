"""Files of vectors and sessions: one registry of vector formats (detect, load, save, atomically),
each family in its own module, the kind of an opened file, and the project file.

Other wings, the CLI and the GUI import these names from here (each module is imported when one of
its names is first used)."""
from w2v_desktop.core.lazy import lazy_exports

__all__, __getattr__, __dir__ = lazy_exports(__name__, {
    "kinds": ("FileKind", "guess_kind", "sniff"),
    "project": ("OutsideProjectError", "Project", "ProjectError", "is_inside", "load_project", "resolve",
                "save_project"),
    "registry": ("FORMATS", "FormatError", "UnwritableNameError", "detect_format", "load_vectors",
                 "save_coordinates", "save_vectors"),
    "tables": ("metadata_columns",),
})
