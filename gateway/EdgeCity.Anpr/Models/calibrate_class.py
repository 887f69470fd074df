#!/usr/bin/python3
"""Derives the cut-offs a retrained class-syllable window classifier (class.onnx) is read with, from held-out generated
lines, so that it accepts wrong syllables no more often than the committed model does at its present cut-offs.

The recognizer compares the window's probabilities with constants in two places (grep ClassWindowModel's users):
  SyllableFusion.MinSureWindow (0.93): the window joins the fusion of a disputed class Hangul only where its first
      syllable holds at least this share. Its false accept: the window sure (>= the cut-off) of a wrong syllable.
  ClassWindowDissent.MinDissent (0.8) with MaxOwnShare (0.1): the window overrules a reading both readers agree on
      where its first syllable holds at least MinDissent and the reading's own under MaxOwnShare. Its false accept:
      the line network read the syllable right and the window dissents so (a right plate changed or refused).
Those constants were set on the bench with the committed model; a retrained model is sure in another way (session 19's
wip/anclass4: less sure, so the same constants moved plates). For each cut-off this script measures the committed
model's false-accept rate at its present value (share of all calibration lines) and gives, for each other model, the
least value at which its false-accept rate is no higher — where the committed model has no false accept at all, just
above the other model's surest false accept — and what the other model gains there (right syllables accepted, true
dissents where the network was wrong).

Lines: `anpr export-lines --region kr` folders (--data, --moving-data as the trainer takes them) of training seeds
(>= 1000) that no model learnt from, or a training export with --held-out (only the scenes whose index ends in 9, which
train_class.py holds out). The windows are placed by --crnn as in training (train_class.places) and cut as at run time.

  /usr/bin/python3 calibrate_class.py --data .artifacts/cal-lines --moving-data .artifacts/cal-lines-motion \
      --crnn crnn.onnx --model committed=class.onnx --model new=.artifacts/class-new/class.onnx

Debian 12: python3-torch, python3-numpy, python3-onnx; one thread, nothing random.
"""
import argparse
import os

import numpy as np
import torch

import window_training
from onnx_init import load_fused
from train_class import WIDE, WINDOW, HardConditions, is_syllable, places
from window_training import WindowNet

CUT_OFFS = {"MinSureWindow": 0.93, "MinDissent": 0.8}
MAX_OWN_SHARE = 0.1


def probabilities(path, windows):
    """The softmax of the class.onnx at `path` (labels in class.labels.txt beside it) on `windows` (N x 1 x 32 x WINDOW,
    0..1): (N x labels, labels)."""
    labels = open(os.path.join(os.path.dirname(path), "class.labels.txt"), encoding="utf-8").read().splitlines()
    net = WindowNet(len(labels), WINDOW)
    load_fused(net, path, labels, labels)
    net.eval()
    with torch.no_grad():
        p = torch.cat([torch.softmax(net(windows[s:s + 256]), dim=1) for s in range(0, len(windows), 256)])
    return p.numpy(), labels


def events(p, labels, truth, network, max_own=MAX_OWN_SHARE):
    """Per line: the window's first syllable's probability, whether it is right, and whether it would dissent from the
    network's syllable (another first syllable, the network's own under MAX_OWN_SHARE; lines where the network read no
    syllable cannot be dissented from)."""
    index = {s: i for i, s in enumerate(labels)}
    top = p.max(axis=1)
    first = [labels[k] for k in p.argmax(axis=1)]
    right = np.array([f == t for f, t in zip(first, truth)])
    own = np.array([p[i, index[n]] if n in index else 1.0 for i, n in enumerate(network)])
    dissents = np.array([n is not None and f != n for f, n in zip(first, network)]) & (own < max_own)
    network_right = np.array([n == t for n, t in zip(network, truth)])
    return top, right, dissents, network_right


def false_accepts(name, top, right, dissents, network_right, c):
    """The lines a cut-off c lets through wrongly (count), and those it lets through rightly."""
    if name == "MinSureWindow":
        sure = top >= c
        return int((sure & ~right).sum()), int((sure & right).sum())
    d = dissents & (top >= c)
    return int((d & network_right).sum()), int((d & ~network_right & right).sum())


