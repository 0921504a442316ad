"""Lists lemma pairs of an Apertium bilingual transducer printed by lt-print (AT&T format)."""
import sys
from collections import defaultdict

KEEP = {"<n>", "<adj>", "<vblex>", "<adv>"}
arcs = defaultdict(list)
for line in open(sys.argv[1], encoding="utf-8"):
    parts = line.rstrip("\n").split("\t")
    if len(parts) >= 4:
        arcs[int(parts[0])].append((int(parts[1]), parts[2], parts[3]))

def tag(s):
    return s.startswith("<") and s.endswith(">") and len(s) > 2

pairs = set()
sys.setrecursionlimit(10000)
stack = [(0, "", "", None)]
steps = 0
while stack:
    state, src, dst, pos = stack.pop()
    steps += 1
    if steps % 1000000 == 0: print(steps, len(stack), len(pairs), src, dst, file=sys.stderr)
    if len(src) > 40 or len(dst) > 40:
        continue
    for to, i, o in arcs.get(state, ()):
        i = "" if i == "ε" else i
        o = "" if o == "ε" else o
        if tag(i) and (tag(o) or o == ""):
            if i in KEEP and src and dst:
                pairs.add((src, dst, i[1:-1]))
            continue
        if tag(i):
            if not tag(o):
                stack.append((to, src, dst + o, pos))
            continue
        if tag(o):
            if i and not (i.isalpha() or i in " -'"):
                continue
            stack.append((to, src + i, dst, pos))
            continue
        if (i and not (i.isalpha() or i in " -'")) or (o and not (o.isalpha() or o in " -'")):
            continue
        stack.append((to, src + i, dst + o, pos))
for s, d, p in sorted(pairs):
    print(f"{s}\t{d}\t{p}")
