#!/usr/bin/env python3
"""The refused readings' verifier (verifier.json; Reading/RefusedReadingVerifier.cs, docs/anpr.md "Measured", wip/anverify).

Reads the TSVs `ANPR_VERIFY_EXPORT=FILE ./edgecity bench anpr --seed S` writes (training seeds only: every reading the
recognizer refused only for confidence, its features and label "reading == the scene's plate"), fits an L2-regularised
logistic regression on the standardised features (Newton's method from zero: deterministic), and chooses the acceptance
threshold on out-of-fold probabilities (5 folds by scene): the lowest threshold whose accepted readings, and every
higher threshold's, are right at --precision or more — or --threshold as told (the committed 0.75: a precision of 0.99
accepted 2 readings and no plate; docs/anpr.md). Writes verifier.json (features, mean, scale, weights, bias, threshold)
and prints what the threshold accepts, reading by reading and frame by frame.
"""
import argparse
import csv
import json

import numpy as np

META = ["seed", "scene", "region", "text", "truth", "label", "read", "p"]


def load(paths):
    rows = []
    for path in paths:
        with open(path, encoding="utf-8") as f:
            rows.extend(csv.DictReader(f, delimiter="\t"))
    names = [k for k in rows[0].keys() if k not in META]
    x = np.array([[float(r[n]) for n in names] for r in rows])
    y = np.array([int(r["label"]) for r in rows])
    return rows, names, x, y


def fit(x, y, l2):
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale < 1e-9] = 1.0
    z = np.hstack([(x - mean) / scale, np.ones((len(x), 1))])
    w = np.zeros(z.shape[1])
    reg = np.full(z.shape[1], l2)
    reg[-1] = 0.0
    for _ in range(50):
        p = 1 / (1 + np.exp(-z @ w))
        grad = z.T @ (p - y) + reg * w
        hess = (z * (p * (1 - p))[:, None]).T @ z + np.diag(reg) + 1e-9 * np.eye(len(w))
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-10:
            break
    return mean, scale, w[:-1], w[-1]


def predict(model, x):
    mean, scale, w, b = model
    return 1 / (1 + np.exp(-(((x - mean) / scale) @ w + b)))


def threshold_for(p, y, precision):
    """The lowest threshold t such that, for every accepted set p >= t' with t' >= t, precision holds."""
    order = np.argsort(-p, kind="stable")
    best = 1.0
    right = 0
    for n, i in enumerate(order, 1):
        right += y[i]
        if right / n < precision:
            break
        # Only between distinct probabilities: a tie is accepted or refused whole.
        if n == len(order) or p[order[n]] < p[i]:
            best = p[i]
    return float(best)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", action="append", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--precision", type=float, default=0.99)
    ap.add_argument("--l2", type=float, default=10.0)
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--threshold", type=float, help="write this threshold instead of the one --precision chooses")
    args = ap.parse_args()
    rows, names, x, y = load(args.data)
    print(f"{len(y)} refused readings, {y.sum()} right")
    scene = np.array([int(r["seed"]) * 100000 + int(r["scene"]) for r in rows])
    fold = (scene * 2654435761 % (2**32)) % args.folds
    oof = np.zeros(len(y))
    for k in range(args.folds):
        train = fold != k
        oof[~train] = predict(fit(x[train], y[train], args.l2), x[~train])
    t = threshold_for(oof, y, args.precision)
    acc = oof >= t
    print(f"threshold {t:.4f} for precision {args.precision} (out of fold): accepts {acc.sum()}, right {y[acc].sum()}, wrong {(acc & (y == 0)).sum()}")
    if args.threshold is not None:
        t = args.threshold
        acc = oof >= t
        print(f"threshold {t:.4f} as told (out of fold): accepts {acc.sum()}, right {y[acc].sum()}, wrong {(acc & (y == 0)).sum()}")
    # Frame by frame as the recognizer judges: in a frame that did not read its plate (the export's "read" 0: that read
    # nothing, or another text), its likeliest refused reading, if over t (an estimate: a frame that read anything at the
    # level is not judged).
    unread = np.array([r["read"] == "0" for r in rows])
    gained = false = 0
    for s in np.unique(scene[unread]):
        i = np.where((scene == s) & unread)[0]
        j = i[np.argmax(oof[i])]
        if oof[j] >= t:
            gained += y[j]
            false += 1 - y[j]
    print(f"frames that did not read their plate: {len(np.unique(scene[unread]))}, gained {gained}, false plates {false}")
    model = fit(x, y, args.l2)
    mean, scale, w, b = model
    for n, wi in sorted(zip(names, w), key=lambda a: -abs(a[1])):
        print(f"  {n:14s} {wi:+.3f}")
    with open(args.out + "/verifier.json", "w", encoding="utf-8") as f:
        json.dump({"features": names, "mean": [round(v, 6) for v in mean], "scale": [round(v, 6) for v in scale],
                   "weights": [round(v, 6) for v in w], "bias": round(float(b), 6), "threshold": round(t, 6)}, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
