#!/usr/bin/env bash
# Whole-process benchmark of quartier on generated records folders.
#
#   scripts/bench.sh              # 10,000 and 100,000 records, 7 runs each
#   RUNS=11 SCALES="10" scripts/bench.sh
#
# Builds the release binary, generates the folders with the repo's own
# generator (target/bench/scale-K, kept between runs), warms the file cache,
# then times each command RUNS times with /usr/bin/time and prints medians
# (wall seconds) and the peak resident memory as a Markdown table.
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS=${RUNS:-7}
SCALES=${SCALES:-"10 100"}
WORK=${BENCH_DIR:-target/bench}
export QUARTIER_TODAY=${QUARTIER_TODAY:-2026-11-25}

if [ ! -x /usr/bin/time ]; then
    echo "bench.sh needs /usr/bin/time (Debian/Ubuntu: sudo apt-get install time)" >&2
    exit 2
fi

cargo build --release --quiet
BIN=$PWD/target/release/quartier
mkdir -p "$WORK"

# median of the numbers on stdin
median() { sort -n | awk '{a[NR]=$1} END {if (NR%2) print a[(NR+1)/2]; else printf "%.3f\n", (a[NR/2]+a[NR/2+1])/2}'; }

# time_cmd NAME COMMAND...: RUNS timed runs after one warm-up; prints "median_s max_rss_mib"
time_cmd() {
    local name=$1; shift
    local out="$WORK/time.$$"
    "$@" >/dev/null 2>&1 || true
    : > "$out.all"
    for _ in $(seq "$RUNS"); do
        /usr/bin/time -f "%e %M" -o "$out" "$@" >/dev/null 2>&1 || true
        tail -n 1 "$out" >> "$out.all"
    done
    local wall rss
    wall=$(cut -d' ' -f1 "$out.all" | median)
    rss=$(cut -d' ' -f2 "$out.all" | sort -n | tail -n 1)
    rm -f "$out" "$out.all"
    printf '%s %s %s\n' "$name" "$wall" "$(awk -v k="$rss" 'BEGIN {printf "%.1f", k/1024}')"
}

echo "# quartier benchmark"
echo
echo "- date: $(date -u +%Y-%m-%d), runs per figure: $RUNS (median wall time, warm file cache)"
echo "- machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
echo "- binary: $("$BIN" --version)"
echo

for scale in $SCALES; do
    dir="$WORK/scale-$scale"
    if [ ! -f "$dir/quartier.toml" ]; then
        rm -rf "$dir"
        "$BIN" demo generate --seed 7 --scale "$scale" --out "$dir" >/dev/null
    fi
    files=$(find "$dir" -name '*.toml' | wc -l)
    # warm the file cache
    find "$dir" -name '*.toml' -print0 | xargs -0 cat > /dev/null
    echo "## scale $scale: $files record files ($(du -sh "$dir" | cut -f1))"
    echo
    echo "| command | median s | × read floor | peak MiB |"
    echo "|---|---:|---:|---:|"
    month_dir="$dir/appointments/2026/10"
    mkdir -p "$month_dir"
    before=$(ls -A "$month_dir" | sort)
    results=$(
        time_cmd "read floor: find | xargs cat" sh -c "find '$dir' -name '*.toml' -print0 | xargs -0 cat > /dev/null"
        time_cmd "check" "$BIN" --records "$dir" check
        time_cmd "report yearly --year 2025" "$BIN" --records "$dir" report yearly --year 2025 --format json
        time_cmd "report monthly --month 2026-10" "$BIN" --records "$dir" report monthly --month 2026-10 --format json
        time_cmd "agenda" "$BIN" --records "$dir" agenda
        time_cmd "appointment add" "$BIN" --records "$dir" appointment add --kind sponsor --sponsor "$(ls "$dir/sponsors" | grep -v '^\.' | head -n 1 | sed 's/\.toml$//')" --date 2026-10-30 --status done
    )
    # the records added by the "appointment add" runs are removed again
    comm -13 <(echo "$before") <(ls -A "$month_dir" | sort) | while read -r added; do
        rm -f "$month_dir/$added"
    done
    floor=$(echo "$results" | head -n 1 | awk '{print $(NF-1)}')
    echo "$results" | awk -v floor="$floor" '{
        rss=$NF; wall=$(NF-1); $NF=""; $(NF-1)="";
        sub(/[ \t]+$/, "");
        printf "| %s | %.3f | %.2f | %s |\n", $0, wall, (floor>0 ? wall/floor : 0), rss }'
    echo
done
