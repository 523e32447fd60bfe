#!/usr/bin/env python3
"""Reference values for packages/audio's feature specs, computed with numpy in float64.

librosa is not installed here, so this script re-implements the librosa 0.10 formulas the specs
compare with, line for line, in numpy float64 (each function names the librosa/scipy function it
mirrors). The FFT is numpy's (np.fft.rfft, pocketfft), independent of fft.js; the DCT-II is computed
through a length-2N FFT (Makhoul 1980), independent of the matrix the TypeScript side uses.

Run from the repository root:  python3 packages/audio/scripts/feature-fixtures.py
It writes packages/audio/src/features/__fixtures__/feature-reference.json (small: a 0.2 s signal);
format it with `npx prettier --write` afterwards, as `npm run lint` checks JSON too.
"""
import json
import os

import numpy as np


def hz_to_mel(f, htk):  # librosa.hz_to_mel
    f = np.asanyarray(f, dtype=np.float64)
    if htk:
        return 2595.0 * np.log10(1.0 + f / 700.0)
    f_sp = 200.0 / 3
    mels = f / f_sp
    min_log_hz, min_log_mel, logstep = 1000.0, 1000.0 / f_sp, np.log(6.4) / 27.0
    return np.where(f >= min_log_hz, min_log_mel + np.log(np.maximum(f, 1e-300) / min_log_hz) / logstep, mels)


def mel_to_hz(m, htk):  # librosa.mel_to_hz
    m = np.asanyarray(m, dtype=np.float64)
    if htk:
        return 700.0 * (10.0 ** (m / 2595.0) - 1.0)
    f_sp = 200.0 / 3
    min_log_hz, min_log_mel, logstep = 1000.0, 1000.0 / f_sp, np.log(6.4) / 27.0
    return np.where(m >= min_log_mel, min_log_hz * np.exp(logstep * (m - min_log_mel)), f_sp * m)


