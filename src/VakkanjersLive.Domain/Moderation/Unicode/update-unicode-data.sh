#!/usr/bin/env bash
# Refreshes the Unicode data that TextFolding embeds, from Debian packages (the only registry this project's machines
# reach that carries them):
#   confusables.txt         UTS #39 confusables, verbatim, from ICU's source package (icu/source/data/unidata/).
#   default-ignorable.txt   the Default_Ignorable_Code_Point lines of DerivedCoreProperties.txt, from unicode-data.
#   letter-names.txt        small capitals and negative squared/circled letters by their names in UnicodeData.txt.
# Both must be of the same Unicode version; say which in README.md and in TextFolding.UnicodeVersion.
# Usage: bash update-unicode-data.sh   (needs apt-get and network access to the Debian mirror; writes next to itself)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"

# A private apt state with deb-src, so the machine's own sources list is left alone.
mkdir -p lists/partial
echo "deb-src http://deb.debian.org/debian bookworm main" > src.list
opts=(-o Dir::Etc::SourceList="$work/src.list" -o Dir::Etc::SourceParts=/dev/null -o Dir::State::Lists="$work/lists")
apt-get "${opts[@]}" update -qq
apt-get "${opts[@]}" source --download-only icu >/dev/null
tar xzf icu_*.orig.tar.gz --wildcards '*/source/data/unidata/confusables.txt'
cp icu/source/data/unidata/confusables.txt "$here/confusables.txt"

apt-get download unicode-data >/dev/null
dpkg-deb -x unicode-data_*.deb ud
props=ud/usr/share/unicode/DerivedCoreProperties.txt
{
  sed -n '1,5p' "$props"
  echo "#"
  echo "# Extract: only the Default_Ignorable_Code_Point lines of the file above (update-unicode-data.sh)."
  echo "#"
  grep -E '^[0-9A-F.]+ +; Default_Ignorable_Code_Point' "$props"
} > "$here/default-ignorable.txt"

data=ud/usr/share/unicode/UnicodeData.txt
version="$(head -1 "$props" | sed -E 's/.*-([0-9.]+)\.txt/\1/')"
{
  echo "# letter-names.txt: letters that Unicode names after a Latin letter but neither NFKC nor confusables.txt map to it,"
  echo "# derived from UnicodeData.txt $version (Debian unicode-data) by update-unicode-data.sh: every code point named"
  echo "# \"LATIN LETTER SMALL CAPITAL X\", \"NEGATIVE SQUARED LATIN CAPITAL LETTER X\" or \"NEGATIVE CIRCLED LATIN CAPITAL LETTER X\","
  echo "# mapped to the small letter x. Format: code point ; letter # name. © Unicode, Inc.; Unicode License (README.md)."
  awk -F';' '$2 ~ /^(LATIN LETTER SMALL CAPITAL|NEGATIVE SQUARED LATIN CAPITAL LETTER|NEGATIVE CIRCLED LATIN CAPITAL LETTER) [A-Z]$/ {
    n = $2; printf "%s ; %s # %s\n", $1, tolower(substr(n, length(n))), n }' "$data"
} > "$here/letter-names.txt"

grep -m1 '^# Version' "$here/confusables.txt"
head -1 "$here/default-ignorable.txt"
sha256sum "$here/confusables.txt"
