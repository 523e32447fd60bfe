// The bad-input sweep: one case (or more) per finding of a sweep of bad inputs, so none comes back.
// Every case here is refused by the checks that run before any work, so each takes milliseconds;
// the only slow case is Ctrl-C, which needs a real training process to interrupt (~10 s).
import { execFileSync, spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { encodeImage } from '@dlkit/core';
import { runCli } from './testing/run-cli';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dlkit-bad-input-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
const png = path.join(tmp, 'good.png');
const fifo = path.join(tmp, 'fifo.onnx');
const fifoPng = path.join(tmp, 'fifo.png');
const modelDir = path.join(tmp, 'model');
const cores = os.availableParallelism();
beforeAll(async () => {
  const red = new Uint8Array(32 * 32 * 3).map((_, i) => [0xcc, 0x33, 0x33][i % 3]);
  fs.writeFileSync(png, await encodeImage({ data: red, width: 32, height: 32, channels: 3 }));
  execFileSync('mkfifo', [fifo, fifoPng]);
  fs.mkdirSync(modelDir);
});

/** A folder even root cannot write to (/sys in Linux containers), if this machine has one. */
const unwritable = (() => {
  try {
    fs.rmdirSync(fs.mkdtempSync('/sys/dlkit-'));
    return undefined;
  } catch {
    return fs.existsSync('/sys') ? '/sys' : undefined;
  }
})();

/** --help text with commander's line wrapping undone. */
async function help(...args: string[]): Promise<string> {
  return (await runCli(...args, '--help')).stdout.replace(/\s+/g, ' ');
}

async function expectUsage(args: string[], message: RegExp | string): Promise<string> {
  const r = await runCli(...args);
  expect({ args, code: r.code }).toEqual({ args, code: 2 });
  expect(r.stderr).toMatch(message);
  expect(r.stdout).toBe(''); // refused before any work: nothing printed as a result
  return r.stderr;
}

describe('unbounded resources: every count and size has a documented range, checked first', () => {
  it('--workers is capped at the core count unless --force-workers (and at 256 even then)', async () => {
    await expectUsage(
      ['train', 'mnist', '--workers', '1000'],
      `--workers must be an integer in [1, ${cores}] (the core count), got 1000; add --force-workers`,
    );
    await expectUsage(['train', 'images', '--data', tmp, '--workers', String(cores + 1)], /add --force-workers/);
    await expectUsage(
      ['train', 'mnist', '--workers', '1000', '--force-workers'],
      '--workers must be an integer in [1, 256] even with --force-workers',
    );
    const text = await help('train', 'mnist');
    expect(text).toContain(
      `--workers <n> threads computing each batch (data parallel), 1 to the core count (${cores} here; up to 256 with --force-workers)`,
    );
    expect(text).toContain('--force-workers');
  });
  it('textgen sample --n is at most 10000', async () => {
    await expectUsage(
      ['textgen', 'sample', '--n', '1000000000'],
      "--n must be an integer in [1, 10000], got '1000000000'",
    );
    expect(await help('textgen', 'sample')).toContain('--n <count> number of samples, an integer in [1, 10000]');
  });
  it('style --size is at most 1024 and blamed on the flag, not on the content image', async () => {
    const err = await expectUsage(
      ['style', '--content', png, '--style', png, '--size', '100000'],
      "--size must be an integer in [16, 1024], got '100000'",
    );
    expect(err).not.toMatch(/content|sharp|memory/i);
    expect(await help('style')).toContain('resized to size x size, an integer in [16, 1024]');
  });
});

describe('special files: inputs that must be regular files are checked as such', () => {
  it('a named pipe as --model, as an image, as --pairs', async () => {
    await expectUsage(
      ['predict', '--model', fifo, png],
      `--model ${fifo}: is a named pipe, expected a tfjs model directory or an .onnx file`,
    );
    await expectUsage(
      ['predict', '--model', modelDir, fifoPng],
      `${fifoPng}: is a named pipe, expected a PNG, JPEG or WebP image`,
    );
    await expectUsage(['detect', '--model', fifo, png], /is a named pipe/);
    await expectUsage(['style', '--content', fifoPng, '--style', png], `--content ${fifoPng}: is a named pipe`);
    await expectUsage(['translate-date', 'train', '--pairs', fifo], `--pairs ${fifo}: is a named pipe`);
  });
  it('/dev/zero as a labels file', async () => {
    await expectUsage(
      ['predict', '--model', modelDir, '--labels', '/dev/zero', png],
      '--labels /dev/zero: is a device, expected a text file with one label per line',
    );
    await expectUsage(
      ['detect', '--model', modelDir, '--labels', '/dev/zero', png],
      /--labels \/dev\/zero: is a device/,
    );
  });
});

describe('blank and malformed values: one strict parser everywhere', () => {
  it.each([
    [['dls', 'planar', '--seed', ''], "--seed must be an integer in [0, 4294967295], got ''"],
    [['dls', 'planar', '--seed', ' '], "got ' '"],
    [['textgen', 'sample', '--seed', ''], '--seed must be'],
    [['train', 'mnist', '--epochs', '0x1'], "--epochs must be an integer in [1, 10000], got '0x1'"],
    [['train', 'mnist', '--batch-size', '1e20'], "--batch-size must be an integer in [1, 65536], got '1e20'"],
    [['train', 'detector', '--scenes', '1.5'], '--scenes must be'],
    [['forecast', '--horizon', '+3'], '--horizon must be'],
    [['music', 'generate', '--model', '.', '--temperature', 'Infinity'], '--temperature must be a number in [0, 100]'],
    [['textgen', 'train', '--out', ''], "--out needs a value, got ''"],
    [['translate-date', 'train', '--pairs', ' '], "--pairs needs a value, got ' '"],
  ])('%j', async (args, message) => {
    await expectUsage(args, message);
  });
  it('translate-date "" and "  " are refused instead of translating nothing', async () => {
    for (const text of ['', '   '])
      await expectUsage(['translate-date', text, '--model', modelDir], /give the text to translate/);
  });
});

describe('out-of-range values', () => {
  it('style --learning-rate 2 and --steps 0', async () => {
    await expectUsage(
      ['style', '--content', png, '--style', png, '--learning-rate', '2'],
      "--learning-rate must be a number in (0, 1], got '2'",
    );
    await expectUsage(
      ['style', '--content', png, '--style', png, '--steps', '0'],
      "--steps must be an integer in [1, 100000], got '0'",
    );
    expect(await help('style')).toContain('--learning-rate <lr> Adam step size on pixels, a number in (0, 1]');
    expect(await help('style')).toContain('--steps <n> Adam steps on the pixels, an integer in [1, 100000]');
  });
  it('train images --size below 16 fails at once, and --help says so', async () => {
    await expectUsage(
      ['train', 'images', '--data', tmp, '--size', '8'],
      "--size must be an integer in [16, 512], got '8'",
    );
    expect(await help('train', 'images')).toContain('--size <n> images are resized to N×N, an integer in [16, 512]');
  });
});

describe('write targets are checked before the work, and no temporary file is left', () => {
  it('style --out on an existing directory', async () => {
    const dir = path.join(tmp, 'existing-dir.png');
    fs.mkdirSync(dir);
    await expectUsage(
      ['style', '--content', png, '--style', png, '--out', dir],
      `--out ${dir}: is a directory, expected a file to write`,
    );
    expect(fs.readdirSync(dir)).toEqual([]);
    expect(fs.readdirSync(tmp).filter((f) => f.includes('.tmp'))).toEqual([]);
  });
  (unwritable ? it : it.skip)('style --out and detect --out in a folder that cannot be written', async () => {
    const started = Date.now();
    await expectUsage(
      ['style', '--content', png, '--style', png, '--out', path.join(unwritable!, 'x.png')],
      `cannot write to ${unwritable}`,
    );
    expect(Date.now() - started).toBeLessThan(2000); // no optimisation ran
    await expectUsage(
      ['detect', '--model', modelDir, png, '--out', path.join(unwritable!, 'detect')],
      /--out .*detect: cannot write to/,
    );
    await expectUsage(['train', 'mnist', '--out', path.join(unwritable!, 'run')], /cannot write to/);
  });
  it('--out DIR that is a file', async () => {
    await expectUsage(['forecast', '--out', png], `--out ${png}: exists and is not a directory`);
  });
});

describe('no raw system errors', () => {
  it('--labels DIR names the path, without EISDIR', async () => {
    const err = await expectUsage(
      ['predict', '--model', modelDir, '--labels', tmp, png],
      `--labels ${tmp}: is a directory, expected a text file with one label per line`,
    );
    expect(err).not.toMatch(/EISDIR|illegal operation/);
  });
  it('--max-length errors use the flag name and exit 2', async () => {
    await expectUsage(
      ['textgen', 'sample', '--max-length', '3', '--prefix', 'abc'],
      '--max-length must be above the --prefix length (3 characters), got 3',
    );
    await expectUsage(['textgen', 'sample', '--max-length', '0'], /--max-length must be an integer in \[1, 10000\]/);
    const err = await runCli('textgen', 'sample', '--max-length', '3', '--prefix', 'abc');
    expect(err.stderr).not.toMatch(/maxLength/);
  });
});

describe('untrusted text is quoted safely', () => {
  it('a model.json holding terminal escape sequences is not echoed raw', async () => {
    const evil = path.join(tmp, 'evil');
    fs.mkdirSync(evil);
    fs.writeFileSync(path.join(evil, 'model.json'), 'not json \u001b[2J\u001b]0;pwned\u0007');
    const r = await runCli('predict', '--model', evil, png);
    expect(r.code).toBe(1); // the file exists; reading it failed while working
    expect(r.stderr).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/);
    expect(r.stderr).toContain('\\x1b['); // the escape shown, not acted on
  });
  it('a 15,000-character value is cut, with its length stated', async () => {
    const r = await runCli('dls', 'x'.repeat(15000));
    expect(r.code).toBe(2);
    expect(r.stderr.length).toBeLessThan(700);
    expect(r.stderr).toContain('(15000 characters)');
    const t = await runCli('translate-date', 'y'.repeat(15000), '--model', path.join(tmp, 'no-model'));
    expect(t.stderr.length).toBeLessThan(700);
  });
  it('commander echoes unknown options escaped too', async () => {
    const r = await runCli('info', '--\u001b[31mred');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('\\x1b[31mred');
  });
});

