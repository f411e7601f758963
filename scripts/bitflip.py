#!/usr/bin/env python3
"""Bit-flip harness: one flipped bit must cost at most what it damages.

Records a store of invented stories, then, trial by trial, copies it, flips
one random bit in one store file and runs the real binary on the copy. The
trials are spread evenly over every file of the store (sled's `db`, `conf`
and snapshot, the journal, the format and lock files): file after file in
turn, a random bit each time, so a small file gets as many flips as the
data file. For each trial:

  verify           must not panic; exit 0 only if every acknowledged
                   revision is still there (else: a silent loss)
  salvage --to N   must not panic; what it copies is counted

Half the trials damage the store as the writing process left it (a writer
closes sled and opens it once more before it exits, so that its snapshot
covers every write), half after readers opened it (`export`, `verify`).
Readers now write nothing, so the two halves are two samples of the same
bytes; the split stays to catch a reader that starts writing again.

Reports trials, silent losses (must be 0), panics (must be 0), sled panics
the store caught and reported as damage, and the share of acknowledged
revisions salvage recovered, in total and file by file. Usage:

  scripts/bitflip.py --binary target/release/claimtrail [--trials 300] [--seed 1]
"""

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile

NAMES = ["Mara Quell", "Tomas Ridder", "Ines Varga", "Olu Benn", "Petra Hask", "Dov Amsel"]
ROLES = ["the harbor master", "a city councillor", "the fire chief", "a union spokesperson"]
WORDS = ("cargo crane permit budget shift inspection tender ferry berth dredging storm "
         "levy contract audit warehouse pilot tug schedule deadline").split()


def story_text(rng, revision):
    """An invented news story; each revision edits some of the last one."""
    paragraphs = []
    for i in range(6 + revision):
        name = NAMES[(i + revision) % len(NAMES)]
        role = ROLES[i % len(ROLES)]
        words = " ".join(rng.choice(WORDS) for _ in range(8))
        if i % 2:
            paragraphs.append(f'"The {words} will be ready," said {name}, {role}.')
        else:
            paragraphs.append(f"{name}, {role}, said the {words} was delayed by {rng.randint(2, 90)} days.")
    return "\n\n".join(paragraphs) + "\n"


def make_corpus(root, stories, revisions, seed):
    rng = random.Random(seed)
    for s in range(stories):
        folder = os.path.join(root, f"story-{s:02}")
        os.makedirs(folder)
        for r in range(1, revisions + 1):
            with open(os.path.join(folder, f"{r:02}-2026-01-{r:02}T10:00Z.txt"), "w") as f:
                f.write(story_text(rng, r))


def run(binary, store, *args, timeout=120):
    try:
        p = subprocess.run([binary, "--store", store, "--wait", "0", *args],
                           capture_output=True, text=True, timeout=timeout,
                           env={**os.environ, "NO_COLOR": "1"})
        return p.returncode, p.stdout, p.stderr
    except subprocess.TimeoutExpired:
        return "timeout", "", ""


def revisions_of(binary, store):
    """(story, number) -> id of every revision `export` shows, or None."""
    code, out, _ = run(binary, store, "export")
    if code != 0:
        return None
    found = {}
    for line in out.splitlines():
        rec = json.loads(line)
        if rec.get("kind") == "revision":
            found[(rec["story"], rec["number"])] = rec["id"]
    return found


def panicked(code, err):
    return code == 101 or "panicked" in err


