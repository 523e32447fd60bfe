import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runCli } from '../testing/run-cli';

let tmp: string;
beforeEach(() => (tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dlkit-cli-sim-'))));
afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('dlkit similarity (usage errors)', () => {
  it('needs exactly two sentences and an existing BERT folder, naming what is missing (exit 2)', async () => {
    const one = await runCli('similarity', '--model', tmp, 'only one');
    expect([one.code, one.stderr]).toEqual([2, expect.stringContaining('expected exactly two sentences, got 1')]);
    const missing = await runCli('similarity', '--model', path.join(tmp, 'none'), 'a', 'b');
    expect([missing.code, missing.stderr]).toEqual([2, expect.stringContaining('none: no such directory')]);
    const empty = await runCli('similarity', '--model', tmp, 'a', 'b');
    expect([empty.code, empty.stderr]).toEqual([
      2,
      expect.stringContaining(`${path.join(tmp, 'config.json')}: missing: the model configuration`),
    ]);
  });
});
