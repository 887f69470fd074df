#!/usr/bin/python3
"""Trains the class-syllable window classifier (class.onnx) on the lines `anpr export-lines` writes, and measures it
against the line network's own class Hangul on held-out lines.

The class Hangul of a Korean plate (가 of 12가3456) is the character motion blur loses most: the line network (crnn.onnx)
reads 아 for 마, 배 for 허 on a moving car's line, and the glyph CNN, on a box the segmenter cut out of glued ink, sees
no syllable it learnt. This classifier sees what the network sees — the line network's own input image (CrnnLineImage,
32 rows) — but only a window of it around the class syllable: the full line height, 1.5 character pitches wide,
on the network's place for the syllable's token (CrnnLineReader: from halfway to the previous token's centre to halfway
to the next's; its width is the pitch), resampled to 24 columns (16 per pitch). The window is the same function of the line here and at run time (`window`, LineRecognition/ClassWindow.cs).

Input: {region}-lines.u8 / .tsv of --data folders (the kr main lines with one class syllable); --crnn gives the line
network whose token places centre the windows (lines where it reads no syllable take the place between the last
front digit and the first of the four tail digits; lines where neither is read are left out). Scenes whose index
ends in 9 are held out. Training windows are jittered (centre ±0.2 pitch, pitch ×0.85–1.15) and augmented (horizontal
box blur as a moving car's, Gaussian blur, contrast, gamma, noise). Output: class.onnx (input "windows" N x 1 x 32 x 24,
pixel / 255; output "probabilities" N x syllables, softmax) and class.labels.txt.

Deterministic: seeded, one thread, deterministic algorithms. Debian 12: python3-torch, python3-numpy, python3-onnx.
"""
import argparse
import collections
import math
import os
import sys
import time

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

from onnx_init import load_fused
from train_cnn import Exported  # the classifier with its softmax, as the glyph CNN is exported
from train_crnn import HEIGHT, LineNet, load, onnx_widths

PITCH_PX = 16       # window columns per character pitch
WINDOW = 24         # window columns: 1.5 pitches
WIDE = 40           # training crop: 2.5 pitches, blurred, then its middle WINDOW columns taken


def is_syllable(t):
    return len(t) == 1 and "\uac00" <= t <= "\ud7a3"


def window(image, centre, pitch, columns=WINDOW):
    """`columns` columns sampled at pitch / PITCH_PX spacing centred at `centre` (px of the line image), each
    interpolated linearly between its two nearest columns, the line's edge columns repeated beyond it (ClassWindow.cs)."""
    step = pitch / PITCH_PX
    x = centre - columns / 2 * step + (np.arange(columns) + 0.5) * step - 0.5
    x = np.clip(x, 0, image.shape[1] - 1)
    x0 = np.floor(x).astype(np.int64)
    x1 = np.minimum(x0 + 1, image.shape[1] - 1)
    f = (x - x0).astype(np.float32)
    img = image.astype(np.float32)
    return img[:, x0] * (1 - f) + img[:, x1] * f


def places(images, rows, crnn_path, labels_path):
    """Per line: (centre px, pitch px, the network's syllable or None, its syllable distribution or None)."""
    old = open(labels_path, encoding="utf-8").read().splitlines()
    net = LineNet(len(old), onnx_widths(crnn_path))
    load_fused(net, crnn_path, old, old)
    net.eval()
    allowed = torch.tensor([i == 0 or not (len(t) == 1 and "A" <= t <= "Z") for i, t in enumerate(old)])
    syll = [i for i, t in enumerate(old) if is_syllable(t)]
    digit = {i for i, t in enumerate(old) if len(t) == 1 and t.isdigit()}
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
                centres = [(a + b + 1) / 2 * 4 for _, a, b in toks]
                sy = [j for j, (t, _, _) in enumerate(toks) if t in syll]
                if len(sy) == 1 and len(toks) > 1:
                    j = sy[0]
                    t, a, b = toks[j]
                    # the network's place for the glyph (CrnnLineReader): halfway to each neighbour's centre
                    left = (centres[j] - centres[j - 1]) / 2 if j > 0 else (centres[j + 1] - centres[j]) / 2
                    right = (centres[j + 1] - centres[j]) / 2 if j + 1 < len(toks) else (centres[j] - centres[j - 1]) / 2
                    dist = p[a:b + 1][:, syll].max(dim=0).values.clamp(min=0)
                    dist = (dist / dist.sum().clamp(min=1e-6)).numpy()
                    out[i] = (centres[j] + (right - left) / 2, left + right, old[t], dist)
                elif len(toks) >= 6 and all(t in digit for t, _, _ in toks[-5:]):
                    # no syllable read: its place between the front digits' last and the tail's first
                    c = (centres[-5] + centres[-4]) / 2
                    out[i] = (c, centres[-4] - centres[-5], None, None)
    return out, [old[i] for i in syll]


