import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { readImageInfo } from '@dlkit/core';
import { attentionSvg, renderAttentionPng, viridis } from './attention-plot';

// Two output characters over a 3-character input padded to Tx = 5.
const t = {
  input: 'a<b',
  output: 'xy',
  attention: [
    [0.7, 0.1, 0.1, 0.05, 0.05],
    [0, 0, 0.2, 0.3, 0.5],
    [0.2, 0.2, 0.2, 0.2, 0.2],
  ],
};

describe('attention heatmap', () => {
  it('labels inputs and outputs, sums padding into one column, and escapes text', () => {
    const svg = attentionSvg(t);
    expect(svg).toContain('>a</text>');
    expect(svg).toContain('>&lt;</text>');
    expect(svg).toContain('>pad</text>');
    expect(svg).toContain('>x</text>');
    expect(svg).toContain('input characters');
    expect(svg).toContain('>output</text>'); // two rows: the short axis title
    // 2 rows x (3 input + 1 pad) cells; the pad cell of row 2 holds 0.3 + 0.5.
    expect(svg.match(/<title>/g)).toHaveLength(8);
    expect(svg).toContain('<title>0.800</title>');
  });

  it('maps weights onto viridis ends and renders a PNG', async () => {
    expect(viridis(0)).toBe('#440154');
    expect(viridis(1)).toBe('#fde725');
    expect(viridis(2)).toBe('#fde725');
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'att-')), 'a.png');
    await renderAttentionPng(t, file);
    const meta = await readImageInfo(file);
    expect(meta.format).toBe('png');
    expect(meta.width).toBeGreaterThan(300);
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  });

  it('refuses attention that does not fit the strings', () => {
    expect(() => attentionSvg({ ...t, input: 'abcdef' })).toThrow(/input has 6 characters but the attention covers 5/);
    expect(() => attentionSvg({ ...t, output: 'xyzw' })).toThrow(/3 attention rows for 4 output characters/);
  });
});
