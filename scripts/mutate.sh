#!/usr/bin/env bash
# Mutation check: Stryker.NET (a local tool, .config/dotnet-tools.json) mutates the delivery machine, the channel-health
# rules and intake's validator in src/Notify.Core and runs tests/Notify.Core.Tests against each mutant (only the tests
# that cover it). One mutant at a time: the machine is shared. The score and every surviving mutant are printed, and
# the HTML and JSON reports land in tests/Notify.Core.Tests/StrykerOutput/<time>/reports/.
#   scripts/mutate.sh                      # the three areas
#   scripts/mutate.sh -m "**/Delivery/DeliveryMachine.cs"   # one file (extra arguments go to dotnet stryker)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
dotnet tool restore > /dev/null
cd tests/Notify.Core.Tests
if [[ " $* " == *" -m "* || " $* " == *" --mutate "* ]]; then
    scope=()
else
    scope=(-m "**/Delivery/DeliveryMachine.cs" -m "**/Channels/Health/HealthRules.cs" -m "**/Intake/OrderValidator.cs")
fi
exec dotnet stryker --config-file ../../stryker-config.json "${scope[@]}" "$@"
