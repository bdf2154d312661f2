#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-only
"""Script a tiny untrained 3-exit model for the profiler's TorchScript test.

Usage: make-test-model.py OUTPUT.pt

The model has the layout edge-inference-profiler expects of a TorchScript
model: sub-modules blocks.N and exits.N, each with a forward that the
model's own forward calls (so TorchScript compiles it).
"""

import sys

import torch
from torch import nn

from multi_exit_layout import MultiExitLayout


class TinyMultiExit(MultiExitLayout):
    def __init__(self):
        super().__init__(
            [
                nn.Sequential(nn.Conv2d(1, 4, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2)),
                nn.Sequential(nn.Conv2d(4, 8, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2)),
                nn.Sequential(nn.Conv2d(8, 8, 3, padding=1), nn.ReLU()),
            ],
            [
                nn.Sequential(nn.AdaptiveAvgPool2d(2), nn.Flatten(), nn.Linear(c * 4, 10))
                for c in (4, 8, 8)
            ],
        )


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: make-test-model.py OUTPUT.pt")
    torch.manual_seed(1)
    torch.jit.script(TinyMultiExit().eval()).save(sys.argv[1])


if __name__ == "__main__":
    main()
