#!/usr/bin/env python3
"""Measure `claimtrail diff` on edits of real article text (issue #14).

Invented revision pairs are too easy: we wrote them to be parsed. This
harness takes real articles (PolNeAR, read at run time from ../shared and
never copied into the repo), makes revision B from A by one edit of a kind
revision trackers record, writes down mechanically what a careful
fact-checker expects the diff to report, runs the real binary and scores:

- found: expected changes reported with the right kind (and speaker);
- spurious: changes reported that the edit did not make.

No-op edits (layout, tense of the cue, datelines, update notes, quote
style, a paragraph moved) expect nothing (a move: `moved` for the moved
statements only). Real edits expect their own statements to change, and
nothing else.

    python3 scripts/perturb.py                     # dev + 120 train articles
    python3 scripts/perturb.py --show reworded     # the failures of one edit
    python3 scripts/perturb.py --failures out.jsonl

Fixed seed, so two runs of one binary give one table.
"""

import argparse
import collections
import json
import os
import random
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
CORPUS = os.path.join(ROOT, "..", "shared", "corpus", "polnear")

DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
FUNCTION = set(
    """a an the and or but if of to in on at by for with from as that this these those
    is are was were be been being has have had do does did will would could should may
    might must can not no it its he she they them his her their we our you your i me my
    said says say told tells added according who which what when where why how than then
    there here also just more most very such about into over after before while said""".split()
)
NOTES = [
    "This story has been updated.",
    "This article has been updated with additional reporting.",
    "Correction: An earlier version of this story misstated the day of the hearing.",
    "Update: This story has been updated with comment from the campaign.",
]
BYLINES = ["By Jane Doe and Sam Roe, Associated Press", "By Alex Marlow | Staff Writer"]
NAMES = ["Dana Whitfield", "Marcus Ellery", "Priya Ramanathan", "Tom Okafor"]
ANON = ["an official", "a spokesman", "a person familiar with the matter"]


def norm(s):
    """Text as a fact-checker compares it: quote style and spacing aside."""
    s = s.replace("\u201c", '"').replace("\u201d", '"').replace("\u2018", "'").replace("\u2019", "'")
    return re.sub(r"\s+", " ", s).strip()


class Runner:
    def __init__(self, binary, tmp):
        self.binary = binary
        self.tmp = tmp
        self.cache = {}

    def _write(self, name, text):
        path = os.path.join(self.tmp, name)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        return path

    def extract(self, text):
        if text not in self.cache:
            path = self._write("x.txt", text)
            out = subprocess.run([self.binary, "extract", path, "--format", "json"], capture_output=True, text=True)
            self.cache[text] = json.loads(out.stdout)["statements"] if out.returncode == 0 else None
        return self.cache[text]

    def diff(self, a, b):
        pa, pb = self._write("a.txt", a), self._write("b.txt", b)
        out = subprocess.run([self.binary, "diff", pa, pb, "--format", "json"], capture_output=True, text=True)
        if out.returncode not in (0, 1):
            raise RuntimeError(out.stderr)
        return json.loads(out.stdout)["changes"]


def paragraphs(text):
    return [p for p in text.split("\n\n")]


def join(paras):
    return "\n\n".join(paras)


def locate(paras, stmts):
    """Paragraph of each statement (by its text), or None."""
    where = []
    normed = [norm(p) for p in paras]
    for s in stmts:
        t = norm(s["text"])
        where.append(next((i for i, p in enumerate(normed) if t and t in p), None))
    return where


def speaker_name(s):
    sp = s.get("speaker") if s else None
    return sp["name"] if sp else None


# Each edit takes (rng, article, context) and returns None (not applicable)
# or (B text, expectations, note). An expectation is a dict:
#   kinds: accepted kinds; match: how to find the change (from index, or a
#   text fragment of the new statement); speakers: optional check.


def body_paras(paras, where):
    """Paragraph indices holding statements, the title (0) aside."""
    return sorted({w for w in where if w is not None and w > 0})


