#!/usr/bin/env bash
# Throughput of `levelscan screen`, measured side by side in ONE run, because
# these machines are shared and noisy: read the ratios, not only the times.
#
# For corpora of 1,000 and 10,000 distinct files built from the fixtures
# (benches/make_corpus.py), it measures:
#   - levelscan screen end to end (files/s) at -j1 and -j2, median of RUNS;
#   - pdftotext over the same PDFs, xargs -P2 (Debian: poppler-utils);
#   - the bare lopdf load-and-decompress loop over the same PDFs
#     (examples/lopdf_floor.rs): the floor no levelscan run can beat;
#   - peak memory: the largest single process (GNU time, parent) and the
#     peak total of the parent and its worker processes (sampled /proc).
#
# Usage: benches/throughput.sh [SIZES...]   (default: 1000 10000; RUNS=3)
# Needs: cargo, python3, GNU time (/usr/bin/time); pdftotext optional.
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("${@:-1000 10000}")
read -r -a sizes <<<"${sizes[*]}"
runs=${RUNS:-3}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cargo build --release --locked --quiet
cargo build --release --locked --quiet --example lopdf_floor
bin=target/release/levelscan
floor=target/release/examples/lopdf_floor

median() { sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
seconds() { # command... -> wall seconds
    local start end
    start=$(date +%s.%N)
    "$@" >/dev/null 2>&1 || true
    end=$(date +%s.%N)
    echo "$end - $start" | bc -l
}
# Peak total RSS (KiB) of levelscan processes while the command runs.
peak_total_rss() {
    local peak=0 total
    "$@" >/dev/null 2>&1 &
    local pid=$!
    while kill -0 "$pid" 2>/dev/null; do
        total=$(ps -o rss= -C levelscan 2>/dev/null | awk '{s+=$1} END {print s+0}')
        ((total > peak)) && peak=$total
        sleep 0.05
    done
    wait "$pid" || true
    echo "$peak"
}

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -m)"
for n in "${sizes[@]}"; do
    corpus="$work/c$n"
    python3 benches/make_corpus.py fixtures "$corpus" "$n"
    find "$corpus" -name '*.pdf' | sort >"$work/pdfs$n.txt"
    pdfs=$(wc -l <"$work/pdfs$n.txt")
    j1=$(for _ in $(seq "$runs"); do seconds "$bin" screen "$corpus" -j 1 --quiet -o /dev/null; done | median)
    j2=$(for _ in $(seq "$runs"); do seconds "$bin" screen "$corpus" -j 2 --quiet -o /dev/null; done | median)
    # The same PDFs alone, for the comparisons that read PDFs only.
    mkdir -p "$work/pdfonly$n"
    xargs -a "$work/pdfs$n.txt" ln -sf -t "$work/pdfonly$n"
    j2pdf=$(for _ in $(seq "$runs"); do seconds "$bin" screen "$work/pdfonly$n" -j 2 --quiet -o /dev/null; done | median)
    floor_t=$(for _ in $(seq "$runs"); do seconds "$floor" --list "$work/pdfs$n.txt"; done | median)
    parent_kb=$(/usr/bin/time -f "%M" "$bin" screen "$corpus" -j 2 --quiet -o /dev/null 2>&1 >/dev/null | tail -1)
    total_kb=$(peak_total_rss "$bin" screen "$corpus" -j 2 --quiet -o /dev/null)
    echo
    echo "== $n files ($pdfs PDF), median of $runs runs"
    printf 'levelscan screen -j1      %8.0f files/s\n' "$(echo "$n / $j1" | bc -l)"
    printf 'levelscan screen -j2      %8.0f files/s   -j2/-j1 = %.2f\n' "$(echo "$n / $j2" | bc -l)" "$(echo "$j1 / $j2" | bc -l)"
    printf 'levelscan screen -j2 PDFs %8.0f files/s\n' "$(echo "$pdfs / $j2pdf" | bc -l)"
    printf 'lopdf floor (1 thread)    %8.0f files/s\n' "$(echo "$pdfs / $floor_t" | bc -l)"
    j1pdf=$(for _ in $(seq "$runs"); do seconds "$bin" screen "$work/pdfonly$n" -j 1 --quiet -o /dev/null; done | median)
    printf 'levelscan -j1 PDFs / lopdf floor = %.2f\n' "$(echo "$floor_t / $j1pdf" | bc -l)"
    if command -v pdftotext >/dev/null; then
        pt=$(for _ in $(seq "$runs"); do seconds sh -c "xargs -a '$work/pdfs$n.txt' -P2 -I{} pdftotext {} /dev/null"; done | median)
        printf 'pdftotext xargs -P2       %8.0f files/s   levelscan -j2 / pdftotext -P2 = %.1fx\n' \
            "$(echo "$pdfs / $pt" | bc -l)" "$(echo "$pt / $j2pdf" | bc -l)"
    else
        echo "pdftotext not installed (poppler-utils): not compared"
    fi
    printf 'peak RSS: parent %d MB, parent + workers %d MB\n' "$((parent_kb / 1024))" "$((total_kb / 1024))"
done
