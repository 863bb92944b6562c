"""Files of vectors and sessions: one registry of vector formats (detect, load, save, atomically),
each family in its own module, the kind of an opened file, and the project file.

Other wings, the CLI and the GUI import these names from here (each module is imported when one of
its names is first used)."""
from w2v_desktop.core.lazy import lazy_exports

__all__, __getattr__, __dir__ = lazy_exports(__name__, {
    "kinds": ("FileKind", "guess_kind", "sniff"),
    "project": ("OutsideProjectError", "Project", "ProjectError", "is_inside", "load_project", "resolve",
                "save_project"),
    "model": ("is_model_file",),
    "registry": ("FORMATS", "READABLE", "WRITABLE", "FormatError", "UnwritableNameError", "check_vectors_output",
                 "detect_format", "files_of", "iter_load_vectors", "load_vectors", "save_coordinates",
                 "save_counts", "save_vectors"),
    "tables": ("metadata_columns",),
})
