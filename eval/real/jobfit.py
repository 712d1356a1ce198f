#!/usr/bin/env python3
"""Screen the real-resume corpus against a job posting and draw the sample
a reviewer checks by hand.

    eval/real/jobfit.py --job fixtures/jobs/backend-senior-go.md [--sample 20] [--out checks.csv]
    eval/real/jobfit.py --must "go, kafka" [--nice LIST] ...   (any screen flag passes through)

Prints the top ten by job_fit (file id, level, fit, requirements shown,
listed and missing) and writes a CSV of sampled requirement verdicts with
their quotes and an empty `human` column: the reviewer opens each resume
(`levelscan extract FILE`), writes `shown`, `listed` or `absent` as the
resume really has it, and `--score checks.csv` then gives the precision and
recall of `shown`. The sample is drawn with a fixed seed, half from `shown`
verdicts and half from the rest, so both figures are measured.

    eval/real/jobfit.py --score checks.csv --job POSTING

scores the same checked pairs (resume, requirement) against what today's
build says, to see a change's effect on a sample already judged. A sample
used to find and fix defects no longer measures precision fairly: say so
when quoting such a figure, and draw a fresh one (another seed or posting).
"""
import argparse
import csv
import json
import random
import subprocess
import sys
import tempfile
from pathlib import Path

from common import cache_dir, levelscan_binary, read_manifest


def screen(job, extra):
    files = cache_dir() / "files"
    with tempfile.NamedTemporaryFile(suffix=".jsonl") as out:
        cmd = [levelscan_binary(), "screen", str(files), "--format", "jsonl",
               "-o", out.name, "--quiet"] + (["--job", job] if job else []) + extra
        run = subprocess.run(cmd, capture_output=True, text=True)
        if run.returncode not in (0, 1):
            sys.exit(f"levelscan failed ({run.returncode}): {run.stderr}")
        return [json.loads(line) for line in Path(out.name).read_text().splitlines()]


def file_id(path):
    return Path(path).stem


def top(records, n):
    print(f"{'rank':>4} {'id':<14} {'level':<10} {'fit':>4}  shown / listed / missing (required)")
    for r in records[:n]:
        fit = r.get("job") or {}
        by = {"shown": [], "listed": [], "absent": []}
        for v in fit.get("requirements", []):
            if v["importance"] == "required":
                by[v["depth"]].append(v["requirement"])
        print(f"{r['rank'] or '':>4} {file_id(r['file']):<14} {r['level'] or '':<10} "
              f"{fit.get('job_fit', 0):>4.0f}  {', '.join(by['shown'])} / "
              f"{', '.join(by['listed'])} / {', '.join(by['absent'])}")


def sample(records, n, seed):
    verdicts = [(r, v) for r in records if r.get("job")
                for v in r["job"]["requirements"]]
    rng = random.Random(seed)
    shown = [x for x in verdicts if x[1]["depth"] == "shown"]
    rest = [x for x in verdicts if x[1]["depth"] != "shown"]
    picked = rng.sample(shown, min(len(shown), n // 2))
    picked += rng.sample(rest, min(len(rest), n - len(picked)))
    return sorted(picked, key=lambda x: (x[0]["file"], x[1]["requirement"]))


def score(path, now=None):
    rows = list(csv.DictReader(open(path, newline="", encoding="utf-8")))
    if now is not None:
        depth = {(file_id(r["file"]), v["requirement"]): v["depth"]
                 for r in now if r.get("job") for v in r["job"]["requirements"]}
        changed = 0
        for r in rows:
            new = depth.get((r["id"], r["requirement"]), "absent")
            if new != r["depth"]:
                changed += 1
                print(f"  {r['id']} {r['requirement']}: {r['depth']} -> {new} (human: {r['human']})")
                r["depth"] = new
        print(f"{changed} verdicts changed since the sample was drawn")
    judged = [r for r in rows if r["human"] in ("shown", "listed", "absent")]
    said = [r for r in judged if r["depth"] == "shown"]
    true_shown = [r for r in judged if r["human"] == "shown"]
    tp = sum(1 for r in said if r["human"] == "shown")
    print(f"{len(judged)}/{len(rows)} judged")
    if said:
        print(f"precision of shown: {tp}/{len(said)} = {tp / len(said):.2f}")
    if true_shown:
        print(f"recall of shown:    {tp}/{len(true_shown)} = {tp / len(true_shown):.2f}")
    agree = sum(1 for r in judged if r["human"] == r["depth"])
    print(f"depth agrees:       {agree}/{len(judged)}")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--job", help="the posting (TXT, MD, PDF, DOCX)")
    ap.add_argument("--top", type=int, default=10)
    ap.add_argument("--sample", type=int, default=20)
    ap.add_argument("--seed", type=int, default=22)
    ap.add_argument("--out", help="write the sampled verdicts here (CSV)")
    ap.add_argument("--score", help="score a checked sample CSV and exit")
    args, extra = ap.parse_known_args()
    if args.score:
        now = screen(args.job, extra) if args.job or "--must" in extra else None
        score(args.score, now)
        return
    if not args.job and "--must" not in extra:
        ap.error("--job (or --must) is required")
    records = [r for r in screen(args.job, extra) if r["status"] == "ok"]
    levels = {row["id"]: row["level"] for row in read_manifest()}
    print(f"{len(records)} resumes assessed against {args.job or ' '.join(extra)}\n")
    top(records, args.top)
    picked = sample(records, args.sample, args.seed)
    out = open(args.out, "w", newline="", encoding="utf-8") if args.out else sys.stdout
    w = csv.writer(out)
    w.writerow(["id", "label", "requirement", "importance", "depth", "skill",
                "page", "line", "quote", "human", "why"])
    for r, v in picked:
        w.writerow([file_id(r["file"]), levels.get(file_id(r["file"]), ""),
                    v["requirement"], v["importance"], v["depth"], v.get("skill") or "",
                    v.get("page") or "", v.get("line") or "", v.get("quote") or "", "", ""])
    if args.out:
        out.close()
        print(f"\n{len(picked)} sampled verdicts written to {args.out}")


if __name__ == "__main__":
    main()
