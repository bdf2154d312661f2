#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-only
"""Script an untrained ResNet-18 with 4 early exits for 1x28x28 inputs.

Usage: make-resnet18-exits.py OUTPUT.pt [--seed=S]

The network is torchvision's resnet18(num_classes=10) with the stem adapted
to Fashion-MNIST's 28x28 grey images (3x3 stride-1 convolution from 1
channel, no max-pool), cut into four blocks after each residual stage:

  blocks.0  conv1 3x3 1-64 + BN + ReLU + layer1   -> 64 x 28 x 28
  blocks.1  layer2                                -> 128 x 14 x 14
  blocks.2  layer3                                -> 256 x 7 x 7
  blocks.3  layer4                                -> 512 x 4 x 4

with exit head n = AdaptiveAvgPool2d(1) + Flatten + Linear(C_n, 10) after
each block (11.17 M parameters in all). This is the layout
edge-inference-profiler expects of a TorchScript model (--model=PATH.pt):
sub-modules blocks.N and exits.N, each with a forward that the model's own
forward calls, so TorchScript compiles it (see make-test-model.py).

The weights are torchvision's random initialisation, seeded (--seed,
default 1); nothing is trained, so the exits are at chance level (about
10 %). The model is meant for timing only. The input is the profiler's
normalised image (x/255 - 0.2860)/0.3530 of shape (b, 1, 28, 28).

Requires PyTorch and torchvision (Debian: python3-torch, python3-torchvision).
"""

import sys

import torch
import torchvision
from torch import nn

from multi_exit_layout import MultiExitLayout


class ResNet18Exits(MultiExitLayout):
    """ResNet-18 for 1x28x28 inputs, cut into 4 blocks with one exit each."""

    def __init__(self):
        net = torchvision.models.resnet18(num_classes=10)
        # CIFAR-style stem for small images: 3x3, stride 1, no max-pool.
        stem = nn.Conv2d(1, 64, kernel_size=3, stride=1, padding=1, bias=False)
        nn.init.kaiming_normal_(stem.weight, mode="fan_out", nonlinearity="relu")
        super().__init__(
            [nn.Sequential(stem, net.bn1, net.relu, net.layer1), net.layer2, net.layer3,
             net.layer4],
            [nn.Sequential(nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(c, 10))
             for c in (64, 128, 256, 512)])


def main():
    args = sys.argv[1:]
    seed = 1
    output = None
    for arg in args:
        if arg.startswith("--seed="):
            try:
                seed = int(arg[len("--seed="):])
            except ValueError:
                sys.exit("make-resnet18-exits.py: --seed needs an integer, got " + arg)
        elif arg.startswith("-") or output is not None:
            sys.exit("usage: make-resnet18-exits.py OUTPUT.pt [--seed=S]")
        else:
            output = arg
    if output is None:
        sys.exit("usage: make-resnet18-exits.py OUTPUT.pt [--seed=S]")

    torch.manual_seed(seed)
    model = ResNet18Exits().eval()
    scripted = torch.jit.script(model)

    # Sanity check: shapes of every block and exit on a batch of 2.
    with torch.no_grad():
        x = torch.randn(2, 1, 28, 28)
        for n, (block, head) in enumerate(zip(scripted.blocks, scripted.exits)):
            x = block(x)
            y = head(x)
            print("block %d: %s, exit %d: %s" % (n + 1, tuple(x.shape), n + 1, tuple(y.shape)))
    params = sum(p.numel() for p in model.parameters())
    print("%d parameters, seed %d" % (params, seed))
    scripted.save(output)
    print("saved " + output)


if __name__ == "__main__":
    main()
