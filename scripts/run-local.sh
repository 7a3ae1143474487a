#!/usr/bin/env bash
# Runs Notify locally with every part it needs, all on loopback:
#   Azurite (tables, queues, blobs; data kept in .azurite/), maildev (SMTP :1025, web :1080),
#   the Twilio sandbox (:7072) and the self-host (:7071), which serves the same function classes
#   as the Azure Functions app. Ctrl+C stops them all.
# With --parts-only it starts only Azurite, maildev and the sandbox, for `func start`.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
root=$(pwd)
mkdir -p .local .azurite

parts_only=false
[[ "${1:-}" == "--parts-only" ]] && parts_only=true

if [[ ! -x node_modules/.bin/azurite || package-lock.json -nt node_modules/.package-lock.json ]]; then
    echo "Installing Azurite and maildev (npm ci)..."
    npm ci --no-audit --no-fund --loglevel=error
fi
echo "Building..."
dotnet build Notify.sln -nologo -v quiet -clp:NoSummary -clp:ErrorsOnly > .local/build.log 2>&1 || { cat .local/build.log; exit 1; }

pids=()
stop() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap stop EXIT INT TERM

wait_for() { # port name
    for _ in $(seq 1 150); do
        (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0
        sleep 0.2
    done
    echo "$2 did not start on port $1; see .local/$2.log" >&2; exit 1
}

ports=(10000 10001 10002 1025 1080 7072)
$parts_only || ports+=(7071)
for port in "${ports[@]}"; do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
        echo "Port $port is already in use; stop whatever holds it (an earlier run?) and try again." >&2
        exit 1
    fi
done

# Defaults a developer can override in the environment (local.settings.json is read too).
export AzureWebJobsStorage="${AzureWebJobsStorage:-UseDevelopmentStorage=true}"
export Twilio__AccountSid="${Twilio__AccountSid:-ACsandbox00000000000000000000000000}"
export Twilio__AuthToken="${Twilio__AuthToken:-sandbox-auth-token}"
export Twilio__From="${Twilio__From:-+15005550006}"
export Twilio__BaseUrl="${Twilio__BaseUrl-http://localhost:7072}"
export Smtp__Host="${Smtp__Host:-localhost}" Smtp__Port="${Smtp__Port:-1025}"
export Notify__PublicBaseUrl="${Notify__PublicBaseUrl:-http://localhost:7071}"
if [[ -z "${Notify__AdminKey:-}" ]]; then
    [[ -s .local/admin-key ]] || head -c 24 /dev/urandom | base64 | tr -d '/+=' > .local/admin-key
    Notify__AdminKey=$(cat .local/admin-key)
fi
export Notify__AdminKey
# The key that seals merchants' webhook secrets at rest: made once and kept, or the stored secrets could not be read.
if [[ -z "${Notify__SecretKey:-}" ]]; then
    [[ -s .local/secret-key ]] || head -c 32 /dev/urandom | base64 > .local/secret-key
    Notify__SecretKey=$(cat .local/secret-key)
fi
export Notify__SecretKey

# Seals continuation tokens; kept in .local/ so tokens survive a restart of the self-host.
if [[ -z "${Notify__PageTokenKey:-}" ]]; then
    [[ -s .local/page-token-key ]] || head -c 32 /dev/urandom | base64 | tr -d '/+=' > .local/page-token-key
    Notify__PageTokenKey=$(cat .local/page-token-key)
fi
export Notify__PageTokenKey

node node_modules/azurite/dist/src/azurite.js --silent --location .azurite --skipApiVersionCheck --loose --disableTelemetry > .local/azurite.log 2>&1 &
pids+=($!)
node node_modules/maildev/bin/maildev --smtp 1025 --web 1080 --ip 127.0.0.1 --web-ip 127.0.0.1 > .local/maildev.log 2>&1 &
pids+=($!)
dotnet src/Notify.TwilioSandbox/bin/Debug/net10.0/Notify.TwilioSandbox.dll --urls http://localhost:7072 --Sandbox:AuthToken "$Twilio__AuthToken" > .local/sandbox.log 2>&1 &
pids+=($!)
wait_for 10002 azurite; wait_for 1025 maildev; wait_for 7072 sandbox

if $parts_only; then
    echo "Azurite, maildev (http://localhost:1080) and the Twilio sandbox (http://localhost:7072/sandbox) are running."
    echo "Now: cd src/Notify.Functions && func start   (Ctrl+C here stops the parts)"
    wait
    exit 0
fi

(cd src/Notify.SelfHost && exec dotnet bin/Debug/net10.0/Notify.SelfHost.dll --urls http://localhost:7071) > .local/selfhost.log 2>&1 &
pids+=($!)
wait_for 7071 selfhost

cat <<INFO

Notify is running on http://localhost:7071 (logs in .local/).
  SMS sandbox:  http://localhost:7072/sandbox      Mail:  http://localhost:1080
  Admin key:    $Notify__AdminKey
  Secret key:   .local/secret-key (seals webhook secrets in .azurite/; keep the two together)

Create a merchant:
  curl -s -X POST http://localhost:7071/api/admin/merchants -H "x-functions-key: $Notify__AdminKey" \\
       -H 'content-type: application/json' -d '{"name":"쑥떡집","alertContact":{"email":"owner@example.com"}}'
Post a signed order with its merchantId and webhookSecret (scripts/post-order.sh signs it):
  scripts/post-order.sh <merchantId> <webhookSecret>
Read it back with the apiKey:
  curl -s http://localhost:7071/api/merchants/<merchantId>/orders/<orderId> -H "Authorization: Bearer <apiKey>"

Ctrl+C stops everything.
INFO
wait
