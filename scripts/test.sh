#!/usr/bin/env bash
# Runs every test: installs the local parts (Azurite, maildev) from package-lock.json, builds the
# solution with no warnings allowed, runs all test projects (each starts its own Azurite on free
# ports), runs the benchmark's short mode, checks the Bicep templates, and ends with one line:
# "N passed, N failed".
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
mkdir -p .local
log=.local/test.log

if [[ ! -x node_modules/.bin/azurite || package-lock.json -nt node_modules/.package-lock.json ]]; then
    npm ci --no-audit --no-fund --loglevel=error
fi

# The console's browser tests drive Debian's Chromium (Playwright's own browser download cannot work here).
if [[ ! -x /usr/bin/chromium ]] && command -v apt-get > /dev/null; then
    sudo_=""; [[ $(id -u) -eq 0 ]] || sudo_="sudo"
    $sudo_ apt-get update -qq > /dev/null && $sudo_ apt-get install -y -qq chromium > /dev/null
fi

# NU1603 (a wanted package version is served only by its successor) is the one warning allowed.
dotnet build Notify.sln -nologo -clp:NoSummary 2>&1 | tee .local/build.log | grep -E "error|warning" | grep -v NU1603 || true
if grep -E "(warning|error) [A-Z]+[0-9]+" .local/build.log | grep -vq NU1603; then
    echo "The build has errors or warnings (see .local/build.log)." >&2
    echo "0 passed, 1 failed"
    exit 1
fi

status=0
dotnet test Notify.sln --no-build -nologo 2>&1 | tee "$log" || status=$?

# Each project ends with "Passed!  - Failed: F, Passed: P, ..."; add them up.
passed=$(grep -oP '(Passed|Failed)!.*Passed:\s+\K[0-9]+' "$log" | awk '{s+=$1} END {print s+0}')
failed=$(grep -oP '(Passed|Failed)!\s+-\s+Failed:\s+\K[0-9]+' "$log" | awk '{s+=$1} END {print s+0}')

# The benchmark's short mode, so the program cannot rot; its numbers are noise here and are not judged. It is one
# check in the closing line, as the Bicep check is.
if dotnet run --no-build --project src/Notify.Benchmark -- --short --out .local/benchmark-short.json > .local/benchmark.log 2>&1; then
    passed=$((passed + 1))
else
    tail -40 .local/benchmark.log >&2
    echo "The benchmark's short mode failed (see .local/benchmark.log)." >&2
    failed=$((failed + 1))
    status=1
fi

if bash infra/check.sh > .local/bicep.log 2>&1; then
    passed=$((passed + 1))
else
    cat .local/bicep.log >&2
    echo "The Bicep templates do not build or lint cleanly." >&2
    failed=$((failed + 1))
    status=1
fi

if [[ "$passed" -eq 0 ]]; then
    echo "No test ran." >&2
    status=1
fi
echo "$passed passed, $failed failed"
exit "$status"
