import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { expectWindowsMatchWholeRead, signal } from './__fixtures__/wav-checks';
import { WavStreamWriter } from './wav-stream-writer';

// Slow (~10-20 s): 3 minutes of 16 kHz stereo (11.5 MB) streamed to disk, read whole with wavefile
// and window by window with positioned reads.
it('a 3-minute WAV written in pieces reads back window by window as it reads whole', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dlkit-long-wav-'));
  try {
    const file = path.join(dir, 'long.wav');
    const rate = 16000;
    const w = new WavStreamWriter(file, { sampleRate: rate, channels: 2 });
    for (let s = 0; s < 180; s++) w.write([signal(rate, s), signal(rate, -s)]);
    w.write([signal(1234), signal(1234)]); // a partial last second
    w.close();
    expect(w.frames).toBe(180 * rate + 1234);
    expect(expectWindowsMatchWholeRead(file, 10, 7.5)).toBe(25);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}, 120_000);
