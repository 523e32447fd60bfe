import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { decodeImage } from '@dlkit/core';
import { detectionsSvg, drawDetections, rgbToPng } from './draw';

describe('detection drawing', () => {
  it('writes one rectangle and an escaped, in-image tag per box', () => {
    const svg = detectionsSvg(
      100,
      50,
      [
        { box: [10, 20, 30, 40], label: 'a<b', score: 0.5 },
        { box: [90, 0, 100, 10], label: 'long label', score: 1 },
      ],
      ['a<b'],
    );
    expect(svg).toContain('<rect x="10" y="20" width="20" height="20"');
    expect(svg).toContain('a&lt;b 0.50');
    // The second tag would overflow the right edge: it is shifted left so it ends inside the image.
    const tags = [...svg.matchAll(/<rect x="([\d.]+)" y="[\d.-]+" width="(\d+)" height="\d+" fill=/g)].map((m) => [
      Number(m[1]),
      Number(m[2]),
    ]);
    for (const [x, w] of tags) expect(x + w).toBeLessThanOrEqual(100);
  });

  it('composites the overlay onto the image (pixels change on the box outline only)', async () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dlkit-draw-'));
    const src = path.join(tmp, 'grey.png');
    fs.writeFileSync(src, await rgbToPng(new Float32Array(80 * 60 * 3).fill(0.5), 80, 60));
    const out = path.join(tmp, 'out.png');
    await drawDetections(src, [{ box: [20, 30, 60, 55], label: 'x' }], out, ['x']);
    const { data, ...info } = await decodeImage(out, { channels: 3 });
    expect([info.width, info.height]).toEqual([80, 60]);
    const px = (x: number, y: number) => Array.from(data.subarray((y * 80 + x) * 3, (y * 80 + x) * 3 + 3));
    expect(px(40, 45)).toEqual([128, 128, 128]); // inside the box: untouched
    expect(px(40, 55)).not.toEqual([128, 128, 128]); // on the bottom edge: drawn
    expect(fs.readdirSync(tmp).sort()).toEqual(['grey.png', 'out.png']); // written atomically: no temporary file left
    fs.rmSync(tmp, { recursive: true, force: true });
  });
});
