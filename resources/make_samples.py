"""Generate the bundled sample corpora and evaluation files (deterministic).

    python resources/make_samples.py

Writes sample_corpus.txt, sample_analogies.txt, sample_pairs.tsv and
sample_zh.txt next to this script. Everything is produced from the word lists
and templates below with a fixed seed, so the outputs are public domain and
identical on every run.

The English corpus plants structure that word2vec recovers in seconds: every
planted word is "an entity in a role" (paris = France as a city, french =
France as a language), and its sentences mix words of its entity with words of
its role. The role offsets are then shared across entities, which is what makes
`berlin - germany + france = paris` solvable.
"""
from __future__ import annotations

import random
from pathlib import Path

SEED = 20240601
HERE = Path(__file__).resolve().parents[1] / "w2v_desktop" / "resources" / "samples"
N_SENTENCES = 21000

# country, capital, language, currency (None: shares the euro)
COUNTRIES = [
    ("france", "paris", "french", None),
    ("germany", "berlin", "german", None),
    ("italy", "rome", "italian", None),
    ("spain", "madrid", "spanish", None),
    ("portugal", "lisbon", "portuguese", None),
    ("greece", "athens", "greek", None),
    ("finland", "helsinki", "finnish", None),
    ("netherlands", "amsterdam", "dutch", None),
    ("russia", "moscow", "russian", "ruble"),
    ("japan", "tokyo", "japanese", "yen"),
    ("china", "beijing", "chinese", "yuan"),
    ("india", "delhi", "hindi", "rupee"),
    ("poland", "warsaw", "polish", "zloty"),
    ("sweden", "stockholm", "swedish", "krona"),
    ("norway", "oslo", "norwegian", "krone"),
    ("hungary", "budapest", "hungarian", "forint"),
    ("turkey", "ankara", "turkish", "lira"),
    ("thailand", "bangkok", "thai", "baht"),
    ("korea", "seoul", "korean", "won"),
    ("vietnam", "hanoi", "vietnamese", "dong"),
]

# male, female, and words of the pair's own world
GENDER_PAIRS = [
    ("king", "queen", ["crown", "throne", "kingdom"]),
    ("prince", "princess", ["palace", "heir", "castle"]),
    ("man", "woman", ["adult", "office", "neighbour"]),
    ("boy", "girl", ["school", "playground", "toys"]),
    ("father", "mother", ["parents", "household", "children"]),
    ("son", "daughter", ["child", "born", "baby"]),
    ("brother", "sister", ["sibling", "twin", "older"]),
    ("uncle", "aunt", ["relatives", "cousins", "holiday"]),
    ("husband", "wife", ["married", "wedding", "marriage"]),
    ("grandfather", "grandmother", ["grandchildren", "elderly", "retired"]),
    ("nephew", "niece", ["cousin", "family", "birthday"]),
    ("actor", "actress", ["film", "stage", "theatre"]),
]
MALE_WORDS = ["he", "his", "him", "himself"]
FEMALE_WORDS = ["she", "her", "hers", "herself"]

# category -> noun -> (plural, words of the noun's own world)
CATEGORIES = {
    "animal": {
        "dog": ("dogs", ["bark", "bone", "leash"]),
        "cat": ("cats", ["meow", "whiskers", "purr"]),
        "horse": ("horses", ["saddle", "gallop", "stable"]),
        "cow": ("cows", ["milk", "moo", "pasture"]),
        "pig": ("pigs", ["mud", "oink", "pigsty"]),
        "goat": ("goats", ["horns", "cheese", "hill"]),
        "rabbit": ("rabbits", ["burrow", "hop", "ears"]),
        "bird": ("birds", ["nest", "feathers", "wings"]),
    },
    "food": {
        "apple": ("apples", ["orchard", "pie", "crisp"]),
        "banana": ("bananas", ["peel", "tropical", "ripe"]),
        "cake": ("cakes", ["frosting", "oven", "candles"]),
        "carrot": ("carrots", ["soup", "crunchy", "garden"]),
        "potato": ("potatoes", ["fries", "mashed", "boiled"]),
        "egg": ("eggs", ["yolk", "omelette", "shell"]),
        "cherry": ("cherries", ["stone", "jam", "sweet"]),
        "sandwich": ("sandwiches", ["lunch", "slice", "ham"]),
    },
    "vehicle": {
        "car": ("cars", ["engine", "garage", "highway"]),
        "bus": ("buses", ["passengers", "stop", "route"]),
        "truck": ("trucks", ["cargo", "diesel", "delivery"]),
        "bicycle": ("bicycles", ["pedals", "helmet", "lane"]),
        "train": ("trains", ["station", "rails", "platform"]),
        "boat": ("boats", ["harbour", "sail", "waves"]),
        "plane": ("planes", ["airport", "pilot", "runway"]),
        "tractor": ("tractors", ["field", "plough", "farmer"]),
    },
}
CATEGORY_WORDS = {
    "animal": ["farm", "feed", "wild", "vet", "fur"],
    "food": ["eat", "taste", "cook", "kitchen", "dinner"],
    "vehicle": ["drive", "road", "ride", "fuel", "wheels"],
}
COLOURS = ["red", "blue", "green", "yellow", "black", "white", "purple", "brown"]

