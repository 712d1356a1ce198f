"""`levelscan brief` over the whole real-resume corpus, in all three formats.

1. Every file must give a brief in Markdown, HTML and DOCX without error
   (a file levelscan cannot read exits 1 with the reason and is counted
   apart; anything else is a failure).
2. Redaction: every file's brief with --redact, in all three formats, must
   hold no word of the name the manifest records (as printed on the
   resume), no email address and no link. The DOCX is read back with
   `levelscan extract`.
3. Questions: how many each brief asks (meant to be five to eight).
4. Pages: a sample (every SAMPLE_EVERY-th file by id, about 30) is turned
   into PDF — the DOCX by LibreOffice, the HTML by headless Chromium — and
   its pages counted; a brief is meant to fit one page.

    python3 eval/real/briefs.py            # LEVELSCAN=target/debug/levelscan to skip the release build

Briefs go to a temporary folder removed at the end: they quote personal
documents.
"""
import os
import re
from concurrent.futures import ThreadPoolExecutor
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from common import file_of, levelscan_binary, read_manifest

FORMATS = ("md", "html", "docx")
SAMPLE_EVERY = int(os.environ.get("SAMPLE_EVERY", "8"))


def brief(binary, resume, out, redact=False):
    args = [binary, "brief", str(resume), "-o", str(out)]
    if redact:
        args.append("--redact")
    return subprocess.run(args, capture_output=True, text=True, check=False)


def text_of(binary, path):
    if path.suffix == ".docx":
        return subprocess.run([binary, "extract", str(path)], capture_output=True,
                              text=True, check=True).stdout
    text = path.read_text(encoding="utf-8")
    # The page's own head (styles, policy) is not resume text.
    return text.split("<body>", 1)[-1]


def leaks(text, name):
    found = []
    for word in re.findall(r"[^\W\d_][\w'-]*", name or ""):
        if len(word) >= 2 and re.search(rf"(?i)\b{re.escape(word)}\b", text):
            found.append(word)
    if re.search(r"[\w.+-]+@[\w-]+\.[\w.]+", text):
        found.append("an email address")
    if re.search(r"(?i)https?://|www\.|linkedin\.com/|github\.com/", text):
        found.append("a link")
    return found


def pages(pdf):
    out = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True)
    m = re.search(r"^Pages:\s+(\d+)", out.stdout, re.M)
    return int(m.group(1)) if m else None


def main():
    binary = levelscan_binary()
    rows = sorted((r for r in read_manifest() if file_of(r).exists()), key=lambda r: r["id"])
    if not rows:
        sys.exit("no corpus files found (set LEVELSCAN_CORPUS)")
    work = Path(tempfile.mkdtemp(prefix="levelscan-briefs-"))
    try:
        jobs = [(row, fmt, redact) for row in rows for fmt in FORMATS for redact in (False, True)]

        def run(job):
            row, fmt, redact = job
            out = work / f"{row['id']}{'-redacted' if redact else ''}.{fmt}"
            done = brief(binary, file_of(row), out, redact)
            found = []
            if redact and done.returncode == 0:
                found = leaks(text_of(binary, out), row["name"])
            return row["id"], fmt, done, found

        written = unreadable = 0
        failures, leaked = [], []
        with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
            for rid, fmt, done, found in pool.map(run, jobs):
                if done.returncode == 0:
                    written += 1
                elif done.returncode == 1:
                    unreadable += 1
                else:
                    failures.append(f"{rid} .{fmt}: {done.stderr.strip()}")
                if found:
                    leaked.append(f"{rid} .{fmt}: {', '.join(found)}")
        print(f"files: {len(rows)}; briefs written: {written} "
              f"({len(FORMATS)} formats, open and redacted); "
              f"not readable (exit 1): {unreadable}; failed: {len(failures)}")
        for f in failures:
            print("  FAILED", f)
        print(f"redacted briefs with a name word, email or link left: {len(leaked)}")
        for f in leaked:
            print("  LEAK", f)

        # How many questions each brief asks (the Markdown's numbered list).
        asked = {}
        for row in rows:
            md = work / f"{row['id']}.md"
            if md.exists():
                section = md.read_text(encoding="utf-8").split("## Questions to ask", 1)[-1]
                section = section.split("\n## ", 1)[0]
                n = len(re.findall(r"^\d+\. ", section, re.M))
                asked[n] = asked.get(n, 0) + 1
        print("questions per brief (count: briefs):",
              ", ".join(f"{n}: {c}" for n, c in sorted(asked.items())))

        sample = [r["id"] for r in rows][::SAMPLE_EVERY]
        sample = [i for i in sample if (work / f"{i}.docx").exists()]
        if shutil.which("soffice"):
            subprocess.run(["soffice", f"-env:UserInstallation=file://{work}/profile",
                            "--headless", "--convert-to", "pdf", "--outdir", str(work / "docx-pdf"),
                            *[str(work / f"{i}.docx") for i in sample]],
                           capture_output=True, check=False)
            counts = {i: pages(work / "docx-pdf" / f"{i}.pdf") for i in sample}
            over = {i: n for i, n in counts.items() if n != 1}
            print(f"DOCX via LibreOffice: {len(over)} of {len(sample)} sampled briefs are not one page"
                  + (f": {over}" if over else ""))
        else:
            print("no soffice: the DOCX page count is skipped")
        chromium = shutil.which("chromium") or shutil.which("chromium-browser")
        if chromium:
            over = {}
            for i in sample:
                pdf = work / "html-pdf" / f"{i}.pdf"
                pdf.parent.mkdir(exist_ok=True)
                subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu",
                                "--no-pdf-header-footer", f"--user-data-dir={work}/chromium",
                                f"--print-to-pdf={pdf}", f"file://{work}/{i}.html"],
                               capture_output=True, check=False)
                n = pages(pdf)
                if n != 1:
                    over[i] = n
            print(f"HTML via Chromium: {len(over)} of {len(sample)} sampled briefs are not one page"
                  + (f": {over}" if over else ""))
        else:
            print("no chromium: the HTML page count is skipped")
        return 1 if failures or leaked else 0
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
