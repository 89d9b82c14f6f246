#!/usr/bin/env python3
"""Golden fixtures for src/lib/rouge, computed with ../shared/reference/rouge_reference.py.

  python3 scripts/make-rouge-fixtures.py cases    # our own strings -> test/fixtures/rouge/*.json(l)
  python3 scripts/make-rouge-fixtures.py shared   # expected values for ../shared/data (no text kept)
  python3 scripts/make-rouge-fixtures.py corpus   # full-corpus dedup decisions (needs numpy, scipy)
  python3 scripts/make-rouge-fixtures.py verify-corpus N [START]  # corpus method vs the reference

Texts from ../shared/data never enter the repository: the shared fixtures hold hashes, counts and
decisions only, and the tests read the texts from ../shared/data at test time.
"""
import base64
import hashlib
import importlib.util
import json
import random
import struct
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
OUT = ROOT / "test" / "fixtures" / "rouge"
THRESHOLDS = [0.0, 0.3, 0.5, 0.6, 0.7, 0.9, 1.0]
CORPUS_THRESHOLDS = [0.7, 0.5]


def load_reference():
    spec = importlib.util.spec_from_file_location("rouge_reference", SHARED / "reference" / "rouge_reference.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


ref = load_reference()

# ---- our own strings ---------------------------------------------------------------------------

HANDWRITTEN_PAIRS = [
    ("Give three tips for staying healthy.", "Give three tips for staying fit."),
    ("Write a poem about the sea.", "Write a short poem about the ocean."),
    ("Sort the list.", "sort the LIST!!"),
    ("", ""),
    ("", "Describe a sunset."),
    ("Describe a sunset.", ""),
    ("?!... --- ***", "Describe a sunset."),
    ("?!... --- ***", "¿¡ … — «»"),
    ("中文指令", "中文指令"),
    ("Переведи этот текст", "Переведи этот текст"),
    ("café naïve résumé", "caf na ve r sum"),
    ("What's 2+2?", "what s 2 2"),
    ("e-mail foo_bar", "e mail foo bar"),
    ("\u212a\u212a\u212a", "kkk"),  # KELVIN SIGN lowercases to "k"
    ("\u0130stanbul \u0130zmir", "i stanbul i zmir"),  # İ lowercases to "i" + U+0307
    ("ＦＵＬＬ ｗｉｄｔｈ", "full width"),  # full-width letters are not [a-z]: no tokens
    ("Convert 100 km to miles, then 3.5 kg to lbs.", "convert 100 kilometres to miles and 3 5 kg to pounds"),
    ("Step 1: list 2 3 4 5", "1 2 3 4 5 6 7 8 9 10"),
    ("a b c d e f g", "a x b x c x d x e x f x g"),  # L=7, m=7, n=13: F is 0.7000000000000001
    ("a b c d e f g h i j k l m", "a b c d e f g"),  # the same triple with the sides swapped
    ("the the the the", "the"),
    ("the cat the dog the bird", "the bird the dog the cat"),
    ("Tab\tseparated\nand\r\nnew lines\u00a0and\u2003spaces", "tab separated and new lines and spaces"),
    ("emoji 😀 between 🎉 words", "emoji between words"),
    ("ÀÉÎÕÜ àéîõü", "aeiou"),
    ("x" * 5000, "x" * 5000),
]

WORDS = (
    "write a short story about the sea give three tips for staying healthy explain why sky is blue "
    "list five ways to save water describe your favourite city in two sentences translate this text "
    "into french summarise article below classify each sentence as positive or negative find the "
    "bug in code suggest name for new coffee shop rewrite paragraph formal tone 1 2 3 10 42 2024"
).split()
DECORATION = [",", ".", "!", "?", " - ", "'s", "(", ")", ":", ";", "é", "ß", "中", "я", "😀", "\u212a", "_", "  "]


def random_text(rng, length):
    parts = []
    for _ in range(length):
        word = rng.choice(WORDS)
        if rng.random() < 0.2:
            word = word.upper() if rng.random() < 0.5 else word.capitalize()
        parts.append(word)
        if rng.random() < 0.25:
            parts.append(rng.choice(DECORATION))
    return " ".join(parts)


def mutate(rng, text, edits):
    words = text.split(" ")
    for _ in range(edits):
        roll = rng.random()
        position = rng.randrange(len(words) + 1)
        if roll < 0.4 and len(words) > 1:
            del words[min(position, len(words) - 1)]
        elif roll < 0.8:
            words.insert(position, rng.choice(WORDS))
        elif len(words) > 1:
            i, j = rng.randrange(len(words)), rng.randrange(len(words))
            words[i], words[j] = words[j], words[i]
    return " ".join(words)


def random_pairs(rng, count):
    pairs = []
    for _ in range(count):
        a = random_text(rng, rng.randint(0, 25))
        b = mutate(rng, a, rng.randint(0, 8)) if rng.random() < 0.7 else random_text(rng, rng.randint(0, 25))
        pairs.append((a, b))
    return pairs


def boundary_pairs():
    """Token lists whose (L, m, n) sit on a threshold, where 2L/(m+n) and rouge_score disagree."""
    pairs = []
    for m, n, lcs in [(7, 13, 7), (13, 7, 7), (10, 10, 7), (20, 20, 14), (5, 15, 7), (40, 40, 28)]:
        common = [f"w{i}" for i in range(lcs)]
        target = common + [f"t{i}" for i in range(m - lcs)]
        prediction = [f"p{i}" for i in range(n - lcs)] + common
        pairs.append((" ".join(target), " ".join(prediction)))
    return pairs


def score_case(target, prediction):
    p, r, f = ref.score_tokens(ref.tokenize(target), ref.tokenize(prediction))
    return {"a": target, "b": prediction, "p": p, "r": r, "f": f, "tokensA": ref.tokenize(target), "tokensB": ref.tokenize(prediction)}


def dedup_stream(rng, size, min_len, max_len):
    """Instructions with many near-duplicates of earlier ones, so every threshold rejects some."""
    stream = []
    for _ in range(size):
        if stream and rng.random() < 0.6:
            stream.append(mutate(rng, rng.choice(stream), rng.randint(0, 6)))
        else:
            stream.append(random_text(rng, rng.randint(min_len, max_len)))
    return stream


def replay(texts, threshold):
    """The reference's dedup rule, plus the exact best score and its earliest pool entry."""
    kept, verdicts = [], []
    for i, text in enumerate(texts):
        tokens = ref.tokenize(text)
        best, nearest = 0.0, None
        for index, other in kept:
            f = ref.score_tokens(tokens, other)[2]
            if f > best:
                best, nearest = f, index
        novel = best <= threshold
        if novel:
            kept.append((i, tokens))
        verdicts.append((novel, best, nearest))
    return {
        "novel": "".join("1" if novel else "0" for novel, _, _ in verdicts),
        "scores": [score for _, score, _ in verdicts],
        "nearest": [nearest for _, _, nearest in verdicts],
    }


def reference_dedup_bits(texts, threshold):
    """Decisions straight from the reference script's dedup mode, to cross-check `replay`."""
    kept, bits = [], []
    for text in texts:
        tokens = ref.tokenize(text)
        best = 0.0
        for other in kept:
            f = ref.score_tokens(tokens, other)[2]
            if f > best:
                best = f
                if best > threshold:
                    break
        if best <= threshold:
            kept.append(tokens)
        bits.append("1" if best <= threshold else "0")
    return "".join(bits)


def write_json(name, value):
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / name).write_text(json.dumps(value, ensure_ascii=False) + "\n", encoding="utf-8")