CITY_WORDS = ["city", "mayor", "streets", "downtown", "museums", "skyline", "district", "metro"]
NATION_WORDS = ["country", "nation", "borders", "government", "president", "population", "economy"]
LANGUAGE_WORDS = ["language", "speak", "spoken", "grammar", "words", "fluent", "learn"]
CURRENCY_WORDS = ["currency", "money", "pay", "coins", "notes", "exchange", "prices"]

FILLER = ["the", "a", "and", "of", "in", "to", "that", "it", "is", "was", "very", "often",
          "today", "yesterday", "also", "really", "we", "they", "people", "said", "many",
          "some", "with", "for", "on", "at", "this", "there", "about", "new", "old", "good",
          "time", "year", "day", "week", "morning", "evening", "story", "news", "weather"]
MULTIWORD_PLACES = ["new york", "los angeles", "hong kong", "san francisco", "buenos aires"]

SINGULAR_CUES = ["a", "one", "this", "that", "every", "each"]
PLURAL_CUES = ["two", "many", "these", "those", "several", "three", "few"]


def pick(rng: random.Random, words: list[str], k: int) -> list[str]:
    return rng.sample(words, k)


def country_sentence(rng: random.Random) -> list[str]:
    country, capital, language, currency = rng.choice(COUNTRIES)
    roles = ["capital", "country", "language"] + (["currency"] if currency else [])
    role = rng.choice(roles)
    if role == "capital":
        words = [capital, rng.choice([country, language, "capital"])] + pick(rng, CITY_WORDS, 3)
    elif role == "country":
        words = [country, rng.choice([capital, language, "capital"])] + pick(rng, NATION_WORDS, 3)
    elif role == "language":
        words = [language, rng.choice([country, capital])] + pick(rng, LANGUAGE_WORDS, 3)
    else:
        words = [currency, rng.choice([country, capital])] + pick(rng, CURRENCY_WORDS, 3)
    return words


def gender_sentence(rng: random.Random) -> list[str]:
    male, female, own = rng.choice(GENDER_PAIRS)
    if rng.random() < 0.5:
        person, cues = male, MALE_WORDS
    else:
        person, cues = female, FEMALE_WORDS
    words = [person] + pick(rng, cues, 2) + pick(rng, own, 2)
    if rng.random() < 0.3:  # the pair also meets itself, as couples and siblings do
        words.append(female if person == male else male)
    return words


def noun_sentence(rng: random.Random) -> list[str]:
    category = rng.choice(list(CATEGORIES))
    noun, (plural, own) = rng.choice(list(CATEGORIES[category].items()))
    if rng.random() < 0.5:
        words = [rng.choice(SINGULAR_CUES), noun, "is"]
    else:
        words = [rng.choice(PLURAL_CUES), plural, "are"]
    words += pick(rng, own, 2) + pick(rng, CATEGORY_WORDS[category], 2)
    if rng.random() < 0.4:
        words.insert(1, rng.choice(COLOURS))
    return words


def filler_sentence(rng: random.Random) -> list[str]:
    words = pick(rng, FILLER, rng.randint(4, 8))
    if rng.random() < 0.5:
        words.insert(rng.randrange(len(words) + 1), rng.choice(MULTIWORD_PLACES))
    return words


def shuffle_keep_head(rng: random.Random, words: list[str]) -> list[str]:
    """Mixes planted words with filler so that no fixed template order remains."""
    filler = pick(rng, FILLER, rng.randint(2, 5))
    mixed = words + filler
    rng.shuffle(mixed)
    return mixed


def english_corpus(rng: random.Random) -> list[str]:
    makers = [(country_sentence, 0.36), (gender_sentence, 0.26), (noun_sentence, 0.30),
              (filler_sentence, 0.08)]
    functions, weights = zip(*makers)
    lines = []
    for _ in range(N_SENTENCES):
        maker = rng.choices(functions, weights)[0]
        words = maker(rng)
        if maker is not filler_sentence:
            words = shuffle_keep_head(rng, words)
        lines.append(" ".join(words))
    return lines


