#!/usr/bin/env python3
"""Measure `levelscan job` on real public job postings it was not written for.

The postings are cached outside the repository, in /work/corpus/jobs/<name>.<ext>
(or $JOBS_CACHE), as listed in eval/jobs/manifest.csv: the GitHub repository,
path and commit each came from, its sha256, and the reading a recruiter would
make of it (title, level, years asked for, required and nice-to-have skills in
the vocabulary's canonical names; a choice as {"one_of": [...]}), written
before levelscan read any of them. A missing file is fetched again with
`git show COMMIT:PATH` from a clone given in $JOBS_REPOS (a folder holding
owner+name/ clones, or the snapshots the fetch tool leaves in
/work/.mirror), when there is one. A few postings were written from a search
index's stored text (docs/job-reading.md says which): those are written
again from that text, and their sha256 checks it.

For each posting the script runs `levelscan job FILE --format json` and
compares: requirements match when they name the same set of skills. It prints
recall and precision of required and of nice skills over the set, the same
skill by skill (each skill in the list it is asked in, however grouped into
choices), the level and years agreement, and every difference.

eval/jobs/manifest.csv is the development set (postings looked at while the
reader was fixed); eval/jobs/holdout.csv is a held-out set, labelled the same
way but never read while fixing: measure it with --manifest holdout.csv.

Usage: eval/jobs/measure.py [--levelscan target/release/levelscan] [--manifest manifest.csv]
"""

import argparse
import csv
import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
CACHE = Path(os.environ.get("JOBS_CACHE", "/work/corpus/jobs"))


def key(requirement):
    names = [requirement] if isinstance(requirement, str) else requirement["one_of"]
    return "|".join(sorted(names))


def skills_of(requirements):
    """Every skill a list names, choices opened up."""
    named = set()
    for r in requirements:
        named |= {r} if isinstance(r, str) else set(r["one_of"])
    return named


def skill_level(reading):
    """Each skill once, in the list it is asked in: required wins over nice.
    Compared this way, a reading that names the right skills in the right
    list but groups them otherwise ("Java/Kotlin" one choice or two
    requirements) still counts them right; the requirement-level figures
    count such a grouping wrong."""
    required = skills_of(reading["required"])
    return {"required": required, "nice": skills_of(reading["nice"]) - required}


class Tally:
    """Recall and precision of required and nice skills over a set, both
    requirement by requirement (a choice must be grouped as labelled) and
    skill by skill (see `skill_level`)."""

    def __init__(self):
        lists = ("required", "nice")
        self.exact = {w: {"right": 0, "expected": 0, "found": 0} for w in lists}
        self.by_skill = {w: {"right": 0, "expected": 0, "found": 0} for w in lists}

    def add(self, expected, read, missed="missed {}", extra="read {}, not expected"):
        """Counts one posting's reading against its label; returns the
        differences, worded by `missed` and `extra`."""
        want_skills, got_skills = skill_level(expected), skill_level(read)
        notes = []
        for w in self.exact:
            by_skill = self.by_skill[w]
            by_skill["expected"] += len(want_skills[w])
            by_skill["found"] += len(got_skills[w])
            by_skill["right"] += len(want_skills[w] & got_skills[w])
            want = [key(r) for r in expected[w]]
            got = [key(r) for r in read[w]]
            exact = self.exact[w]
            exact["expected"] += len(want)
            exact["found"] += len(got)
            exact["right"] += sum(1 for g in got if g in want)
            notes += [f"{w}: " + missed.format(k) for k in want if k not in got]
            notes += [f"{w}: " + extra.format(k) for k in got if k not in want]
        return notes

    def print(self, against=""):
        for label, counts in (("", self.exact), (", skill by skill", self.by_skill)):
            for w, t in counts.items():
                recall = t["right"] / max(t["expected"], 1)
                precision = t["right"] / max(t["found"], 1)
                f1 = 2 * t["right"] / max(t["expected"] + t["found"], 1)
                print(f"{w}{label}: {against}recall {recall:.2f} ({t['right']}/{t['expected']}), "
                      f"precision {precision:.2f} ({t['right']}/{t['found']}), F1 {f1:.2f}")


def print_differences(name, notes):
    print(f"{name}: {len(notes)} difference(s)")
    for note in notes:
        print(f"    {note}")


def cached(row):
    # A posting keeps its format (TXT, MD, PDF, DOCX): the file's extension
    # is its source's, Markdown when the source has none.
    found = sorted(CACHE.glob(f"{row['name']}.*"))
    path = found[0] if found else CACHE / (row["name"] + (Path(row["path"]).suffix or ".md"))
    if not path.exists():
        repos = os.environ.get("JOBS_REPOS")
        if not repos:
            sys.exit(f"{path}: missing; set JOBS_REPOS to a folder of clones to fetch it")
        clone = Path(repos) / row["repo"].replace("/", "+")
        # A clone's work tree, or a snapshot's bare git directory as the
        # fetch tool leaves it (owner+name/repo or owner+name/repo/.git).
        git_dir = next((d for d in (clone / "repo" / ".git", clone / "repo", clone / ".git")
                        if (d / "HEAD").exists()), clone)
        run = subprocess.run(["git", "--git-dir", str(git_dir), "show", f"{row['commit']}:{row['path']}"],
                             capture_output=True)
        if run.returncode != 0:
            sys.exit(f"{path}: missing, and not in {git_dir}: {run.stderr.decode().strip()} "
                     "(a posting written from the search index's text is written again from it)")
        text = run.stdout
        CACHE.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text)
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    if digest != row["sha256"]:
        sys.exit(f"{path}: sha256 {digest} is not the manifest's {row['sha256']}")
    return path


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--levelscan", default=str(HERE.parent.parent / "target/release/levelscan"))
    parser.add_argument("--manifest", default="manifest.csv",
                        help="manifest file, relative to eval/jobs/ (manifest.csv or holdout.csv)")
    parser.add_argument("--quiet", action="store_true", help="print the totals only")
    args = parser.parse_args()
    tally = Tally()
    level_right = years_right = titles_right = 0
    rows = list(csv.DictReader(open(HERE / args.manifest, newline="")))
    for row in rows:
        path = cached(row)
        expected = json.loads(row["expected"])
        run = subprocess.run([args.levelscan, "job", str(path), "--format", "json"], capture_output=True, text=True)
        if run.returncode != 0:
            print(f"{row['name']}: levelscan failed: {run.stderr.strip()}")
            # A refused posting reads nothing: every label is missed.
            tally.add(expected, {"required": [], "nice": []})
            continue
        read = json.loads(run.stdout)
        notes = tally.add(expected, read)
        level_right += read["level"] == expected["level"]
        years_right += read["years_min"] == expected["years_min"]
        # A posting that prints no title (a pasted body) is read right when
        # no title is read from it either.
        if expected["title"] is None:
            title_ok = read["title"] is None
        else:
            title_ok = expected["title"].lower() in (read["title"] or "").lower()
        titles_right += title_ok
        if read["level"] != expected["level"]:
            notes.append(f"level {read['level']}, expected {expected['level']}")
        if read["years_min"] != expected["years_min"]:
            notes.append(f"years_min {read['years_min']}, expected {expected['years_min']}")
        if not title_ok:
            notes.append(f"title {read['title']!r}, expected {expected['title']!r}")
        if not args.quiet:
            print_differences(row["name"], notes)
    n = len(rows)
    print(f"\n{n} postings")
    tally.print()
    print(f"level exact {level_right}/{n}, years_min exact {years_right}/{n}, title found {titles_right}/{n}")


if __name__ == "__main__":
    main()
