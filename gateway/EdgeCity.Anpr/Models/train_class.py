#!/usr/bin/python3
"""Trains the class-syllable window classifier (class.onnx) on the lines `anpr export-lines` writes, and measures it
against the line network's own class Hangul on held-out lines.

The class Hangul of a Korean plate (가 of 12가3456) is the character motion blur loses most: the line network (crnn.onnx)
reads 아 for 마, 배 for 허 on a moving car's line, and the glyph CNN, on a box the segmenter cut out of glued ink, sees
no syllable it learnt. This classifier sees what the network sees — the line network's own input image (CrnnLineImage,
32 rows) — but only a window of it around the class syllable: the full line height, 1.5 character pitches wide,
on the network's place for the syllable's token (CrnnLineReader: from halfway to the previous token's centre to halfway
to the next's; its width is the pitch), resampled to 24 columns (16 per pitch). The window is the same function of the line here and at run time (window_training.window, ClassWindowModel.Window);
the network, its augmentation and its training loop are window_training's, shared with train_name.py.

Input: {region}-lines.u8 / .tsv of --data folders (the kr main lines with one class syllable); --crnn gives the line
network whose token places centre the windows (lines where it reads no syllable take the place between the last
front digit and the first of the four tail digits; lines where neither is read are left out). Scenes whose index
ends in 9 are held out. Training windows are jittered (centre ±0.2 pitch, pitch ×0.85–1.15) and augmented (horizontal
box blur as a moving car's, Gaussian blur, contrast, gamma, noise), with --hard-share first made as hard as the
bench's failures (HardConditions: foreshortening, a far plate's few pixels, JPEG). Output: class.onnx (input "windows" N x 1 x 32 x 24,
pixel / 255; output "probabilities" N x syllables, softmax) and class.labels.txt.

Deterministic: seeded, one thread, deterministic algorithms. Debian 12: python3-torch, python3-numpy, python3-onnx.
"""
import collections
import io
import os
import time

import numpy as np
import torch
import torch.nn.functional as F
from PIL import Image

import window_training
from window_training import LineNetworkTokens

WINDOW = 24         # window columns: 1.5 pitches (16 per pitch, window_training.PITCH_PX)
WIDE = 40           # training crop: 2.5 pitches, blurred, then its middle WINDOW columns taken


def is_syllable(t):
    return len(t) == 1 and "\uac00" <= t <= "\ud7a3"


def places(images, crnn_path):
    """Per line: (centre px, pitch px, the network's syllable or None, its syllable distribution or None)."""
    network = LineNetworkTokens(crnn_path)
    old = network.labels
    syll = [i for i, t in enumerate(old) if is_syllable(t)]
    digit = {i for i, t in enumerate(old) if len(t) == 1 and t.isdigit()}
    out = [None] * len(images)
    for i, p, toks, centres in network.read(images):
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


