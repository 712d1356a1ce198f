#!/usr/bin/env bash
# Throughput of `levelscan screen`, measured side by side in ONE run, because
# these machines are shared and noisy: read the ratios, not only the times.
#
# For corpora of 1,000 and 10,000 distinct resumes built from the fixtures
# (examples/make_corpus.rs: each copy has a line of its own, so no two files
# share bytes or text and every file gets a full row), it measures:
#   - levelscan screen end to end (files/s) at -j1 and -j2;
#   - the cost of --job: -j2 with and without a posting
#     (fixtures/jobs/backend-senior-go.md), as the ratio of the two;
#   - pdftotext over the same PDFs, xargs -P2 (Debian: poppler-utils);
#   - the bare lopdf load-and-decompress loop over the same PDFs
#     (examples/lopdf_floor.rs): the floor no levelscan run can beat;
#   - peak memory: the largest single process (GNU time, parent) and the
#     peak total of the parent and its worker processes (sampled /proc);
#   - a control for -j2/-j1: two -j1 runs over the corpus's two halves at
#     once, against one -j1 run over the whole. Each half pays a run's
#     start-up as -j2 does, but the two share nothing, so this is what two
#     cores of this machine give this work with no parallel machinery at
#     all: what keeps it under 2 is start-up and the machine (cores
#     contending for cache, memory and the host), not the worker pool.
#
# Usage: benches/throughput.sh [SIZES...]   (default: 1000 10000; RUNS=3,
# SETTLE=2.5: the pause before each timed command, see pair() below)
# Needs: cargo, bc, GNU time (/usr/bin/time); pdftotext optional.
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("${@:-1000 10000}")
read -r -a sizes <<<"${sizes[*]}"
runs=${RUNS:-3}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cargo build --release --locked --quiet
cargo build --release --locked --quiet --example lopdf_floor --example make_corpus
bin=target/release/levelscan
floor=target/release/examples/lopdf_floor

median() { sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
# The wall seconds of a command, then its CPU seconds (user + system, with
# every child it waited for: a screen's workers). The CPU time is a second
# view of a cost such as --job's: a neighbour's burst of load stretches the
# wall time of whichever side it falls on, but much less the CPU time.
seconds() { # command... -> "wall-seconds cpu-seconds"
    local start end
    start=$(date +%s.%N)
    /usr/bin/time -f "%U %S" -o "$work/cpu" "$@" >/dev/null 2>&1 || true
    end=$(date +%s.%N)
    echo "$(echo "$end - $start" | bc -l) $(tail -1 "$work/cpu" | awk '{print $1 + $2}')"
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
# Each comparison is measured in pairs, back to back (RUNS times, A then B
# and B then A in turn): a burst of load from a neighbour then falls on
# both sides of a pair, and the median of the per-pair ratios is the
# figure to read. Times are medians too. Small corpora finish in well
# under a second, where start-up and noise weigh most: they get three
# times as many pairs.
ratio() { echo "$1 / $2" | bc -l; }
# The times of two commands (the names of arrays holding them) run back to
# back, the first one first in even pairs and second in odd ones, so that
# neither side always follows the other or the pair before.
#
# Every timed command starts from the same state, the one a user's single
# run meets here: this machine is a virtual machine that hands memory freed
# for two seconds back to its host, and takes files out of its page cache
# within seconds. So each command waits SETTLE seconds (default 2.5) for
# the memory the last one freed to go back: a command that ran right after
# another reused its pages, while on memory handed back each first touch of
# a page costs the host a fault (2 MiB pages: ≈ 2 ms per MiB, 6–8 times the
# cost of 4 KiB ones), which made whichever side ran second look faster.
# Then the corpus and the programs under test (levelscan, the floor loop,
# pdftotext and its libraries) are read into the page cache, so that no
# side loses by reading from disk.
pair() { # pair-index first second -> "first-wall first-cpu second-wall second-cpu"
    local -n first=$2 second=$3
    local a b
    if (($1 % 2)); then
        ready && b=$(seconds "${second[@]}")
        ready && a=$(seconds "${first[@]}")
    else
        ready && a=$(seconds "${first[@]}")
        ready && b=$(seconds "${second[@]}")
    fi
    echo "$a $b"
}
programs=("$bin" "$floor")
if command -v pdftotext >/dev/null; then
    programs+=("$(command -v pdftotext)")
    mapfile -t -O "${#programs[@]}" programs < <(ldd "$(command -v pdftotext)" | awk '$3 ~ /^\// {print $3}')
fi
ready() {
    sleep "${SETTLE:-2.5}"
    find "$corpus" -type f -print0 | xargs -0 cat "${programs[@]}" >/dev/null
}
for n in "${sizes[@]}"; do
    corpus="$work/c$n"
    target/release/examples/make_corpus fixtures "$corpus" "$n"
    find "$corpus" -name '*.pdf' | sort >"$work/pdfs$n.txt"
    pdfs=$(wc -l <"$work/pdfs$n.txt")
    # The same PDFs alone, for the comparisons that read PDFs only.
    mkdir -p "$work/pdfonly$n"
    xargs -a "$work/pdfs$n.txt" ln -sf -t "$work/pdfonly$n"
    # The corpus in two halves, file by file in turn, for the control.
    mkdir -p "$work/half$n-0" "$work/half$n-1"
    find "$corpus" -type f | sort | awk -v w="$work/half$n-" '{print $0 > (w (NR % 2) ".txt")}'
    for h in 0 1; do xargs -a "$work/half$n-$h.txt" ln -sf -t "$work/half$n-$h"; done
    pairs=$runs
    ((n <= 1000)) && pairs=$((runs * 3))
    no_jobs=() jobs=() job_cost=() job_cpu_cost=() j1s=() j2s=() scale=() j1pdfs=() floors=() of_floor=() j2pdfs=() pts=() vs_pt=() halves=() control=()
    screen_j1=("$bin" screen "$corpus" -j 1 --quiet -o /dev/null)
    screen_j2=("$bin" screen "$corpus" -j 2 --quiet -o /dev/null)
    screen_job=("${screen_j2[@]}" --job fixtures/jobs/backend-senior-go.md)
    pdfs_j1=("$bin" screen "$work/pdfonly$n" -j 1 --quiet -o /dev/null)
    pdfs_j2=("$bin" screen "$work/pdfonly$n" -j 2 --quiet -o /dev/null)
    floor_loop=("$floor" --list "$work/pdfs$n.txt")
    poppler=(sh -c "xargs -a '$work/pdfs$n.txt' -P2 -I{} pdftotext {} /dev/null")
    half() { echo "'$bin' screen '$work/half$n-$1' -j 1 --quiet -o /dev/null"; }
    halves_at_once=(sh -c "$(half 0) & $(half 1); wait")
    for i in $(seq "$pairs"); do
        read -r a _ b _ < <(pair "$i" screen_j1 screen_j2)
        j1s+=("$a") j2s+=("$b") scale+=("$(ratio "$a" "$b")")
        read -r a a_cpu b b_cpu < <(pair "$i" screen_j2 screen_job)
        no_jobs+=("$a") jobs+=("$b") job_cost+=("$(ratio "$b" "$a")") job_cpu_cost+=("$(ratio "$b_cpu" "$a_cpu")")
        read -r a _ b _ < <(pair "$i" screen_j1 halves_at_once)
        halves+=("$b") control+=("$(ratio "$a" "$b")")
        read -r a _ b _ < <(pair "$i" pdfs_j1 floor_loop)
        j1pdfs+=("$a") floors+=("$b") of_floor+=("$(ratio "$b" "$a")")
        if command -v pdftotext >/dev/null; then
            read -r a _ b _ < <(pair "$i" pdfs_j2 poppler)
            pts+=("$b") vs_pt+=("$(ratio "$b" "$a")")
        else
            ready && read -r a _ < <(seconds "${pdfs_j2[@]}")
        fi
        j2pdfs+=("$a")
    done
    med() { printf '%s\n' "$@" | median; }
    rate() { echo "$1 / $(med "${@:2}")" | bc -l; }
    parent_kb=$(/usr/bin/time -f "%M" "$bin" screen "$corpus" -j 2 --quiet -o /dev/null 2>&1 >/dev/null | tail -1)
    total_kb=$(peak_total_rss "$bin" screen "$corpus" -j 2 --quiet -o /dev/null)
    echo
    echo "== $n files ($pdfs PDF), medians of $pairs back-to-back pairs"
    printf 'levelscan screen -j1      %8.0f files/s\n' "$(rate "$n" "${j1s[@]}")"
    printf 'levelscan screen -j2      %8.0f files/s   -j2/-j1 = %.2f\n' "$(rate "$n" "${j2s[@]}")" "$(med "${scale[@]}")"
    printf 'levelscan screen -j2 --job %7.0f files/s   with / without the posting = %.3f (%.0f files/s without, same pairs)\n' \
        "$(rate "$n" "${jobs[@]}")" "$(med "${job_cost[@]}")" "$(rate "$n" "${no_jobs[@]}")"
    printf '%27s CPU time (parent + workers) with / without the posting = %.3f\n' "" "$(med "${job_cpu_cost[@]}")"
    printf 'two -j1 halves at once    %8.0f files/s   / -j1 = %.2f (control for -j2/-j1)\n' \
        "$(rate "$n" "${halves[@]}")" "$(med "${control[@]}")"
    printf 'levelscan screen -j1 PDFs %8.0f files/s\n' "$(rate "$pdfs" "${j1pdfs[@]}")"
    printf 'lopdf floor (1 thread)    %8.0f files/s   levelscan -j1 PDFs / floor = %.2f\n' \
        "$(rate "$pdfs" "${floors[@]}")" "$(med "${of_floor[@]}")"
    printf 'levelscan screen -j2 PDFs %8.0f files/s\n' "$(rate "$pdfs" "${j2pdfs[@]}")"
    if ((${#pts[@]})); then
        printf 'pdftotext xargs -P2       %8.0f files/s   levelscan -j2 / pdftotext -P2 = %.1fx\n' \
            "$(rate "$pdfs" "${pts[@]}")" "$(med "${vs_pt[@]}")"
    else
        echo "pdftotext not installed (poppler-utils): not compared"
    fi
    printf 'peak RSS: parent %d MB, parent + workers %d MB\n' "$((parent_kb / 1024))" "$((total_kb / 1024))"
done
