"""PyTorch reference for the bench row ctc-train: the speech model of `dlkit speech train`
(packages/audio/src/asr/speech-model.ts), layer for layer, timed on the CPU.

Log-mel front end (400-sample Hann frames every 160 samples, centred with zero padding, 40 mel
bands, dB with an 80 dB floor per example) computed as frames x DFT basis, exactly as the dlkit
graph does; BatchNorm over the bands; Conv1d(40 -> 64, kernel 5, stride 2, 'same') + ReLU;
2 bidirectional GRUs of 64 units; Linear to 30 characters; F.ctc_loss (mean), Adam. Batches of
16 clips of 1.5 s with labels of 18 characters, as the dlkit worker.

Usage: python3 ctc_train.py [--seconds S] [--threads N]
Prints one JSON line: {"audioSecondsPerSec": x, "samplesPerSec": clips/s, "stepMs": x, "peakRssMb": x, "torch": "<version>", "threads": N}
"""
import argparse
import json
import math
import resource
import time

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

SR, NFFT, HOP, MELS, UNITS, VOCAB, B, SECONDS, LABEL = 16000, 400, 160, 40, 64, 30, 16, 1.5, 18


def mel_filterbank():
    # Slaney-style mel scale and area normalisation (librosa's default, as audio's melFilterbank)
    def hz_to_mel(f):
        f = np.asarray(f, dtype=np.float64)
        lin = f / (200.0 / 3)
        log = 15.0 + np.log(np.maximum(f, 1e-10) / 1000.0) / (np.log(6.4) / 27.0)
        return np.where(f >= 1000.0, log, lin)

    def mel_to_hz(m):
        m = np.asarray(m, dtype=np.float64)
        lin = m * (200.0 / 3)
        log = 1000.0 * np.exp((np.log(6.4) / 27.0) * (m - 15.0))
        return np.where(m >= 15.0, log, lin)

    bins = NFFT // 2 + 1
    freqs = np.linspace(0, SR / 2, bins)
    edges = mel_to_hz(np.linspace(hz_to_mel(0), hz_to_mel(SR / 2), MELS + 2))
    fb = np.zeros((MELS, bins))
    for m in range(MELS):
        lo, c, hi = edges[m], edges[m + 1], edges[m + 2]
        fb[m] = np.maximum(0, np.minimum((freqs - lo) / (c - lo), (hi - freqs) / (hi - c)))
        fb[m] *= 2.0 / (hi - lo)
    return torch.tensor(fb.T, dtype=torch.float32)  # [bins, mels]


class SpeechModel(nn.Module):
    def __init__(self):
        super().__init__()
        n = torch.arange(NFFT, dtype=torch.float64)
        window = 0.5 - 0.5 * torch.cos(2 * math.pi * n / NFFT)
        k = torch.arange(NFFT // 2 + 1, dtype=torch.float64)
        angle = 2 * math.pi * n[:, None] * k[None, :] / NFFT
        basis = torch.cat([window[:, None] * torch.cos(angle), -window[:, None] * torch.sin(angle)], 1)
        self.register_buffer("basis", basis.float())  # [nFft, 2 bins]
        fb = mel_filterbank()
        self.register_buffer("mel", torch.cat([fb, fb], 0))  # [2 bins, mels]
        self.norm = nn.BatchNorm1d(MELS, momentum=0.1)
        self.conv = nn.Conv1d(MELS, UNITS, 5, stride=2, padding=2)
        self.gru = nn.GRU(UNITS, UNITS, num_layers=2, bidirectional=True, batch_first=True)
        self.out = nn.Linear(2 * UNITS, VOCAB)

    def forward(self, x):  # x [B, N]
        x = F.pad(x, (NFFT // 2, NFFT // 2))
        frames = x.unfold(1, NFFT, HOP)  # [B, F, nFft]
        power = (frames @ self.basis) ** 2  # [B, F, 2 bins]
        db = 10 * torch.log10(torch.clamp(power @ self.mel, min=1e-10))
        db = torch.maximum(db, db.amax(dim=(1, 2), keepdim=True) - 80)  # [B, F, mels]
        h = self.norm(db.transpose(1, 2))  # [B, mels, F]
        h = F.relu(self.conv(h)).transpose(1, 2)  # [B, F/2, units]
        h, _ = self.gru(h)
        return self.out(h)  # [B, T, vocab]


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--seconds", type=float, default=10)
    p.add_argument("--threads", type=int, default=2)
    a = p.parse_args()
    torch.set_num_threads(a.threads)
    torch.manual_seed(1)
    model = SpeechModel()
    opt = torch.optim.Adam(model.parameters(), lr=2e-3)
    n = int(SECONDS * SR)
    x = torch.randn(B, n) * 0.1
    labels = torch.randint(3, VOCAB, (B, LABEL))
    label_lengths = torch.full((B,), LABEL, dtype=torch.long)

    def step():
        logits = model(x)
        lp = logits.log_softmax(-1).transpose(0, 1)  # [T, B, V]
        frames = torch.full((B,), lp.shape[0], dtype=torch.long)
        loss = F.ctc_loss(lp, labels, frames, label_lengths, blank=0, zero_infinity=True)
        opt.zero_grad()
        loss.backward()
        opt.step()

    for _ in range(2):
        step()
    steps, start = 0, time.perf_counter()
    while time.perf_counter() - start < a.seconds:
        step()
        steps += 1
    elapsed = time.perf_counter() - start
    print(json.dumps({
        "audioSecondsPerSec": steps * B * SECONDS / elapsed,
        "samplesPerSec": steps * B / elapsed,
        "stepMs": 1000 * elapsed / steps,
        "peakRssMb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "torch": torch.__version__,
        "threads": a.threads,
    }))


if __name__ == "__main__":
    main()
