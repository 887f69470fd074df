"""What the two window classifiers (class.onnx by train_class.py, name.onnx by train_name.py) share: the window they
cut out of the line network's input image, the line network's tokens that place it, the small network, its
augmentation and its training loop. Each script keeps only what differs: which lines it learns from, where on the
line its window lies, its labels and how it reports against the line network.

Deterministic as each script was on its own (the same seeds, drawn in the same order), so the artefacts they made
before this module existed come out byte-identical.
"""
import argparse
import math
import os
import time

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

from onnx_init import load_fused
from train_cnn import Exported  # the classifier with its softmax, as the glyph CNN is exported
from train_crnn import HEIGHT, LineNet, load, onnx_widths

PITCH_PX = 16       # window columns per character pitch (ClassWindowModel.Window)


def arguments(description, crnn_help, epochs):
    """The command line both trainers take: their exports, the line network that places the windows, the output
    folder and the training's settings."""
    ap = argparse.ArgumentParser(description=description)
    ap.add_argument("--data", action="append", required=True, help="folder with kr-lines.u8 / .tsv (repeat)")
    ap.add_argument("--moving-data", action="append", default=[], help="a folder of moving cars' lines (`export-lines --motion-blur`): trained alike, held out apart")
    ap.add_argument("--crnn", required=True, help=crnn_help + " (crnn.labels.txt beside it)")
    ap.add_argument("--out", required=True)
    ap.add_argument("--epochs", type=int, default=epochs)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--batch", type=int, default=64)
    ap.add_argument("--lr", type=float, default=3e-3)
    return ap


def load_lines(args, keep):
    """The kr lines of --data and --moving-data that `keep(row)` takes: (images, rows, moving), moving True for the
    moving cars' lines."""
    images, rows, moving = [], [], []
    for folder, mv in [(f, False) for f in args.data] + [(f, True) for f in args.moving_data]:
        im, rw = load(folder, ["kr"])
        kept = [k for k, r in enumerate(rw) if keep(r)]
        images += [im[k] for k in kept]
        rows += [rw[k] for k in kept]
        moving += [mv] * len(kept)
    return images, rows, moving


def split(placed, rows, largest_pitch):
    """The lines placed with a pitch of 4..largest_pitch px: (training, held out), held out the scenes whose index ends
    in 9."""
    usable = [i for i, p in enumerate(placed) if p is not None and 4 <= p[1] <= largest_pitch]
    return [i for i in usable if rows[i][1] % 10 != 9], [i for i in usable if rows[i][1] % 10 == 9]


def seeded(seed):
    """One deterministic thread, every generator seeded; returns the augmentation's generator."""
    torch.manual_seed(seed)
    np.random.seed(seed)
    torch.set_num_threads(1)
    torch.use_deterministic_algorithms(True)
    return torch.Generator().manual_seed(seed)


def window(image, centre, pitch, columns):
    """`columns` columns sampled at pitch / PITCH_PX spacing centred at `centre` (px of the line image), each
    interpolated linearly between its two nearest columns, the line's edge columns repeated beyond it
    (LineRecognition/ClassWindowModel.Window: the same function at run time)."""
    step = pitch / PITCH_PX
    x = centre - columns / 2 * step + (np.arange(columns) + 0.5) * step - 0.5
    x = np.clip(x, 0, image.shape[1] - 1)
    x0 = np.floor(x).astype(np.int64)
    x1 = np.minimum(x0 + 1, image.shape[1] - 1)
    f = (x - x0).astype(np.float32)
    img = image.astype(np.float32)
    return img[:, x0] * (1 - f) + img[:, x1] * f