def e_rewrap(rng, art, ctx):
    paras, where = ctx["paras"], ctx["where"]
    body = body_paras(paras, where)
    # Join two neighbouring paragraphs, or split one at a sentence boundary.
    # At a full stop after a lowercase word: never after "Rep." or "Mrs.".
    boundary = r'\b[a-z]{2,}[.!?]["\u201d]? (?=[A-Z\u201c"])'
    splittable = [i for i in body if re.search(boundary, paras[i])]
    if splittable and rng.random() < 0.5:
        i = rng.choice(splittable)
        # Never inside a quotation: that would leave a quote mark open.
        cuts = [m.end() - 1 for m in re.finditer(boundary, paras[i]) if not quoted(paras[i], m.end() - 1)]
        if not cuts:
            return None
        c = rng.choice(cuts)
        new = paras[:i] + [paras[i][:c].rstrip(), paras[i][c:].lstrip()] + paras[i + 1 :]
        return join(new), [], "split paragraph %d" % i
    pairs = [i for i in body if i + 1 in body]
    if not pairs:
        return None
    i = rng.choice(pairs)
    new = paras[:i] + [paras[i] + " " + paras[i + 1]] + paras[i + 2 :]
    return join(new), [], "joined paragraphs %d+%d" % (i, i + 1)


def quoted(text, pos):
    """Whether `pos` sits inside quotation marks within its paragraph."""
    start = text.rfind("\n\n", 0, pos)
    start = 0 if start < 0 else start + 2
    end = text.find("\n\n", pos)
    para = text[start : len(text) if end < 0 else end]
    return any(m.start() < pos - start < m.end() for m in QUOTES.finditer(para))


def e_tense(rng, art, ctx):
    # The tense of a statement's cue, in its frame: "says" inside a claim or
    # a quotation is an edit of the claim.
    def frame_says(s):
        t = s["text"].strip()
        a, b = content_range(s)
        return [m for m in re.finditer(r"\bsays\b", t) if (m.end() <= a or m.start() >= b) and not quoted(t, m.start())]

    got = pick_statement(ctx, rng, lambda s: s.get("cue") == "says" and frame_says(s))
    if not got:
        return None
    k, s, para = got
    t = s["text"].strip()
    m = rng.choice(frame_says(s))
    return replace_in_statement(ctx, k, para, t, t[: m.start()] + "said" + t[m.end() :]), [], "says->said"


def e_said_on(rng, art, ctx):
    text = art["text"]
    days = "|".join(DAYS)
    hits = list(re.finditer(r"\b(said|told [A-Z][a-z]+|announced) (%s)\b" % days, text))
    if hits:
        m = rng.choice(hits)
        return text[: m.start()] + m.group(1) + " on " + m.group(2) + text[m.end() :], [], "said Day -> said on Day"
    hits = list(re.finditer(r"\b(said) on (%s)\b" % days, text))
    if hits:
        m = rng.choice(hits)
        return text[: m.start()] + m.group(1) + " " + m.group(2) + text[m.end() :], [], "said on Day -> said Day"
    return None


def e_dateline(rng, art, ctx):
    paras, where = ctx["paras"], ctx["where"]
    body = body_paras(paras, where)
    if not body:
        return None
    i = body[0]
    if re.match(r"^[A-Z][A-Z.']+[^\u2014\u2013\u2015]{0,40}[\u2014\u2013\u2015-] ", paras[i]) or len(paras[i].split()) < 5:
        return None  # the lead has a dateline already, or is no sentence
    place = rng.choice(["WASHINGTON \u2014 ", "NEW YORK (AP) \u2014 ", "LONDON (Reuters) - "])
    new = paras[:i] + [place + paras[i]] + paras[i + 1 :]
    return join(new), [], "dateline"


def e_note(rng, art, ctx):
    note = rng.choice(NOTES)
    # A correction is the publisher's claim that an earlier version was
    # wrong: shown as added. An update line is no claim.
    exp = [{"kinds": {"added"}, "to_text": norm(note)}] if note.startswith("Correction") else []
    return art["text"].rstrip() + "\n\n" + note, exp, "note: " + note


