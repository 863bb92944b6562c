"""Rating and interaction files to item sequences: column layouts, the reader, item metadata,
sequences with a report of each step, graph walks, user vectors and recommendation.

Other wings, the CLI and the GUI import these names from here; ``recommend.recommend`` is used
through its module, whose name it shares."""
from w2v_desktop.core.items.item_table import ItemTable, read_items, sibling_item_file
from w2v_desktop.core.items.layouts import ColumnMapping, LayoutError, detect_layout
from w2v_desktop.core.items.ratings import Interactions, RatingsError, read_ratings
from w2v_desktop.core.items.recommend import (attach_item_columns, compare_scorings, event_weights,
                                              histories, similar_items, user_vectors)
from w2v_desktop.core.items.sequences import (EmptySequencesError, SequenceOptions, SequenceReport,
                                              build_sequences, keep_ratings, make_sequences, sort_events)
from w2v_desktop.core.items.walks import ItemGraph, WalkOptions, random_walks, start_nodes, walk_corpus

__all__ = [
    "ColumnMapping",
    "EmptySequencesError",
    "Interactions",
    "ItemGraph",
    "ItemTable",
    "LayoutError",
    "RatingsError",
    "SequenceOptions",
    "SequenceReport",
    "WalkOptions",
    "attach_item_columns",
    "build_sequences",
    "compare_scorings",
    "detect_layout",
    "event_weights",
    "histories",
    "keep_ratings",
    "make_sequences",
    "random_walks",
    "read_items",
    "read_ratings",
    "sibling_item_file",
    "similar_items",
    "sort_events",
    "start_nodes",
    "user_vectors",
    "walk_corpus",
]
