#!/usr/bin/env bash
# Installs the Debian tools the tests use as independent references and browsers:
# PROJ (cs2cs, projinfo), GDAL (ogrinfo, ogr2ogr), Chromium, a CJK font, and PostgreSQL 15 with PostGIS 3
# (scripts/pg-cluster.mjs starts a throwaway cluster from them, as the unprivileged user jiezhi-pg when run as root).
# Idempotent: does nothing when everything is present, so `npm test` stays fast on a warm machine.
set -euo pipefail

need=()
command -v cs2cs >/dev/null 2>&1 || need+=(proj-bin)
command -v ogrinfo >/dev/null 2>&1 || need+=(gdal-bin)
command -v chromium >/dev/null 2>&1 || need+=(chromium)
fc-list 2>/dev/null | grep -qi 'wenquanyi\|wqy' || need+=(fonts-wqy-microhei)
{ [ -x /usr/lib/postgresql/15/bin/initdb ] && [ -f /usr/share/postgresql/15/extension/postgis.control ]; } || need+=(postgresql-15-postgis-3)

# initdb refuses root; the test cluster runs as this user.
if [ "$(id -u)" -eq 0 ] && ! id jiezhi-pg >/dev/null 2>&1; then
  useradd --system --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin jiezhi-pg
fi

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
for pkg in "${need[@]}"; do
  if ! apt-cache policy "$pkg" | grep -q 'Candidate: [0-9]'; then
    echo "jiezhi: the Debian package $pkg has no installation candidate (apt-cache policy $pkg)" >&2
    exit 1
  fi
done
$SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" fontconfig >/dev/null
