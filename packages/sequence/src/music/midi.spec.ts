// MIDI out and back in: our files parse with @tonejs/midi and with the independent midi-parser-js
// to the same notes; other people's files are quantised to tokens; bad files name themselves.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Midi } from '@tonejs/midi';
import MidiParser from 'midi-parser-js';
import type { Melody, NoteEvent } from './events';
import { melodyToMidi, midiToMelody, MidiFileError, readMidiFile, readMidiFolder } from './midi';
import { parseNotation } from './notation';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dlkit-midi-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const melody: Melody = {
  title: 'test tune',
  tempo: 90,
  meter: [3, 4],
  events: parseNotation('D4/4 | G4/2 B4/8 G4/8 | R/4 F#4/8. E4/16 A4/4 | C#5/2.', { meter: [3, 4] }),
};

/** Absolute-time notes [pitch, startTick, endTick] as midi-parser-js sees them (note-on velocity 0 = note-off). */
function notesByMidiParser(bytes: Uint8Array): {
  ppq: number;
  notes: [number, number, number][];
  tempoMicros: number[];
} {
  const parsed = MidiParser.parse(bytes);
  if (!parsed) throw new Error('midi-parser-js could not read the file');
  const notes: [number, number, number][] = [];
  const tempoMicros: number[] = [];
  for (const track of parsed.track) {
    let tick = 0;
    const open = new Map<number, number>();
    for (const ev of track.event) {
      tick += ev.deltaTime;
      if (ev.type === 0xff && ev.metaType === 0x51) tempoMicros.push(ev.data as number);
      const data = ev.data as number[];
      if (ev.type === 0x9 && data[1] > 0) open.set(data[0], tick);
      else if (ev.type === 0x8 || (ev.type === 0x9 && data[1] === 0)) {
        notes.push([data[0], open.get(data[0])!, tick]);
        open.delete(data[0]);
      }
    }
  }
  return { ppq: parsed.timeDivision as number, notes: notes.sort((a, b) => a[1] - b[1]), tempoMicros };
}

/** The same notes computed from the events: ticks at 480 per quarter = 120 per sixteenth. */
function expectedNotes(events: NoteEvent[]): [number, number, number][] {
  const out: [number, number, number][] = [];
  let step = 0;
  for (const e of events) {
    if (e.pitch !== null) out.push([e.pitch, step * 120, (step + e.steps) * 120]);
    step += e.steps;
  }
  return out;
}

describe('melodyToMidi', () => {
  const bytes = melodyToMidi(melody);

  it('parses back with @tonejs/midi: notes, tempo, meter and title', () => {
    const midi = new Midi(bytes);
    expect(midi.header.ppq).toBe(480);
    expect(midi.header.tempos[0].bpm).toBeCloseTo(90, 3);
    expect(midi.header.timeSignatures[0].timeSignature).toEqual([3, 4]);
    expect(midi.header.name).toBe('test tune');
    expect(midi.tracks[0].notes.map((n) => [n.midi, n.ticks, n.ticks + n.durationTicks])).toEqual(
      expectedNotes(melody.events),
    );
  });

  it('parses back with the independent midi-parser-js to the same notes', () => {
    const r = notesByMidiParser(bytes);
    expect(r.ppq).toBe(480);
    expect(r.tempoMicros).toEqual([Math.floor(60e6 / 90)]); // 666666 microseconds per quarter
    expect(r.notes).toEqual(expectedNotes(melody.events));
    // 62 = D4, 66 = F#4, 73 = C#5: pitch spelling is MIDI numbers in both parsers
    expect(r.notes.map((n) => n[0])).toEqual([62, 67, 71, 67, 66, 64, 69, 73]);
  });

  it('round-trips through midiToMelody', () => {
    expect(midiToMelody(bytes, 'x.mid')).toEqual(melody);
  });

  it('rejects events that are not MIDI', () => {
    expect(() => melodyToMidi({ ...melody, events: [{ pitch: 130, steps: 4 }] })).toThrow(/0-127, got 130/);
    expect(() => melodyToMidi({ ...melody, events: [{ pitch: 60, steps: 0 }] })).toThrow(/positive whole steps/);
  });
});

