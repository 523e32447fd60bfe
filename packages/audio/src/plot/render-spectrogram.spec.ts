import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { decodeImage } from '@dlkit/core';
import { logMelSpectrogram } from '../features/mel-spectrogram';
import { sineWave } from '../signals/test-signals';
import { melBandCenters, renderSpectrogram } from './render-spectrogram';

it('draws a log-mel spectrogram to PNG with time and frequency axes', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dlkit-spec-'));
  try {
    const options = { sampleRate: 16000, nFft: 512, hop: 160, nMels: 32 };
    const logMel = logMelSpectrogram(sineWave(1000, 1, 16000, 0.5), options); // 101 frames × 32 bands
    const file = await renderSpectrogram(path.join(dir, 'tone.png'), logMel, {
      ...options,
      frequencies: melBandCenters(options),
      title: '1 kHz',
    });
    const { width, height } = await decodeImage(file, { channels: 3 });
    expect(width).toBeGreaterThan(400);
    expect(height).toBeGreaterThan(200);
    await expect(renderSpectrogram(path.join(dir, 'x.png'), [], options)).rejects.toThrow(
      'x.png: spectrogram is empty (0 frames × 0 bins)',
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
