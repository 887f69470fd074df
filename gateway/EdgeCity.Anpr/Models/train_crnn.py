#!/usr/bin/python3
"""Trains the line recognizer (a small CRNN with CTC) on the lines `anpr export-lines` writes and exports it to ONNX.

Input: {region}-lines.u8 and {region}-lines.tsv of every --region (one network reads kr and eu; each recognizer
masks the other region's tokens): per line a 32-row image of width W (the recognizer's own CrnnLineImage of a
rectified row lying on a simulated plate), its scene index, its kind (main, upper, none) and its tokens.
Output: crnn.onnx (input "lines" N x 1 x 32 x W, pixel / 255; output "probabilities" N x W/4 x tokens, softmax per
column, token 0 the CTC blank) and crnn.labels.txt (one token per output, in order).

The network: four 3x3 convolution layers (8-32-48-64 channels, batch norm, ReLU, pooling to 1/4 of the width and
to 4 rows), a (4,1) convolution that folds the rows into one 96-value feature per column, two 1-D convolutions
along the columns (the second dilated) and a per-column linear layer to the tokens. --widths sets the seven hidden
layers' channels; with --init of a narrower network, that network is widened without changing what it computes (`widen`)
and then trained. --epochs 0 with --init only prints the held-out figures of --init on the given lines.

The renders are cleaner than photographs, so each line is augmented on the fly: small rotation, scale, shear and
shifts of the whole line; low resolution; Gaussian or horizontal motion blur (a box, long enough to glue characters;
with --deblur-share some of those then sharpened by MotionDeblur's Wiener filter, as a real camera's box-shaped blur
reaches the network); contrast, brightness and gamma; an occluding band; sensor noise and JPEG-like blocking; then the
same percentile stretch as at run time. --data may be repeated (`export-lines --motion-blur` adds moving cars' lines). Scenes whose index ends in 9 are held out; their lines (clean) give the logged accuracy,
per kind of line (moving cars' lines, given by --blurred-data, apart; eu lines with a doubled character apart) and for
the main lines' class Hangul alone.

Fine-tuning that must not change how sharp plates read (every fine-tune since wip/annet2 dropped a sharp EU plate's
doubled or glued letter, 51WWB2 -> 51WB2): --keep-sharp / --keep-still add the divergence of the network's per-column
distributions from --init's on the lines the augmentation leaves unblurred / gives no motion blur (knowledge
distillation from the starting network), --eu-doubled-unmoved never motion-blurs an eu line with a doubled character,
--eu-doubled-repeat and --blurred-repeat repeat those lines and the moving cars'.

Deterministic: seeded, one thread (--threads), deterministic algorithms. The model is written after every epoch.
Debian 12: apt-get install python3-torch python3-numpy python3-onnx (the `edgecity` script does, for training).
"""
import argparse
import collections
import copy
import math
import os
import sys
import time

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

from onnx_init import freeze_batch_norm, load_fused  # fine-tuning from a committed artefact, beside this script
from train_cnn import gaussian_kernels, separable  # the glyph trainer's blur kernels, beside this script

HEIGHT = 32
BLANK = "<blank>"


WIDTHS = (8, 32, 48, 64, 96, 128, 128)  # the channels of the committed network's seven hidden layers


class LineNet(nn.Module):
    def __init__(self, tokens, widths=WIDTHS):
        super().__init__()
        c1, c2, c3, c4, c5, c6, c7 = widths

        def block(i, o, kernel=3, padding=1, dilation=1):
            return nn.Sequential(nn.Conv2d(i, o, kernel, padding=padding, dilation=dilation, bias=False), nn.BatchNorm2d(o), nn.ReLU(inplace=True))

        # Few channels where the image is large (the cost of a training run on one shared core is what limits it).
        self.features = nn.Sequential(
            block(1, c1), nn.MaxPool2d(2),                    # 16 x W/2
            block(c1, c2), nn.MaxPool2d(2),                   # 8 x W/4
            block(c2, c3), nn.MaxPool2d((2, 1)),              # 4 x W/4
            block(c3, c4),
            block(c4, c5, (4, 1), 0),                         # 1 x W/4: the rows folded into one column feature
        )
        # The sequence head: 1-D convolutions along the columns (one plain, one dilated: each column's decision sees
        # ~3 characters either side), then a per-column linear layer to the tokens. Convolutions rather than an LSTM:
        # Debian's PyTorch runs them through oneDNN (its matrix products go through the reference BLAS, ~20x slower
        # here), and ONNX Runtime runs them in one pass.
        self.head = nn.Sequential(
            block(c5, c6, (1, 3), (0, 1)),
            block(c6, c7, (1, 3), (0, 2), (1, 2)),
            nn.Dropout(0.2),
            nn.Conv2d(c7, tokens, 1),
        )

    def forward(self, x):
        return self.head(self.features(x * 2 - 1)).squeeze(2).permute(0, 2, 1)  # N x W/4 x tokens (logits)