def mel_filter(sr, n_fft, n_mels, fmin, fmax, htk, norm):  # librosa.filters.mel
    fftfreqs = np.fft.rfftfreq(n=n_fft, d=1.0 / sr)
    mel_f = mel_to_hz(np.linspace(hz_to_mel(fmin, htk), hz_to_mel(fmax, htk), n_mels + 2), htk)
    fdiff = np.diff(mel_f)
    ramps = np.subtract.outer(mel_f, fftfreqs)
    weights = np.zeros((n_mels, 1 + n_fft // 2))
    for i in range(n_mels):
        lower = -ramps[i] / fdiff[i]
        upper = ramps[i + 2] / fdiff[i + 1]
        weights[i] = np.maximum(0, np.minimum(lower, upper))
    if norm == 'slaney':
        enorm = 2.0 / (mel_f[2 : n_mels + 2] - mel_f[:n_mels])
        weights *= enorm[:, np.newaxis]
    return weights


def stft_power(y, n_fft, hop, center, pad_mode):  # np.abs(librosa.stft(y, window='hann')) ** 2
    if center:
        y = np.pad(y, n_fft // 2, mode=pad_mode)
    window = 0.5 - 0.5 * np.cos(2 * np.pi * np.arange(n_fft) / n_fft)  # scipy get_window('hann', fftbins=True)
    n_frames = 1 + (len(y) - n_fft) // hop
    frames = np.stack([y[t * hop : t * hop + n_fft] for t in range(n_frames)])  # [frames, n_fft]
    spec = np.fft.rfft(frames * window, axis=1)  # [frames, bins]
    return np.abs(spec) ** 2


def power_to_db(s, ref=1.0, amin=1e-10, top_db=80.0):  # librosa.power_to_db
    log_spec = 10.0 * np.log10(np.maximum(amin, s)) - 10.0 * np.log10(np.maximum(amin, ref))
    if top_db is not None:
        log_spec = np.maximum(log_spec, log_spec.max() - top_db)
    return log_spec


def dct_ortho(x):  # scipy.fftpack.dct(x, type=2, norm='ortho', axis=-1), via a length-2N FFT
    n = x.shape[-1]
    y = np.concatenate([x, x[..., ::-1]], axis=-1)
    k = np.arange(n)
    c = np.real(np.fft.fft(y, axis=-1)[..., :n] * np.exp(-1j * np.pi * k / (2 * n))) / 2
    scale = np.where(k == 0, np.sqrt(1.0 / n), np.sqrt(2.0 / n))
    return c * scale


def signal(sr, n):
    """Three tones, a chirp and a small deterministic 'noise', rounded to float32 (what a WAV gives)."""
    t = np.arange(n) / sr
    y = 0.5 * np.sin(2 * np.pi * 440 * t) + 0.25 * np.sin(2 * np.pi * 1234.5 * t + 0.3)
    y += 0.1 * np.sin(2 * np.pi * (300 * t + 8000 * t * t)) + 0.05 * np.sin(2 * np.pi * 5000 * t)
    y += 0.01 * np.sin(np.arange(n) ** 2 * 0.7)  # broadband, so no band is at the top_db floor
    return y.astype(np.float32).astype(np.float64)


def case(name, y, sr, n_fft, hop, n_mels, n_mfcc, fmin=0.0, fmax=None, htk=False, norm='slaney', center=True, pad_mode='constant'):
    fmax = sr / 2 if fmax is None else fmax
    power = stft_power(y, n_fft, hop, center, pad_mode)
    mel = power @ mel_filter(sr, n_fft, n_mels, fmin, fmax, htk, norm).T  # [frames, n_mels]
    log_mel = power_to_db(mel)
    mfcc = dct_ortho(log_mel)[:, :n_mfcc]
    options = dict(nFft=n_fft, hop=hop, nMels=n_mels, nMfcc=n_mfcc, fMin=fmin, fMax=fmax, melScale='htk' if htk else 'slaney',
                   norm=norm, center=center, padMode=pad_mode)
    rows = [0, len(power) // 2, len(power) - 1]  # three frames of the power spectrum keep the file small
    return dict(name=name, options=options, powerRows=rows, power=sig(power[rows]), melPower=sig(mel), logMel=sig(log_mel), mfcc=sig(mfcc))


def sig(a):
    """Nested lists rounded to 10 significant digits (relative 5e-11, far below the specs' 1e-4)."""
    return [[float('%.10g' % v) for v in row] for row in np.asarray(a)]


def main():
    sr, n = 16000, 3200
    y = signal(sr, n)
    out = dict(
        generator='packages/audio/scripts/feature-fixtures.py (numpy %s, float64)' % np.__version__,
        sampleRate=sr,
        signal=[float('%.9g' % v) for v in y],  # 9 digits: float32 values round-trip exactly
        melScale=[dict(hz=f, htk=float(hz_to_mel(f, True)), slaney=float(hz_to_mel(f, False))) for f in [0.0, 200.0, 999.0, 1000.0, 4321.0, 8000.0]],
        filterbanks=[
            dict(options=dict(sampleRate=sr, nFft=64, nMels=8, fMin=0.0, fMax=8000.0, melScale=s, norm=nm),
                 weights=sig(mel_filter(sr, 64, 8, 0.0, 8000.0, s == 'htk', nm)))
            for s, nm in [('slaney', 'slaney'), ('htk', None), ('htk', 'slaney'), ('slaney', None)]
        ],
        cases=[
            case('slaney, 512/160, 40 mels', y, sr, 512, 160, 40, 13),
            case('htk, unit peaks, 256/128, 24 mels, 50-7000 Hz, reflect', y, sr, 256, 128, 24, 12, fmin=50.0, fmax=7000.0, htk=True, norm=None, pad_mode='reflect'),
            case('whisper-like 400/160, 64 mels, not centred', y, sr, 400, 160, 64, 20, center=False),
        ],
    )
    path = os.path.join(os.path.dirname(__file__), '..', 'src', 'features', '__fixtures__', 'feature-reference.json')
    with open(path, 'w') as f:
        json.dump(out, f, separators=(',', ':'))
    print('wrote', os.path.normpath(path), os.path.getsize(path), 'bytes')


if __name__ == '__main__':
    main()
