#!/usr/bin/env bash
# Prints the path of the pinned Bicep CLI, restoring it from NuGet into infra/.tools first if it
# is not there yet. The version is pinned in infra/tools/bicep.csproj. Used by infra/check.sh and
# by the settings parity test (which compiles infra/main.bicep to read the app settings it sets).
# Messages go to stderr; stdout holds only the path.
#
# Usage: bicep="$(bash infra/bicep.sh)"
set -euo pipefail

infra="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
tool_project="$infra/tools/bicep.csproj"
packages="$infra/.tools/packages"
package_id="azure.bicep.commandline.linux-x64"

case "$(uname -s)-$(uname -m)" in
    Linux-x86_64) ;;
    *) echo "bicep.sh: the pinned Bicep CLI package is for linux-x64; this is $(uname -s)-$(uname -m)" >&2; exit 1 ;;
esac

# The version lives in one place: the tool project.
version="$(sed -n 's/.*Include="Azure.Bicep.CommandLine.linux-x64" Version="\[\([0-9.]*\)\]".*/\1/p' "$tool_project")"
if [[ -z "$version" ]]; then
    echo "bicep.sh: no pinned Azure.Bicep.CommandLine.linux-x64 version found in $tool_project" >&2
    exit 1
fi

package_dir="$packages/$package_id/$version"
if [[ ! -d "$package_dir" ]]; then
    echo "bicep.sh: restoring Bicep CLI $version from NuGet into infra/.tools/packages" >&2
    dotnet restore "$tool_project" --packages "$packages" --nologo --verbosity quiet >&2
fi

bicep="$(find "$package_dir" -type f -name bicep -path '*/tools/*' | head -n 1)"
if [[ -z "$bicep" ]]; then
    echo "bicep.sh: no bicep executable inside $package_dir" >&2
    exit 1
fi
chmod +x "$bicep"
printf '%s\n' "$bicep"
