#!/usr/bin/env bash
# Checks the infrastructure templates offline: builds infra/main.bicep and infra/main.bicepparam
# and lints every .bicep/.bicepparam file under infra/, with the rules in infra/bicepconfig.json.
# Fails (exit 1) on ANY error or warning, so an unknown property, a wrong type, a missing
# required property or a linter finding stops the change.
#
# Needs only the .NET SDK and the NuGet registry: the Bicep CLI comes from the NuGet package
# Azure.Bicep.CommandLine.linux-x64, pinned in infra/tools/bicep.csproj and restored into
# infra/.tools (git-ignored) by infra/bicep.sh. No `br:` registry modules are used, so nothing else is fetched.
#
# Usage: bash infra/check.sh
set -euo pipefail

infra="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

# Restores the pinned CLI if needed and prints its path (see infra/bicep.sh).
bicep="$(bash "$infra/bicep.sh")"
echo "check.sh: $("$bicep" --version)"

failed=0

# run <description> <command...>: runs a Bicep command, shows its diagnostics, and marks the
# check failed on a non-zero exit or on any Warning/Error diagnostic in its output.
run() {
    local what="$1"
    shift
    local out rc=0
    out="$("$@" 2>&1 >/dev/null)" || rc=$?
    if [[ -n "$out" ]]; then
        printf '%s\n' "$out"
    fi
    if [[ $rc -ne 0 ]] || grep -qE ' : (Warning|Error) ' <<<"$out"; then
        echo "FAIL  $what (exit $rc)"
        failed=1
    else
        echo "ok    $what"
    fi
}

cd "$infra/.."

run "build infra/main.bicep" "$bicep" build infra/main.bicep --stdout
# build-params prints the parameter values; they go to /dev/null (they may hold secrets from env).
run "build-params infra/main.bicepparam" "$bicep" build-params infra/main.bicepparam --stdout

mapfile -t files < <(find infra -path infra/.tools -prune -o -type f \( -name '*.bicep' -o -name '*.bicepparam' \) -print | sort)
for file in "${files[@]}"; do
    run "lint $file" "$bicep" lint "$file"
done

if [[ $failed -ne 0 ]]; then
    echo "check.sh: FAILED (errors or warnings above)"
    exit 1
fi
echo "check.sh: all Bicep files build and lint with no warnings"
