#!/usr/bin/env bash
# Builds src/main/resources/lexicon/es-en.tsv.gz, kendra's Spanish-English lexicon, from two Debian packages:
# apertium-eng-spa (Apertium's bilingual dictionaries, GPL-2) and dict-freedict-spa-eng / dict-freedict-eng-spa
# (FreeDict, GPL-2+). Needs Debian's lttoolbox-dev (lt-print) and python3. Run from this folder:
#   apt-get install -y lttoolbox-dev && bash build-lexicon.sh
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
apt-get download apertium-eng-spa dict-freedict-spa-eng dict-freedict-eng-spa
for deb in *.deb; do dpkg-deb -x "$deb" root; done
ap=root/usr/share/apertium/apertium-eng-spa
fd=root/usr/share/dictd
# lt-print prints each section of a transducer after the other, separated by '--': the first is the dictionary.
first_section() { lt-print "$1" > whole.att; awk '/^--/{exit} {print}' whole.att; }
first_section "$ap/spa-eng.autobil.bin" > spa-eng.att
first_section "$ap/eng-spa.autobil.bin" > eng-spa.att
{
  python3 "$here/att2lex.py" spa-eng.att | cut -f1,2
  python3 "$here/att2lex.py" eng-spa.att | awk -F'\t' '{print $2 "\t" $1}'
  python3 "$here/freedict2lex.py" "$fd/freedict-spa-eng.index" "$fd/freedict-spa-eng.dict.dz"
  python3 "$here/freedict2lex.py" "$fd/freedict-eng-spa.index" "$fd/freedict-eng-spa.dict.dz" | awk -F'\t' '{print $2 "\t" $1}'
} | python3 -c '
import sys
from collections import Counter
# Each source line is one vote: a pair that several dictionaries (or both directions of one) give is the
# usual translation, so it comes first; the Java side keeps this order.
votes, order = Counter(), {}
for line in sys.stdin:
    es, en = (part.strip().lower() for part in line.rstrip("\n").split("\t")[:2])
    if es and en and es != en:
        votes[(es, en)] += 1
        order.setdefault((es, en), len(order))
print("# Spanish<TAB>English word pairs from Apertium apertium-eng-spa (GPL-2) and FreeDict spa-eng / eng-spa")
print("# (GPL-2+), as packaged by Debian; built by agents/kendra/lexicon/build-lexicon.sh. See LICENSE-lexicon.txt.")
print("# Pairs that more sources give come first.")
for es, en in sorted(votes, key=lambda pair: (-votes[pair], order[pair])):
    print(es + "\t" + en)
' | gzip -9n > "$here/../src/main/resources/lexicon/es-en.tsv.gz"
zcat "$here/../src/main/resources/lexicon/es-en.tsv.gz" | wc -l
