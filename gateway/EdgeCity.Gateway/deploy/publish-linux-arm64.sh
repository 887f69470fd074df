#!/usr/bin/env bash
# Publishes the gateway for a Raspberry Pi (Raspberry Pi OS 64-bit, linux-arm64), framework-dependent:
# the Pi needs the ASP.NET Core 10 runtime (docs/gateway.md). The arm64 apphost and native SQLite come as
# runtime packs from the NuGet registry on the first run.
#   publish-linux-arm64.sh [OUTPUT_DIR]      default: .artifacts/gateway-linux-arm64/
# It builds in a temporary folder of its own (--artifacts-path) with a lock file of its own: a RID-specific
# restore in the source tree would rewrite the committed packages.lock.json and the obj/ of a running build.
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")/../../.."
OUT=$(readlink -m "${1:-.artifacts/gateway-linux-arm64}")
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
dotnet publish gateway/EdgeCity.Gateway/EdgeCity.Gateway.csproj -c Release -r linux-arm64 --self-contained false \
    --artifacts-path "$WORK/artifacts" -p:NuGetLockFilePath="$WORK/packages.lock.json" -p:RestoreLockedMode=false \
    --disable-build-servers -o "$OUT" -nologo -v q
test -f "$OUT/EdgeCity.Gateway" && test -f "$OUT/EdgeCity.Gateway.dll" && test -f "$OUT/libe_sqlite3.so"
# ELF e_machine (bytes 18-19, little-endian) 0xB7 is AArch64: the apphost and the native SQLite must be arm64.
for f in "$OUT/EdgeCity.Gateway" "$OUT/libe_sqlite3.so"; do
    machine=$(od -An -tx1 -j18 -N2 "$f" | tr -d ' \n')
    [ "$machine" = "b700" ] || { echo "publish: $f is not an arm64 ELF file (e_machine $machine)" >&2; exit 1; }
done
echo "published for linux-arm64: $OUT"
