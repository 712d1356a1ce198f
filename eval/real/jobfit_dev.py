#!/usr/bin/env python3
"""Score today's build on every requirement verdict ever judged blind.

    LEVELSCAN_CORPUS=/path/to/corpus python3 eval/real/jobfit_dev.py

Every sheet `CORPUS/jobfit/fresh*-POSTING.csv` written by `jobfit.py` and
filled in by a reviewer (`human` = shown, listed or absent) is a fresh
sample once, and then part of the development set. For each sheet this
screens the corpus against its posting (`fixtures/jobs/POSTING.*`, else
`CORPUS/jobs/POSTING.*`) with the build (`LEVELSCAN`, else
target/release/levelscan) and scores the rows whose requirement the posting
still names: the precision and recall of `shown`, then every row where the
build and the reviewer disagree on `shown`, with the quote and the
reviewer's reason. A figure from this set is not a fresh one: fixes come
from it.
"""
import csv
import json
import subprocess
import sys
import tempfile
from pathlib import Path

from common import REPO, cache_dir, levelscan_binary


def posting_file(name, corpus):
    for folder in (REPO / "fixtures" / "jobs", corpus / "jobs"):
        found = [p for p in sorted(folder.glob(f"{name}.*")) if not p.name.endswith(".expected.json")]
        if found:
            return found[0]
    return None


def verdicts(binary, corpus, posting):
    """{(file id, requirement): (depth, quote)} for the whole corpus."""
    with tempfile.NamedTemporaryFile(suffix=".jsonl") as out:
        run = subprocess.run([binary, "screen", str(corpus / "files"), "--format", "jsonl",
                              "-o", out.name, "--quiet", "--job", str(posting)],
                             capture_output=True, text=True)
        if run.returncode not in (0, 1):
            sys.exit(f"levelscan failed on {posting} ({run.returncode}): {run.stderr}")
        found = {}
        for line in Path(out.name).read_text().splitlines():
            record = json.loads(line)
            file_id = Path(record["file"]).stem
            for v in (record.get("job") or {}).get("requirements", []):
                found[(file_id, v["requirement"])] = (v["depth"], v.get("quote") or "")
        return found


def main():
    corpus = cache_dir()
    binary = levelscan_binary()
    said_shown = truly_shown = both = unmatched = 0
    disagreements = []
    for sheet in sorted((corpus / "jobfit").glob("fresh*.csv")):
        name = sheet.stem.split("-", 1)[1]
        posting = posting_file(name, corpus)
        if posting is None:
            print(f"{sheet.name}: no posting named {name}")
            continue
        now = verdicts(binary, corpus, posting)
        with open(sheet, newline="", encoding="utf-8") as f:
            for row in csv.DictReader(f):
                human = row.get("human", "").strip()
                if human not in ("shown", "listed", "absent"):
                    continue
                key = (row["id"], row["requirement"])
                if key not in now:
                    unmatched += 1
                    continue
                depth, quote = now[key]
                said_shown += depth == "shown"
                truly_shown += human == "shown"
                both += depth == "shown" and human == "shown"
                if (depth == "shown") != (human == "shown"):
                    disagreements.append((name, *key, depth, human, quote[:120], row.get("why", "")[:100]))
    print(f"precision of shown {both}/{said_shown}, recall {both}/{truly_shown} "
          f"({unmatched} judged rows name a requirement the posting no longer has)")
    for d in disagreements:
        print("  " + " | ".join(d))


if __name__ == "__main__":
    main()
