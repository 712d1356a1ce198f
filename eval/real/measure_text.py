#!/usr/bin/env python3
"""How levelscan reads the real-resume corpus: per file and in total, the
share of the reference words it extracts (pdftotext for PDF, pandoc for
DOCX), whether the candidate's name is right, whether the engineering years
are within 1.5 of the labeller's count, false `hidden_text` flags, and
files that crashed or errored.

With --words, it counts instead the words levelscan damages where a
person reads them whole: words glued together (a missing word space),
words split in two, and words that lost a ligature's letters
("certication", "solu ons"), per file and in total.

Usage: eval/real/measure_text.py [--only ID...] [--quiet] [--words]
Needs pdftotext (poppler-utils) and pandoc. See eval/real/README.md.
"""
import argparse
import json
import re
import subprocess
import sys
import unicodedata
from collections import Counter

from common import REPO, cache_dir, file_of, levelscan_binary, read_manifest, screen_jsonl

WORD = re.compile(r"[^\W_]+", re.UNICODE)


def words(text):
    text = unicodedata.normalize("NFKC", text).lower()
    return Counter(w for w in WORD.findall(text) if any(c.isalpha() for c in w))


def mended_reference_words(reference, got):
    """The reference's words (as `words` counts them), with the words its
    extractor broke put back together where levelscan's text has them whole:
    a letter-spaced heading ("E X P E R I E N C E"), a drop capital
    ("E ducation"), a ligature lost between two pieces ("solu ons":
    "solutions") or printed as another character ("pla3orm": "platform",
    "workpows": "workflows"), and a symbol-font bullet printed as a letter.
    Pieces are joined only when they stand side by
    side on one line, parted by spaces alone, when the first is missing from
    levelscan's text and the whole word is in it: a word the reference has
    whole is never changed. A ligature printed as another character counts
    only when that character stands for that ligature in at least two words
    of the file (a font maps its ligature glyph to one wrong code). A
    yardstick fix, not a levelscan one: each class was checked against a
    render of the page (docs/real-files.md)."""
    token = re.compile(r"[^\W_]+", re.UNICODE)
    lines = []
    for line in unicodedata.normalize("NFKC", reference).lower().splitlines():
        found = list(token.finditer(line))
        spaced = [line[a.end():b.start()].isspace() for a, b in zip(found, found[1:])]
        lines.append(([m.group() for m in found], spaced))

    # Which characters stand for a ligature in this file: a missing word
    # that becomes levelscan's word with one character read as a ligature.
    votes = Counter()
    for tokens, _ in lines:
        for t in tokens:
            if t in got or len(t) < 3 or not any(c.isalpha() for c in t):
                continue
            for i, ch in enumerate(t):
                for lig in LIGATURES:
                    if t[:i] + lig + t[i + 1:] in got:
                        votes[(ch, lig)] += 1
    stands_for = {}
    for (ch, lig), n in votes.most_common():
        if n >= 2 and ch not in stands_for:
            stands_for[ch] = lig

    def readings(piece):
        # The piece as printed, and with its stand-in characters read as
        # the ligatures they stand for (at most two in one piece).
        out = {piece}
        for _ in range(2):
            out |= {w[:i] + stands_for[ch] + w[i + 1:]
                    for w in out for i, ch in enumerate(w) if ch in stands_for}
        return out

    def mend(pieces):
        options = [""]
        for k, piece in enumerate(pieces):
            nexts = set()
            for head in options:
                for reading in readings(piece):
                    nexts.add(head + reading)
                    if k > 0:
                        # A ligature lost between two pieces.
                        nexts.update(head + lig + reading for lig in LIGATURES)
            options = nexts if len(nexts) < 5000 else set(list(nexts)[:5000])
        whole = [w for w in options if w in got]
        return min(whole, key=len) if whole else None

    # A bullet drawn from a symbol font with no Unicode map prints as the
    # letter of its code (Dingbats' bar "❘" as "x"): one letter, no word,
    # opening three or more lines that levelscan's text does not open so.
    openers = Counter(tokens[0] for tokens, _ in lines
                      if len(tokens) > 1 and len(tokens[0]) == 1
                      and tokens[0].isalpha() and tokens[0] not in ("a", "i"))
    bullets = {t for t, n in openers.items() if n >= 3 and got[t] < n}

    counted = Counter()
    for tokens, spaced in lines:
        if len(tokens) > 1 and tokens[0] in bullets:
            tokens, spaced = tokens[1:], spaced[1:]
        i = 0
        while i < len(tokens):
            joined_to = None
            # A letter of a letter-spaced word may be a word of its own
            # elsewhere ("a", "i"): two single letters side by side start a
            # run all the same.
            letter_run = (len(tokens[i]) == 1 and i + 1 < len(tokens)
                          and len(tokens[i + 1]) <= 2 and spaced[i])
            if (tokens[i] not in got or letter_run) and any(c.isalpha() for c in tokens[i]):
                # The longest run of pieces from here that makes a whole word.
                end = i + 1
                while end < len(tokens) and end - i < 24 and spaced[end - 1]:
                    end += 1
                for j in range(end, i, -1):
                    word = mend(tokens[i:j]) if j - i <= 3 else (
                        "".join(tokens[i:j]) if "".join(tokens[i:j]) in got else None)
                    if word:
                        joined_to = (j, word)
                        break
            if joined_to:
                counted[joined_to[1]] += 1
                i = joined_to[0]
            else:
                if any(c.isalpha() for c in tokens[i]):
                    counted[tokens[i]] += 1
                i += 1
    return counted


