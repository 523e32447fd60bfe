// Piano rolls: one bar per note, panels on a shared time scale, a PNG of the requested size.
import { readImageInfo } from '@dlkit/core';
import { pianoRollPng, pianoRollSvg } from './piano-roll';

const a = [
  { pitch: 60, steps: 4 },
  { pitch: null, steps: 4 },
  { pitch: 67, steps: 8 },
]; // one 4/4 bar
const b = [
  { pitch: 72, steps: 16 },
  { pitch: 71, steps: 16 },
]; // two bars

describe('pianoRollSvg', () => {
  it('draws one rounded bar per note, scaled to the longest melody', () => {
    const svg = pianoRollSvg(
      [
        { title: 'a & b', events: a },
        { title: 'b', events: b },
      ],
      { width: 416, panelHeight: 200 },
    );
    const notes = [...svg.matchAll(/<rect x="([\d.]+)" y="[\d.]+" width="([\d.]+)" height="[\d.]+" rx="2"/g)].map(
      (m) => [Number(m[1]), Number(m[2])],
    );
    expect(notes).toHaveLength(4);
    // Plot width 416 - 56 - 16 = 344 px for 2 bars (32 steps): 10.75 px per step, bars start at x = 56.
    expect(notes[0]).toEqual([56.5, 42]); // C4 quarter: 4 steps = 43 px, minus a 1 px gap
    expect(notes[1]).toEqual([142.5, 85]); // G4 half after a quarter rest: starts at step 8
    expect(notes[2]).toEqual([56.5, 171]); // C5 whole in the second panel, same time scale
    expect(svg).toContain('a &amp; b');
    expect(() => pianoRollSvg([])).toThrow(/at least one melody/);
  });

  it('rasterises to a PNG of width x (panels x panelHeight)', async () => {
    const meta = await readImageInfo(await pianoRollPng([{ title: 'a', events: a }], { width: 300, panelHeight: 120 }));
    expect([meta.format, meta.width, meta.height]).toEqual(['png', 300, 120]);
  });
});
