import { runCli } from '../testing/run-cli';

describe('dlkit mlm train flags', () => {
  it('names the choices of --embedding-init and exits 2 on another value', async () => {
    const help = await runCli('mlm', 'train', '--help');
    expect(help.stdout).toContain('--embedding-init <skipgram|random>');
    expect(help.stdout).toContain('(default skipgram)');
    const r = await runCli('mlm', 'train', '--embedding-init', 'glove');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--embedding-init');
    expect(r.stderr).toContain('glove');
  });
});
