// The bench and eval scripts parse their flags with commander and the CLI's strict flag module
// as the CLI: the same refusals, exit 2, before any measurement or training.
import { main as bench } from './main';
import { main as evalMnist } from './mnist-seeds';

describe('bench and eval:mnist flags', () => {
  let stderr: jest.SpyInstance;
  let stdout: jest.SpyInstance;
  beforeEach(() => {
    stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    stdout = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
  });
  afterEach(() => jest.restoreAllMocks());

  it.each([
    [['--seconds', '0'], "--seconds must be a number in (0, 3600], got '0'"],
    [['--seconds', ''], "--seconds must be a number in (0, 3600], got ''"],
    [['--seconds', '0x10'], '--seconds must be'],
    [['--quick', 'extra'], 'too many arguments'],
    [['--frobnicate'], "unknown option '--frobnicate'"],
  ])('bench %j exits 2', (argv, message) => {
    expect(bench(argv)).toBe(2);
    expect(stderr.mock.calls.join('')).toContain(message);
  });
  it('bench --help exits 0 and lists the options', () => {
    expect(bench(['--help'])).toBe(0);
    expect(stdout.mock.calls.join('')).toMatch(/--seconds <s>[\s\S]*--quick[\s\S]*--json/);
  });
  it.each([
    [['--seeds', '1,a'], "--seeds must be a comma-separated list of integers in [0, 4294967295], got '1,a'"],
    [['--seeds', ' '], '--seeds must be'],
    [['--seeds', '-1'], '--seeds must be'],
    [['--bogus'], "unknown option '--bogus'"],
  ])('eval:mnist %j exits 2 before any training', async (argv, message) => {
    await expect(evalMnist(argv)).resolves.toBe(2);
    expect(stderr.mock.calls.join('')).toContain(message);
  });
});
