"""Rating and interaction files to item sequences: column layouts, the reader, item metadata,
sequences with a report of each step, graph walks, user vectors and recommendation.

Other wings, the CLI and the GUI import these names from here (each module is imported when one of
its names is first used); ``recommend.recommend`` is used through its module, whose name it shares."""
from w2v_desktop.core.lazy import lazy_exports

__all__, __getattr__, __dir__ = lazy_exports(__name__, {
    "checks": ("MOVIELENS_THRESHOLD", "RatingScale", "collapse_warning", "data_warnings", "file_order_warning", "mean_pairwise_cosine",
               "rating_scale", "sample_rating_scale", "scale_from_counts", "threshold_warning",
               "vectorless_warning"),
    "item_table": ("ItemTable", "read_items", "sibling_item_file"),
    "layouts": ("ColumnMapping", "LayoutError", "detect_layout"),
    "ratings": ("Interactions", "RatingsError", "iter_ratings", "read_ratings"),
    "recommend": ("RANKINGS", "attach_item_columns", "compare_scorings", "event_counts", "event_weights",
                  "histories", "rank_for_user", "rare_rows", "similar_items", "user_vectors"),
    "sequences": ("EmptySequencesError", "SequenceOptions", "SequenceReport", "build_sequences",
                  "keep_ratings", "make_sequences", "sort_events"),
    "walks": ("ItemGraph", "WalkOptions", "random_walks", "start_nodes", "walk_chunk", "walk_corpus"),
})
