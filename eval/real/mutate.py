#!/usr/bin/env python3
"""Mutated copies of the real-resume corpus through the whole pipeline.

    eval/real/mutate.py [--count 3000] [--seed 7] [--batch 500] [--keep DIR]

Writes COUNT damaged copies of the cached corpus files (byte flips,
truncations, splices of two files, a run of bytes repeated or deleted), in
batches, and runs `levelscan screen` over each batch the way a user would.
Every copy must get exactly one row; a row that is not `ok` must say why in
its note; no note may speak of a panic (a panic is a bug, whatever the
file); levelscan must exit 0 or 1. Prints the statuses, the notes' kinds
and every failure, and exits 1 when there is one. `--keep DIR` keeps the
copies that failed, to reproduce them.

The CI test `tests/pipeline_never_panics.rs` does the same, in bounded time,
on the shipped fixtures; this runs it on real files, which CI cannot have.
"""
import argparse
import collections
import csv
import random
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from common import cache_dir, file_of, levelscan_binary, read_manifest


def flip(rng, data, _other):
    data = bytearray(data)
    for _ in range(rng.randint(1, 64)):
        data[rng.randrange(len(data))] = rng.randrange(256)
    return bytes(data)


def truncate(rng, data, _other):
    return data[: rng.randrange(len(data))]


def splice(rng, data, other):
    return data[: rng.randrange(len(data))] + other[rng.randrange(len(other)):]


def repeat(rng, data, _other):
    start = rng.randrange(len(data))
    run = data[start : start + rng.randint(1, 4096)]
    return data[:start] + run * rng.randint(2, 8) + data[start:]


def delete(rng, data, _other):
    start = rng.randrange(len(data))
    return data[:start] + data[start + rng.randint(1, 4096):]


MUTATIONS = [flip, truncate, splice, repeat, delete]


def run_batch(folder):
    out = folder / "ranking.csv"
    run = subprocess.run(
        [levelscan_binary(), "screen", str(folder), "-o", str(out), "--quiet"],
        capture_output=True, text=True, check=False)
    rows = list(csv.DictReader(open(out, newline="", encoding="utf-8"))) if out.exists() else []
    return run, rows


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--count", type=int, default=3000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--batch", type=int, default=500)
    ap.add_argument("--keep", type=Path, help="copy the files that failed here")
    args = ap.parse_args()

    sources = [file_of(r) for r in read_manifest() if file_of(r).exists()]
    if not sources:
        sys.exit(f"no corpus files under {cache_dir()}: see eval/real/README.md")
    rng = random.Random(args.seed)
    statuses, notes, failures = collections.Counter(), collections.Counter(), []
    done = 0
    while done < args.count:
        n = min(args.batch, args.count - done)
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp)
            made = {}
            for i in range(n):
                src, other = rng.choice(sources), rng.choice(sources)
                mutation = rng.choice(MUTATIONS)
                data = src.read_bytes()
                data = mutation(rng, data, other.read_bytes()) if data else data
                name = f"m{done + i:05d}-{mutation.__name__}-{src.stem}{src.suffix}"
                (folder / name).write_bytes(data)
                made[name] = folder / name
            run, rows = run_batch(folder)
            if run.returncode not in (0, 1):
                failures.append(f"batch at {done}: exit {run.returncode}: {run.stderr.strip()[:300]}")
            seen = collections.Counter(Path(r["file"]).name for r in rows)
            for name in made:
                if seen[name] != 1:
                    failures.append(f"{name}: {seen[name]} rows")
            for r in rows:
                name = Path(r["file"]).name
                statuses[r["status"]] += 1
                note = r.get("note", "")
                if r["status"] != "ok":
                    # A duplicate's note names the other copy: count the kind.
                    kind = "duplicate of another copy" if r["status"] == "duplicate" else note.split(":")[0]
                    notes[kind[:60] or "(empty)"] += 1
                    if not note:
                        failures.append(f"{name}: status {r['status']} with no note")
                if "panic" in note.lower():
                    failures.append(f"{name}: {note[:200]}")
            if args.keep:
                args.keep.mkdir(parents=True, exist_ok=True)
                for f in failures:
                    name = f.split(":")[0]
                    if name in made:
                        shutil.copy(made[name], args.keep / name)
        done += n
        print(f"{done}/{args.count} copies screened, {len(failures)} failures so far", flush=True)

    print("\nstatus          copies")
    for status, c in statuses.most_common():
        print(f"{status:<15} {c}")
    print("\nnotes of rows not ok (first words)")
    for note, c in notes.most_common(15):
        print(f"{c:>6}  {note}")
    print(f"\nfailures: {len(failures)}")
    for f in failures[:50]:
        print("  " + f)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