class LineNetworkTokens:
    """The committed line network's greedy reading of exported lines, as CrnnLineReader decodes it at run time: Latin
    capitals masked out (kr), repeats merged, blanks dropped; each token with its first and last column."""

    def __init__(self, crnn_path):
        self.labels = open(os.path.join(os.path.dirname(crnn_path), "crnn.labels.txt"), encoding="utf-8").read().splitlines()
        self.net = LineNet(len(self.labels), onnx_widths(crnn_path))
        load_fused(self.net, crnn_path, self.labels, self.labels)
        self.net.eval()
        self.allowed = torch.tensor([i == 0 or not (len(t) == 1 and "A" <= t <= "Z") for i, t in enumerate(self.labels)])

    def read(self, images):
        """Yields (line index, its per-column probabilities (masked tokens -1), its tokens [token, first, last],
        their centres in px of the line image), batched by width."""
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
                probs = self.net(x).softmax(dim=2)
                probs[:, :, ~self.allowed] = -1
                for k, i in enumerate(idx):
                    p = probs[k, :images[i].shape[1] // 4]
                    toks, prev = [], 0
                    for c, t in enumerate(p.argmax(dim=1).tolist()):
                        if t != 0:
                            if t == prev:
                                toks[-1][2] = c
                            else:
                                toks.append([t, c, c])
                        prev = t
                    yield i, p, toks, [(a + b + 1) / 2 * 4 for _, a, b in toks]


class WindowNet(nn.Module):
    """Four 3x3 convolution blocks (three pooled) over a 32-row window, then a small dense head."""

    def __init__(self, classes, columns):
        super().__init__()

        def block(i, o):
            return nn.Sequential(nn.Conv2d(i, o, 3, padding=1, bias=False), nn.BatchNorm2d(o), nn.ReLU(inplace=True))

        self.features = nn.Sequential(
            block(1, 16), nn.MaxPool2d(2),       # 16 x columns/2
            block(16, 32), nn.MaxPool2d(2),      # 8 x columns/4
            block(32, 64), nn.MaxPool2d(2),      # 4 x columns/8
            block(64, 64),
        )
        self.head = nn.Sequential(nn.Flatten(), nn.Dropout(0.3), nn.Linear(64 * 4 * (columns // 8), 128), nn.ReLU(inplace=True),
                                  nn.Dropout(0.3), nn.Linear(128, classes))

    def forward(self, x):
        return self.head(self.features(x * 2 - 1))


def augment(x, g):
    """x: B x 1 x 32 x W in 0..1: a moving car's horizontal box blur, Gaussian blur, a vertical shift, contrast,
    gamma and noise, then the percentile stretch the line had."""
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


def train(images, placed, train_lines, held, y_all, labels, columns, wide, args, g, report, onnx_name, labels_name, harder=None):
    """Trains a WindowNet on windows of `columns` columns at each line's place (centre, pitch) = placed[i][:2]: each
    training window jittered (centre +-0.2 pitch, pitch x0.85-1.15), cut `wide` columns wide, made harder by
    `harder(batch)` where given (its own seeded draws, so a trainer without it trains as before), augmented, its middle
    `columns` taken. After every epoch, prints `report(held-out probabilities)` and exports the network with its softmax
    (input "windows" N x 1 x 32 x columns, pixel / 255; output "probabilities") and its labels to args.out. Returns the
    last held-out probabilities."""
    xh = torch.from_numpy(np.stack([window(images[i], placed[i][0], placed[i][1], columns) for i in held]))[:, None] / 255
    net = WindowNet(len(labels), columns)
    print(f"{sum(p.numel() for p in net.parameters())} parameters", flush=True)
    per_epoch = math.ceil(len(train_lines) / args.batch)
    opt = torch.optim.AdamW(net.parameters(), lr=args.lr, weight_decay=1e-4)
    sched = torch.optim.lr_scheduler.OneCycleLR(opt, max_lr=args.lr, total_steps=args.epochs * per_epoch + 1, pct_start=0.15)
    rng = np.random.default_rng(args.seed)

    def evaluate():
        net.eval()
        with torch.no_grad():
            p = torch.cat([F.softmax(net(xh[s:s + 256]), dim=1) for s in range(0, len(held), 256)])
        net.train()
        return p

    p = None
    for epoch in range(args.epochs):
        t0 = time.time()
        order = rng.permutation(len(train_lines))
        total = 0.0
        for s in range(0, len(order), args.batch):
            idx = [train_lines[j] for j in order[s:s + args.batch]]
            jit = rng.uniform(-0.2, 0.2, len(idx))
            scale = rng.uniform(0.85, 1.15, len(idx))
            xb = np.stack([window(images[i], placed[i][0] + jit[k] * placed[i][1], placed[i][1] * scale[k], wide) for k, i in enumerate(idx)])
            xb = torch.from_numpy(xb)[:, None] / 255
            if harder is not None:
                xb = harder(xb)
            xb = augment(xb, g)
            off = (wide - columns) // 2
            xb = xb[:, :, :, off:off + columns]
            loss = F.cross_entropy(net(xb), y_all[idx], label_smoothing=0.05)
            opt.zero_grad()
            loss.backward()
            opt.step()
            sched.step()
            total += float(loss) * len(idx)
        p = evaluate()
        print(f"epoch {epoch + 1}: loss {total / len(train_lines):.3f}, {time.time() - t0:.0f} s; held out: {report(p)}", flush=True)
        net.eval()
        torch.onnx.export(Exported(net), torch.zeros(1, 1, HEIGHT, columns), os.path.join(args.out, onnx_name), opset_version=11,
                          input_names=["windows"], output_names=["probabilities"], dynamic_axes={"windows": {0: "n"}, "probabilities": {0: "n"}},
                          do_constant_folding=True)
        net.train()
        with open(os.path.join(args.out, labels_name), "w", encoding="utf-8") as f:
            f.write("\n".join(labels) + "\n")
    return p
