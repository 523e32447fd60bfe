import { runCli } from './testing/run-cli';

describe('dlkit (program level)', () => {
  it('--help lists every command and exits 0', async () => {
    const r = await runCli('--help');
    expect(r.code).toBe(0);
    for (const command of ['train', 'predict', 'dls', 'info']) expect(r.stdout).toContain(command);
  });

  it('an unknown command or option is a usage error (exit 2) with a message on stderr', async () => {
    const unknown = await runCli('bogus');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown command 'bogus'/);
    const badFlag = await runCli('train', 'mnist', '--epochs', 'zero');
    expect(badFlag.code).toBe(2);
    expect(badFlag.stderr).toMatch(/--epochs must be an integer in \[1, 10000\], got 'zero'/);
    const none = await runCli();
    expect(none.code).toBe(2);
  });

  it('info --json reports the wasm backend, versions and the extra kernels', async () => {
    const r = await runCli('info', '--json');
    expect(r.code).toBe(0);
    const info = r.json<{ backend: string; extraKernels: string[]; versions: Record<string, string> }>();
    expect(info.backend).toBe('wasm');
    expect(info.extraKernels).toEqual(
      expect.arrayContaining(['Conv2DBackpropFilter', 'UnsortedSegmentSum', 'Conv3DBackpropInputV2']),
    );
    expect(info.versions['@tensorflow/tfjs']).toMatch(/^4\./);
    expect(info.versions['onnxruntime-node']).toMatch(/^1\./);
  });
});
