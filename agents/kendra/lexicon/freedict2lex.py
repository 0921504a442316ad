"""Lists the word pairs of a FreeDict dictd dictionary (.index + .dict.dz), one 'headword<TAB>translation' a line."""
import gzip
import re
import sys

B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"


def number(text):
    value = 0
    for char in text:
        value = value * 64 + B64.index(char)
    return value


index, data = sys.argv[1], gzip.open(sys.argv[2]).read()
for line in open(index, encoding="utf-8"):
    head, offset, length = line.rstrip("\n").split("\t")[:3]
    if head.startswith("00database") or head.startswith("00-database"):
        continue
    body = data[number(offset):number(offset) + number(length)].decode("utf-8").split("\n")[1:]
    for row in body:
        row = re.sub(r"^\s*\d+\.\s*", "", row).strip()
        for word in row.split(","):
            word = word.strip()
            if word and re.fullmatch(r"[^\W\d_]+([ '-][^\W\d_]+)*", word):
                print(f"{head}\t{word}")
