// Ctrl-C during training says what was saved and how to resume, and exits 130.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { checkpointEpochs, interruptMessage, onInterrupt } from './interrupt';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dlkit-interrupt-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('interrupt message', () => {
  it('names the checkpoint, the completed epochs and the resume command', () => {
    fs.mkdirSync(path.join(tmp, 'checkpoint'));
    fs.writeFileSync(
      path.join(tmp, 'checkpoint', 'state.json'),
      JSON.stringify({ format: 'dlkit-checkpoint', completedEpochs: 3 }),
    );
    expect(checkpointEpochs(tmp)).toBe(3);
    expect(interruptMessage({ command: 'dlkit train mnist', outDir: tmp, resumable: true })).toBe(
      `interrupted: checkpoint in ${path.join(tmp, 'checkpoint')} holds 3 completed epochs; continue with: dlkit train mnist --out ${tmp} --resume (and the same flags)`,
    );
  });
  it('before the first checkpoint, and for commands without one', () => {
    const empty = path.join(tmp, 'empty');
    expect(interruptMessage({ command: 'dlkit train images', outDir: empty, resumable: true })).toMatch(
      /before the first epoch ended: nothing saved yet/,
    );
    expect(interruptMessage({ command: 'dlkit forecast', outDir: empty, resumable: false })).toMatch(
      /dlkit forecast keeps no checkpoint, nothing was saved/,
    );
  });
  it('the SIGINT handler prints the message and exits 130; released, it is gone', () => {
    const exit = jest.fn();
    const lines: string[] = [];
    const before = process.listenerCount('SIGINT');
    const release = onInterrupt(() => 'interrupted: test', { exit, write: (l) => lines.push(l) });
    expect(process.listenerCount('SIGINT')).toBe(before + 1);
    process.emit('SIGINT');
    expect(exit).toHaveBeenCalledWith(130);
    expect(lines.join('')).toBe('\ndlkit: interrupted: test\n');
    release();
    expect(process.listenerCount('SIGINT')).toBe(before);
    onInterrupt(() => 'x', { exit, write: () => undefined })();
    expect(process.listenerCount('SIGINT')).toBe(before);
  });
});