def make_cases():
    rng = random.Random(20240601)
    pairs = HANDWRITTEN_PAIRS + boundary_pairs() + random_pairs(rng, 400)
    long_text = random_text(rng, 1200)
    pairs.append((long_text, mutate(rng, long_text, 120)))
    OUT.mkdir(parents=True, exist_ok=True)
    with open(OUT / "score-cases.jsonl", "w", encoding="utf-8") as out:
        for target, prediction in pairs:
            out.write(json.dumps(score_case(target, prediction), ensure_ascii=False) + "\n")

    streams = {
        "short": dedup_stream(rng, 300, 0, 20),
        "long": dedup_stream(rng, 120, 30, 160),
    }
    cases = []
    for name, texts in streams.items():
        for threshold in THRESHOLDS:
            verdicts = replay(texts, threshold)
            assert verdicts["novel"] == reference_dedup_bits(texts, threshold), (name, threshold)
            cases.append({"stream": name, "threshold": threshold, **verdicts})
    write_json("dedup-cases.json", {"streams": streams, "cases": cases})
    write_json("fmeasure-disagreements.json", fmeasure_disagreements())


def fmeasure_disagreements():
    """(L, m, n), m, n <= 60, where rouge_score's F and 2L/(m+n) fall on opposite sides of t."""
    rows = []
    for m in range(1, 61):
        for n in range(1, 61):
            for lcs in range(1, min(m, n) + 1):
                p, r = lcs / n, lcs / m  # the reference's score_tokens, with target m and prediction n
                f = 2 * p * r / (p + r)
                for threshold in [0.5, 0.6, 0.7, 0.8]:
                    if (f > threshold) != (2 * lcs / (m + n) > threshold):
                        rows.append({"threshold": threshold, "lcs": lcs, "m": m, "n": n, "f": f})
    return rows


# ---- shared data: expected values only ---------------------------------------------------------


