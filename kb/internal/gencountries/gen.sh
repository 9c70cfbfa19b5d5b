#!/bin/sh
# Regenerates knowledge/states.tsv from Debian's iso-codes package.
# Run from anywhere (go generate ./kb/ does): sh kb/internal/gencountries/gen.sh
# The output depends only on the iso-codes version pinned here and on
# overrides.tsv; a different version is refused so that runs are reproducible.
set -eu
cd "$(dirname "$0")/../../.."
VERSION=4.15.0-1
SHA256=b1beb869303229c38288d4ddacfd582c91f594759b5767c9cecebd87f16ff70e
tmp=$(mktemp -d)
chmod 755 "$tmp" # apt-get download runs as _apt
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && apt-get download "iso-codes=$VERSION" >/dev/null)
deb="$tmp/iso-codes_${VERSION}_all.deb"
echo "$SHA256  $deb" | sha256sum -c - >/dev/null
dpkg -x "$deb" "$tmp/x"
go run ./kb/internal/gencountries -isocodes "$tmp/x/usr/share" -version "$VERSION" \
	-overrides kb/internal/gencountries/overrides.tsv -o knowledge/states.tsv
