#!/usr/bin/env bash
# The README's test command: installs what the tests need (redis-server, chromium, nginx, docker-compose, nodejs; as
# root, with apt-get), checks formatting and the compose file, builds once, runs every test project of the solution,
# then the browser scripts' unit tests (node --test tests/js/).
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v docker-compose >/dev/null 2>&1 || missing+=(docker-compose)
[ -x /usr/sbin/nginx ] || missing+=(nginx)
command -v node >/dev/null 2>&1 || missing+=(nodejs)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = "0" ]; then
    echo "Installing: ${missing[*]}"
    apt-get update -qq
    # Install servers without starting them: tests start their own, bound to 127.0.0.1 on free ports.
    policy_created=no
    if [ ! -e /usr/sbin/policy-rc.d ]; then
      printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d
      chmod +x /usr/sbin/policy-rc.d
      policy_created=yes
    fi
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
    if [ "$policy_created" = yes ]; then
      rm -f /usr/sbin/policy-rc.d
    fi
  else
    echo "Missing ${missing[*]}: run this script as root, or install them with apt-get." >&2
    exit 1
  fi
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

echo "== compose file"
REDIS_PASSWORD=validate-only docker-compose -f docker-compose.yml config -q

echo "== build"
dotnet build VakkanjersLive.sln -c Release -nologo -clp:ErrorsOnly

echo "== format"
dotnet format VakkanjersLive.sln --verify-no-changes --no-restore

echo "== test"
log=$(mktemp)
status=0
dotnet test VakkanjersLive.sln -c Release --no-build -nologo 2>&1 | tee "$log" || status=$?

echo "== browser scripts (node --test)"
node_log=$(mktemp)
node_status=0
node --test tests/js/ 2>&1 | tee "$node_log" || node_status=$?

# One closing line for the whole run, summed over the test projects and the node tests.
passed=$(grep -oE 'Passed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
failed=$(grep -oE 'Failed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
node_passed=$(grep -oE '^# pass [0-9]+' "$node_log" | awk '{s+=$3} END {print s+0}')
node_failed=$(grep -oE '^# fail [0-9]+' "$node_log" | awk '{s+=$3} END {print s+0}')
rm -f "$log" "$node_log"
echo "$((passed + node_passed)) passed, $((failed + node_failed)) failed"
if [ "$passed" -eq 0 ] || [ $((node_passed + node_failed)) -eq 0 ]; then
  echo "No test ran." >&2
  exit 1
fi
if [ "$status" -ne 0 ]; then
  exit "$status"
fi
exit "$node_status"
