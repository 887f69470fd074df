"""Starts a network from a committed .onnx artefact (fine-tuning) instead of random weights.

The trainers export in eval mode with constant folding, so each convolution's batch norm is folded into it: the .onnx
holds one (weight, bias) per convolution, in graph order, and one per fully connected layer (Gemm). They are loaded
back into the PyTorch network exactly: the convolution gets the folded weight, its batch norm becomes the identity
(running mean 0, variance 1, scale sqrt(1 + eps)) with the folded bias as its shift. The batch norms are then kept in
eval mode while fine-tuning (`freeze_batch_norm`): their statistics stay those the artefact was exported with, their
scale and shift are still trained. The output layer's rows are matched by label, so a label set that changed (a token
new in the export) keeps every row it shares with the artefact and starts the others at random.
"""
import math

import numpy as np
import onnx
import torch
import torch.nn as nn
from onnx import numpy_helper


def _pairs(path):
    model = onnx.load(path)
    weights = {i.name: numpy_helper.to_array(i) for i in model.graph.initializer}
    convs, gemms = [], []
    for node in model.graph.node:
        if node.op_type in ("Conv", "Gemm"):
            w = weights[node.input[1]]
            b = weights[node.input[2]] if len(node.input) > 2 else np.zeros(w.shape[0], dtype=np.float32)
            (convs if node.op_type == "Conv" else gemms).append((w, b))
    return convs, gemms


def load_fused(net, path, old_labels, new_labels):
    """Loads the .onnx at `path` (labels `old_labels`, in output order) into `net` (labels `new_labels`).
    Returns the number of output rows that had no match in the artefact."""
    convs, gemms = _pairs(path)
    modules = list(net.modules())
    layers = [m for m in modules if isinstance(m, (nn.Conv2d, nn.Linear))]
    n_conv = sum(isinstance(m, nn.Conv2d) for m in layers)
    n_lin = sum(isinstance(m, nn.Linear) for m in layers)
    if n_conv != len(convs) or n_lin != len(gemms):
        raise SystemExit(f"{path}: {len(convs)} convolutions and {len(gemms)} fully connected layers, but the network has {n_conv} and {n_lin}: not the same architecture")
    last = layers[-1]
    ci = li = 0
    unmatched = 0
    with torch.no_grad():
        for k, m in enumerate(modules):
            if not isinstance(m, (nn.Conv2d, nn.Linear)):
                continue
            w, b = convs[ci] if isinstance(m, nn.Conv2d) else gemms[li]
            if isinstance(m, nn.Conv2d):
                ci += 1
            else:
                li += 1
            w, b = torch.from_numpy(w.copy()), torch.from_numpy(b.copy())
            if m is last:
                row = {l: i for i, l in enumerate(old_labels)}
                for i, label in enumerate(new_labels):
                    if label in row:
                        m.weight[i] = w[row[label]].view_as(m.weight[i])
                        m.bias[i] = b[row[label]]
                    else:
                        unmatched += 1
                continue
            if tuple(w.shape) != tuple(m.weight.shape):
                raise SystemExit(f"{path}: a layer of shape {tuple(w.shape)} where the network has {tuple(m.weight.shape)}")
            m.weight.copy_(w)
            if m.bias is not None:
                m.bias.copy_(b)
                continue
            bn = next((n for n in modules[k + 1:] if isinstance(n, nn.BatchNorm2d)), None)
            if bn is None or bn.num_features != w.shape[0]:
                raise SystemExit(f"{path}: a convolution without bias is not followed by its batch norm")
            bn.running_mean.zero_()
            bn.running_var.fill_(1.0)
            bn.weight.fill_(math.sqrt(1.0 + bn.eps))
            bn.bias.copy_(b)
    return unmatched


def freeze_batch_norm(net):
    """Keeps the batch norms' statistics fixed (eval mode) while the rest trains; call after every net.train()."""
    for m in net.modules():
        if isinstance(m, nn.BatchNorm2d):
            m.eval()
