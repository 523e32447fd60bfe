import { main } from './transfer-eval';

describe('eval:transfer options', () => {
  let stderr: jest.SpyInstance;
  let stdout: jest.SpyInstance;
  beforeEach(() => {
    stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    stdout = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
  });
  afterEach(() => jest.restoreAllMocks());

  it('--help prints the options, with the target sweep as the default, and exits 0', async () => {
    await expect(main(['--help'])).resolves.toBe(0);
    const help = stdout.mock.calls.join('');
    expect(help).toContain('--shots 1,2,5,10,20');
    expect(help).toContain('default 1,2,3');
  });

  it.each([
    [['--shots', '0'], /--shots must be a comma-separated list of integers in \[1, 500\], got '0'/],
    [['--shots', '5,x'], /--shots must be/],
    [['--shots', '5,'], /--shots must be/],
    [['--shots', '0x5'], /--shots must be/],
    [['--seeds', '1,a'], /--seeds must be/],
    [['--seeds', ''], /--seeds must be/],
    [['--seeds'], /option '--seeds <list>' argument missing/],
    [['--network', 'alexnet'], /--network must be one of/],
    [['--backbone-epochs', '1e3'], /--backbone-epochs must be an integer in \[1, 1000\]/],
    [['--head-epochs', ''], /--head-epochs must be an integer in \[0, 1000\]/],
    [['--frobnicate'], /unknown option '--frobnicate'/],
  ])('%j is a usage error (exit 2) before any training', async (argv, message) => {
    await expect(main(argv)).resolves.toBe(2);
    expect(stderr.mock.calls.join('')).toMatch(message);
  });
});