def widen(small, big):
    """Copies `small` into `big`, a LineNet with at least as many channels in every layer, so that `big` computes exactly
    what `small` does: each layer's old channels keep their weights and see only the old channels below (the new
    inputs' weights into them are zero), the new channels start at random and see everything; the output layer's new
    inputs start at zero. Training then uses the new channels where they lower the loss (net2net-style widening: the
    committed network's reading is the starting point, not lost)."""
    pairs = [(s, b) for s, b in zip(small.modules(), big.modules()) if isinstance(s, (nn.Conv2d, nn.BatchNorm2d))]
    with torch.no_grad():
        for s, b in pairs:
            if isinstance(s, nn.Conv2d):
                o, i = s.weight.shape[:2]
                b.weight[:o].zero_()
                b.weight[:o, :i] = s.weight
                if s.bias is not None:
                    b.bias[:o] = s.bias
            else:
                n = s.num_features
                for name in ("weight", "bias", "running_mean", "running_var"):
                    getattr(b, name)[:n] = getattr(s, name)


def onnx_widths(path):
    """The hidden layers' channels of an exported LineNet (its first seven convolutions' output counts)."""
    import onnx
    from onnx import numpy_helper
    model = onnx.load(path)
    weights = {i.name: numpy_helper.to_array(i) for i in model.graph.initializer}
    return tuple(int(weights[n.input[1]].shape[0]) for n in model.graph.node if n.op_type == "Conv")[:7]


class Exported(nn.Module):
    """The network with its softmax, as the recognizer runs it."""

    def __init__(self, net):
        super().__init__()
        self.net = net

    def forward(self, x):
        return F.softmax(self.net(x), dim=2)


def load(folder, regions):
    images, rows = [], []
    for region in regions:
        raw = np.fromfile(os.path.join(folder, f"{region}-lines.u8"), dtype=np.uint8)
        lines = open(os.path.join(folder, f"{region}-lines.tsv"), encoding="utf-8").read().splitlines()
        offset = 0
        for n, line in enumerate(lines, 1):
            parts = line.split("\t")
            if len(parts) != 4:
                sys.exit(f"{region}-lines.tsv:{n}: expected width, scene, kind, tokens separated by tabs; got {line!r}")
            w = int(parts[0])
            images.append(raw[offset:offset + HEIGHT * w].reshape(HEIGHT, w))
            offset += HEIGHT * w
            rows.append((region, int(parts[1]), parts[2], parts[3].split()))
        if offset != len(raw):
            sys.exit(f"{region}-lines.u8 holds {len(raw)} bytes but its .tsv describes {offset}")
    return images, rows


def stretch(y):
    """Full contrast between the 1st and 99th percentile, as CrnnLineImage does."""
    flat = y.flatten(1)
    lo = torch.quantile(flat, 0.01, dim=1).view(-1, 1, 1, 1)
    hi = torch.quantile(flat, 0.99, dim=1).view(-1, 1, 1, 1)
    return ((y - lo) / (hi - lo).clamp(min=1e-3)).clamp(0, 1)


def wiener_kernels(sigma, k, size):
    """Per-sample 1 x size kernels of the Wiener filter of a Gaussian of sigma (B,) with noise-to-signal k (B,): what
    the recognizer's MotionDeblur convolves a motion-blurred line's rows with (H / (H^2 + K), H(f) = exp(-2 pi^2 sigma^2 f^2),
    its inverse Fourier transform normalised to keep flat grey levels)."""
    n = 512
    f = torch.arange(n, dtype=torch.float32)
    freq = torch.minimum(f, n - f) / n
    h = torch.exp(-2 * math.pi ** 2 * sigma.view(-1, 1) ** 2 * freq.view(1, -1) ** 2)
    gain = h / (h * h + k.view(-1, 1))
    taps = torch.arange(size, dtype=torch.float32) - size // 2
    kern = gain @ torch.cos(2 * math.pi * f.view(-1, 1) * taps.view(1, -1) / n) / n
    return kern / kern.sum(dim=1, keepdim=True)


