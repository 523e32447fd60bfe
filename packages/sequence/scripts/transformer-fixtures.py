#!/usr/bin/env python3
"""Oracle fixtures for packages/sequence/src/transformer: PyTorch's own modules on seeded weights.

Writes src/transformer/__fixtures__/{multi-head-attention,encoder-layer,decoder-layer}.json: for each
case the module's config, its inputs, the padding masks (1 = token, 0 = pad, dlkit's convention), the
state_dict (PyTorch names and shapes; in_proj_weight packs W_q, W_k, W_v as [3E, E] and y = x W^T + b)
and the outputs. The specs load these weights into the tfjs layers and compare; they never need torch.

Inputs and weights are float32 values; the modules run in float64 on them (module.double()), so the
reference carries no float32 rounding of its own and the specs measure tfjs's error alone. Modules
run in train() mode with dropout 0, which keeps PyTorch off its inference fast path (that path
treats padded positions differently) without changing the math.

Usage (Debian's python3-torch, as the bench: apps/demo-cli/bench/setup-torch.sh):
  /usr/bin/python3 packages/sequence/scripts/transformer-fixtures.py
"""
import json
import os

import torch
from torch import nn

OUT = os.path.join(os.path.dirname(__file__), '..', 'src', 'transformer', '__fixtures__')


def f32(t):
    """A tensor as float32 values widened to float64 (what the fixture stores is exactly what runs)."""
    return t.float().double()


def dump(t, digits):
    return {'shape': list(t.shape), 'data': [float(f'{v:.{digits}g}') for v in t.reshape(-1).tolist()]}


def weights(module):
    return {k: dump(v, 9) for k, v in module.state_dict().items()}


def seeded(module, seed):
    """Every parameter random (PyTorch's init leaves the attention biases at 0), norms near 1."""
    g = torch.Generator().manual_seed(seed)
    with torch.no_grad():
        for name, p in module.named_parameters():
            noise = torch.randn(p.shape, generator=g, dtype=torch.float64)
            if 'norm' in name and name.endswith('weight'):
                p.copy_(f32(1 + 0.1 * noise))
            else:
                p.copy_(f32(0.3 * noise))
    return module.double().train()


def randn(shape, seed):
    return f32(torch.randn(shape, generator=torch.Generator().manual_seed(seed), dtype=torch.float64))


def pad_mask(batch, length, pads):
    """dlkit's padding mask [batch, length]: 1 = token, 0 = pad; pads[b] trailing pads in row b."""
    m = torch.ones(batch, length, dtype=torch.float64)
    for b, n in enumerate(pads):
        if n:
            m[b, length - n:] = 0
    return m


def causal(length):
    """PyTorch's boolean attn_mask: True above the diagonal = may not attend."""
    return torch.triu(torch.ones(length, length, dtype=torch.bool), 1)


def mha_cases():
    cases = []
    e, heads, b, tq, tk = 8, 2, 2, 4, 5
    # Cross-attention: query [b, tq, e], key = value [b, tk, e], key padding.
    m = seeded(nn.MultiheadAttention(e, heads, batch_first=True, dropout=0.0), 11)
    q, kv = randn((b, tq, e), 12), randn((b, tk, e), 13)
    mask = pad_mask(b, tk, [0, 2])
    with torch.no_grad():
        out, w = m(q, kv, kv, key_padding_mask=mask == 0, need_weights=True, average_attn_weights=False)
    cases.append({
        'name': 'cross-attention with key padding',
        'config': {'embedDim': e, 'numHeads': heads, 'causal': False},
        'inputs': {'query': dump(q, 9), 'key': dump(kv, 9), 'value': dump(kv, 9), 'mask': dump(mask, 9)},
        'weights': weights(m),
        'outputs': {'output': dump(out, 12), 'attention': dump(w, 12)},
    })
    # Self-attention with a causal (look-ahead) mask and key padding; distinct key and value.
    m = seeded(nn.MultiheadAttention(e, heads, batch_first=True, dropout=0.0), 21)
    x, k, v = randn((b, tk, e), 22), randn((b, tk, e), 23), randn((b, tk, e), 24)
    mask = pad_mask(b, tk, [1, 0])
    with torch.no_grad():
        out, w = m(x, k, v, key_padding_mask=mask == 0, attn_mask=causal(tk), need_weights=True,
                   average_attn_weights=False)
    cases.append({
        'name': 'causal attention with key padding, distinct key and value',
        'config': {'embedDim': e, 'numHeads': heads, 'causal': True},
        'inputs': {'query': dump(x, 9), 'key': dump(k, 9), 'value': dump(v, 9), 'mask': dump(mask, 9)},
        'weights': weights(m),
        'outputs': {'output': dump(out, 12), 'attention': dump(w, 12)},
    })
    return cases


