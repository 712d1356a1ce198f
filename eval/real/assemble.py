#!/usr/bin/env python3
"""Merge the corpus builders' part files into eval/real/manifest.csv.

Each part file is TAB-separated, one kept resume a line, in the column order
of COLUMNS (no header). Rows are keyed by id (the first 12 hex digits of the
file's sha256); a row already in the manifest keeps its place and its
labels, so re-running after a relabel means editing the manifest itself.

Usage: eval/real/assemble.py PART.tsv... [--manifest eval/real/manifest.csv]
"""
import argparse
import csv
import sys
from pathlib import Path

COLUMNS = [
    "id", "repo", "path", "commit", "sha256", "format", "producer", "layout",
    "language", "name", "title", "years", "intern_years", "resume_date",
    "level", "doubtful", "reason",
]
LEVELS = {"entry", "mid", "senior", "staff", "principal", "management"}


def read_manifest(path):
    if not path.exists():
        return []
    with path.open(newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("parts", nargs="+", type=Path)
    ap.add_argument("--manifest", type=Path,
                    default=Path(__file__).with_name("manifest.csv"))
    args = ap.parse_args()

    rows = read_manifest(args.manifest)
    known = {r["id"] for r in rows}
    problems = 0
    for part in args.parts:
        for n, line in enumerate(part.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            fields = line.split("\t")
            if len(fields) != len(COLUMNS):
                print(f"{part}:{n}: {len(fields)} fields, expected {len(COLUMNS)}",
                      file=sys.stderr)
                problems += 1
                continue
            row = dict(zip(COLUMNS, (f.strip() for f in fields)))
            if row["level"] not in LEVELS:
                print(f"{part}:{n}: unknown level {row['level']!r}", file=sys.stderr)
                problems += 1
                continue
            if not row["sha256"].startswith(row["id"]):
                print(f"{part}:{n}: id {row['id']} is not the start of its sha256",
                      file=sys.stderr)
                problems += 1
                continue
            if row["id"] in known:
                continue
            known.add(row["id"])
            rows.append(row)

    rows.sort(key=lambda r: (r["repo"].lower(), r["path"], r["id"]))
    with args.manifest.open("w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=COLUMNS, lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    print(f"{args.manifest}: {len(rows)} rows ({problems} problem lines skipped)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
