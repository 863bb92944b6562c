from w2v_desktop.core.wording import plural


def test_plural_picks_the_phrase_by_count():
    assert plural(1, "point", "points") == "1 point"
    assert plural(0, "point", "points") == "0 points"
    assert plural(12345, "name", "names") == "12,345 names"
