#!/usr/bin/env python3
"""Build a corpus of N distinct resume files from the shipped fixtures.

Each copy gets distinct bytes (a PDF gets a trailing comment line; a DOCX a
distinct zip comment), so no two files are duplicates of each other by
bytes. Text duplicates remain (the same resume text), as in a real folder
where one template is reused; levelscan still reads every file.

Usage: make_corpus.py FIXTURES_DIR OUT_DIR N
"""
import os
import sys
import zipfile
import io

fixtures, out, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
sources = []
for sub in ("pdf", "docx"):
    folder = os.path.join(fixtures, sub)
    for name in sorted(os.listdir(folder)):
        if name.endswith((".pdf", ".docx")):
            with open(os.path.join(folder, name), "rb") as f:
                sources.append((name, f.read()))
os.makedirs(out, exist_ok=True)
for i in range(count):
    name, data = sources[i % len(sources)]
    stem, ext = os.path.splitext(name)
    target = os.path.join(out, f"{i:05d}-{stem}{ext}")
    if ext == ".pdf":
        data = data + f"\n%copy {i}\n".encode()
    else:
        buffer = io.BytesIO(data)
        with zipfile.ZipFile(buffer, "a") as z:
            z.comment = f"copy {i}".encode()
        data = buffer.getvalue()
    with open(target, "wb") as f:
        f.write(data)