describe('midiToMelody on other MIDI files', () => {
  it('quantises off-grid timing, keeps the top note of chords, ignores drums, and fills gaps with rests', () => {
    const midi = new Midi();
    const piano = midi.addTrack();
    // ppq 480: a sixteenth is 120 ticks.
    piano.addNote({ midi: 60, ticks: 5, durationTicks: 470 }); // ~quarter C4, a bit late
    piano.addNote({ midi: 64, ticks: 0, durationTicks: 480 }); // chord with E4: E4 is the top note
    piano.addNote({ midi: 67, ticks: 482, durationTicks: 230 }); // ~eighth G4
    piano.addNote({ midi: 72, ticks: 1200, durationTicks: 600 }); // after a quarter rest, 5 sixteenths of C5
    piano.addNote({ midi: 74, ticks: 1800, durationTicks: 480 }); // D5 right after
    const drums = midi.addTrack();
    drums.channel = 9;
    drums.addNote({ midi: 90, ticks: 240, durationTicks: 120 });
    const m = midiToMelody(midi.toArray(), 'user.mid');
    // 5 sixteenths is no token duration: a quarter (4) plus a sixteenth rest keeps the onsets.
    expect(m.events).toEqual([
      { pitch: 64, steps: 4 },
      { pitch: 67, steps: 2 },
      { pitch: null, steps: 4 },
      { pitch: 72, steps: 4 },
      { pitch: null, steps: 1 },
      { pitch: 74, steps: 4 },
    ]);
    expect(m.title).toBe('user');
    expect(m.tempo).toBe(120);
  });

  it('cuts a note where the next one starts and splits long rests into token durations', () => {
    const midi = new Midi();
    const t = midi.addTrack();
    t.addNote({ midi: 60, ticks: 0, durationTicks: 960 }); // half note, overlapped by the next onset
    t.addNote({ midi: 62, ticks: 480, durationTicks: 120 });
    t.addNote({ midi: 64, ticks: 600 + 120 * 20, durationTicks: 120 }); // 20 sixteenths of silence before
    expect(midiToMelody(midi.toArray(), 'a.mid').events).toEqual([
      { pitch: 60, steps: 4 },
      { pitch: 62, steps: 1 },
      { pitch: null, steps: 16 },
      { pitch: null, steps: 4 },
      { pitch: 64, steps: 1 },
    ]);
  });
});

describe('bad MIDI files', () => {
  const write = (name: string, data: string | Uint8Array) => {
    const file = path.join(tmp, name);
    fs.writeFileSync(file, data);
    return file;
  };

  it('names the file and the problem: empty, not MIDI, truncated, no notes, missing', () => {
    expect(() => readMidiFile(write('empty.mid', ''))).toThrow(/empty\.mid: empty file/);
    expect(() => readMidiFile(write('text.mid', 'this is not a MIDI file at all'))).toThrow(
      /text\.mid: not a readable MIDI file/,
    );
    const truncated = melodyToMidi(melody).slice(0, 40);
    expect(() => readMidiFile(write('cut.mid', truncated))).toThrow(/cut\.mid: not a readable MIDI file/);
    const silent = new Midi();
    silent.addTrack();
    expect(() => readMidiFile(write('silent.mid', silent.toArray()))).toThrow(/silent\.mid: contains no notes/);
    expect(() => readMidiFile(path.join(tmp, 'nope.mid'))).toThrow(/nope\.mid: file not found/);
    expect(() => readMidiFile(path.join(tmp, 'cut.mid'))).toThrow(MidiFileError);
  });

  it('skips bad files of a folder, reporting each by name, and errors on an empty folder', () => {
    const dir = path.join(tmp, 'folder');
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, 'a-good.mid'), melodyToMidi(melody));
    fs.writeFileSync(path.join(dir, 'b-bad.mid'), 'garbage');
    fs.writeFileSync(path.join(dir, 'c-empty.MID'), '');
    fs.writeFileSync(path.join(dir, 'notes.txt'), 'not a MIDI name, ignored');
    const reported: string[] = [];
    const r = readMidiFolder(dir, (file, error) => reported.push(`${path.basename(file)}|${error}`));
    expect(r.melodies.map((m) => m.title)).toEqual(['test tune']);
    expect(reported).toEqual([
      expect.stringMatching(/^b-bad\.mid\|.*b-bad\.mid: not a readable MIDI file/),
      expect.stringMatching(/^c-empty\.MID\|.*empty file/),
    ]);
    expect(r.skipped.map((s) => path.basename(s.file))).toEqual(['b-bad.mid', 'c-empty.MID']);

    const none = path.join(tmp, 'none');
    fs.mkdirSync(none);
    expect(() => readMidiFolder(none)).toThrow(/none has no \.mid or \.midi files/);
    expect(() => readMidiFolder(path.join(tmp, 'missing'))).toThrow(/missing not found/);
    const allBad = path.join(tmp, 'allbad');
    fs.mkdirSync(allBad);
    fs.writeFileSync(path.join(allBad, 'x.mid'), 'nope');
    expect(() => readMidiFolder(allBad)).toThrow(/none of the 1 MIDI files in .*allbad could be read/);
  });
});
