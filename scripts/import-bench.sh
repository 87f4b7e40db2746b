#!/usr/bin/env bash
# Times `quartier import` of a consultation list of N rows (default 5000)
# into a fresh folder with 300 clients, with the rules of the worked example
# in docs/IMPORT.md: a dry run, the import (one commit), a second run.
# Whole-process figures from /usr/bin/time (wall time, max RSS).
#
#   scripts/import-bench.sh [ROWS]        (uses target/release/quartier)
set -euo pipefail
cd "$(dirname "$0")/.."
rows="${1:-5000}"
bin="$PWD/target/release/quartier"
[ -x "$bin" ] || cargo build --release --quiet
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
rec="$work/records"
mkdir -p "$rec/clients"
cat > "$rec/quartier.toml" <<'EOF'
[office]
name = "Bench"
[area]
districts = ["Lindenau", "Plagwitz"]
[staff]
eb = "E. B."
mk = "M. K."
EOF
python3 - "$rec" "$work/liste.csv" "$rows" <<'EOF'
import random, sys
rec, csv_path, rows = sys.argv[1], sys.argv[2], int(sys.argv[3])
random.seed(7)
codes = [f"K-{i:04X}" for i in range(0x1000, 0x1000 + 300)]
for c in codes:
    open(f"{rec}/clients/{c}.toml", "w").write(f'id = "{c}"\nfirst_contact = 2024-09-01\n')
topics = ["Aufenthalt", "Wohnen", "Arbeit", "Gesundheit", "Familie", "Anerkennung"]
langs = ["Arabisch", "Farsi", "Russisch", "Ukrainisch"]
with open(csv_path, "w", encoding="utf-8-sig", newline="") as f:
    f.write("Datum;Uhrzeit;Klient-Code;Themen;Sprache;Dolmetscher;Dauer (Min.);Mitarbeiterin;Bemerkung\r\n")
    for i in range(rows):
        day = 1 + i % 28
        month = 1 + (i // 28) % 12
        note = '"Unterlagen sortiert,\r\nRückfrage beim Amt"' if i % 5 == 0 else ""
        f.write(f"{day:02}.{month:02}.2025;{9 + i % 8}:{(i * 7) % 60:02};{random.choice(codes)};"
                f"{', '.join(random.sample(topics, 1 + i % 2))};{random.choice(langs)};"
                f"{'ja' if i % 3 == 0 else 'nein'};{30 + i % 4 * 15};{'E. B.' if i % 2 else 'M. K.'};{note}\r\n")
EOF
awk '/^```toml$/ && !done {on=1; next} on && /^```$/ {exit} on {print}' docs/IMPORT.md > "$work/regeln.toml"
git -C "$rec" init --quiet
git -C "$rec" add -A
git -C "$rec" -c user.name=bench -c user.email=bench@localhost commit --quiet -m start
run() {
    local label="$1"; shift
    /usr/bin/time -f "$label: %e s, max RSS %M KB" \
        env GIT_AUTHOR_NAME=bench GIT_AUTHOR_EMAIL=bench@localhost \
        GIT_COMMITTER_NAME=bench GIT_COMMITTER_EMAIL=bench@localhost \
        "$bin" --records "$rec" import appointment "$work/liste.csv" --rules "$work/regeln.toml" "$@" >/dev/null
}
run "dry run ($rows rows)" --dry-run
run "import ($rows rows)"
run "second run"
echo "records written: $(find "$rec/appointments" -name '*.toml' | wc -l)"
