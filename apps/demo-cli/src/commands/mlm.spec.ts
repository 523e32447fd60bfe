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

  it('checks --corpus and --from, and refuses architecture flags with --from (exit 2)', async () => {
    const corpus = await runCli('mlm', 'train', '--corpus', 'wordnet,news');
    expect(corpus.code).toBe(2);
    expect(corpus.stderr).toContain("--corpus must be a comma-separated list of wordnet, brown, got 'wordnet,news'");
    const missing = await runCli('mlm', 'train', '--from', 'no-such-mlm-folder');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--from no-such-mlm-folder: no such directory');
    const clash = await runCli('mlm', 'train', '--from', '.', '--layers', '4', '--cased');
    expect(clash.code).toBe(2);
    expect(clash.stderr).toContain('drop --layers, --cased');
  });
});