def augment(x, widths, g, motion_share=0.25, deblur_share=0.0, no_motion=None):
    """x: (B,1,32,W) in [0,1], padded at the right by replication; widths: true widths. Returns the augmented images,
    which of them were left unblurred (neither Gaussian nor motion blur, or kept as rendered) and which were given no
    motion blur.
    motion_share: the lines given horizontal motion blur (the same random draws whatever it is; 0.25 as before it was an option).
    deblur_share: of those, the lines then sharpened as the recognizer's MotionDeblur would (no draws at all when 0).
    no_motion: (B,) bool, lines never given motion blur (those drawn for it stay unblurred; the same random draws)."""
    b, _, h, w = x.shape

    def u(lo, hi):
        return torch.rand(b, generator=g) * (hi - lo) + lo

    def chance(p):
        return (torch.rand(b, generator=g) < p).float().view(b, 1, 1, 1)

    # Geometry of the whole line: rotation, scale, aspect, shear (residual perspective, italics) and shifts.
    angle = u(-3, 3) * math.pi / 180
    scale = u(0.85, 1.12)
    aspect = u(0.88, 1.12)
    shear = u(-0.25, 0.25)
    tx, ty = u(-4, 4) * 2 / w, u(-3, 3) * 2 / h
    cos, sin = torch.cos(angle), torch.sin(angle)
    ratio = h / w
    theta = torch.zeros(b, 2, 3)
    theta[:, 0, 0] = cos / (scale * aspect)
    theta[:, 0, 1] = (-sin + shear) * ratio / (scale * aspect)
    theta[:, 1, 0] = sin / ratio / (scale / aspect)
    theta[:, 1, 1] = cos / (scale / aspect)
    theta[:, 0, 2] = tx
    theta[:, 1, 2] = ty
    grid = F.affine_grid(theta, list(x.shape), align_corners=False)
    y = F.grid_sample(x, grid, mode="bilinear", padding_mode="border", align_corners=False)

    # An occluding band (dirt, a pole, a frame's edge, a sticker): across the top or bottom rows, or a column stripe.
    occ = chance(0.12)
    rows = torch.arange(h).view(1, 1, h, 1).float()
    cols = torch.arange(w).view(1, 1, 1, w).float()
    depth = u(2, 7).view(b, 1, 1, 1)
    at = (u(0, 1) * widths.float()).view(b, 1, 1, 1)
    side = torch.randint(0, 3, (b,), generator=g).view(b, 1, 1, 1)
    band = torch.where(side == 0, rows < depth, torch.where(side == 1, rows >= h - depth, (cols - at).abs() < depth / 2)).float()
    level = u(0.0, 0.8).view(b, 1, 1, 1)
    y = y * (1 - occ * band) + occ * band * level

    # Low resolution (far plates): the whole line down to 10-22 rows and back up.
    low = torch.rand(b, generator=g) < 0.3
    if low.any():
        idx = low.nonzero().flatten()
        rows_small = int(torch.randint(10, 23, (1,), generator=g))
        small = F.interpolate(y[idx], size=(rows_small, max(4, round(w * rows_small / h))), mode="area")
        y[idx] = F.interpolate(small, size=(h, w), mode="bilinear", align_corners=False)

    # Blur: Gaussian (focus) or horizontal motion long enough to glue neighbouring characters (a passing car).
    size = 13
    kind = torch.rand(b, generator=g)
    kg = gaussian_kernels(u(0.4, 1.8), size)
    ident = torch.zeros(b, size)
    ident[:, size // 2] = 1
    length = torch.randint(3, size + 1, (b,), generator=g)
    r = (torch.arange(size) - size // 2).abs().view(1, size)
    km = (r <= (length.view(b, 1) // 2)).float()
    km = km / km.sum(dim=1, keepdim=True)
    moved = (kind >= 0.3) & (kind < 0.3 + motion_share)
    if no_motion is not None:
        moved &= ~no_motion
    kx = torch.where((kind < 0.3).view(b, 1), kg, torch.where(moved.view(b, 1), km, ident))
    ky = torch.where((kind < 0.3).view(b, 1), kg, ident)
    y = separable(y, kx, ky)

    # Contrast, brightness and gamma (dusk, glare, faded paint, infrared).
    lo, hi = u(0.0, 0.35).view(b, 1, 1, 1), u(0.65, 1.0).view(b, 1, 1, 1)
    y = lo + (hi - lo) * y
    gamma = torch.exp(u(-0.5, 0.5)).view(b, 1, 1, 1)
    y = y.clamp(1e-4, 1) ** gamma

    # Sensor noise and JPEG-like blocking.
    y = y + torch.randn(y.shape, generator=g) * u(0, 0.045).view(b, 1, 1, 1)
    block = chance(0.2)
    bw = w - w % 4
    blocky = y.clone()
    blocky[..., :bw] = F.interpolate(F.avg_pool2d(y[..., :bw], 4), scale_factor=4, mode="nearest")
    y = y * (1 - 0.35 * block) + 0.35 * block * blocky
    y = y + torch.randn(y.shape, generator=g) * 0.01

    # A real camera's motion blur is closer to a box (the shutter open while the car moves) than to the simulator's
    # Gaussian, and at run time the recognizer's MotionDeblur undoes it as a Gaussian of the same spread (sigma =
    # length / sqrt(12)) with a Wiener filter: the network reads what that leaves — a box's edges sharpened, with the
    # ringing of a filter made for another blur and the noise it raises (noise-to-signal 0.02-0.2, as MotionDeblur's).
    if deblur_share > 0:
        sharpen = moved & (torch.rand(b, generator=g) < deblur_share) & (length >= 4)
        k = 0.02 * torch.exp(torch.rand(b, generator=g) * math.log(10))
        if sharpen.any():
            idx = sharpen.nonzero().flatten()
            kw = wiener_kernels((2 * (length[idx] // 2) + 1).float() / math.sqrt(12), k[idx], 41)
            one = torch.zeros(len(idx), 41)
            one[:, 20] = 1
            y[idx] = separable(y[idx], kw, one).clamp(0, 1)

    # About one line in six is left as rendered.
    keep = chance(1 / 6)
    y = keep * x + (1 - keep) * y
    unblurred = ((kind >= 0.3) & ~moved) | (keep.view(b) > 0)
    return stretch(y), unblurred, ~moved | (keep.view(b) > 0)


def batch_of(images, idx, pad_to=None):
    widths = torch.tensor([images[i].shape[1] for i in idx])
    w = int(widths.max()) if pad_to is None else pad_to
    w = (w + 3) // 4 * 4
    x = torch.empty(len(idx), 1, HEIGHT, w)
    for k, i in enumerate(idx):
        im = torch.from_numpy(images[i]).float() / 255
        x[k, 0, :, :im.shape[1]] = im
        x[k, 0, :, im.shape[1]:] = im[:, -1:]
    return x, widths


def greedy(probs, length):
    best = probs[:length].argmax(dim=1).tolist()
    out, prev = [], 0
    for t in best:
        if t != prev and t != 0:
            out.append(t)
        prev = t
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", action="append", required=True, help="folder with {region}-lines.u8 and .tsv (repeat: the lines of every folder)")
    ap.add_argument("--blurred-data", action="append", default=[], help="a folder of moving cars' lines (`export-lines --motion-blur`): trained as --data, "
                    "but repeated --blurred-repeat times and never held to --init's reading (--keep-sharp)")
    ap.add_argument("--blurred-repeat", type=int, default=1, help="copies per epoch of each --blurred-data line with text")
    ap.add_argument("--eu-doubled-repeat", type=int, default=1, help="copies per epoch of each eu line whose text has a character twice side by side (51WWB2)")
    ap.add_argument("--eu-doubled-unmoved", action="store_true", help="eu lines with a doubled character never get horizontal motion blur in augmentation: "
                    "a box blur glues the pair into one blob, and CTC then learns to write it once on sharp plates too")
    ap.add_argument("--keep-sharp", type=float, default=0.0, help="with --init: weight of a second loss on the lines the augmentation leaves unblurred "
                    "(not --blurred-data): the divergence of the network's per-column distributions from --init's, so what is learnt on blurred "
                    "lines does not change how sharp ones read")
    ap.add_argument("--keep-still", type=float, default=0.0, help="with --init: the same second loss on every line given no motion blur (Gaussian "
                    "blur included; not --blurred-data): only what motion blur needs is learnt anew")
    ap.add_argument("--region", action="append", required=True, help="region(s) whose lines to train on (repeat: --region kr --region eu)")
    ap.add_argument("--out", required=True)
    ap.add_argument("--epochs", type=int, default=12)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--batch", type=int, default=48)
    ap.add_argument("--samples-per-epoch", type=int, default=0, help="lines drawn (with augmentation) per epoch; 0 = every training line once")
    ap.add_argument("--negatives", type=float, default=0.5, help="lines without text drawn per epoch, as a fraction of the lines with text")
    ap.add_argument("--lr", type=float, default=2e-3, help="peak of the one-cycle learning rate")
    ap.add_argument("--upper-repeat", type=int, default=1, help="copies of each two-line plate's upper strip per epoch (~6 %% of the lines; its region names are rare)")
    ap.add_argument("--stacked-repeat", type=int, default=1, help="copies per epoch of each main line with a stacked region name (the commonest confusions)")
    ap.add_argument("--motion-share", type=float, default=0.25, help="lines given horizontal motion blur in augmentation (0.3 get Gaussian blur; at most 0.7)")
    ap.add_argument("--deblur-share", type=float, default=0.0, help="of the motion-blurred lines, those then sharpened by MotionDeblur's Wiener filter (a box blur undone as a Gaussian)")
    ap.add_argument("--init", help="start from this .onnx (its crnn.labels.txt beside it) instead of random weights: fine-tuning, batch norms frozen")
    ap.add_argument("--widths", help=f"the seven hidden layers' channels (default {','.join(map(str, WIDTHS))}, or --init's); wider than --init's: its network widened (function-preserving), then trained")
    ap.add_argument("--init-labels", help="the labels of --init (default: crnn.labels.txt beside it)")
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)  # written after every epoch: a missing folder would lose the epoch

    torch.manual_seed(args.seed)
    np.random.seed(args.seed)
    torch.set_num_threads(args.threads)
    torch.use_deterministic_algorithms(True)
    g = torch.Generator().manual_seed(args.seed)

    images, rows, blurred = [], [], []
    for folder, moving in [(f, False) for f in args.data] + [(f, True) for f in args.blurred_data]:
        more_images, more_rows = load(folder, args.region)
        images += more_images
        rows += more_rows
        blurred += [moving] * len(more_rows)
    blurred = np.array(blurred)
    tokens = [BLANK] + sorted({t for r in rows for t in r[3]})
    index = {t: i for i, t in enumerate(tokens)}
    targets = [[index[t] for t in r[3]] for r in rows]
    held = np.array([r[1] % 10 == 9 for r in rows])
    text = np.array([len(r[3]) > 0 for r in rows])
    upper = np.array([r[2] == "upper" for r in rows])
    stacked = np.array([any(t.startswith("S:") for t in r[3]) for r in rows])
    eu_doubled = np.array([r[0] == "eu" and any(a == b for a, b in zip(r[3], r[3][1:])) for r in rows])
    train_pos = np.nonzero(~held & text)[0]
    # Rare kinds repeated: upper strips (17 side-by-side region names in ~6 % of the lines) and stacked region names.
    train_pos = np.concatenate([train_pos]
                               + [np.nonzero(~held & upper)[0]] * (args.upper_repeat - 1)
                               + [np.nonzero(~held & stacked & ~upper)[0]] * (args.stacked_repeat - 1)
                               + [np.nonzero(~held & text & blurred)[0]] * (args.blurred_repeat - 1)
                               + [np.nonzero(~held & eu_doubled)[0]] * (args.eu_doubled_repeat - 1))
    train_neg = np.nonzero(~held & ~text)[0]
    held_idx = np.nonzero(held)[0]
    widths = tuple(int(c) for c in args.widths.split(",")) if args.widths else onnx_widths(args.init) if args.init else WIDTHS
    if len(widths) != 7:
        sys.exit(f"--widths {args.widths}: expected the seven hidden layers' channels, e.g. {','.join(map(str, WIDTHS))}")
    net = LineNet(len(tokens), widths)
    if args.init:
        labels_path = args.init_labels or os.path.join(os.path.dirname(args.init), "crnn.labels.txt")
        old = open(labels_path, encoding="utf-8").read().splitlines()
        init_widths = onnx_widths(args.init)
        if any(i > w for i, w in zip(init_widths, widths)):
            sys.exit(f"--init {args.init} has channels {init_widths}, more than --widths {widths} in some layer")
        small = LineNet(len(tokens), init_widths) if init_widths != widths else net
        missing = load_fused(small, args.init, old, tokens)
        if small is not net:
            widen(small, net)
        print(f"started from {args.init} ({len(old)} tokens; {missing} of this export's {len(tokens)} not in it; channels {init_widths} -> {widths})", flush=True)
    if (args.keep_sharp > 0 or args.keep_still > 0) and not args.init:
        sys.exit("--keep-sharp and --keep-still hold lines to --init's reading: give --init")
    teacher = copy.deepcopy(net).eval() if args.keep_sharp > 0 or args.keep_still > 0 else None  # --init's network, before any step
    params = sum(p.numel() for p in net.parameters())
    kinds = collections.Counter(r[2] for r in rows)
    print(f"{'+'.join(args.region)}: {len(images)} lines ({dict(kinds)}), {len(tokens) - 1} tokens, {len(train_pos)} training with text + "
          f"{len(train_neg)} without, {len(held_idx)} held out (scenes ending in 9); {params} parameters; {args.epochs} epochs", flush=True)

    per_epoch_pos = len(train_pos) if args.samples_per_epoch <= 0 else args.samples_per_epoch
    per_epoch_neg = min(len(train_neg), int(per_epoch_pos * args.negatives))
    per_epoch = per_epoch_pos + per_epoch_neg
    steps = args.epochs * math.ceil(per_epoch / args.batch)
    opt = torch.optim.AdamW(net.parameters(), lr=args.lr, weight_decay=1e-4)
    sched = torch.optim.lr_scheduler.OneCycleLR(opt, max_lr=args.lr, total_steps=max(1, steps + args.epochs), pct_start=0.1)
    ctc = nn.CTCLoss(blank=0, zero_infinity=True)

    def train_mode():
        net.train()
        if args.init:
            freeze_batch_norm(net)

    def class_hangul(seq):
        """The class syllables of a reading (single Hangul tokens; region names are R:/S: tokens)."""
        return [t for t in seq if len(t) == 1 and "\uac00" <= t <= "\ud7a3"]

    def evaluate():
        net.eval()
        right = collections.Counter()
        total = collections.Counter()
        wrong = collections.Counter()
        order = sorted(held_idx.tolist(), key=lambda i: images[i].shape[1])
        right_hangul.clear()
        total_hangul.clear()
        with torch.no_grad():
            for s in range(0, len(order), 128):
                idx = order[s:s + 128]
                x, widths = batch_of(images, idx)
                probs = net(x).softmax(dim=2)
                for k, i in enumerate(idx):
                    got = greedy(probs[k], int(widths[k]) // 4)
                    kind = rows[i][2] if rows[i][2] != "main" else f"{rows[i][0]} main" + (" stacked" if stacked[i] else "") + (" doubled" if eu_doubled[i] else "")
                    kind = ("moving " if blurred[i] else "") + kind
                    truth_hangul = class_hangul(rows[i][3])
                    if truth_hangul and rows[i][2] == "main":  # also counted apart: the main line's class Hangul, whatever the rest
                        hangul = ("moving " if blurred[i] else "") + "class Hangul"
                        total_hangul[hangul] += 1
                        right_hangul[hangul] += class_hangul([tokens[t] for t in got]) == truth_hangul
                    total[kind] += 1
                    if got == targets[i]:
                        right[kind] += 1
                    elif len(wrong) < 100000:
                        wrong[(" ".join(rows[i][3]) or "-", " ".join(tokens[t] for t in got) or "-")] += 1
        train_mode()
        return right, total, wrong

    def export():
        net.eval()
        path = os.path.join(args.out, "crnn.onnx")
        torch.onnx.export(Exported(net), torch.zeros(1, 1, HEIGHT, 160), path, opset_version=13,
                          input_names=["lines"], output_names=["probabilities"],
                          dynamic_axes={"lines": {0: "n", 3: "width"}, "probabilities": {0: "n", 1: "columns"}}, do_constant_folding=True)
        with open(os.path.join(args.out, "crnn.labels.txt"), "w", encoding="utf-8") as f:
            f.write("\n".join(tokens) + "\n")
        train_mode()
        return path

    right_hangul, total_hangul = collections.Counter(), collections.Counter()  # filled by evaluate()

    def report(right, counted):
        per_kind = ", ".join(f"{k} {right[k]}/{counted[k]}" for k in sorted(counted))
        hangul = ", ".join(f"{k} {right_hangul[k]}/{total_hangul[k]}" for k in sorted(total_hangul))
        return (f"held-out lines read exactly {sum(right.values())}/{sum(counted.values())} = {sum(right.values()) / max(1, sum(counted.values())):.4f} "
                f"({per_kind}; main lines' {hangul} right)")

    def kept_reading(logits, xb, keep, lengths, tlen):
        """The divergence KL(--init || network) of the lines in `keep`, summed over each line's columns and divided by its
        text's length (as CTCLoss' mean divides each line's loss), averaged over the batch: on the scale of the CTC loss."""
        if not keep.any():
            return logits.sum() * 0
        idx = keep.nonzero().flatten()
        with torch.no_grad():
            ref = teacher(xb[idx]).log_softmax(dim=2)
        own = logits[idx].log_softmax(dim=2)
        per_column = (ref.exp() * (ref - own)).sum(dim=2)  # n x T
        valid = torch.arange(per_column.shape[1]).view(1, -1) < lengths[idx].view(-1, 1)
        per_line = (per_column * valid).sum(dim=1) / tlen[idx].clamp(min=1)
        return per_line.sum() / len(logits)

    train_mode()
    if args.init:
        right, counted, wrong = evaluate()
        print(f"  before fine-tuning: {report(right, counted)}", flush=True)
        if args.epochs == 0:  # --epochs 0: only the held-out figures of --init on these lines (nothing written)
            print("most frequent errors (truth → read): " + "; ".join(f"{t} → {p} ×{n}" for (t, p), n in wrong.most_common(15)))
            return
    start = time.time()
    for epoch in range(args.epochs):
        pos = train_pos[torch.randperm(len(train_pos), generator=g).numpy()]
        pos = np.resize(pos, per_epoch_pos)
        neg = train_neg[torch.randperm(len(train_neg), generator=g).numpy()][:per_epoch_neg]
        order = np.concatenate([pos, neg])[torch.randperm(per_epoch, generator=g).numpy()]
        # Lines of similar width batched together (less padding), the batches in random order.
        chunk = args.batch * 32
        batches = []
        for s in range(0, len(order), chunk):
            part = sorted(order[s:s + chunk].tolist(), key=lambda i: images[i].shape[1])
            batches += [part[k:k + args.batch] for k in range(0, len(part), args.batch)]
        batches = [batches[i] for i in torch.randperm(len(batches), generator=g).tolist()]
        total = 0.0
        for idx in batches:
            x, widths = batch_of(images, idx)
            unmoved = torch.from_numpy(eu_doubled[idx]) if args.eu_doubled_unmoved else None
            xb, unblurred, still = augment(x, widths, g, args.motion_share, args.deblur_share, unmoved)
            logits = net(xb)
            logp = logits.log_softmax(dim=2).permute(1, 0, 2)  # T x N x C
            lengths = (widths // 4).clamp(max=logp.shape[0])
            tgt = torch.tensor([t for i in idx for t in targets[i]], dtype=torch.long)
            tlen = torch.tensor([len(targets[i]) for i in idx], dtype=torch.long)
            loss = ctc(logp, tgt, lengths, tlen)
            moving = torch.from_numpy(blurred[idx])
            if args.keep_sharp > 0:
                loss = loss + args.keep_sharp * kept_reading(logits, xb, unblurred & ~moving, lengths, tlen)
            if args.keep_still > 0:
                loss = loss + args.keep_still * kept_reading(logits, xb, still & ~moving, lengths, tlen)
            opt.zero_grad()
            loss.backward()
            nn.utils.clip_grad_norm_(net.parameters(), 5.0)
            opt.step()
            sched.step()
            total += float(loss) * len(idx)
        right, counted, _ = evaluate()
        path = export()
        print(f"  epoch {epoch + 1}: loss {total / per_epoch:.4f}, {report(right, counted)} ({time.time() - start:.0f} s)", flush=True)

    right, counted, wrong = evaluate()
    print(f"held-out lines read exactly {sum(right.values())}/{sum(counted.values())}; most frequent errors (truth → read): "
          + "; ".join(f"{t} → {p} ×{n}" for (t, p), n in wrong.most_common(15)))
    print(f"wrote {path} ({os.path.getsize(path)} bytes) and crnn.labels.txt")


if __name__ == "__main__":
    main()