def store_files(store):
    return sorted(os.path.join(d, f) for d, _, fs in os.walk(store) for f in fs)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--binary", required=True)
    ap.add_argument("--trials", type=int, default=300)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--stories", type=int, default=6)
    ap.add_argument("--revisions", type=int, default=5)
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    a = ap.parse_args()
    binary = os.path.abspath(a.binary)
    rng = random.Random(a.seed)
    work = tempfile.mkdtemp(prefix="bitflip-")
    try:
        corpus = os.path.join(work, "corpus")
        make_corpus(corpus, a.stories, a.revisions, a.seed)
        fresh = os.path.join(work, "fresh")
        code, _, err = run(binary, fresh, "import", corpus, "--quiet")
        if code != 0:
            sys.exit(f"import failed: {err}")
        reopened = os.path.join(work, "reopened")
        # Copy before anything reopens it: the "fresh" state is the store
        # exactly as the writing process left it.
        shutil.copytree(fresh, reopened)
        acknowledged = revisions_of(binary, reopened)
        run(binary, reopened, "verify")
        figures = {}
        for state, base in (("not reopened", fresh), ("reopened", reopened)):
            f = figures[state] = {"trials": 0, "silent_losses": 0, "panics": 0, "verify_exit": {},
                                  "unreadable": 0, "acknowledged": 0, "recovered": 0, "sled_panics": 0,
                                  "by_file": {}}
            names = [os.path.relpath(p, base) for p in store_files(base) if os.path.getsize(p) > 0]
            for t in range(a.trials // 2):
                trial = os.path.join(work, "trial")
                shutil.rmtree(trial, ignore_errors=True)
                shutil.copytree(base, trial)
                # Every file in turn: the data file gets its share, and so
                # do the small ones.
                path = os.path.join(trial, names[t % len(names)])
                size = os.path.getsize(path)
                bit = rng.randrange(size * 8)
                with open(path, "r+b") as fh:
                    fh.seek(bit // 8)
                    b = fh.read(1)[0]
                    fh.seek(bit // 8)
                    fh.write(bytes([b ^ (1 << (bit % 8))]))
                name = os.path.relpath(path, trial)
                name = "db/snap.*" if "snap." in name else name
                per = f["by_file"].setdefault(name, {"trials": 0, "verify_exit": {}, "recovered": 0,
                                                     "acknowledged": 0, "sled_panics": 0})
                per["trials"] += 1
                f["trials"] += 1
                code, out, err = run(binary, trial, "verify")
                f["verify_exit"][str(code)] = f["verify_exit"].get(str(code), 0) + 1
                per["verify_exit"][str(code)] = per["verify_exit"].get(str(code), 0) + 1
                f["panics"] += panicked(code, err)
                if "sled failed reading it" in out + err:
                    f["sled_panics"] += 1
                    per["sled_panics"] += 1
                    print(f"sled panic caught: {state} {name} bit {bit}", file=sys.stderr)
                shown = revisions_of(binary, trial)
                if shown is None:
                    f["unreadable"] += 1
                if code == 0 and shown != acknowledged:
                    f["silent_losses"] += 1
                    print(f"silent loss: {state} {name} bit {bit}", file=sys.stderr)
                salvaged = os.path.join(work, "salvaged")
                shutil.rmtree(salvaged, ignore_errors=True)
                scode, _, serr = run(binary, trial, "salvage", "--to", salvaged)
                f["panics"] += panicked(scode, serr)
                if panicked(code, err) or panicked(scode, serr):
                    print(f"panic: {state} {name} bit {bit}", file=sys.stderr)
                got = revisions_of(binary, salvaged) if os.path.isdir(salvaged) else None
                recovered = sum(1 for k, v in (got or {}).items() if acknowledged.get(k) == v)
                f["acknowledged"] += len(acknowledged)
                f["recovered"] += recovered
                per["acknowledged"] += len(acknowledged)
                per["recovered"] += recovered
        total = {k: sum(f[k] for f in figures.values())
                 for k in ("trials", "silent_losses", "panics", "sled_panics", "unreadable", "acknowledged",
                           "recovered")}
        figures["total"] = total
        for f in figures.values():
            f["share_recovered"] = round(f["recovered"] / f["acknowledged"], 4) if f["acknowledged"] else None
        if a.json:
            print(json.dumps(figures, indent=2))
        else:
            for state, f in figures.items():
                line = (f"{state:>13}: {f['trials']} trials, {f['silent_losses']} silent losses, "
                        f"{f['panics']} panics ({f['sled_panics']} sled panics caught and reported), "
                        f"{f['unreadable']} unreadable by export, "
                        f"{f['recovered']}/{f['acknowledged']} revisions recovered ({f['share_recovered']:.2%})")
                print(line)
                if "verify_exit" in f:
                    print(f"{'':>15}verify exits {f['verify_exit']}")
                    for name, per in sorted(f["by_file"].items()):
                        share = per["recovered"] / per["acknowledged"] if per["acknowledged"] else 0
                        print(f"{'':>15}{name:<10} {per['trials']:>4} flips, verify exits {per['verify_exit']}, "
                              f"{per['sled_panics']} sled panics caught, {share:.2%} recovered")
        sys.exit(1 if total["silent_losses"] or total["panics"] else 0)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