def e_byline(rng, art, ctx):
    paras = ctx["paras"]
    if rng.random() < 0.5:
        new = paras[:1] + [rng.choice(BYLINES)] + paras[1:]
        return join(new), [], "byline"
    others = [o for o in ctx["same_pub"] if o["title"]]
    if not others:
        return None
    title = rng.choice(others)["title"].strip()
    i = rng.randrange(2, len(paras)) if len(paras) > 2 else len(paras)
    new = paras[:i] + ["Related: " + title] + paras[i:]
    return join(new), [], "related line"


def e_quotes(rng, art, ctx):
    text = art["text"]
    if "\u201c" in text or "\u2019" in text:
        b = text.replace("\u201c", '"').replace("\u201d", '"').replace("\u2018", "'").replace("\u2019", "'")
        note = "curly -> straight"
    elif '"' in text or "''" in text:
        # The NYT's ''...'' are double quotation marks too.
        b = re.sub(r"''(.+?)''", "\u201c\\1\u201d", text)
        b = re.sub(r'"(\S)', "\u201c\\1", b)
        b = b.replace('"', "\u201d").replace("'", "\u2019")
        note = "straight -> curly"
    else:
        return None
    # White space too: two spaces after some full stops.
    b = re.sub(r"\. (?=[A-Z])", lambda m: ".  " if rng.random() < 0.5 else ". ", b)
    return b, [], note


def e_move(rng, art, ctx):
    paras, where, stmts = ctx["paras"], ctx["where"], ctx["stmts"]
    body = body_paras(paras, where)
    count = collections.Counter(w for w in where if w is not None)
    small = [i for i in body if count[i] <= 2]
    rng.shuffle(small)
    for i in small:
        # A destination at least three statement-holding paragraphs away,
        # holding more statements between than the moved paragraph has, so
        # the least move is this paragraph.
        for j in rng.sample(body, len(body)):
            lo, hi = min(i, j), max(i, j)
            between = [k for k in body if lo < k <= hi and k != i] if j > i else [k for k in body if lo <= k < hi and k != i]
            if len(between) >= 3 and sum(count[k] for k in between) > count[i] + 1:
                p = paras[i]
                rest = paras[:i] + paras[i + 1 :]
                dest = j if j < i else j  # after removal, index j-1 is old j: insert after it
                rest.insert(dest, p)
                moved = [k for k, w in enumerate(where) if w == i]
                # A moved "she said" follows its new antecedent: the move
                # gives it to another speaker, which the diff must show.
                exp = [{"kinds": {"moved", "reattributed"}, "from": k, "optional": True} for k in moved]
                return join(rest), exp, "moved paragraph %d to %d" % (i, j)
    return None


def e_delete(rng, art, ctx):
    paras, where = ctx["paras"], ctx["where"]
    body = body_paras(paras, where)
    if len(body) < 3:
        return None
    i = rng.choice(body[1:])
    gone = [k for k, w in enumerate(where) if w == i]
    new = paras[:i] + paras[i + 1 :]
    return join(new), [{"kinds": {"removed"}, "from": k} for k in gone], "deleted paragraph %d" % i


