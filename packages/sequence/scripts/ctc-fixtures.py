#!/usr/bin/env python3
"""Oracle fixtures for packages/sequence/src/ctc: PyTorch's F.ctc_loss and its gradient.

Writes src/ctc/__fixtures__/ctc-loss.json: for each case the logits [B, T, V] (float32 values,
batch-first as dlkit's ctcLoss takes them), padded labels [B, Lmax], label and logit lengths, blank,
reduction, zero_infinity, and PyTorch's loss and d(loss)/d(logits) (for 'none', of the sum of the
losses). PyTorch runs in float64 on log_softmax(logits) transposed to its [T, B, V], so the reference
carries no float32 rounding of its own. The spec never needs torch.

Usage (Debian's python3-torch, as the bench):
  /usr/bin/python3 packages/sequence/scripts/ctc-fixtures.py            # write the fixtures
  /usr/bin/python3 packages/sequence/scripts/ctc-fixtures.py --bench 8 200 30 40   # time loss + grad (float32, CPU)
"""
import json
import math
import os
import sys
import time

import torch
import torch.nn.functional as F

OUT = os.path.join(os.path.dirname(__file__), '..', 'src', 'ctc', '__fixtures__', 'ctc-loss.json')


def case(name, seed, V, logit_lengths, label_rows, blank=0, reduction='mean', zero_infinity=False, T=None):
    g = torch.Generator().manual_seed(seed)
    B = len(label_rows)
    T = T or max(logit_lengths)
    logits = (2 * torch.randn(B, T, V, generator=g, dtype=torch.float64)).float().double().requires_grad_()
    L = max(1, max(len(r) for r in label_rows))
    labels = torch.zeros(B, L, dtype=torch.long)
    for b, r in enumerate(label_rows):
        labels[b, : len(r)] = torch.tensor(r, dtype=torch.long)
    log_probs = F.log_softmax(logits, -1).transpose(0, 1)  # [T, B, V]
    loss = F.ctc_loss(log_probs, labels, torch.tensor(logit_lengths), torch.tensor([len(r) for r in label_rows]),
                      blank=blank, reduction=reduction, zero_infinity=zero_infinity)
    total = loss.sum()
    finite = math.isfinite(total.item())
    if finite:
        total.backward()
    num = lambda v: v if math.isfinite(v) else ('Infinity' if v > 0 else 'NaN')
    return {
        'name': name, 'blank': blank, 'reduction': reduction, 'zeroInfinity': zero_infinity,
        'shape': [B, T, V], 'logits': [float(f'{v:.9g}') for v in logits.detach().reshape(-1).tolist()],
        'labels': labels.tolist(), 'labelLengths': [len(r) for r in label_rows], 'logitLengths': logit_lengths,
        'loss': [num(v) for v in loss.detach().reshape(-1).tolist()],
        'grad': [float(f'{v:.9g}') for v in logits.grad.reshape(-1).tolist()] if finite else None,
    }


def random_labels(g, n, V, blank, max_len):
    rows = []
    for _ in range(n):
        L = int(torch.randint(1, max_len + 1, (1,), generator=g))
        rows.append([int(v) + (1 if int(v) >= blank else 0) for v in torch.randint(0, V - 1, (L,), generator=g)])
    return rows


def fixtures():
    g = torch.Generator().manual_seed(7)
    repeats = [[1, 2, 2, 3], [4, 4], [5]]  # "LL" needs a blank between
    cases = [case(f'repeats, {r}', 1, 6, [12, 10, 7], repeats, reduction=r) for r in ('none', 'mean', 'sum')]
    cases.append(case('blank is the last id', 2, 6, [9, 8], [[0, 1, 1], [3]], blank=5, reduction='none'))
    cases.append(case('empty label', 3, 4, [5, 3], [[], [2]], reduction='none'))
    cases.append(case('tightest fit (L + repeats = T)', 4, 5, [6], [[1, 1, 2, 2]], reduction='none'))
    imp = [[1, 1, 2, 2], [3]]  # row 0 needs 6 frames, has 4
    cases.append(case('impossible, zero_infinity', 5, 5, [4, 4], imp, reduction='mean', zero_infinity=True))
    cases.append(case('impossible, infinite', 5, 5, [4, 4], imp, reduction='none'))
    cases.append(case('random batch B=4 T<=50 V=20', 6, 20, [50, 41, 37, 50], random_labels(g, 4, 20, 0, 15), reduction='mean'))
    return cases


def bench(B, T, V, L, reps=20):
    torch.set_num_threads(max(1, torch.get_num_threads()))
    g = torch.Generator().manual_seed(0)
    logits = torch.randn(B, T, V, generator=g).requires_grad_()
    labels = torch.randint(1, V, (B, L), generator=g)
    lengths = (torch.full((B,), T), torch.full((B,), L))
    def step():
        logits.grad = None
        F.ctc_loss(F.log_softmax(logits, -1).transpose(0, 1), labels, *lengths).backward()
    for _ in range(3):
        step()
    t0 = time.perf_counter()
    for _ in range(reps):
        step()
    ms = (time.perf_counter() - t0) / reps * 1000
    print(json.dumps({'torch': torch.__version__, 'threads': torch.get_num_threads(), 'B': B, 'T': T, 'V': V, 'L': L, 'msPerStep': round(ms, 3)}))


if __name__ == '__main__':
    if len(sys.argv) > 1 and sys.argv[1] == '--bench':
        bench(*[int(a) for a in sys.argv[2:6]])
    else:
        os.makedirs(os.path.dirname(OUT), exist_ok=True)
        with open(OUT, 'w') as f:
            json.dump(fixtures(), f)
        print(OUT, os.path.getsize(OUT), 'bytes')