LAYER = {'dModel': 16, 'numHeads': 4, 'dff': 32}
VARIANTS = [
    {'preNorm': False, 'activation': 'relu'},
    {'preNorm': True, 'activation': 'gelu'},
]


def encoder_cases():
    cases = []
    b, t = 2, 6
    for i, v in enumerate(VARIANTS):
        m = seeded(nn.TransformerEncoderLayer(LAYER['dModel'], LAYER['numHeads'], LAYER['dff'], dropout=0.0,
                                              activation=v['activation'], batch_first=True,
                                              norm_first=v['preNorm']), 100 + i)
        x = randn((b, t, LAYER['dModel']), 110 + i)
        mask = pad_mask(b, t, [0, 2])
        with torch.no_grad():
            out = m(x, src_key_padding_mask=mask == 0)
        cases.append({
            'name': f"encoder layer, {'pre' if v['preNorm'] else 'post'}-norm, {v['activation']}, padding",
            'config': {**LAYER, **v},
            'inputs': {'x': dump(x, 9), 'mask': dump(mask, 9)},
            'weights': weights(m),
            'outputs': {'output': dump(out, 12)},
        })
    return cases


def decoder_cases():
    cases = []
    b, t, s = 2, 5, 6
    for i, v in enumerate(VARIANTS):
        m = seeded(nn.TransformerDecoderLayer(LAYER['dModel'], LAYER['numHeads'], LAYER['dff'], dropout=0.0,
                                              activation=v['activation'], batch_first=True,
                                              norm_first=v['preNorm']), 200 + i)
        x, memory = randn((b, t, LAYER['dModel']), 210 + i), randn((b, s, LAYER['dModel']), 220 + i)
        target_mask, memory_mask = pad_mask(b, t, [1, 0]), pad_mask(b, s, [0, 3])
        with torch.no_grad():
            out = m(x, memory, tgt_mask=causal(t), tgt_key_padding_mask=target_mask == 0,
                    memory_key_padding_mask=memory_mask == 0)
        cases.append({
            'name': f"decoder layer, {'pre' if v['preNorm'] else 'post'}-norm, {v['activation']}, causal + padding",
            'config': {**LAYER, **v},
            'inputs': {'x': dump(x, 9), 'memory': dump(memory, 9), 'targetMask': dump(target_mask, 9),
                       'memoryMask': dump(memory_mask, 9)},
            'weights': weights(m),
            'outputs': {'output': dump(out, 12)},
        })
    return cases


def main():
    os.makedirs(OUT, exist_ok=True)
    for name, cases in [('multi-head-attention', mha_cases()), ('encoder-layer', encoder_cases()),
                        ('decoder-layer', decoder_cases())]:
        doc = {
            'generatedBy': 'packages/sequence/scripts/transformer-fixtures.py',
            'torch': torch.__version__,
            'cases': cases,
        }
        path = os.path.join(OUT, f'{name}.json')
        with open(path, 'w') as f:
            json.dump(doc, f, separators=(',', ':'))
            f.write('\n')
        print(f'{path}: {len(cases)} cases, {os.path.getsize(path)} bytes')


if __name__ == '__main__':
    main()
