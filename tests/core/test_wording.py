from w2v_desktop.core.wording import plural


def test_plural_picks_the_phrase_by_count():
    assert plural(1, "point", "points") == "1 point"
    assert plural(0, "point", "points") == "0 points"
    assert plural(12345, "name", "names") == "12,345 names"


def test_a_phrase_is_its_english_text_and_keeps_template_and_values():
    from w2v_desktop.core.wording import Phrase

    p = Phrase("{n:,} points; mean trust {trust:.2f}", n=1200, trust=0.912)
    assert p == "1,200 points; mean trust 0.91" and isinstance(p, str)
    assert f"[{p}]" == "[1,200 points; mean trust 0.91]" and p + "." == "1,200 points; mean trust 0.91."
    assert p.template == "{n:,} points; mean trust {trust:.2f}" and p.values == {"n": 1200, "trust": 0.912}


def test_say_translates_the_template_and_nested_phrases_with_the_same_number_formats():
    from w2v_desktop.core.wording import Phrase

    table = {"{n:,} {word}": "{n:,} {word}", "point": "个点", "points": "个点",
             "{count} on the map ({note})": "地图上 {count}（{note}）", "trust measured on all {n:,} points":
             "在全部 {n:,} 个点上测量的可信度"}
    p = Phrase("{count} on the map ({note})", count=plural(1234, "point", "points"),
               note=Phrase("trust measured on all {n:,} points", n=1234))
    assert p == "1,234 points on the map (trust measured on all 1,234 points)"
    assert p.say(lambda t: table.get(t, t)) == "地图上 1,234 个点（在全部 1,234 个点上测量的可信度）"
    assert p.say(lambda t: t) == str(p)


def test_a_translation_with_wrong_fields_falls_back_to_english():
    from w2v_desktop.core.wording import Phrase

    p = Phrase("Reading {name}", name="a.txt")
    assert p.say(lambda t: "正在读取 {file}") == "Reading a.txt"


def test_plural_is_a_phrase_whose_word_is_translated_whole():
    from w2v_desktop.core.wording import Phrase

    one, many = plural(1, "point", "points"), plural(2, "point", "points")
    assert (one, many) == ("1 point", "2 points")
    assert isinstance(one, Phrase) and one.values["word"] == "point" and many.values["word"] == "points"
    assert one.say(lambda t: {"point": "个点"}.get(t, t)) == "1 个点"


def test_joined_keeps_phrases_translatable_and_plain_strings_plain():
    from w2v_desktop.core.wording import Phrase, joined

    assert joined(", ", ["a", "b"]) == "a, b" and not isinstance(joined(", ", ["a", "b"]), Phrase)
    j = joined(", ", [Phrase("seed {s}", s=1), "min_dist 0.1", "{not a field}"])
    assert j == "seed 1, min_dist 0.1, {not a field}"
    assert j.say(lambda t: {"seed {s}": "种子 {s}"}.get(t, t)) == "种子 1, min_dist 0.1, {not a field}"
