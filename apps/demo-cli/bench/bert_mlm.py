"""PyTorch reference for the bench row bert-mlm-train: the dlkit BERT of masked-LM pretraining
(packages/nlp/src/bert: BERT_TINY, vocabulary 8,000), layer for layer, timed on the CPU.

Word + learned position + token-type embeddings, LayerNorm, 2 post-norm gelu
nn.TransformerEncoderLayer (d 128, 4 heads, ffn 512, dropout 0), the MLM head (dense + gelu +
LayerNorm + decoder to the vocabulary) at the masked positions only, Adam; batch 32 x 64 tokens,
10 masked positions per sequence (15 %), as the dlkit worker.

Usage: python3 bert_mlm.py [--seconds S] [--threads N]
Prints one JSON line: {"samplesPerSec": sequences/s, "tokensPerSec": x, "peakRssMb": x, "torch": "<version>", "threads": N}
"""
import argparse
import json
import resource
import time

import torch
import torch.nn as nn

V, H, LAYERS, HEADS, FFN, MAX_POS, B, T, M = 8000, 128, 2, 4, 512, 128, 32, 64, 10


class Bert(nn.Module):
    def __init__(self):
        super().__init__()
        self.words = nn.Embedding(V, H)
        self.positions = nn.Embedding(MAX_POS, H)
        self.types = nn.Embedding(2, H)
        self.norm = nn.LayerNorm(H, eps=1e-5)
        self.layers = nn.ModuleList(
            nn.TransformerEncoderLayer(H, HEADS, FFN, dropout=0.0, activation="gelu", batch_first=True)
            for _ in range(LAYERS)
        )
        self.transform = nn.Linear(H, H)
        self.head_norm = nn.LayerNorm(H, eps=1e-5)
        self.decoder = nn.Linear(H, V)

    def forward(self, ids, mask, types, positions):
        t = ids.shape[1]
        x = self.words(ids) + self.positions.weight[:t] + self.types(types)
        x = self.norm(x)
        pad = mask == 0
        for layer in self.layers:
            x = layer(x, src_key_padding_mask=pad)
        picked = torch.gather(x, 1, positions.unsqueeze(-1).expand(-1, -1, H))  # [B, M, H]
        return self.decoder(self.head_norm(nn.functional.gelu(self.transform(picked))))  # [B, M, V]


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--seconds", type=float, default=10.0)
    p.add_argument("--threads", type=int, default=2)
    a = p.parse_args()
    torch.set_num_threads(a.threads)
    torch.manual_seed(0)
    model = Bert()
    opt = torch.optim.Adam(model.parameters(), 1e-3)
    ids = torch.randint(5, V, (B, T))
    mask = torch.ones(B, T, dtype=torch.long)
    types = torch.zeros(B, T, dtype=torch.long)
    positions = torch.randint(1, T - 1, (B, M))
    labels = torch.randint(5, V, (B, M))

    def step():
        opt.zero_grad()
        logits = model(ids, mask, types, positions)
        loss = nn.functional.cross_entropy(logits.reshape(-1, V), labels.reshape(-1))
        loss.backward()
        opt.step()
        loss.item()

    for _ in range(3):  # warm-up
        step()
    n = 0
    start = time.perf_counter()
    while time.perf_counter() - start < a.seconds:
        step()
        n += 1
    elapsed = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kB -> MB on Linux
    print(json.dumps({
        "samplesPerSec": n * B / elapsed,
        "tokensPerSec": n * B * T / elapsed,
        "cpuSeconds": time.process_time(),
        "peakRssMb": peak,
        "torch": torch.__version__,
        "threads": a.threads,
    }))


if __name__ == "__main__":
    main()