describe('degenerate training data is an error saying how much is needed', () => {
  it('translate-date train --pairs with mostly bad rows', async () => {
    const tsv = path.join(tmp, 'mostly-bad.tsv');
    fs.writeFileSync(tsv, ['good\tdoog', ...Array.from({ length: 30 }, (_, i) => `no tab ${i}`)].join('\n'));
    const r = await runCli('translate-date', 'train', '--pairs', tsv, '--out', path.join(tmp, 'pairs-out'));
    expect(r.code).toBe(1); // found by reading the file: a failure, not a usage error (README, "Exit codes")
    expect(r.stderr).toContain(
      `--pairs ${tsv}: 1 usable pair (30 bad rows skipped); training needs at least 10 source<TAB>target pairs`,
    );
    expect(r.stderr).not.toMatch(/epoch/);
    expect(fs.existsSync(path.join(tmp, 'pairs-out', 'model'))).toBe(false);
  });
});

describe('one exit-code rule', () => {
  it('a missing --midi folder and a missing --pairs file are both usage errors (2)', async () => {
    await expectUsage(['music', 'train', '--midi', path.join(tmp, 'absent')], /--midi .*absent: no such directory/);
    await expectUsage(
      ['translate-date', 'train', '--pairs', path.join(tmp, 'absent.tsv')],
      /--pairs .*absent\.tsv: no such file/,
    );
    await expectUsage(
      ['music', 'generate', '--model', path.join(tmp, 'absent')],
      /--model .*absent: no such directory/,
    );
    await expectUsage(
      ['textgen', 'sample', '--model', path.join(tmp, 'absent')],
      /--model .*absent: no such directory/,
    );
  });
});