def reference_text(row, path, cache):
    ref = cache / "ref" / f"{row['id']}.txt"
    if ref.exists():
        return ref.read_text(encoding="utf-8", errors="replace")
    ref.parent.mkdir(parents=True, exist_ok=True)
    if row["format"] == "pdf":
        cmd = ["pdftotext", "-enc", "UTF-8", str(path), "-"]
    else:
        cmd = ["pandoc", "-t", "plain", "--wrap=none", str(path)]
    text = subprocess.run(cmd, capture_output=True, text=True, check=False).stdout
    ref.write_text(text, encoding="utf-8")
    return text


def extracted_text(path):
    out = subprocess.run([levelscan_binary(), "extract", "--format", "json", str(path)],
                         capture_output=True, text=True, check=False)
    if out.returncode != 0:
        return None, out.stderr.strip()
    doc = json.loads(out.stdout)
    text = "\n".join(l["text"] for l in doc.get("lines", []))
    # Hidden text is left out of what levelscan reads on purpose, but it was
    # extracted: it counts towards recall.
    text += "\n" + "\n".join(h.get("text", "") for h in doc.get("hidden", []))
    return text, None


def extracted_words(path):
    text, err = extracted_text(path)
    return (None, err) if text is None else (words(text), None)


# Letter pairs and triples that fonts set as one ligature glyph; when the
# glyph has no Unicode mapping the letters vanish ("certication") or become
# a space ("solu ons").
LIGATURES = ("ffi", "ffl", "ff", "fi", "fl", "ft", "fj", "tt", "ti", "tf", "st", "ct")


def dictionary():
    """The words levelscan's own lists know (lower case)."""
    known = set()
    for name in ("words.txt", "tech_words.txt"):
        path = REPO / "src" / "extract" / name
        known.update(l.strip() for l in path.read_text(encoding="utf-8").splitlines()
                     if l.strip() and not l.startswith("#"))
    return known


