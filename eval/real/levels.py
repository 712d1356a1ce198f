#!/usr/bin/env python3
"""Levels and claim checks on the real-resume corpus: writes a labels file
for the cached corpus (file, level, group = the repository, so a person's
PDF and DOCX share a cross-validation fold) and runs `levelscan calibrate`
on it. With --fit OUT.toml the level model is refitted and its 5-fold
cross-validated figures printed; without, the shipped rubric is measured
as it is.

The shipped fixture renderings (fixtures/labels.csv: PDF and DOCX made by
real producers from resumes we wrote) join the fit as `set = train` rows,
one group per resume: they teach the upper levels, which public resumes
rarely reach (one principal in the corpus), but they are never judged, so
every figure printed is on real resumes only. --no-fixtures leaves them out.

Usage: eval/real/levels.py [--fit OUT.toml] [--rubric FILE] [--no-doubtful]
                           [--no-fixtures] [--report FILE]
"""
import argparse
import csv
import subprocess
import sys

from common import REPO, cache_dir, file_of, levelscan_binary, read_manifest


def fixture_rows():
    """(path, level, slug) of every fixture rendering with its label."""
    with open(REPO / "fixtures" / "labels.csv", newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            slug = row["file"].split("/")[-1].split(".")[0]
            yield REPO / "fixtures" / row["file"], row["level"], slug


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--fit", help="write the refitted rubric here")
    ap.add_argument("--rubric", help="measure this rubric instead of the built-in one")
    ap.add_argument("--report", help="per-file CSV report")
    ap.add_argument("--no-doubtful", action="store_true",
                    help="leave out rows the labeller marked doubtful")
    ap.add_argument("--no-fixtures", action="store_true",
                    help="fit on the real resumes alone")
    args = ap.parse_args()
    cache = cache_dir()
    labels = cache / "labels.csv"
    rows = [r for r in read_manifest()
            if file_of(r, cache).exists()
            and not (args.no_doubtful and r["doubtful"] == "yes")]
    with open(labels, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["file", "level", "group", "set"])
        for r in rows:
            w.writerow([f"files/{r['id']}.{r['format']}", r["level"], r["repo"], "dev"])
        if not args.no_fixtures:
            for path, level, slug in fixture_rows():
                w.writerow([str(path), level, f"fixture:{slug}", "train"])
    cmd = [levelscan_binary(), "calibrate", "--labels", str(labels), "--quiet"]
    if args.fit:
        cmd += ["--fit", args.fit]
    if args.rubric:
        cmd += ["--rubric", args.rubric]
    if args.report:
        cmd += ["--report", args.report]
    code = subprocess.run(cmd).returncode
    if args.fit and code in (0, 1):
        # The fitted rubric names the labels file it came from; name the
        # manifest instead of this machine's cache path.
        from pathlib import Path
        fitted = Path(args.fit)
        text = fitted.read_text(encoding="utf-8")
        fitted.write_text(text.replace(str(labels), "eval/real/manifest.csv + fixtures/labels.csv"),
                          encoding="utf-8")
    return code


if __name__ == "__main__":
    sys.exit(main())
