#!/usr/bin/python3
"""Trains the convolutional glyph classifier of one region and exports it to ONNX.

Input: what `./edgecity anpr export-glyphs` writes — {region}-glyphs.u8 (N x 32 x 32 bytes, the recognizer's own
GlyphImage of each labelled box of simulated scenes) and {region}-glyphs.tsv (label, scene index per image).
Output: {region}.onnx (input "glyphs" N x 1 x 32 x 32, pixel / 255; output "probabilities" N x classes, softmax) and
{region}.cnn.labels.txt (one label per output, in order).

The renders are clean where real photographs are not, so every training image is augmented on the fly beyond what
the scene generator does: perspective-like affine jitter, low resolution, Gaussian and motion blur, contrast and
gamma, partial occlusion (dirt, a pole, a frame edge), sensor noise and JPEG-like blocking. Scenes whose index ends
in 9 are held out; their glyphs (clean) give the logged accuracy.

Deterministic: seeded, one thread, deterministic algorithms; two runs on the same export give the same file.
Debian 12: apt-get install python3-torch python3-numpy python3-onnx (the `edgecity` script does, for training).
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

SIDE = 32


class GlyphNet(nn.Module):
    """~0.2 M parameters, ~3 M multiply-adds per glyph: a few dozen glyphs per frame stay within a few ms on one core."""

    def __init__(self, classes, width=16):
        super().__init__()
        w = width

        def block(i, o):
            return nn.Sequential(nn.Conv2d(i, o, 3, padding=1, bias=False), nn.BatchNorm2d(o), nn.ReLU(inplace=True))

        self.features = nn.Sequential(
            block(1, w), nn.MaxPool2d(2),            # 16 x 16
            block(w, 2 * w), nn.MaxPool2d(2),        # 8 x 8
            block(2 * w, 4 * w), block(4 * w, 4 * w), nn.MaxPool2d(2),  # 4 x 4
        )
        self.classifier = nn.Sequential(
            nn.Flatten(), nn.Dropout(0.3), nn.Linear(4 * w * 16, 128), nn.ReLU(inplace=True), nn.Dropout(0.2), nn.Linear(128, classes))

    def forward(self, x):
        return self.classifier(self.features(x * 2 - 1))


class Exported(nn.Module):
    """The network with its softmax, as the recognizer runs it."""

    def __init__(self, net):
        super().__init__()
        self.net = net

    def forward(self, x):
        return F.softmax(self.net(x), dim=1)


def gaussian_kernels(sigmas, size=7):
    r = torch.arange(size, dtype=torch.float32) - size // 2
    k = torch.exp(-(r[None, :] ** 2) / (2 * sigmas[:, None] ** 2))
    return k / k.sum(dim=1, keepdim=True)


def separable(x, kx, ky):
    """Per-sample separable convolution: x (B,1,H,W), kx (B,K) horizontal, ky (B,K) vertical."""
    b, _, h, w = x.shape
    size = kx.shape[1]
    pad = size // 2
    xs = F.pad(x.view(1, b, h, w), (pad, pad, 0, 0), mode="replicate")
    xs = F.conv2d(xs, kx.view(b, 1, 1, size), groups=b)
    xs = F.pad(xs, (0, 0, pad, pad), mode="replicate")
    xs = F.conv2d(xs, ky.view(b, 1, size, 1), groups=b)
    return xs.view(b, 1, h, w)


def augment(x, g):
    """x: (B,1,32,32) in [0,1], dark glyph on white. Returns augmented images, min-max normalised like the recognizer."""
    b = x.shape[0]

    def u(lo, hi, *shape):
        return torch.rand(*(shape or (b,)), generator=g) * (hi - lo) + lo

    def chance(p):
        return (torch.rand(b, generator=g) < p).float().view(b, 1, 1, 1)

    # Geometry: rotation, scale, aspect, shear and shift (segmentation varies; real plates are bent and tilted).
    angle = u(-6, 6) * math.pi / 180
    scale = u(0.86, 1.14)
    aspect = u(0.9, 1.1)
    shear = u(-0.18, 0.18)
    tx, ty = u(-0.12, 0.12), u(-0.12, 0.12)
    cos, sin = torch.cos(angle), torch.sin(angle)
    theta = torch.zeros(b, 2, 3)
    theta[:, 0, 0] = cos / (scale * aspect)
    theta[:, 0, 1] = (-sin + shear) / (scale * aspect)
    theta[:, 1, 0] = sin / (scale / aspect)
    theta[:, 1, 1] = cos / (scale / aspect)
    theta[:, 0, 2] = tx
    theta[:, 1, 2] = ty
    grid = F.affine_grid(theta, list(x.shape), align_corners=False)
    y = F.grid_sample(x, grid, mode="bilinear", padding_mode="border", align_corners=False)

    # Partial occlusion: a band from one side in a random grey (dirt, a pole, a frame's edge, a sticker).
    occ = chance(0.12)
    rows = torch.arange(SIDE).view(1, 1, SIDE, 1).float()
    cols = torch.arange(SIDE).view(1, 1, 1, SIDE).float()
    depth = u(3, 9).view(b, 1, 1, 1)
    side = torch.randint(0, 4, (b,), generator=g).view(b, 1, 1, 1)
    band = torch.where(side == 0, rows < depth, torch.where(side == 1, rows >= SIDE - depth, torch.where(side == 2, cols < depth, cols >= SIDE - depth))).float()
    level = u(0.0, 0.8).view(b, 1, 1, 1)
    y = y * (1 - occ * band) + occ * band * level

    # Low resolution (far plates): down to 9-20 px and back up.
    low = torch.rand(b, generator=g) < 0.3
    if low.any():
        idx = low.nonzero().flatten()
        size = int(torch.randint(9, 21, (1,), generator=g))
        small = F.interpolate(y[idx], size=(size, size), mode="area")
        y[idx] = F.interpolate(small, size=(SIDE, SIDE), mode="bilinear", align_corners=False)

    # Blur: Gaussian (focus) or motion (a horizontal or slanted streak).
    kind = torch.rand(b, generator=g)
    sig = u(0.4, 1.6)
    kg = gaussian_kernels(sig)
    ident = torch.zeros(b, 7)
    ident[:, 3] = 1
    length = torch.randint(2, 8, (b,), generator=g)
    r = (torch.arange(7) - 3).abs().view(1, 7)
    km = (r <= (length.view(b, 1) // 2)).float()
    km = km / km.sum(dim=1, keepdim=True)
    kx = torch.where((kind < 0.35).view(b, 1), kg, torch.where((kind < 0.5).view(b, 1), km, ident))
    ky = torch.where((kind < 0.35).view(b, 1), kg, ident)
    y = separable(y, kx, ky)

    # Contrast, brightness and gamma (dusk, glare, faded paint, infrared).
    lo, hi = u(0.0, 0.35).view(b, 1, 1, 1), u(0.65, 1.0).view(b, 1, 1, 1)
    y = lo + (hi - lo) * y
    gamma = torch.exp(u(-0.5, 0.5)).view(b, 1, 1, 1)
    y = y.clamp(1e-4, 1) ** gamma

    # Sensor noise and JPEG-like 8x8 blocking.
    y = y + torch.randn(y.shape, generator=g) * u(0, 0.045).view(b, 1, 1, 1)
    block = chance(0.2)
    blocky = F.interpolate(F.avg_pool2d(y, 4), scale_factor=4, mode="nearest")
    y = y * (1 - 0.35 * block) + 0.35 * block * blocky
    y = y + torch.randn(y.shape, generator=g) * 0.01

    # About one image in six is left as rendered.
    keep = chance(1 / 6)
    y = keep * x + (1 - keep) * y
    lo = y.amin(dim=(2, 3), keepdim=True)
    hi = y.amax(dim=(2, 3), keepdim=True)
    return ((y - lo) / (hi - lo).clamp(min=1e-3)).clamp(0, 1)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", required=True, help="folder with {region}-glyphs.u8 and .tsv")
    ap.add_argument("--region", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--epochs", type=int, default=8)
    ap.add_argument("--width", type=int, default=16)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--samples-per-epoch", type=int, default=80000, help="images drawn (with augmentation) per epoch; 0 = the balanced set once")
    ap.add_argument("--min-per-class", type=int, default=400, help="rare classes are repeated up to this many images (at most 8 copies each)")
    ap.add_argument("--lr", type=float, default=3e-3, help="peak of the one-cycle learning rate")
    ap.add_argument("--init", help="start from this .onnx (its {region}.cnn.labels.txt beside it) instead of random weights: fine-tuning, batch norms frozen")
    args = ap.parse_args()

    torch.manual_seed(args.seed)
    np.random.seed(args.seed)
    torch.set_num_threads(1)
    torch.use_deterministic_algorithms(True)
    g = torch.Generator().manual_seed(args.seed)

    images = np.fromfile(os.path.join(args.data, f"{args.region}-glyphs.u8"), dtype=np.uint8).reshape(-1, 1, SIDE, SIDE)
    rows = [line.split("\t") for line in open(os.path.join(args.data, f"{args.region}-glyphs.tsv"), encoding="utf-8").read().splitlines()]
    if len(rows) != len(images):
        sys.exit(f"{args.region}-glyphs.tsv has {len(rows)} lines but the .u8 file holds {len(images)} images")
    labels = sorted({r[0] for r in rows})
    index = {l: i for i, l in enumerate(labels)}
    y_all = np.array([index[r[0]] for r in rows], dtype=np.int64)
    scene = np.array([int(r[1]) for r in rows])
    held = scene % 10 == 9
    train_idx = np.nonzero(~held)[0]
    held_idx = np.nonzero(held)[0]

    # Class balance: rare classes (region names, rare Hangul) repeated, so the network does not learn to ignore them.
    counts = collections.Counter(y_all[train_idx].tolist())
    extra = []
    for k in range(len(labels)):
        members = train_idx[y_all[train_idx] == k]
        if len(members) == 0:
            continue
        want = min(args.min_per_class, len(members) * 8) - len(members)
        if want > 0:
            extra.append(np.resize(members, want))
    epoch_idx = np.concatenate([train_idx] + extra)

    x_all = torch.from_numpy(images).float() / 255
    y_t = torch.from_numpy(y_all)
    net = GlyphNet(len(labels), args.width)
    if args.init:
        from onnx_init import load_fused  # beside this script; only fine-tuning needs the onnx package's loader
        old = open(os.path.join(os.path.dirname(args.init), f"{args.region}.cnn.labels.txt"), encoding="utf-8").read().splitlines()
        missing = load_fused(net, args.init, old, labels)
        print(f"{args.region}: started from {args.init} ({len(old)} labels; {missing} of this export's {len(labels)} not in it)", flush=True)
    params = sum(p.numel() for p in net.parameters())
    print(f"{args.region}: {len(images)} images, {len(labels)} labels, {len(train_idx)} training ({len(epoch_idx)} balanced), "
          f"{len(held_idx)} held out (scenes ending in 9); {params} parameters; {args.epochs} epochs", flush=True)
    batch = 256
    per_epoch = len(epoch_idx) if args.samples_per_epoch <= 0 else min(args.samples_per_epoch, len(epoch_idx))
    steps = args.epochs * math.ceil(per_epoch / batch)
    opt = torch.optim.AdamW(net.parameters(), lr=args.lr, weight_decay=5e-4)
    sched = torch.optim.lr_scheduler.OneCycleLR(opt, max_lr=args.lr, total_steps=steps, pct_start=0.15)
    loss_fn = nn.CrossEntropyLoss(label_smoothing=0.05)

    def evaluate():
        net.eval()
        right = 0
        wrong = collections.Counter()
        with torch.no_grad():
            for s in range(0, len(held_idx), 1024):
                idx = torch.from_numpy(held_idx[s:s + 1024])
                pred = net(x_all[idx]).argmax(dim=1)
                right += int((pred == y_t[idx]).sum())
                for t, p in zip(y_t[idx][pred != y_t[idx]].tolist(), pred[pred != y_t[idx]].tolist()):
                    wrong[(labels[t], labels[p])] += 1
        train_mode()
        return right, wrong

    def train_mode():
        net.train()
        if args.init:
            from onnx_init import freeze_batch_norm
            freeze_batch_norm(net)

    train_mode()
    if args.init:
        right, _ = evaluate()
        print(f"  before fine-tuning: held-out {right}/{len(held_idx)} = {right / max(1, len(held_idx)):.4f}", flush=True)
    start = time.time()
    for epoch in range(args.epochs):
        order = torch.from_numpy(epoch_idx)[torch.randperm(len(epoch_idx), generator=g)]
        if 0 < args.samples_per_epoch < len(order):
            order = order[:args.samples_per_epoch]
        total = 0.0
        for s in range(0, len(order), batch):
            idx = order[s:s + batch]
            xb = augment(x_all[idx], g)
            loss = loss_fn(net(xb), y_t[idx])
            opt.zero_grad()
            loss.backward()
            opt.step()
            sched.step()
            total += float(loss) * len(idx)
        right, _ = evaluate()
        print(f"  epoch {epoch + 1}: loss {total / len(order):.4f}, held-out {right}/{len(held_idx)} = {right / max(1, len(held_idx)):.4f} ({time.time() - start:.0f} s)", flush=True)

    right, wrong = evaluate()
    print(f"{args.region}: held-out glyph accuracy {right}/{len(held_idx)} = {right / max(1, len(held_idx)):.4f}; most confused (truth→read): "
          + ", ".join(f"{t}→{p} {n}" for (t, p), n in wrong.most_common(12)))
    net.eval()
    onnx_path = os.path.join(args.out, f"{args.region}.onnx")
    torch.onnx.export(Exported(net), torch.zeros(1, 1, SIDE, SIDE), onnx_path, opset_version=11,
                      input_names=["glyphs"], output_names=["probabilities"],
                      dynamic_axes={"glyphs": {0: "n"}, "probabilities": {0: "n"}}, do_constant_folding=True)
    with open(os.path.join(args.out, f"{args.region}.cnn.labels.txt"), "w", encoding="utf-8") as f:
        f.write("\n".join(labels) + "\n")
    print(f"{args.region}: wrote {onnx_path} ({os.path.getsize(onnx_path)} bytes)")


if __name__ == "__main__":
    main()