def questions(section: str, pairs: list[tuple[str, str]]) -> list[str]:
    lines = [f": {section}"]
    for a, b in pairs:
        for c, d in pairs:
            if (a, b) != (c, d):
                lines.append(f"{a} {b} {c} {d}")
    return lines


def analogy_file() -> list[str]:
    lines = []
    lines += questions("capital-country", [(cap, c) for c, cap, _, _ in COUNTRIES])
    lines += questions("country-language", [(c, lang) for c, _, lang, _ in COUNTRIES])
    lines += questions("country-currency", [(c, cur) for c, _, _, cur in COUNTRIES if cur])
    lines += questions("family-gender", [(m, f) for m, f, _ in GENDER_PAIRS])
    nouns = [(n, p) for cat in CATEGORIES.values() for n, (p, _) in cat.items()]
    lines += questions("noun-plural", nouns)
    return lines


def pair_scores() -> list[str]:
    """Similarity 0-10 from the planted structure: same entity high, same group mid, else low."""
    groups: list[tuple[str, list[list[str]]]] = [
        ("countries", [[c, cap, lang] + ([cur] if cur else []) for c, cap, lang, cur in COUNTRIES]),
        ("family", [[m, f] for m, f, _ in GENDER_PAIRS]),
    ]
    for name, members in CATEGORIES.items():
        groups.append((name, [[n, p] for n, (p, _) in members.items()]))
    rng = random.Random(SEED + 1)
    rows = []
    for gi, (_, entities) in enumerate(groups):
        for ei, entity in enumerate(entities):
            a, b = entity[0], entity[1]
            rows.append((a, b, 9.0))
            other = entities[(ei + 1) % len(entities)]
            rows.append((a, other[0], 6.0))
            rows.append((b, other[1], 6.0))
            _, far_entities = groups[(gi + 1 + rng.randrange(len(groups) - 1)) % len(groups)]
            rows.append((a, rng.choice(far_entities)[0], 1.0))
    header = ["# Word pairs with similarity scores derived from the planted structure of",
              "# sample_corpus.txt (9 = same entity, 6 = same group, 1 = unrelated).",
              "# Word 1\tWord 2\tScore"]
    return header + [f"{a}\t{b}\t{s:.1f}" for a, b, s in rows]


ZH_PLACES = [("北京", "中国"), ("东京", "日本"), ("巴黎", "法国"), ("伦敦", "英国"), ("柏林", "德国"),
             ("莫斯科", "俄罗斯"), ("首尔", "韩国"), ("罗马", "意大利")]
ZH_PEOPLE = ["我", "你", "他", "她", "我们", "他们", "老师", "学生", "朋友", "妈妈", "爸爸"]
ZH_FOODS = ["苹果", "面条", "米饭", "饺子", "西瓜", "面包", "包子", "豆腐"]
ZH_TOPICS = ["机器学习", "自然语言", "计算机", "数学", "历史", "音乐", "电影", "足球"]
ZH_TEMPLATES = [
    "{city}是{country}的首都",
    "{person}明天要去{city}旅游",
    "{person}喜欢吃{food}",
    "{person}每天早上都喝{drink}",
    "{person}在大学学习{topic}",
    "{person}觉得{topic}非常有意思",
    "{city}的天气今天很好",
    "{person}和{person2}一起去{city}看{topic}比赛",
    "这本关于{topic}的书写得很好",
    "{country}的人口很多，经济发展很快",
]


def chinese_corpus(rng: random.Random, n: int = 400) -> list[str]:
    lines = []
    for _ in range(n):
        city, country = rng.choice(ZH_PLACES)
        person, person2 = rng.sample(ZH_PEOPLE, 2)
        slots = {"city": city, "country": country, "person": person, "person2": person2, "food": rng.choice(ZH_FOODS),
                 "drink": rng.choice(["咖啡", "牛奶", "茶"]), "topic": rng.choice(ZH_TOPICS)}
        lines.append(rng.choice(ZH_TEMPLATES).format(**slots) + "。")
    return lines


def write_lines(name: str, lines: list[str]) -> None:
    (HERE / name).write_text("\n".join(lines) + "\n", encoding="utf-8", newline="\n")


def main() -> None:
    write_lines("sample_corpus.txt", english_corpus(random.Random(SEED)))
    write_lines("sample_analogies.txt", analogy_file())
    write_lines("sample_pairs.tsv", pair_scores())
    write_lines("sample_zh.txt", chinese_corpus(random.Random(SEED + 2)))


if __name__ == "__main__":
    main()
