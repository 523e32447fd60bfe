// `dlkit music train|generate` end to end on a small MIDI folder: the JSON contract, the files
// written (MIDI, WAV, piano roll), seeded generation, and errors that name the bad input.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { melodyToMidi, type MusicGenerateResult, readMidiFile, TUNES, tuneMelody } from '@dlkit/sequence';
import { runCli, type CliRun } from '../testing/run-cli';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dlkit-cli-music-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
const midiDir = path.join(tmp, 'tunes');
fs.mkdirSync(midiDir);
for (const id of ['ode-to-joy', 'hot-cross-buns', 'mary-had-a-little-lamb']) {
  fs.writeFileSync(path.join(midiDir, `${id}.mid`), melodyToMidi(tuneMelody(TUNES.find((t) => t.id === id)!)));
}
fs.writeFileSync(path.join(midiDir, 'zz-bad.mid'), 'definitely not MIDI');
const outDir = path.join(tmp, 'out');

type GenerateJson = Pick<
  MusicGenerateResult,
  'task' | 'midi' | 'wav' | 'notes' | 'pitchClassKl' | 'randomBaselineKl' | 'pianoRoll'
>;

describe('dlkit music', () => {
  // One training run (into outDir) that the other tests read and never change: each test can run alone.
  let r: CliRun;
  // Slow (~1-2 s): a real (tiny) training run through the CLI.
  beforeAll(async () => {
    r = await runCli('music', 'train', '--midi', midiDir, '--epochs', '2', '--seed', '1', '--out', outDir, '--json');
  }, 30_000);

  it('trains on a MIDI folder, reporting the bad file by name', () => {
    expect(r.code).toBe(0);
    const j = r.json<{
      task: string;
      model: string;
      melodies: number;
      skipped: { file: string }[];
      epochs: number;
      loss: number;
    }>();
    expect(j).toMatchObject({ task: 'music-train', model: path.join(outDir, 'model'), melodies: 3, epochs: 2 });
    expect(j.skipped.map((s) => path.basename(s.file))).toEqual(['zz-bad.mid']);
    expect(r.stderr).toMatch(/skipping .*zz-bad\.mid: .*not a readable MIDI file/);
    expect(fs.existsSync(path.join(outDir, 'model', 'music.json'))).toBe(true);
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
  });

  // Slow (~1-2 s): generates and renders twice.
  it('generates MIDI, WAV and a piano roll with the JSON contract; the same seed gives the same file', async () => {
    const file = path.join(tmp, 'gen', 'a.mid');
    const g = await runCli(
      'music',
      'generate',
      '--model',
      path.join(outDir, 'model'),
      '--bars',
      '4',
      '--seed',
      '3',
      '--out',
      file,
      '--wav',
      '--json',
    );
    expect(g.code).toBe(0);
    const j = g.json<GenerateJson>();
    expect(Object.keys(j)).toEqual(
      expect.arrayContaining(['task', 'midi', 'wav', 'notes', 'pitchClassKl', 'randomBaselineKl']),
    ); // the keys, in any order
    expect(j).toMatchObject({
      task: 'music',
      midi: file,
      wav: path.join(tmp, 'gen', 'a.wav'),
      pianoRoll: path.join(tmp, 'gen', 'a.png'),
    });
    expect(readMidiFile(file).events.filter((e) => e.pitch !== null)).toHaveLength(j.notes);
    expect(j.randomBaselineKl).toBeGreaterThan(0);
    expect(fs.readFileSync(j.wav!).subarray(0, 4).toString()).toBe('RIFF');

    const again = path.join(tmp, 'gen', 'b.mid');
    const r2 = await runCli(
      'music',
      'generate',
      '--model',
      outDir,
      '--bars',
      '4',
      '--seed',
      '3',
      '--out',
      again,
      '--no-piano-roll',
      '--json',
    );
    expect(r2.code).toBe(0);
    expect(r2.json<GenerateJson>()).toMatchObject({
      wav: null,
      pianoRoll: null,
      notes: j.notes,
      pitchClassKl: j.pitchClassKl,
    });
    expect(fs.readFileSync(again).equals(fs.readFileSync(file))).toBe(true);
  }, 30_000);

  it('exits 2 on usage errors, a missing model or MIDI folder included (naming it), and 1 on a folder without MIDI files', async () => {
    const noModel = await runCli('music', 'generate');
    expect(noModel.code).toBe(2);
    expect(noModel.stderr).toMatch(/--model <dir> is required/);
    const missing = await runCli('music', 'generate', '--model', path.join(tmp, 'nowhere'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/--model .*nowhere: no such directory/);
    expect((await runCli('music', 'generate', '--model', outDir, '--temperature', '-1')).code).toBe(2);
    expect((await runCli('music', 'generate', '--model', outDir, '--bars', '0')).code).toBe(2);
    const txt = await runCli('music', 'generate', '--model', outDir, '--out', path.join(tmp, 'x.txt'));
    expect(txt.code).toBe(2);
    expect(txt.stderr).toMatch(/--out must name a \.mid or \.midi file/);
    const noDir = await runCli('music', 'train', '--midi', path.join(tmp, 'absent'));
    expect(noDir.code).toBe(2);
    expect(noDir.stderr).toMatch(/--midi .*absent: no such directory/);
    const empty = path.join(tmp, 'empty');
    fs.mkdirSync(empty);
    const none = await runCli('music', 'train', '--midi', empty, '--out', path.join(tmp, 'o2'));
    expect(none.code).toBe(1);
    expect(none.stderr).toMatch(/empty has no \.mid or \.midi files/);
  });

  it('describes every option in --help', async () => {
    const train = await runCli('music', 'train', '--help');
    expect(train.code).toBe(0);
    for (const flag of ['--midi', '--epochs', '--out', '--seed', '--json']) expect(train.stdout).toContain(flag);
    const gen = await runCli('music', 'generate', '--help');
    for (const flag of [
      '--model',
      '--bars',
      '--temperature',
      '--top-k',
      '--seed',
      '--out',
      '--wav',
      '--no-piano-roll',
      '--json',
    ])
      expect(gen.stdout).toContain(flag);
  });
});