def e_insert(rng, art, ctx):
    paras, where = ctx["paras"], ctx["where"]
    body = body_paras(paras, where)
    others = ctx["same_pub"]
    rng2 = random.Random(rng.random())
    for other in rng2.sample(others, min(6, len(others))):
        ostmts = ctx["runner"].extract(other["text"])
        if not ostmts:
            continue
        opars = paragraphs(other["text"])
        ow = locate(opars, ostmts)
        cnt = collections.Counter(w for w in ow if w is not None)
        # A paragraph of the other article that is one statement with a
        # named (not pronoun) speaker, or unattributed.
        cands = []
        for k, s in enumerate(ostmts):
            w = ow[k]
            if w is None or w == 0 or cnt[w] != 1 or norm(s["text"]) != norm(opars[w]):
                continue
            sp = s.get("speaker")
            if sp and (sp["mention"].lower() in ("he", "she", "they", "it", "i", "we")):
                continue
            cands.append((k, w))
        if not cands or not body:
            continue
        k, w = rng.choice(cands)
        at = rng.choice(body[1:] + [body[-1] + 1]) if len(body) > 1 else body[0] + 1
        new = paras[:at] + [opars[w]] + paras[at:]
        exp = {
            "kinds": {"added"},
            "to_text": norm(ostmts[k]["text"]),
            "to_speaker": speaker_name(ostmts[k]),
            # In its new place the paragraph may be cut into more
            # statements (a quotation no longer continues): all added.
            "to_within": norm(opars[w]),
        }
        return join(new), [exp], "inserted %r" % opars[w][:60]
    return None


# Quotations, opening and closing marks paired in order (a short one,
# "confused," must not make the next stretch of prose look quoted).
QUOTES = re.compile(r"[\u201c\"]([^\u201c\u201d\"]+)[\u201d\"]")


class _Long:
    """QUOTES, keeping only quotations of 20 characters or more."""

    def finditer(self, t):
        return (m for m in QUOTES.finditer(t) if len(m.group(1)) >= 20)


QUOTE = _Long()


def pick_statement(ctx, rng, test):
    paras, where, stmts = ctx["paras"], ctx["where"], ctx["stmts"]
    idx = [
        k
        for k, s in enumerate(stmts)
        if where[k] is not None and where[k] > 0 and s["text"].strip() in paras[where[k]] and test(s)
    ]
    if not idx:
        return None
    k = rng.choice(idx)
    return k, stmts[k], where[k]


def replace_in_statement(ctx, k, para, old_text, new_text):
    paras = list(ctx["paras"])
    s = ctx["stmts"][k]["text"].strip()
    assert s in paras[para]
    paras[para] = paras[para].replace(s, new_text, 1)
    return join(paras)


def content_range(s):
    """Where the claim (the statement's content) sits in its sentence: an
    edit of the frame around it ("In offering analysis, X told Y that C")
    is not an edit of the claim."""
    t, c = s["text"].strip(), s["content"].strip()
    i = t.find(c)
    return (i, i + len(c)) if c and i >= 0 else (0, len(t))


def inside(s, m, group=0):
    a, b = content_range(s)
    return a <= m.start(group) and m.end(group) <= b


def content_words(text, lo=4):
    return [m for m in re.finditer(r"\b[a-z]{%d,}\b" % lo, text) if m.group(0) not in FUNCTION]


def spare_word(rng, ctx, avoid):
    pool = [w for w in ctx["vocab"] if w not in avoid]
    return rng.choice(pool)


def e_quote_words(rng, art, ctx):
    def ok(s):
        return any(len(content_words(m.group(1))) >= 2 and inside(s, m, 1) for m in QUOTE.finditer(s["text"].strip()))

    got = pick_statement(ctx, rng, ok)
    if not got:
        return None
    k, s, para = got
    t = s["text"].strip()
    qs = [m for m in QUOTE.finditer(t) if len(content_words(m.group(1))) >= 2 and inside(s, m, 1)]
    q = rng.choice(qs)
    words = content_words(q.group(1))
    w = rng.choice(words)
    start = q.start(1) + w.start()
    repl = spare_word(rng, ctx, {w.group(0)})
    new = t[:start] + repl + t[start + len(w.group(0)) :]
    b = replace_in_statement(ctx, k, para, t, new)
    return b, [{"kinds": {"quote_changed"}, "from": k, "same_speaker": True}], "quote word %r -> %r" % (w.group(0), repl)