def damaged_words(text, reference, known):
    """Counts of words levelscan damaged in `text`: glued (a token no
    reading knows that is two or more known words run together), split (two
    neighbouring tokens, one unknown, that are a known word together) and
    lost ligatures (a token, or two neighbouring ones, that is a known word
    with a ligature's letters put back). Known: in the reference text or
    the dictionary; each damage is listed as found, for looking at."""
    letters = re.compile(r"[^\W\d_]+")
    ref = {w.lower() for w in letters.findall(unicodedata.normalize("NFKC", reference))}
    def is_known(w):
        return w in ref or w in known
    def splits(w):
        # Known words of two letters or more ("a" alone too) that make up w.
        best = [0] + [None] * len(w)
        for end in range(1, len(w) + 1):
            for start in range(max(0, end - 30), end):
                part = w[start:end]
                if best[start] is not None and (len(part) >= 2 or part == "a") and is_known(part):
                    if best[end] is None or best[start] + 1 < best[end]:
                        best[end] = best[start] + 1
        return best[len(w)]
    def with_ligature(a, b=""):
        # A dictionary word made by putting a ligature's letters between a
        # and b, or inside a: the reference must not have a as it is
        # unless it has the mended word too ("july" is no damaged
        # "justly"); two tokens mend only into a longer word.
        for lig in LIGATURES:
            if b:
                mended = a + lig + b
                if len(mended) >= 6 and (mended in known or mended in ref):
                    return True
                continue
            for i in range(1, len(a)):
                mended = a[:i] + lig + a[i:]
                if mended in known and (mended in ref or a not in ref):
                    return True
        return False
    found = {"glued": [], "split": [], "ligature": []}
    for line in unicodedata.normalize("NFKC", text).splitlines():
        found_tokens = list(letters.finditer(line))
        tokens = [m.group().lower() for m in found_tokens]
        # Neighbours only when a space parts them: "LLM-powered" is written
        # so (pdftotext joins it at a line end: "llmpowered").
        spaced = [line[a.end():b.start()].isspace()
                  for a, b in zip(found_tokens, found_tokens[1:])]
        for i, t in enumerate(tokens):
            # pdftotext loses the same ligatures: for them only the
            # dictionary tells a damaged word.
            if t not in known and len(t) >= 4 and with_ligature(t):
                found["ligature"].append(t)
            elif not is_known(t) and len(t) >= 4 and (n := splits(t)) is not None and n >= 2:
                found["glued"].append(t)
            if i + 1 < len(tokens) and spaced[i]:
                u = tokens[i + 1]
                if (t not in known or u not in known) and with_ligature(t, u):
                    found["ligature"].append(f"{t} {u}")
                elif not (is_known(t) and is_known(u)) and is_known(t + u) and len(t + u) >= 4:
                    found["split"].append(f"{t} {u}")
    return found


def measure_words(present, cache, quiet):
    known = dictionary()
    totals = Counter()
    files = Counter()
    if not quiet:
        print("id            glued  split  ligature  examples")
    for r in present:
        path = file_of(r, cache)
        text, err = extracted_text(path)
        if text is None:
            continue
        found = damaged_words(text, reference_text(r, path, cache), known)
        for kind, items in found.items():
            totals[kind] += len(items)
            files[kind] += bool(items)
        if not quiet and any(found.values()):
            examples = [w for items in found.values() for w in items][:4]
            print(f"{r['id']}  {len(found['glued']):5}  {len(found['split']):5}  "
                  f"{len(found['ligature']):8}  {', '.join(examples)}")
    print()
    print(f"files                         {len(present)}")
    for kind in ("glued", "split", "ligature"):
        print(f"{kind + ' words':30}{totals[kind]}  (in {files[kind]} files)")


