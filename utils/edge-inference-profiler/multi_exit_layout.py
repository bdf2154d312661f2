# SPDX-License-Identifier: GPL-2.0-only
"""The module layout edge-inference-profiler expects of a TorchScript model.

A model given with --model=PATH.pt must have sub-modules blocks.N and
exits.N (N = 0..number of exits - 1), each with a forward that the model's
own forward calls, so that TorchScript compiles them: block N takes the
previous block's output, and exit head N the output of block N. The
scripts that build models for the profiler derive from MultiExitLayout and
only choose the blocks and heads.
"""

from torch import nn


class MultiExitLayout(nn.Module):
    """Blocks run in turn; each block's output also feeds its exit head."""

    def __init__(self, blocks, exits):
        super().__init__()
        if len(blocks) != len(exits):
            raise ValueError("one exit head per block")
        self.blocks = nn.ModuleList(blocks)
        self.exits = nn.ModuleList(exits)

    def forward(self, x):
        outputs = []
        for block, head in zip(self.blocks, self.exits):
            x = block(x)
            outputs.append(head(x))
        return outputs
