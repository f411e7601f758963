#!/usr/bin/env python3
"""Score `claimtrail variants` against a truth file: pairwise precision and
recall of same-claim pairs, and precision and recall of the misattributed
flag.

Usage:
    claimtrail variants --limit 0 --format json > predicted.json
    scripts/variants-score.py TRUTH.json predicted.json [--json]

TRUTH.json (see tests/fixtures/variants/truth.json):
    {"groups": [{"claim": "...", "members": [[STORY, PIECE], ...]}, ...],
     "misattributed": [[STORY, PIECE], ...]}
A member is a story and a piece of the statement's content that is unique
in that story (case and curly quotes ignored). A predicted rendering
matching no truth member counts as a claim of its own, so grouping it with
anything is a false pair. Exit 0 after scoring; 2 on unreadable input or a
truth member no prediction matches when --strict is given.
"""

import itertools
import json
import sys


def norm(s):
    for a, b in (("\u201c", '"'), ("\u201d", '"'), ("\u2018", "'"), ("\u2019", "'")):
        s = s.replace(a, b)
    return " ".join(s.lower().split())


def load(path):
    try:
        with open(path, encoding="utf-8") as f:
            return json.load(f)
    except (OSError, ValueError) as e:
        sys.exit(f"error: cannot read {path}: {e}")


def ratio(n, d):
    return n / d if d else 1.0


def score(predicted, true):
    correct = len(predicted & true)
    return {
        "predicted": len(predicted),
        "true": len(true),
        "correct": correct,
        "precision": ratio(correct, len(predicted)),
        "recall": ratio(correct, len(true)),
    }


def main(argv):
    args = [a for a in argv if not a.startswith("--")]
    if len(args) != 2:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    truth, predicted = load(args[0]), load(args[1])
    members = []  # (item id, story, piece)
    for gi, g in enumerate(truth.get("groups", [])):
        for story, piece in g["members"]:
            members.append(((gi, story, norm(piece)), story, norm(piece)))
    wrong = {(s, norm(p)) for s, p in truth.get("misattributed", [])}

    def item(m):
        content = norm(m["content"])
        # The longest matching piece wins: "had hit the depots" over "hit the depots".
        found = [x for x in members if x[1] == m["story"] and x[2] in content]
        if not found:
            return ("alone", m["story"], m["hash"])
        return max(found, key=lambda x: len(x[2]))[0]

    seen = set()
    pred_pairs = set()
    flagged = set()
    for g in predicted.get("groups", []):
        ids = []
        for m in g["members"]:
            i = item(m)
            seen.add(i)
            ids.append(i)
            if "misattributed" in m.get("flags", []):
                flagged.add(i)
        for a, b in itertools.combinations(sorted(set(ids), key=str), 2):
            pred_pairs.add((a, b))
    true_pairs = set()
    for gi, g in enumerate(truth.get("groups", [])):
        ids = sorted({(gi, s, norm(p)) for s, p in g["members"]}, key=str)
        true_pairs.update(itertools.combinations(ids, 2))
    true_flagged = {i for i, s, p in members if (s, p) in wrong}
    unmatched = [f"{s}: {p}" for i, s, p in members if i not in seen]
    out = {
        "pairs": score(pred_pairs, true_pairs),
        "misattributed": score(flagged, true_flagged),
        "truth_members_not_in_any_group": unmatched,
    }
    if "--json" in argv:
        print(json.dumps(out, indent=2))
    else:
        p, m = out["pairs"], out["misattributed"]
        print(f"same-claim pairs: precision {p['precision']:.3f} ({p['correct']}/{p['predicted']}), "
              f"recall {p['recall']:.3f} ({p['correct']}/{p['true']})")
        print(f"misattributed:    precision {m['precision']:.3f} ({m['correct']}/{m['predicted']}), "
              f"recall {m['recall']:.3f} ({m['correct']}/{m['true']})")
        for u in unmatched:
            print(f"  in no predicted group: {u}")
    if "--strict" in argv and unmatched:
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
