#!/usr/bin/env bash
# Whole-process benchmark of quartier on folders made by its own generator.
#
#   scripts/bench.sh                  # about 10,000 and 100,000 records, 9 runs each
#   RUNS=5 SCALES="7" scripts/bench.sh
#   WAIT_LOAD=0.5 scripts/bench.sh    # first wait (up to 30 min) for a quiet machine
#
# Builds the release binary, generates the folders with
# `quartier demo generate --seed 7 --scale K` (scale 1 is about 1,500 records,
# so scales 7 and 67 give about 10,000 and 100,000), commits each into a git
# repository as an office would keep it (target/bench/scale-K, kept between
# runs), warms the file cache and times each command as a whole process:
# one warm-up run, then RUNS timed runs; the median, fastest and slowest wall
# time, and the peak resident memory of one more run under `/usr/bin/time -v`.
# Two read floors: what it takes just to read every record file, serially
# (`find DIR -name '*.toml' -print0 | xargs -0 cat > /dev/null`) and on every
# core (ripgrep counting a string that is in no record, `rg -c --no-ignore`);
# quartier reads on every core, so the targets are set against the parallel
# floor. ripgrep comes from Debian's `ripgrep` package, installed when missing.
# Reports run with their index of settled referrals filled by the warm-up
# run (it lives in target/bench/cache here, in ~/.cache/quartier otherwise).
# Prints Markdown (BENCHMARKS.md is this output). Nothing here is niced:
# check the load averages it prints, and run it again when the machine is busy.
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS=${RUNS:-9}
SCALES=${SCALES:-"7 67"}
WORK=${BENCH_DIR:-target/bench}
SEED=7
export QUARTIER_TODAY=${QUARTIER_TODAY:-2026-11-25}

if [ ! -x /usr/bin/time ]; then
    echo "bench.sh needs GNU time at /usr/bin/time (Debian/Ubuntu: apt-get install time)" >&2
    exit 2
fi
if [ -z "${EPOCHREALTIME:-}" ]; then
    echo "bench.sh needs bash 5 (EPOCHREALTIME)" >&2
    exit 2
fi

if ! command -v rg >/dev/null 2>&1; then
    echo "bench.sh: installing Debian's ripgrep for the parallel read floor" >&2
    if [ "$(id -u)" = 0 ]; then
        (apt-get install -y -qq ripgrep >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq ripgrep; }) >&2
    else
        sudo apt-get install -y -qq ripgrep >&2
    fi
fi
command -v rg >/dev/null 2>&1 || { echo "bench.sh needs ripgrep (apt-get install ripgrep)" >&2; exit 2; }

cargo build --release --quiet
BIN=$PWD/target/release/quartier
mkdir -p "$WORK"
# The reports' index of settled referrals (a cache) is kept beside the folders;
# each command's warm-up run fills it, as the office's first report would.
XDG_CACHE_HOME="$(cd "$WORK" && pwd)/cache"
export XDG_CACHE_HOME

load() { cut -d' ' -f1-3 /proc/loadavg; }

if [ -n "${WAIT_LOAD:-}" ]; then
    for _ in $(seq 180); do
        awk -v max="$WAIT_LOAD" '{exit !($1 <= max)}' /proc/loadavg && break
        sleep 10
    done
fi

# Microseconds since the epoch.
now() { local t=${EPOCHREALTIME/[.,]/}; echo "$t"; }

# median, min and max (in ms) of the microsecond figures on stdin
stats() {
    sort -n | awk '{a[NR]=$1} END {
        m = (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2;
        printf "%.1f %.1f %.1f\n", m/1000, a[1]/1000, a[NR]/1000 }'
}

# measure NAME COMMAND...: prints "NAME|median|min|max|peak MiB"
measure() {
    local name=$1; shift
    "$@" >/dev/null 2>&1 || true
    local times="" start end
    for _ in $(seq "$RUNS"); do
        start=$(now)
        "$@" >/dev/null 2>&1 || true
        end=$(now)
        times+="$((end - start))"$'\n'
    done
    local rss
    /usr/bin/time -v -o "$WORK/time.out" "$@" >/dev/null 2>&1 || true
    rss=$(awk -F': ' '/Maximum resident set size/ {printf "%.1f", $2/1024}' "$WORK/time.out")
    rm -f "$WORK/time.out"
    printf '%s|%s|%s\n' "$name" "$(printf '%s' "$times" | stats | tr ' ' '|')" "${rss:-?}"
}

read_floor() { find "$1" -name '*.toml' -print0 | xargs -0 cat > /dev/null; }

echo "# quartier benchmark"
echo
echo "Made by \`scripts/bench.sh\` (RUNS=$RUNS, SCALES=\"$SCALES\"): whole processes, warm file cache,"
echo "wall time in milliseconds (median, fastest, slowest of $RUNS runs after one warm-up),"
echo "peak resident memory of one more run under \`/usr/bin/time -v\`."
echo
echo "- date: $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "- machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')), $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo) memory, $(uname -sr), $(df -T "$WORK" | awk 'NR==2 {print $2}') file system"
echo "- quartier: $("$BIN" --version) at commit $(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git diff --quiet HEAD 2>/dev/null || echo ' (with local changes)')"
echo "- load average (1, 5, 15 min) at the start: $(load)"
echo "- QUARTIER_TODAY=$QUARTIER_TODAY; folders: \`quartier demo generate --seed $SEED --scale K\`, committed to git"
echo