describe('Ctrl-C during training', () => {
  // Slow (~15 s: MNIST loads, then two epochs): a real `dlkit train mnist` process, interrupted after its second epoch.
  it('prints what was saved and how to resume, and exits 130', async () => {
    const out = path.join(tmp, 'interrupted');
    const bin = path.join(__dirname, '..', 'bin', 'dlkit.js');
    const child = spawn(
      process.execPath,
      [
        bin,
        'train',
        'mnist',
        '--train-samples',
        '128',
        '--batch-size',
        '32',
        '--epochs',
        '1000',
        '--workers',
        '1',
        '--out',
        out,
        '--json',
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stderr = '';
    const code = await new Promise<number | null>((resolve) => {
      child.stderr.on('data', (d: Buffer) => {
        stderr += d.toString();
        if (/epoch 2\/1000/.test(stderr) && !child.killed) child.kill('SIGINT');
      });
      child.on('exit', (c) => resolve(c));
    });
    expect(code).toBe(130);
    expect(stderr).toMatch(
      new RegExp(
        `dlkit: interrupted: checkpoint in ${out}/checkpoint holds \\d+ completed epochs?; continue with: dlkit train mnist --out ${out} --resume`,
      ),
    );
    expect(fs.existsSync(path.join(out, 'checkpoint', 'state.json'))).toBe(true);
  }, 60_000);
});

describe('DLKIT_WORKERS obeys the --workers rule', () => {
  it('is capped at the core count too', async () => {
    const saved = process.env.DLKIT_WORKERS;
    process.env.DLKIT_WORKERS = '1000';
    try {
      await expectUsage(
        ['train', 'mnist', '--out', path.join(tmp, 'w')],
        `DLKIT_WORKERS must be an integer in [1, ${cores}], got '1000'`,
      );
    } finally {
      if (saved === undefined) delete process.env.DLKIT_WORKERS;
      else process.env.DLKIT_WORKERS = saved;
    }
  });
});
