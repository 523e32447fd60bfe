// Minimal types for the independent MIDI parser the specs check our files with (the package ships none).
declare module 'midi-parser-js' {
  interface MidiParserEvent {
    deltaTime: number;
    type: number;
    metaType?: number;
    channel?: number;
    data?: number | number[] | string;
  }
  interface MidiParserResult {
    formatType: number;
    tracks: number;
    timeDivision: number | number[];
    track: { event: MidiParserEvent[] }[];
  }
  const MidiParser: { parse(input: Uint8Array): MidiParserResult | false };
  export default MidiParser;
}
