/**
 * Loads `@echogarden/espeak-ng-emscripten` (eSpeak NG compiled with Emscripten to plain JavaScript,
 * wasm2js) from CommonJS. The package is ESM-only (`export default Module`, `import.meta.url`,
 * `await import("module")`); dlkit compiles to CommonJS for Node 20, which cannot `require` ESM,
 * and Jest runs CommonJS without VM modules, so a dynamic `import()` fails under test. The file is
 * one factory function, so we evaluate its text as a CommonJS function body with those three ESM
 * constructs replaced by their CommonJS equivalents. The `.data` file (voices and dictionaries,
 * 24 MB) is read from the package folder by the module itself.
 */
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';

/** One eSpeak NG event passed to a synthesis callback (`audio_position` in milliseconds). */
export interface EspeakEvent {
  type: string;
  text_position: number;
  word_length: number;
  audio_position: number;
  id?: number | string;
}

/** The part of the emscripten `eSpeakNGWorker` that dlkit uses. */
export interface EspeakWorker {
  set_voice(name: string, language: string): number;
  set_rate(wordsPerMinute: number): void;
  set_pitch(pitch: number): void;
  get_samplerate(): number;
  list_voices(): { name: string; identifier: string; languages: { priority: number; name: string }[] }[];
  synthesize(text: string, callback: (audio: Int16Array | null, events: EspeakEvent[]) => boolean): void;
}

/** The initialised emscripten module. */
export interface EspeakModule {
  eSpeakNGWorker: new () => EspeakWorker;
  FS: { readdir(dir: string): string[] };
}

/** The package's `espeak-ng.js`, found through its package.json. */
function moduleFile(): string {
  const dir = path.dirname(require.resolve('@echogarden/espeak-ng-emscripten/package.json'));
  return path.join(dir, 'espeak-ng.js');
}

/** Evaluates the ESM factory as CommonJS and initialises one module instance. */
export async function loadEspeakModule(): Promise<EspeakModule> {
  const file = moduleFile();
  const url = JSON.stringify(pathToFileURL(file).href);
  const source = fs
    .readFileSync(file, 'utf8')
    .replace(/import\.meta\.url/g, url)
    .replace(/await import\("module"\)/g, 'nodeRequire("module")')
    .replace(/export default Module;\s*$/, 'return Module;');
  // The module builds its own `require` from `module.createRequire`; hand it ours under another name.
  const factory = new Function('nodeRequire', source)(require) as () => Promise<EspeakModule>;
  return factory();
}