def e_quote_trim(rng, art, ctx):
    def ok(s):
        return any(len(m.group(1).split()) >= 8 and inside(s, m, 1) for m in QUOTE.finditer(s["text"].strip()))

    got = pick_statement(ctx, rng, ok)
    if not got:
        return None
    k, s, para = got
    t = s["text"].strip()
    q = rng.choice([m for m in QUOTE.finditer(t) if len(m.group(1).split()) >= 8 and inside(s, m, 1)])
    inner = q.group(1)
    ws = inner.split(" ")
    n = rng.choice([2, 3])
    if rng.random() < 0.5:
        kept = " ".join(ws[n:])
        note = "quote trimmed at head"
    else:
        tail = re.match(r".*?([.,!?]*)$", ws[-1]).group(1)
        kept = " ".join(ws[:-n]).rstrip(",;:") + tail
        note = "quote trimmed at tail"
    new = t[: q.start(1)] + kept + t[q.end(1) :]
    b = replace_in_statement(ctx, k, para, t, new)
    return b, [{"kinds": {"quote_changed"}, "from": k, "same_speaker": True}], note


def unquoted_spans(t):
    """Parts of a sentence outside quotation marks."""
    out, pos = [], 0
    for m in QUOTE.finditer(t):
        out.append((pos, m.start()))
        pos = m.end()
    out.append((pos, len(t)))
    return out


def e_reword(rng, art, ctx):
    def cands(s):
        t = s["text"].strip()
        sp = s.get("speaker")
        avoid = set()
        if sp:
            avoid |= set(re.findall(r"[a-z]+", (sp["mention"] + " " + sp["name"]).lower()))
        if s.get("cue"):
            avoid |= set(s["cue"].lower().split())
        if '"' in t or "\u201c" in t or "''" in t:
            return []  # quotation marks, the NYT's '' among them
        return [m for m in content_words(t, 5) if m.group(0) not in avoid and inside(s, m)]

    got = pick_statement(ctx, rng, lambda s: len(cands(s)) >= 1)
    if not got:
        return None
    k, s, para = got
    t = s["text"].strip()
    w = rng.choice(cands(s))
    repl = spare_word(rng, ctx, {w.group(0)})
    new = t[: w.start()] + repl + t[w.end() :]
    b = replace_in_statement(ctx, k, para, t, new)
    return b, [{"kinds": {"reworded"}, "from": k, "same_speaker": True}], "word %r -> %r (%d words)" % (
        w.group(0),
        repl,
        len(t.split()),
    )


NUMBER = re.compile(r"(?<![\w.,$])(\d{1,3}(?:,\d{3})*|\d+)(?![\w.,]\d)")


def e_number(rng, art, ctx):
    def nums(s):
        t = s["text"].strip()
        spans = unquoted_spans(t)
        return [m for m in NUMBER.finditer(t) if any(a <= m.start() < b for a, b in spans) and inside(s, m)
                and not re.match(r"(19|20)\d\d$", m.group(1))]

    got = pick_statement(ctx, rng, lambda s: len(nums(s)) >= 1)
    if not got:
        return None
    k, s, para = got
    t = s["text"].strip()
    m = rng.choice(nums(s))
    # A sentence opening a quotation it does not close is quoted throughout.
    kinds = {"reworded", "quote_changed"} if re.match(r"^(\"|\u201c|'')", t) else {"reworded"}
    v = int(m.group(1).replace(",", ""))
    nv = v + rng.choice([1, 3, 5])
    repl = "{:,}".format(nv) if "," in m.group(1) else str(nv)
    new = t[: m.start()] + repl + t[m.end() :]
    b = replace_in_statement(ctx, k, para, t, new)
    return b, [{"kinds": kinds, "from": k}], "number %s -> %s" % (m.group(1), repl)


PRONOUNS = {"he", "she", "they", "it", "i", "we", "you", "his", "her"}


def named_mention(s):
    sp = s.get("speaker")
    if not sp or sp["anonymous"] or sp["kind"] != "person":
        return None
    m = sp["mention"]
    if m.lower() in PRONOUNS or len(m.split()) < 2 or not all(w[:1].isupper() for w in m.split()):
        return None
    t = s["text"]
    if t.count(m) != 1 or not s.get("cue"):
        return None
    # The mention right before or after the cue ("NAME said", "said NAME").
    cue = s["cue"]
    if (m + " " + cue) not in t and (cue + " " + m) not in t:
        return None
    return m


