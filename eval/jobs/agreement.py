#!/usr/bin/env python3
"""How far two people labelling the same postings by the same rules agree.

Each file is a manifest (name,repo,path,commit,sha256,expected) as
eval/jobs/measure.py reads, written by a different labeller who never saw
the other's labels. The first is taken as the reference and the second as
the reading, with measure.py's comparison (a requirement matches when it
names the same set of skills), so the figures sit beside levelscan's: if two
careful people agree on required skills at 0.85, a reader cannot be held to
0.9 against either one alone.

Usage: eval/jobs/agreement.py FIRST.csv SECOND.csv [--quiet]
"""

import argparse
import csv
import json

from measure import Tally, print_differences


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("first")
    parser.add_argument("second")
    parser.add_argument("--quiet", action="store_true", help="print the totals only")
    args = parser.parse_args()
    first = {r["name"]: json.loads(r["expected"]) for r in csv.DictReader(open(args.first, newline=""))}
    second = {r["name"]: json.loads(r["expected"]) for r in csv.DictReader(open(args.second, newline=""))}
    names = [n for n in first if n in second]
    tally = Tally()
    same = {"level": 0, "years_min": 0, "title": 0}
    for name in names:
        a, b = first[name], second[name]
        notes = tally.add(a, b, missed="only first {}", extra="only second {}")
        for field in same:
            agree = (a[field] or "") == (b[field] or "") if field != "title" else \
                (a["title"] or "").lower() == (b["title"] or "").lower()
            same[field] += agree
            if not agree:
                notes.append(f"{field}: {a[field]!r} / {b[field]!r}")
        if not args.quiet:
            print_differences(name, notes)
    n = len(names)
    print(f"\n{n} postings labelled by both")
    tally.print(against="second against first: ")
    print(f"level same {same['level']}/{n}, years_min same {same['years_min']}/{n}, title same {same['title']}/{n}")


if __name__ == "__main__":
    main()