def sha256_file(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def shared_instructions():
    texts = []
    for name in ["seed_tasks.jsonl", "user_oriented_instructions.jsonl"]:
        for line in (SHARED / "data" / name).read_text(encoding="utf-8").splitlines():
            if line.strip():
                texts.append(json.loads(line)["instruction"])
    return texts


def pair_scores_digest(texts):
    """sha256 over p, r, f as little-endian doubles for every pair i < j (target i), row by row."""
    tokens = [ref.tokenize(t) for t in texts]
    digest = hashlib.sha256()
    for i in range(len(tokens)):
        for j in range(i + 1, len(tokens)):
            digest.update(struct.pack("<3d", *ref.score_tokens(tokens[i], tokens[j])))
    return digest.hexdigest()


def make_shared():
    texts = shared_instructions()
    corpus = SHARED / "data" / "corpus" / "instructions.txt"
    prefix = corpus.read_text(encoding="utf-8").split("\n")[:2000]
    write_json(
        "shared-expected.json",
        {
            "sources": {
                name: sha256_file(SHARED / "data" / name)
                for name in ["seed_tasks.jsonl", "user_oriented_instructions.jsonl"]
            },
            "instructionCount": len(texts),
            "pairScoresSha256": pair_scores_digest(texts),
            "verdicts": {str(t): replay(texts, t) for t in [0.3, 0.5, 0.7]},
            "corpusPrefix": {
                "sha256": sha256_file(corpus),
                "lines": len(prefix),
                "decisions": {str(t): reference_dedup_bits(prefix, t) for t in [0.5, 0.7]},
            },
        },
    )


# ---- the full corpus: an exact dedup fast enough for 69k lines ---------------------------------


def corpus_lines():
    text = (SHARED / "data" / "corpus" / "instructions.txt").read_text(encoding="utf-8")
    return text[:-1].split("\n") if text.endswith("\n") else text.split("\n")


def fast_dedup(texts, threshold, block=500):
    """The reference rule, exactly, with pairs skipped only when a bound proves F <= threshold.

    The LCS is at most sum over tokens of min(count in x, count in y), which is at most
    count_x . present_y; F is monotone in the LCS, so a pair whose F at that bound (computed with
    the reference's own formula) is not above the threshold cannot reject. Surviving pairs are
    scored with the reference's score_tokens, in pool order, stopping at the first rejection.
    """
    import numpy as np
    from scipy import sparse

    tokens = [ref.tokenize(t) for t in texts]
    vocab = {}
    rows, cols, vals = [], [], []
    for i, toks in enumerate(tokens):
        counts = {}
        for tok in toks:
            col = vocab.setdefault(tok, len(vocab))
            counts[col] = counts.get(col, 0) + 1
        for col, count in counts.items():
            rows.append(i)
            cols.append(col)
            vals.append(count)
    counts = sparse.csr_matrix((vals, (rows, cols)), shape=(len(texts), len(vocab)), dtype=np.float32)
    present = counts.copy()
    present.data[:] = 1
    lengths = np.array([len(t) for t in tokens], dtype=np.float64)
    kept = np.zeros(len(texts), dtype=bool)
    bits, scored = [], 0
    for start in range(0, len(texts), block):
        stop = min(start + block, len(texts))
        bound = (present[:stop] @ counts[start:stop].T).toarray()  # [j, i - start]
        for i in range(start, stop):
            best = 0.0
            if lengths[i] > 0:
                m, n = lengths[i], lengths[:i]
                top = np.minimum(np.minimum(bound[:i, i - start], m), n)
                with np.errstate(divide="ignore", invalid="ignore"):
                    p, r = top / n, top / m  # numpy's float64 operations round as Python's do
                    f = 2 * p * r / (p + r)
                for j in np.nonzero(kept[:i] & (top > 0) & (f > threshold))[0]:
                    scored += 1
                    best = max(best, ref.score_tokens(tokens[i], tokens[j])[2])
                    if best > threshold:
                        break
            kept[i] = best <= threshold
            bits.append("1" if kept[i] else "0")
    return "".join(bits), scored


def pack_bits(bits):
    padded = bits + "0" * (-len(bits) % 8)
    data = bytes(int(padded[k : k + 8], 2) for k in range(0, len(padded), 8))
    return base64.b64encode(data).decode()


def make_corpus():
    texts = corpus_lines()
    result = {"sha256": sha256_file(SHARED / "data" / "corpus" / "instructions.txt"), "lines": len(texts), "decisions": {}}
    for threshold in CORPUS_THRESHOLDS:
        started = time.time()
        bits, scored = fast_dedup(texts, threshold)
        print(f"threshold {threshold}: kept {bits.count('1')}, scored {scored}, {time.time() - started:.0f} s", file=sys.stderr)
        result["decisions"][str(threshold)] = {"kept": bits.count("1"), "bitsBase64": pack_bits(bits)}
    write_json("corpus-decisions.json", result)


def verify_corpus(lines, start):
    texts = corpus_lines()[start : start + lines]
    for threshold in CORPUS_THRESHOLDS:
        fast, _ = fast_dedup(texts, threshold)
        slow = reference_dedup_bits(texts, threshold)
        verdict = "same" if fast == slow else "DIFFERENT"
        print(f"threshold {threshold}, lines {start}..{start + lines - 1}: {verdict} ({fast.count('1')} kept)")
        if fast != slow:
            sys.exit(1)


if __name__ == "__main__":
    command = sys.argv[1] if len(sys.argv) > 1 else ""
    if command == "cases":
        make_cases()
    elif command == "shared":
        make_shared()
    elif command == "corpus":
        make_corpus()
    elif command == "verify-corpus":
        verify_corpus(int(sys.argv[2]), int(sys.argv[3]) if len(sys.argv) > 3 else 0)
    else:
        sys.exit(__doc__)
