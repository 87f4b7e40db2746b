#!/usr/bin/env bash
# Installs the Debian packages some tests use when they are missing:
# git-filter-repo (the erase/retention history purge is run for real),
# chromium and poppler-utils (reports, directory and flyer printed to PDF and
# counted). Needs root and apt-get; without them, or when the install fails,
# it says so and those tests skip with a line of their own ("skipped: …").
set -uo pipefail

missing=()
command -v git-filter-repo >/dev/null || missing+=(git-filter-repo)
command -v chromium >/dev/null || missing+=(chromium fonts-liberation)
{ command -v pdfinfo >/dev/null && command -v pdftoppm >/dev/null; } || missing+=(poppler-utils)
((${#missing[@]})) || exit 0

if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null; then
    echo "test-tools: not installing ${missing[*]} (needs root and apt-get); the tests that use them are skipped" >&2
    exit 0
fi
echo "test-tools: installing ${missing[*]} (Debian packages)" >&2
if ! { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"; } >/tmp/quartier-test-tools.log 2>&1; then
    echo "test-tools: installing failed (see /tmp/quartier-test-tools.log); the tests that use them are skipped" >&2
fi
exit 0