def e_anonymise(rng, art, ctx):
    got = pick_statement(ctx, rng, lambda s: named_mention(s) is not None)
    if not got:
        return None
    k, s, para = got
    t = s["text"].strip()
    m = named_mention(s)
    anon = rng.choice(ANON)
    pos = t.index(m)
    repl = anon[0].upper() + anon[1:] if pos == 0 else anon
    new = t[:pos] + repl + t[pos + len(m) :]
    b = replace_in_statement(ctx, k, para, t, new)
    exp = {"kinds": {"reattributed"}, "from": k, "from_speaker": s["speaker"]["name"], "to_anonymous": True}
    return b, [exp], "%r -> %r" % (m, anon)


ANON_MENTION = re.compile(
    r"\b(an? (?:senior |top |former )?(?:official|source|spokesman|spokeswoman|aide|person familiar with [a-z ]+?)|officials|sources)(?= (?:said|says|told|added)\b)"
)


def e_name(rng, art, ctx):
    def ok(s):
        sp = s.get("speaker")
        return sp and sp["anonymous"] and len(list(ANON_MENTION.finditer(s["text"]))) == 1

    got = pick_statement(ctx, rng, ok)
    if not got:
        return None
    k, s, para = got
    t = s["text"].strip()
    m = next(ANON_MENTION.finditer(t))
    name = rng.choice(NAMES)
    new = t[: m.start()] + name + t[m.end() :]
    b = replace_in_statement(ctx, k, para, t, new)
    exp = {"kinds": {"reattributed"}, "from": k, "to_speaker": name, "from_anonymous": True}
    return b, [exp], "%r -> %r" % (m.group(0), name)


def e_frame(rng, art, ctx):
    """"C, X said." <-> "According to X, C." (and "X said C." -> "C, X said.")."""

    def form(s):
        sp = s.get("speaker")
        if not sp or s.get("cue") not in ("said", "says") or sp["mention"].lower() in PRONOUNS:
            return None
        t, m = s["text"].strip(), sp["mention"]
        if '"' in t or "\u201c" in t or "''" in t:
            return None
        tail = re.match(r"^(.{20,}), %s (said|says)\.$" % re.escape(m), t)
        if tail:
            return ("tail", tail.group(1), m)
        head = re.match(r"^%s (said|says)(?: that)? (?!on |in |at |last |this )(.{20,})\.$" % re.escape(m), t)
        if head:
            return ("head", head.group(2), m)
        return None

    got = pick_statement(ctx, rng, lambda s: form(s) is not None)
    if not got:
        return None
    k, s, para = got
    t = s["text"].strip()
    shape, claim, m = form(s)
    if shape == "tail":
        new = "According to %s, %s." % (m, claim)
    else:
        lead = claim[0].upper() + claim[1:]
        # "Other Republican leaders" was capitalised only to open the sentence.
        first = m.split()[0]
        if first.lower() in FUNCTION or first.lower() in ("other", "some", "many", "several", "two", "three", "both"):
            m = first.lower() + m[len(first):]
        new = "%s, %s said." % (lead, m)
    b = replace_in_statement(ctx, k, para, t, new)
    exp = {"kinds": {"reframed", "unchanged"}, "from": k, "same_speaker": True, "optional": True}
    return b, [exp], "frame %s: %r" % (shape, new[:70])


EDITS = [
    ("rewrap", e_rewrap, True),
    ("tense", e_tense, True),
    ("said_on", e_said_on, True),
    ("dateline", e_dateline, True),
    ("note", e_note, False),
    ("byline", e_byline, True),
    ("quote_style", e_quotes, True),
    ("move", e_move, True),
    ("delete", e_delete, False),
    ("insert", e_insert, False),
    ("quote_words", e_quote_words, False),
    ("quote_trim", e_quote_trim, False),
    ("reword", e_reword, False),
    ("number", e_number, False),
    ("anonymise", e_anonymise, False),
    ("name", e_name, False),
    ("frame", e_frame, False),
]