def same_name(a, b):
    """Case and spacing aside. Not part of a name: pronouns in brackets,
    honorifics before it ("Dr."), degrees and certificates after a comma
    ("MSc", "PMP"), an alias after a slash. A name written surname first
    ("Riemenschneider, Dennis") is the same name."""
    def norm(s, keep_comma=False):
        s = re.sub(r"\([^)]*\)", " ", s or "")
        s = re.sub(r"^\s*(dr|mr|mrs|ms|prof)\.?\s+", "", s, flags=re.I)
        s = s.split(" / ")[0]
        if not keep_comma:
            s = s.split(",")[0]
        return " ".join(s.replace(",", " ").split()).casefold()
    def words(s):
        return sorted(norm(s, keep_comma=True).split())
    return norm(a) == norm(b) or (bool(a) and words(a) == words(b))


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--only", nargs="*", default=None)
    ap.add_argument("--quiet", action="store_true", help="totals only")
    ap.add_argument("--words", action="store_true",
                    help="count glued, split and ligature-damaged words instead")
    args = ap.parse_args()
    cache = cache_dir()
    rows = [r for r in read_manifest() if args.only is None or r["id"] in args.only]
    present = [r for r in rows if file_of(r, cache).exists()]
    if len(present) < len(rows):
        print(f"{len(rows) - len(present)} manifest files missing from {cache}/files "
              "(eval/real/restore.py fetches them)", file=sys.stderr)
    if args.words:
        measure_words(present, cache, args.quiet)
        return
    records = screen_jsonl([file_of(r, cache) for r in present])

    tot = Counter()
    if not args.quiet:
        print("id            fmt  recall (raw)   name  years(ref/got)  hidden  status  producer")
    for r in present:
        path = file_of(r, cache)
        rec = records.get(str(path), {})
        if rec.get("status") == "duplicate":
            # A PDF and a DOCX of the same resume: the row of the file it
            # duplicates carries the reading.
            original = (rec.get("note") or "").removeprefix("duplicate of ").removesuffix(" (same text)").strip()
            rec = {**records.get(original, rec), "status": "ok"}
        reference = reference_text(r, path, cache)
        got, err = extracted_words(path)
        ref_raw = words(reference)
        ref = ref_raw if got is None else mended_reference_words(reference, got)
        share = lambda ref: 0.0 if got is None else (
            sum((ref & got).values()) / max(1, sum(ref.values())))
        recall, recall_raw = share(ref), share(ref_raw)
        status = rec.get("status", "missing")
        crashed = status == "error" and re.search(
            r"panic|crash|timeout|out of memory", rec.get("note") or "")
        name_got = rec.get("candidate") or ""
        name_ok = same_name(name_got, r["name"])
        name_bad = bool(name_got) and not name_ok
        years_got = rec.get("years_experience") or 0.0
        years_ok = abs(years_got - float(r["years"] or 0)) <= 1.5
        hidden = "hidden_text" in (rec.get("flags") or [])
        tot["files"] += 1
        tot["recall95"] += recall >= 0.95
        tot["recall95_raw"] += recall_raw >= 0.95
        tot["names"] += bool(r["name"])
        tot["name_ok"] += name_ok and bool(r["name"])
        tot["name_wrong"] += name_bad
        tot["years_ok"] += years_ok
        tot["zero_years"] += float(r["years"] or 0) >= 3 and years_got == 0
        tot["hidden"] += hidden
        tot["crash"] += bool(crashed)
        tot["not_ok"] += status != "ok"
        if not args.quiet:
            mark = lambda ok: "ok" if ok else "--"
            print(f"{r['id']}  {r['format']:4} {recall:6.3f} ({recall_raw:5.3f})  "
                  f"{'ok' if name_ok else ('BAD' if name_bad else '--'):4}  "
                  f"{float(r['years'] or 0):5.1f}/{years_got:5.1f} {mark(years_ok)}  "
                  f"{'HIDDEN' if hidden else '':6}  {status:6}  {r['producer']}"
                  + (f"  name: {name_got!r} vs {r['name']!r}" if not name_ok else "")
                  + (f"  [{err}]" if err else ""))
    n = tot["files"]
    print()
    print(f"files                         {n}")
    print(f"word recall >= 0.95           {tot['recall95']}/{n}"
          f"  (reference words mended; as the reference prints them: {tot['recall95_raw']}/{n})")
    print(f"names right (of printed)      {tot['name_ok']}/{tot['names']}"
          f"  ({tot['name_wrong']} wrong names, the rest blank)")
    print(f"years within 1.5              {tot['years_ok']}/{n}"
          f"  ({tot['zero_years']} with 3+ years read as 0)")
    print(f"hidden_text flags             {tot['hidden']}")
    print(f"crashes                       {tot['crash']}  (not ok: {tot['not_ok']})")


if __name__ == "__main__":
    main()
