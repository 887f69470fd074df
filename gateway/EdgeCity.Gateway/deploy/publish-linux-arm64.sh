#!/usr/bin/env bash
# Publishes the gateway for a Raspberry Pi (Raspberry Pi OS 64-bit, linux-arm64), framework-dependent:
# the Pi needs the ASP.NET Core 10 runtime (docs/gateway.md). Output: .artifacts/gateway-linux-arm64/
# A RID-specific restore would rewrite the committed packages.lock.json, so it uses a lock file of its own.
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")/../../.."
OUT=.artifacts/gateway-linux-arm64
LOCK=$(mktemp -d)
trap 'rm -rf "$LOCK"' EXIT
dotnet publish gateway/EdgeCity.Gateway/EdgeCity.Gateway.csproj -c Release -r linux-arm64 --self-contained false \
    -p:NuGetLockFilePath="$LOCK/packages.lock.json" -p:RestoreLockedMode=false -o "$OUT" -nologo -v q
test -f "$OUT/EdgeCity.Gateway" && test -f "$OUT/EdgeCity.Gateway.dll"
if command -v file >/dev/null; then
    file "$OUT/EdgeCity.Gateway" | grep -q -i "aarch64" || { echo "publish: $OUT/EdgeCity.Gateway is not an arm64 executable" >&2; exit 1; }
fi
echo "published for linux-arm64: $OUT"