declare -A MEDIAN PEAK RECORDS
for scale in $SCALES; do
    dir="$WORK/scale-$scale"
    if [ ! -d "$dir/.git" ]; then
        rm -rf "$dir"
        "$BIN" demo generate --seed "$SEED" --scale "$scale" --out "$dir" >/dev/null
        git -C "$dir" init --quiet
        git -C "$dir" add --all
        git -C "$dir" -c user.name=bench -c user.email=bench@example.org \
            commit --quiet --message "demo generate --seed $SEED --scale $scale"
    fi
    records=$(find "$dir" -name '*.toml' ! -name quartier.toml | wc -l)
    RECORDS[$scale]=$records
    client=$(find "$dir/clients" -name 'K-*.toml' | sort | awk -F/ 'NR == 1 {sub(/\.toml$/, "", $NF); print $NF}')
    read_floor "$dir"
    read_floor "$dir"
    month_dir="$dir/appointments/2026/10"
    before=$(ls -A "$month_dir" | sort)

    results=$(
        measure "parallel read floor (rg)" rg -c --no-ignore -g '*.toml' 'quartier-bench-no-such-text' "$dir"
        measure "serial read floor" sh -c 'find "$1" -name "*.toml" -print0 | xargs -0 cat > /dev/null' sh "$dir"
        measure "check" "$BIN" --records "$dir" check
        measure "report yearly --year 2025" "$BIN" --records "$dir" report yearly --year 2025
        measure "report monthly --month 2026-10" "$BIN" --records "$dir" report monthly --month 2026-10
        measure "agenda" "$BIN" --records "$dir" agenda
        measure "appointment list --month 2026-10" "$BIN" --records "$dir" appointment list --month 2026-10
        measure "appointment add (consultation)" "$BIN" --records "$dir" appointment add \
            --client "$client" --date 2026-10-30 --topics housing --duration 30
    )
    # the appointments added above are removed again
    comm -13 <(echo "$before") <(ls -A "$month_dir" | sort) | while read -r added; do
        rm -f "$month_dir/$added"
    done

    floor=$(echo "$results" | head -n 1 | cut -d'|' -f2)
    echo "## $records records (scale $scale, $(du -sh "$dir" --exclude=.git | cut -f1) on disk)"
    echo
    echo "| command | median ms | fastest | slowest | × parallel floor | peak MiB |"
    echo "|---|---:|---:|---:|---:|---:|"
    while IFS='|' read -r name median fastest slowest rss; do
        MEDIAN[$scale,$name]=$median
        PEAK[$scale,$name]=$rss
        ratio=$(awk -v m="$median" -v f="$floor" 'BEGIN {printf "%.2f", m/f}')
        echo "| $name | $median | $fastest | $slowest | $ratio | $rss |"
    done <<< "$results"
    echo
    echo "Load average after: $(load)"
    echo
done

set -- $SCALES
if [ $# -ge 2 ]; then
    small=$1; large=${!#}
    echo "## Growth from ${RECORDS[$small]} to ${RECORDS[$large]} records (× $(awk -v a="${RECORDS[$small]}" -v b="${RECORDS[$large]}" 'BEGIN {printf "%.1f", b/a}'))"
    echo
    echo "| command | ms at ${RECORDS[$small]} | ms at ${RECORDS[$large]} | time × | peak MiB × |"
    echo "|---|---:|---:|---:|---:|"
    while IFS= read -r name; do
        a=${MEDIAN[$small,$name]}; b=${MEDIAN[$large,$name]}
        echo "| $name | $a | $b | $(awk -v a="$a" -v b="$b" 'BEGIN {printf "%.1f", b/a}') | $(awk -v a="${PEAK[$small,$name]}" -v b="${PEAK[$large,$name]}" 'BEGIN {printf "%.1f", b/a}') |"
    done < <(for key in "${!MEDIAN[@]}"; do [ "${key%%,*}" = "$small" ] && echo "${key#*,}"; done | sort)
    echo
fi

# The targets of the performance issue, at the largest scale.
large=${!#}
m() { echo "${MEDIAN[$large,$1]}"; }
verdict() { awk "BEGIN {exit !($1)}" && echo "holds" || echo "MISSED"; }
floor=$(m "parallel read floor (rg)")
check=$(m "check")
yearly=$(m "report yearly --year 2025")
monthly=$(m "report monthly --month 2026-10")
add=$(m "appointment add (consultation)")
peak_check=${PEAK[$large,check]}
peak_yearly=${PEAK[$large,report yearly --year 2025]}
echo "## Targets at ${RECORDS[$large]} records (a committed git repository)"
echo
echo "| target | measured | |"
echo "|---|---:|---|"
echo "| check ≤ 1.25 × parallel read floor | $(awk -v a="$check" -v f="$floor" 'BEGIN {printf "%.2f ×", a/f}') | $(verdict "$check <= 1.25 * $floor") |"
echo "| report yearly ≤ 1.0 × parallel read floor | $(awk -v a="$yearly" -v f="$floor" 'BEGIN {printf "%.2f ×", a/f}') | $(verdict "$yearly <= 1.0 * $floor") |"
echo "| report monthly ≤ 0.25 × check | $(awk -v a="$monthly" -v c="$check" 'BEGIN {printf "%.2f ×", a/c}') | $(verdict "$monthly <= 0.25 * $check") |"
echo "| appointment add ≤ 10 ms | $add ms | $(verdict "$add <= 10") |"
echo "| check's peak memory ≤ 150 MiB | $peak_check MiB | $(verdict "$peak_check <= 150") |"