def cause_of(c, note):
    """A first guess at why a change was reported spuriously."""
    f, t = c.get("from"), c.get("to")
    if f and t:
        if norm(f["text"]) == norm(t["text"]):
            if c["change"] == "reattributed":
                return "speaker re-resolved, sentence unchanged"
            return "%s, sentence unchanged" % c["change"]
        if c.get("shape"):
            return "%s grouped with another (%s)" % (c["change"], c["shape"])
        return "%s: paired with an edited neighbour" % c["change"]
    return "%s of a sentence still present" % c["change"]


def score(changes, expected, stmts_a):
    """(found, wrong[(exp, got)], spurious[change])"""
    used = set()
    found, wrong = 0, []
    for e in expected:
        hit = None
        for n, c in enumerate(changes):
            if n in used:
                continue
            if "from" in e:
                froms = [c.get("from")] + c.get("also_from", [])
                want = norm(stmts_a[e["from"]]["text"])
                if not any(x and (x["index"] == e["from"] or norm(x["text"]) == want) for x in froms):
                    continue
            if "to_text" in e:
                tos = [c.get("to")] + c.get("also_to", [])
                if not any(x and (norm(x["text"]) in e["to_text"] or e["to_text"] in norm(x["text"])) for x in tos):
                    continue
            hit = n
            break
        if hit is None:
            if e.get("optional"):
                # Reported as unchanged (a frame), or the pairing moved
                # others instead (then those moves count as spurious).
                found += 1
                continue
            wrong.append((e, None))
            continue
        c = changes[hit]
        used.add(hit)
        ok = c["change"] in e["kinds"]
        if ok and "from_speaker" in e:
            ok = speaker_name(c.get("from")) == e["from_speaker"]
        if ok and e.get("to_anonymous"):
            ok = bool(c.get("to") and c["to"].get("speaker") and c["to"]["speaker"]["anonymous"])
        if ok and "to_speaker" in e and e["to_speaker"]:
            ok = e["to_speaker"].split()[-1] in (speaker_name(c.get("to")) or "")
        if ok:
            found += 1
        else:
            wrong.append((e, c))
    # A quotation or "he said" that leaned on a renamed source follows it:
    # the same move of hands as the edited statement is not spurious.
    hands = {(speaker_name(changes[n].get("from")), speaker_name(changes[n].get("to")))
             for n in used if changes[n]["change"] == "reattributed"}
    for n, c in enumerate(changes):
        if n not in used and c["change"] == "reattributed" and (speaker_name(c.get("from")), speaker_name(c.get("to"))) in hands:
            used.add(n)
    for e in expected:
        if "to_within" in e:
            for n, c in enumerate(changes):
                if n not in used and c["change"] == "added" and norm(c["to"]["text"]) in e["to_within"]:
                    used.add(n)
    spurious = [c for n, c in enumerate(changes) if n not in used]
    # A move: other moved blocks are spurious; so is anything else.
    return found, wrong, spurious


