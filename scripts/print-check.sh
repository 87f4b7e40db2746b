#!/usr/bin/env bash
# Prints an HTML report to PDF the way the office would (headless Chromium,
# A4, the page's own margins, no header/footer lines), counts its pages and
# turns every page into a PNG to look at.
#
#   scripts/print-check.sh [REPORT.html] [OUT_DIR]
#
# Without arguments it makes the sample office's yearly report 2025
# (`records/`, `report yearly --year 2025 --format html`) and prints that.
# Installs Debian's `chromium` and `poppler-utils` when they are missing
# (apt-get; needs root). Prints "pages: N" and the PNG paths; exits 1 when
# the yearly report of the sample takes more than MAX_PAGES (default 4).
set -euo pipefail
cd "$(dirname "$0")/.."

need() {
    local missing=()
    command -v chromium >/dev/null || missing+=(chromium)
    command -v pdfinfo >/dev/null && command -v pdftoppm >/dev/null || missing+=(poppler-utils)
    if ((${#missing[@]})); then
        echo "installing ${missing[*]} (Debian packages)" >&2
        if [ "$(id -u)" -ne 0 ]; then
            echo "print-check: need root to apt-get install ${missing[*]}" >&2
            exit 2
        fi
        apt-get update -qq >&2
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
            "${missing[@]}" fonts-liberation >&2
    fi
}
need

out_dir="${2:-target/print-check}"
mkdir -p "$out_dir"
html="${1:-}"
if [ -z "$html" ]; then
    cargo build --quiet
    html="$out_dir/yearly-2025.html"
    ./target/debug/quartier --records records --lang de report yearly --year 2025 --format html --out "$html"
fi
pdf="$out_dir/$(basename "${html%.html}").pdf"
# A fresh profile each time, and nothing that talks to the network.
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
chromium --headless --no-sandbox --disable-gpu --disable-background-networking \
    --disable-component-update --disable-sync --no-first-run \
    --user-data-dir="$profile" --no-pdf-header-footer \
    --print-to-pdf="$pdf" "file://$(realpath "$html")" 2>/dev/null
pages=$(pdfinfo "$pdf" | awk '/^Pages:/ {print $2}')
size=$(pdfinfo "$pdf" | awk -F': *' '/^Page size:/ {print $2}')
rm -f "$out_dir"/page-*.png
pdftoppm -png -r 60 "$pdf" "$out_dir/page"
echo "pdf: $pdf"
echo "page size: $size"
echo "pages: $pages"
ls "$out_dir"/page-*.png
if [ -z "${1:-}" ] && [ "$pages" -gt "${MAX_PAGES:-4}" ]; then
    echo "print-check: the sample's yearly report takes $pages pages, more than ${MAX_PAGES:-4}" >&2
    exit 1
fi