class ClassNet(nn.Module):
    def __init__(self, classes):
        super().__init__()

        def block(i, o):
            return nn.Sequential(nn.Conv2d(i, o, 3, padding=1, bias=False), nn.BatchNorm2d(o), nn.ReLU(inplace=True))

        self.features = nn.Sequential(
            block(1, 16), nn.MaxPool2d(2),       # 16 x 12
            block(16, 32), nn.MaxPool2d(2),      # 8 x 6
            block(32, 64), nn.MaxPool2d(2),      # 4 x 3
            block(64, 64),
        )
        self.head = nn.Sequential(nn.Flatten(), nn.Dropout(0.3), nn.Linear(64 * 4 * 3, 128), nn.ReLU(inplace=True),
                                  nn.Dropout(0.3), nn.Linear(128, classes))

    def forward(self, x):
        return self.head(self.features(x * 2 - 1))


def augment(x, g):
    """x: B x 1 x 32 x WIDE in 0..1."""
    b = x.shape[0]

    def u(lo, hi):
        return lo + (hi - lo) * torch.rand(b, generator=g)

    # horizontal box blur (a moving car) on ~40 %, Gaussian on ~30 %
    kind = torch.rand(b, generator=g)
    size = 13
    r = torch.arange(size, dtype=torch.float32) - size // 2
    length = u(1.5, 9.0)
    box = ((r[None, :].abs() <= length[:, None] / 2).float())
    sigma = u(0.4, 1.6)
    gauss = torch.exp(-(r[None, :] ** 2) / (2 * sigma[:, None] ** 2))
    ident = (r[None, :] == 0).float().expand(b, size)
    kx = torch.where((kind < 0.4)[:, None], box, torch.where((kind < 0.7)[:, None], gauss, ident))
    kx = kx / kx.sum(dim=1, keepdim=True)
    ky = torch.where((kind >= 0.4)[:, None] & (kind < 0.7)[:, None], gauss, ident)
    ky = ky / ky.sum(dim=1, keepdim=True)
    pad = size // 2
    xs = F.pad(x.view(1, b, HEIGHT, -1), (pad, pad, 0, 0), mode="replicate")
    xs = F.conv2d(xs, kx.view(b, 1, 1, size), groups=b)
    xs = F.pad(xs, (0, 0, pad, pad), mode="replicate")
    xs = F.conv2d(xs, ky.view(b, 1, size, 1), groups=b).view(b, 1, HEIGHT, -1)
    # vertical shift of up to 2 rows
    shift = torch.randint(-2, 3, (b,), generator=g)
    xs = torch.stack([torch.roll(xs[k], int(shift[k]), dims=1) for k in range(b)])
    # contrast, gamma, noise, then the percentile stretch as the line had
    lo = u(0.0, 0.3).view(-1, 1, 1, 1)
    hi = u(0.7, 1.0).view(-1, 1, 1, 1)
    xs = lo + (hi - lo) * xs
    xs = xs.clamp(1e-4, 1) ** u(0.7, 1.4).view(-1, 1, 1, 1)
    xs = xs + torch.randn(xs.shape, generator=g) * u(0.0, 0.05).view(-1, 1, 1, 1)
    flat = xs.flatten(1)
    qlo = torch.quantile(flat, 0.01, dim=1).view(-1, 1, 1, 1)
    qhi = torch.quantile(flat, 0.99, dim=1).view(-1, 1, 1, 1)
    return ((xs - qlo) / (qhi - qlo).clamp(min=1e-3)).clamp(0, 1)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", action="append", required=True, help="folder with kr-lines.u8 / .tsv (repeat)")
    ap.add_argument("--moving-data", action="append", default=[], help="a folder of moving cars' lines (`export-lines --motion-blur`): trained alike, held out apart")
    ap.add_argument("--crnn", required=True, help="the line network whose token places centre the windows (crnn.labels.txt beside it)")
    ap.add_argument("--out", required=True)
    ap.add_argument("--epochs", type=int, default=20)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--batch", type=int, default=64)
    ap.add_argument("--lr", type=float, default=3e-3)
    ap.add_argument("--moving-repeat", type=int, default=2, help="copies per epoch of each moving car's training line")
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
        keep = [k for k, r in enumerate(rw) if r[2] == "main" and sum(is_syllable(t) for t in r[3]) == 1]
        images += [im[k] for k in keep]
        rows += [rw[k] for k in keep]
        moving += [mv] * len(keep)
    t0 = time.time()
    placed, syllables = places(images, rows, args.crnn, os.path.join(os.path.dirname(args.crnn), "crnn.labels.txt"))
    print(f"{len(images)} main lines with a class syllable; placed {sum(p is not None for p in placed)} "
          f"({sum(p is not None and p[2] is None for p in placed)} between digits) in {time.time() - t0:.0f} s", flush=True)
    index = {s: i for i, s in enumerate(syllables)}
    truth = [next(t for t in r[3] if is_syllable(t)) for r in rows]
    usable = [i for i, p in enumerate(placed) if p is not None and 4 <= p[1] <= 40]
    held = [i for i in usable if rows[i][1] % 10 == 9]
    train = [i for i in usable if rows[i][1] % 10 != 9]
    train = train + [i for i in train if moving[i]] * (args.moving_repeat - 1)
    print(f"training {len(train)} (with repeats), held out {len(held)} ({sum(moving[i] for i in held)} moving)", flush=True)
    y_all = torch.tensor([index[t] for t in truth])

    def held_windows():
        return torch.from_numpy(np.stack([window(images[i], placed[i][0], placed[i][1]) for i in held]))[:, None] / 255

    xh = held_windows()
    net = ClassNet(len(syllables))
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
        for name, sel in (("moving", [k for k, i in enumerate(held) if moving[i]]), ("still", [k for k, i in enumerate(held) if not moving[i]])):
            if not sel:
                continue
            n = len(sel)
            mine = sum(int(p[k].argmax()) == int(y_all[held[k]]) for k in sel)
            net_right = sum(placed[held[k]][2] == truth[held[k]] for k in sel)
            fused = 0
            for k in sel:
                d = placed[held[k]][3]
                if d is None:
                    continue
                q = np.maximum(d, 1e-3) * np.maximum(p[k].numpy(), 1e-3)
                fused += int(q.argmax()) == int(y_all[held[k]])
            lines.append(f"{name} {n}: window {mine} ({mine / n:.3f}), network {net_right} ({net_right / n:.3f}), product {fused} ({fused / n:.3f})")
        return "; ".join(lines)

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
        torch.onnx.export(Exported(net), torch.zeros(1, 1, HEIGHT, WINDOW), os.path.join(args.out, "class.onnx"), opset_version=11,
                          input_names=["windows"], output_names=["probabilities"], dynamic_axes={"windows": {0: "n"}, "probabilities": {0: "n"}},
                          do_constant_folding=True)
        net.train()
        with open(os.path.join(args.out, "class.labels.txt"), "w", encoding="utf-8") as f:
            f.write("\n".join(syllables) + "\n")
    # Confusions on the moving held-out lines
    conf = collections.Counter()
    for k, i in enumerate(held):
        if moving[i] and int(p[k].argmax()) != int(y_all[i]):
            conf[(truth[i], syllables[int(p[k].argmax())])] += 1
    print("moving held-out confusions (truth -> window):", ", ".join(f"{a}->{b} {n}" for (a, b), n in conf.most_common(15)))


if __name__ == "__main__":
    main()
