#!/usr/bin/python3
"""Trains the region-name window classifier (name.onnx) on the lines `anpr export-lines --regional-only` writes, and
measures it against the line network's own name on held-out lines.

A Korean regional plate's name (서울, 경기, … 17 names) is printed small: stacked two syllables high at the left of a
single-line plate (~8 px a syllable on the bench's plates), or side by side at the head of a two-line plate's upper
line. The line network (crnn.onnx) reads every digit of such a plate at >= 0.9 and guesses the name (대구 read 제주,
경북 인천); the glyph CNN, on the segmenter's boxes, mostly sees no name at all. This classifier sees what the network
sees — its own input image (CrnnLineImage, 32 rows: the main line for a stacked name, the upper strip for a two-line
plate's) — but only a window around the network's place for the name's token: the full height, 2 places wide (the
place's width is the distance from the name's token to the next token's centre, the pitch), resampled to 32 columns.
The window is the same function of the line here and at run time (window_training.window, ClassWindowModel.Window);
the network, its augmentation and its training loop are window_training's, shared with train_class.py.

Input: kr-lines.u8 / .tsv of --data folders; only lines whose truth begins with a region name (a stacked plate's main
line, a two-line plate's upper strip) and on which the network's first token is a region name, as at run time (the
window is asked only about a name the network read). Scenes whose index ends in 9 are held out. Training windows are
jittered (centre +-0.2 pitch, pitch x0.85-1.15) and augmented as the class windows are (window_training). Output: name.onnx (input "windows"
N x 1 x 32 x 32, pixel / 255; output "probabilities" N x names, softmax) and name.labels.txt (the names, no prefix).

Deterministic: seeded, one thread, deterministic algorithms. Debian 12: python3-torch, python3-numpy, python3-onnx.
"""
import collections
import os
import time

import numpy as np
import torch

import window_training
from window_training import LineNetworkTokens

WINDOW = 32         # window columns: 2 places (16 per place, window_training.PITCH_PX)
WIDE = 48           # training crop: 3 places, blurred, then its middle WINDOW columns taken


def is_name(t):
    return len(t) > 2 and t[1] == ":"


def places(images, crnn_path):
    """Per line: (centre px, pitch px, the network's name or None, its name distribution over `names`) or None."""
    network = LineNetworkTokens(crnn_path)
    old = network.labels
    name_tokens = [i for i, t in enumerate(old) if is_name(t)]
    names = sorted({t[2:] for t in old if is_name(t)})
    out = [None] * len(images)
    for i, p, toks, centres in network.read(images):
        if len(toks) < 2 or toks[0][0] not in name_tokens:
            continue
        t, a, b = toks[0]
        # a name's stacked and side-by-side tokens are one name (CrnnLineReader.Glyph)
        dist = np.zeros(len(names), dtype=np.float32)
        column_max = p[a:b + 1].max(dim=0).values.clamp(min=0).numpy()
        for j in name_tokens:
            n = names.index(old[j][2:])
            dist[n] = max(dist[n], column_max[j])
        dist /= max(dist.sum(), 1e-6)
        out[i] = (centres[0], centres[1] - centres[0], old[t][2:], dist)
    return out, names


def main():
    ap = window_training.arguments(__doc__.splitlines()[0], "the line network whose name tokens place the windows", 12)
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)
    g = window_training.seeded(args.seed)

    images, rows, moving = window_training.load_lines(args, lambda r: r[2] in ("main", "upper") and r[3] and is_name(r[3][0]))
    t0 = time.time()
    placed, names = places(images, args.crnn)
    print(f"{len(images)} lines with a name ({sum(r[2] == 'upper' for r in rows)} upper strips); the network read a name "
          f"first on {sum(p is not None for p in placed)} in {time.time() - t0:.0f} s", flush=True)
    index = {s: i for i, s in enumerate(names)}
    truth = [r[3][0][2:] for r in rows]
    train, held = window_training.split(placed, rows, 60)
    print(f"training {len(train)}, held out {len(held)} ({sum(moving[i] for i in held)} moving)", flush=True)
    y_all = torch.tensor([index[t] for t in truth])

    def report(p):
        lines = []
        groups = [("moving", lambda i: moving[i]), ("stacked", lambda i: not moving[i] and rows[i][2] == "main"),
                  ("upper", lambda i: not moving[i] and rows[i][2] == "upper")]
        for name, test in groups:
            sel = [k for k, i in enumerate(held) if test(i)]
            if not sel:
                continue
            n = len(sel)
            mine = sum(int(p[k].argmax()) == int(y_all[held[k]]) for k in sel)
            sure = [k for k in sel if float(p[k].max()) >= 0.9]
            sure_right = sum(int(p[k].argmax()) == int(y_all[held[k]]) for k in sure)
            net_right = sum(placed[held[k]][2] == truth[held[k]] for k in sel)
            fused = 0
            for k in sel:
                q = np.maximum(placed[held[k]][3], 1e-3) * np.maximum(p[k].numpy(), 1e-3)
                fused += int(q.argmax()) == int(y_all[held[k]])
            lines.append(f"{name} {n}: window {mine} ({mine / n:.3f}; >= 0.9: {sure_right}/{len(sure)}), network {net_right} "
                         f"({net_right / n:.3f}), product {fused} ({fused / n:.3f})")
        return "; ".join(lines)

    p = window_training.train(images, placed, train, held, y_all, names, WINDOW, WIDE, args, g, report, "name.onnx", "name.labels.txt")
    conf = collections.Counter()
    for k, i in enumerate(held):
        if int(p[k].argmax()) != int(y_all[i]):
            conf[(truth[i], names[int(p[k].argmax())])] += 1
    print("held-out confusions (truth -> window):", ", ".join(f"{a}->{b} {n}" for (a, b), n in conf.most_common(15)))


if __name__ == "__main__":
    main()
