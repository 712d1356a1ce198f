"""Shared helpers for the real-resume corpus scripts: where the cache is,
how the manifest reads, and how to run levelscan over the corpus.

The corpus files are people's own resumes: they live in a cache folder
outside the repository (LEVELSCAN_CORPUS, default ~/.cache/levelscan-corpus,
holding files/<id>.<format>) and are never committed. Only the manifest is.
"""
import csv
import json
import os
import subprocess
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
MANIFEST = HERE / "manifest.csv"


def cache_dir():
    env = os.environ.get("LEVELSCAN_CORPUS")
    return Path(env) if env else Path.home() / ".cache" / "levelscan-corpus"


def read_manifest(path=MANIFEST):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def file_of(row, cache=None):
    return (cache or cache_dir()) / "files" / f"{row['id']}.{row['format']}"


def levelscan_binary():
    env = os.environ.get("LEVELSCAN")
    if env:
        return env
    built = REPO / "target" / "release" / "levelscan"
    if not built.exists():
        subprocess.run(["cargo", "build", "--release", "--locked", "--quiet"],
                       cwd=REPO, check=True)
    return str(built)


def screen_jsonl(files, extra=()):
    """levelscan screen over the given files: {path: record}."""
    out = subprocess.run(
        [levelscan_binary(), "screen", "--format", "jsonl", "--quiet", *extra,
         *map(str, files)],
        capture_output=True, text=True, check=False)
    if out.returncode not in (0, 1):
        raise SystemExit(f"levelscan screen failed ({out.returncode}): {out.stderr}")
    records = {}
    for line in out.stdout.splitlines():
        r = json.loads(line)
        records[r["file"]] = r
    return records
