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
The window is the same function of the line here and at run time (train_class.window, ClassWindowModel.Window).

Input: kr-lines.u8 / .tsv of --data folders; only lines whose truth begins with a region name (a stacked plate's main
line, a two-line plate's upper strip) and on which the network's first token is a region name, as at run time (the
window is asked only about a name the network read). Scenes whose index ends in 9 are held out. Training windows are
jittered (centre +-0.2 pitch, pitch x0.85-1.15) and augmented as train_class does. Output: name.onnx (input "windows"
N x 1 x 32 x 32, pixel / 255; output "probabilities" N x names, softmax) and name.labels.txt (the names, no prefix).

Deterministic: seeded, one thread, deterministic algorithms. Debian 12: python3-torch, python3-numpy, python3-onnx.
"""
import argparse
import collections
import math
import os
import time

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

from onnx_init import load_fused
from train_class import augment, window
from train_cnn import Exported
from train_crnn import HEIGHT, LineNet, load, onnx_widths

PITCH_PX = 16       # window columns per place width (train_class.window)
WINDOW = 32         # window columns: 2 places
WIDE = 48           # training crop: 3 places, blurred, then its middle WINDOW columns taken


def is_name(t):
    return len(t) > 2 and t[1] == ":"


def places(images, crnn_path, labels_path):
    """Per line: (centre px, pitch px, the network's name or None, its name distribution over `names`) or None."""
    old = open(labels_path, encoding="utf-8").read().splitlines()
    net = LineNet(len(old), onnx_widths(crnn_path))
    load_fused(net, crnn_path, old, old)
    net.eval()
    allowed = torch.tensor([i == 0 or not (len(t) == 1 and "A" <= t <= "Z") for i, t in enumerate(old)])
    name_tokens = [i for i, t in enumerate(old) if is_name(t)]
    names = sorted({t[2:] for t in old if is_name(t)})
    out = [None] * len(images)
    order = sorted(range(len(images)), key=lambda i: images[i].shape[1])
    with torch.no_grad():
        for s in range(0, len(order), 64):
            idx = order[s:s + 64]
            w = (max(images[i].shape[1] for i in idx) + 3) // 4 * 4
            x = torch.empty(len(idx), 1, HEIGHT, w)
            for k, i in enumerate(idx):
                im = torch.from_numpy(images[i]).float() / 255
                x[k, 0, :, :im.shape[1]] = im
                x[k, 0, :, im.shape[1]:] = im[:, -1:]
            probs = net(x).softmax(dim=2)
            probs[:, :, ~allowed] = -1
            for k, i in enumerate(idx):
                cols = images[i].shape[1] // 4
                p = probs[k, :cols]
                best = p.argmax(dim=1).tolist()
                toks, prev = [], 0
                for c, t in enumerate(best):
                    if t != 0:
                        if t == prev:
                            toks[-1][2] = c
                        else:
                            toks.append([t, c, c])
                    prev = t
                if len(toks) < 2 or toks[0][0] not in name_tokens:
                    continue
                centres = [(a + b + 1) / 2 * 4 for _, a, b in toks]
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


class NameNet(nn.Module):
    def __init__(self, classes):
        super().__init__()

        def block(i, o):
            return nn.Sequential(nn.Conv2d(i, o, 3, padding=1, bias=False), nn.BatchNorm2d(o), nn.ReLU(inplace=True))

        self.features = nn.Sequential(
            block(1, 16), nn.MaxPool2d(2),       # 16 x 16
            block(16, 32), nn.MaxPool2d(2),      # 8 x 8
            block(32, 64), nn.MaxPool2d(2),      # 4 x 4
            block(64, 64),
        )
        self.head = nn.Sequential(nn.Flatten(), nn.Dropout(0.3), nn.Linear(64 * 4 * 4, 128), nn.ReLU(inplace=True),
                                  nn.Dropout(0.3), nn.Linear(128, classes))

    def forward(self, x):
        return self.head(self.features(x * 2 - 1))


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", action="append", required=True, help="folder with kr-lines.u8 / .tsv (repeat)")
    ap.add_argument("--moving-data", action="append", default=[], help="a folder of moving cars' lines (`export-lines --motion-blur`): trained alike, held out apart")
    ap.add_argument("--crnn", required=True, help="the line network whose name tokens place the windows (crnn.labels.txt beside it)")
    ap.add_argument("--out", required=True)
    ap.add_argument("--epochs", type=int, default=12)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--batch", type=int, default=64)
    ap.add_argument("--lr", type=float, default=3e-3)
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)
    torch.manual_seed(args.seed)
    np.random.seed(args.seed)
    torch.set_num_threads(1)
    torch.use_deterministic_algorithms(True)
    g = torch.Generator().manual_seed(args.seed)

    images, rows, moving = [], [], []
    for folder, mv in [(f, False) for f in args.data] + [(f, True) for f in args.moving_data]:
        im, rw = load(folder, ["kr"])
        keep = [k for k, r in enumerate(rw) if r[2] in ("main", "upper") and r[3] and is_name(r[3][0])]
        images += [im[k] for k in keep]
        rows += [rw[k] for k in keep]
        moving += [mv] * len(keep)
    t0 = time.time()
    placed, names = places(images, args.crnn, os.path.join(os.path.dirname(args.crnn), "crnn.labels.txt"))
    print(f"{len(images)} lines with a name ({sum(r[2] == 'upper' for r in rows)} upper strips); the network read a name "
          f"first on {sum(p is not None for p in placed)} in {time.time() - t0:.0f} s", flush=True)
    index = {s: i for i, s in enumerate(names)}
    truth = [r[3][0][2:] for r in rows]
    usable = [i for i, p in enumerate(placed) if p is not None and 4 <= p[1] <= 60]
    held = [i for i in usable if rows[i][1] % 10 == 9]
    train = [i for i in usable if rows[i][1] % 10 != 9]
    print(f"training {len(train)}, held out {len(held)} ({sum(moving[i] for i in held)} moving)", flush=True)
    y_all = torch.tensor([index[t] for t in truth])
    xh = torch.from_numpy(np.stack([window(images[i], placed[i][0], placed[i][1], WINDOW) for i in held]))[:, None] / 255
    net = NameNet(len(names))
    print(f"{sum(p.numel() for p in net.parameters())} parameters", flush=True)
    per_epoch = math.ceil(len(train) / args.batch)
    opt = torch.optim.AdamW(net.parameters(), lr=args.lr, weight_decay=1e-4)
    sched = torch.optim.lr_scheduler.OneCycleLR(opt, max_lr=args.lr, total_steps=args.epochs * per_epoch + 1, pct_start=0.15)
    rng = np.random.default_rng(args.seed)

    def evaluate():
        net.eval()
        with torch.no_grad():
            p = torch.cat([F.softmax(net(xh[s:s + 256]), dim=1) for s in range(0, len(held), 256)])
        net.train()
        return p

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

    p = None
    for epoch in range(args.epochs):
        t0 = time.time()
        order = rng.permutation(len(train))
        total = 0.0
        for s in range(0, len(order), args.batch):
            idx = [train[j] for j in order[s:s + args.batch]]
            jit = rng.uniform(-0.2, 0.2, len(idx))
            scale = rng.uniform(0.85, 1.15, len(idx))
            xb = np.stack([window(images[i], placed[i][0] + jit[k] * placed[i][1], placed[i][1] * scale[k], WIDE) for k, i in enumerate(idx)])
            xb = augment(torch.from_numpy(xb)[:, None] / 255, g)
            off = (WIDE - WINDOW) // 2
            xb = xb[:, :, :, off:off + WINDOW]
            loss = F.cross_entropy(net(xb), y_all[idx], label_smoothing=0.05)
            opt.zero_grad()
            loss.backward()
            opt.step()
            sched.step()
            total += float(loss) * len(idx)
        p = evaluate()
        print(f"epoch {epoch + 1}: loss {total / len(train):.3f}, {time.time() - t0:.0f} s; held out: {report(p)}", flush=True)
        net.eval()
        torch.onnx.export(Exported(net), torch.zeros(1, 1, HEIGHT, WINDOW), os.path.join(args.out, "name.onnx"), opset_version=11,
                          input_names=["windows"], output_names=["probabilities"], dynamic_axes={"windows": {0: "n"}, "probabilities": {0: "n"}},
                          do_constant_folding=True)
        net.train()
        with open(os.path.join(args.out, "name.labels.txt"), "w", encoding="utf-8") as f:
            f.write("\n".join(names) + "\n")
    conf = collections.Counter()
    for k, i in enumerate(held):
        if int(p[k].argmax()) != int(y_all[i]):
            conf[(truth[i], names[int(p[k].argmax())])] += 1
    print("held-out confusions (truth -> window):", ", ".join(f"{a}->{b} {n}" for (a, b), n in conf.most_common(15)))


if __name__ == "__main__":
    main()
