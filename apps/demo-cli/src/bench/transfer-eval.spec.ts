import { main } from './transfer-eval';

describe('eval:transfer options', () => {
  let stderr: jest.SpyInstance;
  let stdout: jest.SpyInstance;
  beforeEach(() => {
    stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    stdout = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
  });
  afterEach(() => jest.restoreAllMocks());

  it('--help prints the usage with the sweep form and exits 0', async () => {
    await expect(main(['--help'])).resolves.toBe(0);
    expect(stdout.mock.calls.join('')).toContain('--shots 1,2,5,10,20');
  });

  it.each([
    [['--shots', '0'], /--shots must be an integer >= 1/],
    [['--shots', '5,x'], /--shots must be an integer >= 1/],
    [['--seeds', '1,a'], /--seeds must be/],
    [['--seeds'], /--seeds must be/],
    [['--shots', '5,'], /--shots must be an integer >= 1/],
    [['--network', 'alexnet'], /--network must be one of/],
    [['--frobnicate'], /unknown option --frobnicate/],
  ])('%j is a usage error (exit 2) before any training', async (argv, message) => {
    await expect(main(argv)).resolves.toBe(2);
    expect(stderr.mock.calls.join('')).toMatch(message);
  });
});