def brief(c):
    if c is None:
        return None
    d = {"change": c["change"]}
    for side in ("from", "to"):
        s = c.get(side)
        if s:
            d[side] = {"text": s["text"][:160], "speaker": speaker_name(s), "index": s["index"]}
    if c.get("shape"):
        d["shape"] = c["shape"]
    if c.get("similarity") is not None:
        d["similarity"] = c["similarity"]
    return d


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bin", default=os.path.join(ROOT, "target", "release", "claimtrail"))
    ap.add_argument("--corpus", default=CORPUS)
    ap.add_argument("--seed", type=int, default=15)
    ap.add_argument("--train", type=int, default=120, help="train articles sampled besides all of dev")
    ap.add_argument("--show", help="print the failures of this edit")
    ap.add_argument("--failures", help="write every failure as JSON lines here")
    args = ap.parse_args()

    dev = os.path.join(args.corpus, "polnear_dev.jsonl")
    train = os.path.join(args.corpus, "polnear_train.jsonl")
    if not os.path.exists(dev):
        sys.exit("error: no PolNeAR corpus at %s\nhint: pass --corpus DIR" % args.corpus)

    def load(path):
        with open(path, encoding="utf-8") as f:
            return [json.loads(line) for line in f]

    def primary(rows):
        seen, out = set(), []
        for r in rows:
            if r["doc_id"] not in seen:
                seen.add(r["doc_id"])
                out.append(r)
        return out

    rng = random.Random(args.seed)
    devs = primary(load(dev))
    trains = primary(load(train))
    arts = devs + rng.sample(trains, min(args.train, len(trains)))
    by_pub = collections.defaultdict(list)
    for a in devs + trains:
        by_pub[a["publisher"]].append(a)

    table = collections.OrderedDict((name, collections.Counter()) for name, _, _ in EDITS)
    causes = collections.Counter()
    fails = []
    with tempfile.TemporaryDirectory() as tmp:
        runner = Runner(args.bin, tmp)
        for art in arts:
            stmts = runner.extract(art["text"])
            if not stmts:
                continue
            paras = paragraphs(art["text"])
            vocab = sorted({m.group(0) for m in content_words(art["text"], 5)})
            ctx = {
                "paras": paras,
                "stmts": stmts,
                "where": locate(paras, stmts),
                "same_pub": [o for o in by_pub[art["publisher"]] if o["doc_id"] != art["doc_id"]],
                "runner": runner,
                "vocab": vocab or ["matter"],
            }
            for name, edit, noop in EDITS:
                erng = random.Random("%s/%s/%d" % (art["doc_id"], name, args.seed))
                made = edit(erng, art, ctx)
                if made is None:
                    continue
                b, expected, note = made
                changes = runner.diff(art["text"], b)
                found, wrong, spurious = score(changes, expected, stmts)
                row = table[name]
                row["pairs"] += 1
                row["expected"] += len(expected)
                row["found"] += found
                row["spurious"] += len(spurious)
                row["clean"] += not spurious
                for e, c in wrong:
                    causes["%s: expected %s, got %s" % (name, "/".join(sorted(e["kinds"])), c["change"] if c else "nothing")] += 1
                for c in spurious:
                    causes["%s: spurious %s" % (name, cause_of(c, note))] += 1
                if wrong or spurious:
                    fail = {
                        "edit": name,
                        "doc": art["doc_id"],
                        "note": note,
                        "wrong": [{"expected": sorted(e["kinds"]), "got": brief(c)} for e, c in wrong],
                        "spurious": [brief(c) for c in spurious],
                    }
                    fails.append(fail)
                    if args.show == name:
                        print(json.dumps(fail, ensure_ascii=False, indent=1))

    print("%-12s %5s %8s %6s %6s %8s %6s" % ("edit", "pairs", "expected", "found", "recall", "spurious", "clean"))
    tot = collections.Counter()
    for name, row in table.items():
        tot.update(row)
        rec = row["found"] / row["expected"] if row["expected"] else float("nan")
        print("%-12s %5d %8d %6d %6.3f %8d %6d" % (name, row["pairs"], row["expected"], row["found"], rec, row["spurious"], row["clean"]))
    print("%-12s %5d %8d %6d %6.3f %8d %6d" % ("all", tot["pairs"], tot["expected"], tot["found"], tot["found"] / max(1, tot["expected"]), tot["spurious"], tot["clean"]))
    print("\nspurious per pair: %.3f" % (tot["spurious"] / max(1, tot["pairs"])))
    print("\nfailures by cause:")
    for cause, n in causes.most_common():
        print("%5d  %s" % (n, cause))
    if args.failures:
        with open(args.failures, "w", encoding="utf-8") as f:
            for fail in fails:
                f.write(json.dumps(fail, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
