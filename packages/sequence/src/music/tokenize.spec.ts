// The notation the corpus is written in, and note-event tokens: every token parses back to its event.
import { Vocabulary } from '../tokens/vocabulary';
import { TUNES, tuneMelody } from './corpus';
import { formatNotation, parseNotation } from './notation';
import { eventToken, melodyTokens, START_TOKEN, tokenEvent, tokensToEvents, transposeMelody } from './tokenize';

describe('parseNotation', () => {
  it('reads pitches, accidentals, dotted durations and rests on the sixteenth grid', () => {
    // C4 = 60; F#4 = 66; Bb3 = 58; dotted eighth = 3 sixteenths; whole = 16.
    expect(parseNotation('C4/4 E4/8. F#4/16 | Bb3/2 R/4 A-1/4 | G9/1', { meter: [4, 4] })).toEqual([
      { pitch: 60, steps: 4 },
      { pitch: 64, steps: 3 },
      { pitch: 66, steps: 1 },
      { pitch: 58, steps: 8 },
      { pitch: null, steps: 4 },
      { pitch: 9, steps: 4 },
      { pitch: 127, steps: 16 },
    ]);
  });

  it('names the source, the word and the expectation on bad input', () => {
    expect(() => parseNotation('C4/4 H4/4', { source: 'tune X' })).toThrow(
      'tune X: cannot read "H4/4" (word 2); expected e.g. C4/4, F#4/8., Bb3/2 or R/4',
    );
    expect(() => parseNotation('C4/16.', { source: 't' })).toThrow(/shorter than the sixteenth-note grid/);
    expect(() => parseNotation('C4/4 | D4/4 D4/4 | E4/2', { meter: [3, 4], source: 't' })).toThrow(
      't: bar 2 lasts 8 sixteenths, expected 12',
    );
    expect(() => parseNotation('  ')).toThrow(/no notes/);
  });

  it('formats back to the same text', () => {
    const text = 'C4/4 E4/8. F#4/16 A#3/2 R/4 C5/1 D5/2.';
    expect(formatNotation(parseNotation(text, { meter: [12, 4] }))).toBe(text);
    expect(() => formatNotation([{ pitch: 60, steps: 5 }])).toThrow(/5 sixteenths has no single note value/);
  });
});

describe('note-event tokens', () => {
  it('round-trips every event of every corpus tune through tokens and ids', () => {
    const melodies = TUNES.map(tuneMelody);
    const lists = melodies.map(melodyTokens);
    const vocab = Vocabulary.fromCorpus(lists, { specials: [START_TOKEN] });
    expect(vocab.token(0)).toBe(START_TOKEN);
    melodies.forEach((m, i) => {
      expect(lists[i][0]).toBe(START_TOKEN);
      expect(tokensToEvents(vocab.decode(vocab.encode(lists[i])))).toEqual(m.events);
    });
  });

  it('writes readable tokens and rejects durations that are not tokens', () => {
    expect(eventToken({ pitch: 67, steps: 3 })).toBe('G4/8.');
    expect(eventToken({ pitch: null, steps: 12 })).toBe('R/2.');
    expect(tokenEvent('G4/8.')).toEqual({ pitch: 67, steps: 3 });
    expect(() => eventToken({ pitch: 60, steps: 5 })).toThrow(/one of 1, 2, 3, 4, 6, 8, 12, 16 sixteenths, got 5/);
    expect(() => tokenEvent(START_TOKEN)).toThrow(/not a note event/);
  });

  it('transposes pitches, not rests, and stays in the MIDI range', () => {
    const m = {
      title: 't',
      tempo: 100,
      events: [
        { pitch: 60, steps: 4 },
        { pitch: null, steps: 2 },
        { pitch: 67, steps: 2 },
      ],
    };
    expect(transposeMelody(m, -2).events).toEqual([
      { pitch: 58, steps: 4 },
      { pitch: null, steps: 2 },
      { pitch: 65, steps: 2 },
    ]);
    expect(() => transposeMelody(m, 70)).toThrow(/leaves the MIDI range/);
    expect(() => transposeMelody(m, 0.5)).toThrow(/whole number/);
  });
});
