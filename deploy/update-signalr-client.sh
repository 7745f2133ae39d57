#!/usr/bin/env bash
# Refreshes the committed browser build of the SignalR client from npm (reproducible: pinned version, npm pack).
# Usage: deploy/update-signalr-client.sh [version]   (default: the version in wwwroot/lib/signalr/VERSION)
set -euo pipefail
cd "$(dirname "$0")/.."
target=src/VakkanjersLive.Web/wwwroot/lib/signalr
version=${1:-$(cat "$target/VERSION")}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack "@microsoft/signalr@$version" >/dev/null && tar xzf microsoft-signalr-*.tgz)
cp "$work/package/dist/browser/signalr.min.js" "$target/signalr.min.js"
cp "$work/package/LICENSE.md" "$target/LICENSE.md" 2>/dev/null || true
echo "$version" > "$target/VERSION"
echo "SignalR browser client $version copied to $target"
