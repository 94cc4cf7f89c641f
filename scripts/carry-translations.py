#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Carries translations across a `make translations` run.

lupdate keys messages by context (the class whose tr() says them), so a message that moves to
another class comes back unfinished and its old entry is dropped as obsolete. Given the catalogue
from before the run and the refreshed one, this fills each unfinished message of the new file
whose exact source text (and disambiguation comment) was translated anywhere in the old file,
and reports what is still left to translate. Only those messages' <translation> elements change.

Usage: carry-translations.py BEFORE.ts AFTER.ts
"""
import re
import sys

MESSAGE = re.compile(r"<message( numerus=\"yes\")?>(.*?)</message>", re.S)
SOURCE = re.compile(r"<source>(.*?)</source>", re.S)
COMMENT = re.compile(r"<comment>(.*?)</comment>", re.S)
TRANSLATION = re.compile(r"<translation( type=\"unfinished\")?>(.*?)</translation>", re.S)


def key(body, numerus):
    source = SOURCE.search(body)
    comment = COMMENT.search(body)
    return (source.group(1) if source else None, comment.group(1) if comment else "", bool(numerus))


def finished_translations(text):
    known = {}
    for match in MESSAGE.finditer(text):
        body = match.group(2)
        translation = TRANSLATION.search(body)
        if not translation or translation.group(1) or not translation.group(2).strip():
            continue
        known.setdefault(key(body, match.group(1)), translation.group(2))
    return known


def main(argv):
    if len(argv) != 3:
        sys.stderr.write(__doc__)
        return 2
    with open(argv[1], encoding="utf-8") as f:
        known = finished_translations(f.read())
    with open(argv[2], encoding="utf-8") as f:
        text = f.read()
    carried = 0
    left = []

    def fill(match):
        nonlocal carried
        body = match.group(2)
        translation = TRANSLATION.search(body)
        if not translation or not translation.group(1):
            return match.group(0)
        k = key(body, match.group(1))
        if k not in known:
            left.append(k[0])
            return match.group(0)
        carried += 1
        new_body = body[: translation.start()] + "<translation>" + known[k] + "</translation>" + body[translation.end():]
        return "<message%s>%s</message>" % (match.group(1) or "", new_body)

    text = MESSAGE.sub(fill, text)
    with open(argv[2], "w", encoding="utf-8") as f:
        f.write(text)
    print("carried %d translation(s); %d message(s) still to translate" % (carried, len(left)))
    for source in left:
        print("  unfinished: %s" % source)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
