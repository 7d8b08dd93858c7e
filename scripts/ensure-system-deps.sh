#!/usr/bin/env bash
# Installs the Debian tools the tests use as independent references and browsers:
# PROJ (cs2cs, projinfo), GDAL (ogrinfo, ogr2ogr), Chromium and a CJK font.
# Idempotent: does nothing when everything is present, so `npm test` stays fast on a warm machine.
set -euo pipefail

need=()
command -v cs2cs >/dev/null 2>&1 || need+=(proj-bin)
command -v ogrinfo >/dev/null 2>&1 || need+=(gdal-bin)
command -v chromium >/dev/null 2>&1 || need+=(chromium)
fc-list 2>/dev/null | grep -qi 'wenquanyi\|wqy' || need+=(fonts-wqy-microhei)

if [ ${#need[@]} -eq 0 ]; then
  exit 0
fi

echo "jiezhi: installing ${need[*]} (Debian packages the tests need)" >&2
if [ "$(id -u)" -ne 0 ]; then
  SUDO=sudo
else
  SUDO=
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" fontconfig >/dev/null
