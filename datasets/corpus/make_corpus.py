"""Write the kit's small review corpus: reviews.txt and labels.txt, one review a line.

The course trains its first embeddings on 25,000 IMDB reviews, which are not part of the
kit. These short reviews, written for the kit from templates and a fixed seed, play their
part in lesson 11: the same script always writes the same bytes (checked by SHA-256 when
the kit loads them). Run it from anywhere: ``python datasets/corpus/make_corpus.py``.
"""

import hashlib
import random
from pathlib import Path

HERE = Path(__file__).resolve().parent
SEED = 20
COUNT = 400

GOOD = ["good", "great", "wonderful", "excellent", "brilliant", "beautiful", "moving", "fun",
        "clever", "charming", "superb", "delightful"]
BAD = ["bad", "terrible", "awful", "boring", "dull", "poor", "weak", "silly", "painful",
       "horrible", "clumsy", "tedious"]
THINGS = ["film", "movie", "story", "plot", "acting", "cast", "script", "ending", "music",
          "dialogue", "camera", "pace"]
PEOPLE = ["king", "queen", "man", "woman", "boy", "girl", "hero", "villain", "actor", "actress"]
VERY = ["very", "really", "truly", "quite", "so"]
LIKE = ["loved", "liked", "enjoyed", "adored"]
HATE = ["hated", "disliked", "regretted", "endured"]

TEMPLATES = [
    "the {thing} was {adj}",
    "the {thing} was {very} {adj}",
    "a {adj} {thing} and a {adj2} {thing2}",
    "what a {adj} {thing}",
    "i thought the {thing} was {adj}",
    "the {person} in this {thing0} was {adj}",
    "i {feel} the {thing} and the {person}",
    "the {thing} is {adj} and the {thing2} is {very} {adj2}",
    "{adj} {thing} {adj2} {person}",
    "the {thing2} was fine but the {thing} was {adj}",
]


def review(rng, positive):
    words = GOOD if positive else BAD
    adj, adj2 = rng.sample(words, 2)
    thing, thing2 = rng.sample(THINGS, 2)
    return rng.choice(TEMPLATES).format(
        adj=adj, adj2=adj2, thing=thing, thing2=thing2, thing0=rng.choice(["film", "movie"]),
        very=rng.choice(VERY), person=rng.choice(PEOPLE), feel=rng.choice(LIKE if positive else HATE))


def build():
    rng = random.Random(SEED)
    reviews, labels = [], []
    for i in range(COUNT):
        positive = rng.random() < 0.5
        reviews.append(review(rng, positive))
        labels.append("positive" if positive else "negative")
    return "\n".join(reviews) + "\n", "\n".join(labels) + "\n"


def main():
    texts = dict(zip(("reviews.txt", "labels.txt"), build()))
    sums = []
    for name, text in texts.items():
        data = text.encode("utf-8")
        (HERE / name).write_bytes(data)
        sums.append("%s  %s" % (hashlib.sha256(data).hexdigest(), name))
    (HERE / "SHA256SUMS").write_text("\n".join(sums) + "\n", encoding="utf-8")
    print("\n".join(sums))


if __name__ == "__main__":
    main()