class HardConditions:
    """The conditions the bench's class-Hangul failures were read under (docs/anpr.md, `wip/anclass4`: plates 95-170 px
    at 20-29 degrees of yaw, most of them motion-blurred) made on `share` of the training windows each, drawn from
    their own seeded generator (so --hard-share 0 trains as before): the rectified line's residual foreshortening
    (a shear of up to +-0.15 pitch between the window's top and bottom, the strokes' width changing across it by up to
    +-16 %, the text's height x0.85-1.1 and +-6 % from one side to the other), a far plate's few pixels (the window
    shrunk to 11-20 rows and back) and on half of those a JPEG's blocks (quality 20-60) at that size. x: B x 1 x 32 x W
    in 0..1, the wide crop before window_training.augment blurs it as a moving car's."""

    def __init__(self, share, seed):
        self.share = share
        self.g = torch.Generator().manual_seed(seed + 7919)

    def __call__(self, x):
        if self.share <= 0:
            return x
        b, _, h, w = x.shape

        def u(lo, hi):
            return lo + (hi - lo) * torch.rand(b, generator=self.g)

        picked = [torch.rand(b, generator=self.g) < self.share for _ in range(2)]
        shear, bend, tall, keystone = u(-0.12, 0.12), u(-0.08, 0.08), u(0.85, 1.1), u(-0.06, 0.06)
        rows, quality = torch.randint(11, 21, (b,), generator=self.g), torch.randint(20, 61, (b,), generator=self.g)
        jpeg = torch.rand(b, generator=self.g) < 0.5
        # foreshortening: sample the crop on a bent, sheared, squeezed grid (normalised coordinates, border repeated)
        gx = torch.linspace(-1 + 1 / w, 1 - 1 / w, w).view(1, 1, w).expand(b, h, w)
        gy = torch.linspace(-1 + 1 / h, 1 - 1 / h, h).view(1, h, 1).expand(b, h, w)
        on = picked[0].float().view(b, 1, 1)
        sx = gx + on * (bend.view(b, 1, 1) * (gx * gx - 1 / 3) + shear.view(b, 1, 1) * gy)
        sy = gy / (1 + on * ((tall.view(b, 1, 1) - 1) + keystone.view(b, 1, 1) * gx))
        x = F.grid_sample(x, torch.stack([sx, sy], dim=3), mode="bilinear", padding_mode="border", align_corners=False)
        out = []
        for k in range(b):
            xk = x[k:k + 1]
            if picked[1][k]:
                r = int(rows[k])
                small = F.interpolate(xk, size=(r, max(4, round(w * r / h))), mode="area")
                if jpeg[k]:
                    buf = io.BytesIO()
                    Image.fromarray((small[0, 0].clamp(0, 1) * 255).round().to(torch.uint8).numpy()).save(buf, format="JPEG", quality=int(quality[k]))
                    small = torch.from_numpy(np.asarray(Image.open(io.BytesIO(buf.getvalue())), dtype=np.float32) / 255)[None, None]
                xk = F.interpolate(small, size=(h, w), mode="bilinear", align_corners=False)
            out.append(xk)
        return torch.cat(out)


def main():
    ap = window_training.arguments(__doc__.splitlines()[0], "the line network whose token places centre the windows", 20)
    ap.add_argument("--moving-repeat", type=int, default=2, help="copies per epoch of each moving car's training line")
    ap.add_argument("--hard-share", type=float, default=0.0, help="share of the training windows given each of HardConditions' "
                    "foreshortening, far plate's resolution (half of those JPEG-compressed); 0: none, as the committed model before wip/anclass4")
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)
    g = window_training.seeded(args.seed)

    images, rows, moving = window_training.load_lines(args, lambda r: r[2] == "main" and sum(is_syllable(t) for t in r[3]) == 1)
    t0 = time.time()
    placed, syllables = places(images, args.crnn)
    print(f"{len(images)} main lines with a class syllable; placed {sum(p is not None for p in placed)} "
          f"({sum(p is not None and p[2] is None for p in placed)} between digits) in {time.time() - t0:.0f} s", flush=True)
    index = {s: i for i, s in enumerate(syllables)}
    truth = [next(t for t in r[3] if is_syllable(t)) for r in rows]
    train, held = window_training.split(placed, rows, 40)
    train = train + [i for i in train if moving[i]] * (args.moving_repeat - 1)
    print(f"training {len(train)} (with repeats), held out {len(held)} ({sum(moving[i] for i in held)} moving)", flush=True)
    y_all = torch.tensor([index[t] for t in truth])

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

    p = window_training.train(images, placed, train, held, y_all, syllables, WINDOW, WIDE, args, g, report,
                              "class.onnx", "class.labels.txt", HardConditions(args.hard_share, args.seed))
    # Confusions on the moving held-out lines
    conf = collections.Counter()
    for k, i in enumerate(held):
        if moving[i] and int(p[k].argmax()) != int(y_all[i]):
            conf[(truth[i], syllables[int(p[k].argmax())])] += 1
    print("moving held-out confusions (truth -> window):", ", ".join(f"{a}->{b} {n}" for (a, b), n in conf.most_common(15)))


if __name__ == "__main__":
    main()