def matched(name, ev, allowed):
    """The least cut-off (0.50-0.999 in steps of 0.001) at which the model's false accepts are at most `allowed`."""
    for c in np.round(np.arange(0.5, 1.0, 0.001), 3):
        if false_accepts(name, *ev, c)[0] <= allowed:
            return float(c)
    return 0.999


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", action="append", default=[], help="folder with kr-lines.u8 / .tsv (repeat)")
    ap.add_argument("--moving-data", action="append", default=[], help="a folder of moving cars' lines (repeat)")
    ap.add_argument("--held-out", action="store_true", help="only the scenes whose index ends in 9 (a training export's held-out split)")
    ap.add_argument("--crnn", required=True, help="the line network whose token places centre the windows")
    ap.add_argument("--hard-share", type=float, default=0.0, help="also every line once more with train_class.HardConditions at this "
                    "share (seeded): a held-out export has few wrong windows, the bench's failures were read under those conditions")
    ap.add_argument("--hard-copies", type=int, default=1, help="hard copies of every line (each its own seeded draws)")
    ap.add_argument("--model", action="append", required=True, help="name=path of a class.onnx; the first is the reference (the committed model)")
    args = ap.parse_args()
    window_training.seeded(1)
    images, rows, moving = window_training.load_lines(args, lambda r: r[2] == "main" and sum(is_syllable(t) for t in r[3]) == 1)
    placed, _ = places(images, args.crnn)
    usable = [i for i, q in enumerate(placed) if q is not None and 4 <= q[1] <= 40 and (not args.held_out or rows[i][1] % 10 == 9)]
    truth = [next(t for t in rows[i][3] if is_syllable(t)) for i in usable]
    network = [placed[i][2] for i in usable]
    windows = torch.from_numpy(np.stack([window_training.window(images[i], placed[i][0], placed[i][1], WINDOW) for i in usable]))[:, None] / 255
    if args.hard_share > 0:
        wide = torch.from_numpy(np.stack([window_training.window(images[i], placed[i][0], placed[i][1], WIDE) for i in usable]))[:, None] / 255
        off, copies = (WIDE - WINDOW) // 2, args.hard_copies
        for k in range(copies):
            harder = HardConditions(args.hard_share, 1000 + k)
            windows = torch.cat([windows, torch.cat([harder(wide[s:s + 256]) for s in range(0, len(wide), 256)])[:, :, :, off:off + WINDOW]])
        truth, network, usable = truth * (copies + 1), network * (copies + 1), usable * (copies + 1)
    n = len(usable)
    print(f"{n} windows{' (each line plain and hard)' if args.hard_share > 0 else ''} ({sum(moving[i] for i in usable)} moving); line network right on {sum(a == b for a, b in zip(network, truth))}")
    models = [m.split("=", 1) for m in args.model]
    evs = {}
    for name, path in models:
        p, labels = probabilities(path, windows)
        evs[name] = ev = events(p, labels, truth, network)
        top, right = ev[0], ev[1]
        print(f"{name}: window right on {int(right.sum())} of {n}; first syllable's probability, right: "
              + " ".join(f"p{q}={np.percentile(top[right], q):.3f}" for q in (5, 25, 50)) + "; wrong: "
              + (" ".join(f"p{q}={np.percentile(top[~right], q):.3f}" for q in (50, 75, 95)) + f" max={top[~right].max():.3f}" if (~right).any() else "none"))
        for lo, hi in ((0.5, 0.8), (0.8, 0.9), (0.9, 0.93), (0.93, 0.97), (0.97, 1.01)):
            band = (top >= lo) & (top < hi)
            print(f"    first syllable {lo:.2f}-{min(hi, 1):.2f}: {int(band.sum())} lines, {int((band & ~right).sum())} wrong")
    reference = models[0][0]
    for cut, present in CUT_OFFS.items():
        allowed, gained = false_accepts(cut, *evs[reference], present)
        print(f"{cut} = {present} for {reference}: {allowed} false accepts of {n} lines, {gained} right")
        for name, _ in models[1:]:
            c = matched(cut, evs[name], allowed)
            fa, ok = false_accepts(cut, *evs[name], c)
            same_fa, same_ok = false_accepts(cut, *evs[name], present)
            print(f"  {name}: {c:.3f} ({fa} false, {ok} right); at {present}: {same_fa} false, {same_ok} right")
    # MaxOwnShare, at each model's matched MinDissent: the largest share (0.05-0.20 in steps of 0.01; above 0.2 it is
    # implied by MinDissent >= 0.8) at which the model dissents wrongly no more often than the reference at its present
    # floors
    allowed = false_accepts("MinDissent", *evs[reference], CUT_OFFS["MinDissent"])[0]
    for name, path in models[1:]:
        p, labels = probabilities(path, windows)
        c = matched("MinDissent", evs[name], allowed)
        table = {m: false_accepts("MinDissent", *events(p, labels, truth, network, m), c) for m in np.round(np.arange(0.05, 0.201, 0.01), 2)}
        own = max((m for m, (fa, _) in table.items() if fa <= allowed), default=0.05)
        print(f"MaxOwnShare = {MAX_OWN_SHARE} for {reference}; {name} at MinDissent {c:.3f}: {own:.2f} ({table[own][0]} false, {table[own][1]} right); "
              + ", ".join(f"{m:.2f} {fa}/{ok}" for m, (fa, ok) in table.items() if round(m * 100) % 5 == 0) + " (false/right)")


if __name__ == "__main__":
    main()
