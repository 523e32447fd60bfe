// `dlkit chat train` and `dlkit chat` on a small corpus written here: the JSON contracts, the REPL
// driven through stdin of the built CLI (a slot-filling exchange, then /quit), and errors that name
// the bad input.
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { CliRun, runCli } from '../testing/run-cli';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dlkit-cli-chat-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const CORPUS = {
  name: 'mini help desk',
  fallback: 'Sorry, no idea.',
  threshold: 0.5,
  intents: [
    { intent: 'greet', utterances: ['hello', 'hi there', 'hey', 'good morning', 'hello bot'], answers: ['Hi!'] },
    {
      intent: 'resume',
      utterances: [
        'continue training',
        'resume the run',
        'resume from the checkpoint',
        'continue a killed run',
        'what does resume do',
      ],
      answers: ['Add --resume.'],
    },
    {
      intent: 'experiment',
      utterances: [
        'run an experiment',
        'run the planar experiment',
        'start a course experiment',
        'show me an experiment',
        'run the init experiment',
      ],
      answers: ['Run `dlkit dls {{experiment}}`.'],
      slots: [{ entity: 'experiment', required: true, prompt: 'Which experiment?' }],
    },
  ],
  entities: [
    {
      name: 'experiment',
      values: [
        { value: 'planar', synonyms: ['flower'] },
        { value: 'init', synonyms: ['initialisation'] },
      ],
    },
  ],
};
const corpus = path.join(tmp, 'mini.json');
fs.writeFileSync(corpus, JSON.stringify(CORPUS));
const heldOut = path.join(tmp, 'mini-heldout.json');
fs.writeFileSync(
  heldOut,
  JSON.stringify({
    intents: [
      { intent: 'greet', utterances: ['hello there'] },
      { intent: 'resume', utterances: ['resume it'] },
    ],
  }),
);
const out = path.join(tmp, 'out');
const model = path.join(out, 'model');

let trained: CliRun; // the one training run the tests share

// Slow (~2-20 s on busy cores): trains the default ensemble of networks, 40 epochs each
beforeAll(async () => {
  trained = await runCli(
    'chat',
    'train',
    '--corpus',
    corpus,
    '--heldout',
    heldOut,
    '--epochs',
    '40',
    '--out',
    out,
    '--json',
  );
  if (trained.code !== 0) throw new Error(trained.stderr);
}, 60_000);

describe('dlkit chat train', () => {
  it('trains, scores the held-out file and saves the model (the --json contract)', () => {
    const r = trained;
    expect(r.code).toBe(0);
    expect(r.json()).toMatchObject({
      task: 'chat',
      intents: 3,
      heldOutAccuracy: 1,
      baselines: { nlpjs: null },
      model,
      utterances: 15,
    });
    expect(fs.existsSync(path.join(model, 'chat.json'))).toBe(true);
  }, 60_000);

  it('names the corpus file and the intent of a bad corpus (exit 1), and a missing file (exit 2)', async () => {
    const bad = path.join(tmp, 'bad.json');
    fs.writeFileSync(
      bad,
      JSON.stringify({ ...CORPUS, intents: [{ ...CORPUS.intents[0], utterances: [] }, CORPUS.intents[1]] }),
    );
    const r = await runCli('chat', 'train', '--corpus', bad, '--out', path.join(tmp, 'bad-out'));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`dlkit: ${bad}: intent "greet" has no utterances\n`);
    const empty = path.join(tmp, 'empty.json');
    fs.writeFileSync(empty, '');
    expect((await runCli('chat', 'train', '--corpus', empty, '--out', path.join(tmp, 'e'))).stderr).toContain(
      `${empty}: not valid JSON`,
    );
    const missing = await runCli('chat', 'train', '--corpus', path.join(tmp, 'nope.json'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--corpus');
  });
});

describe('dlkit chat', () => {
  it('--message --json answers one message for scripts; unknown words get the fallback', async () => {
    const r = await runCli('chat', '--model', model, '--message', 'run the flower experiment', '--json');
    expect(r.code).toBe(0);
    expect(r.json()).toMatchObject({
      intent: 'experiment',
      entities: [{ entity: 'experiment', value: 'planar', text: 'flower', start: 8, end: 14 }],
      answer: 'Run `dlkit dls planar`.',
    });
    expect(r.json<{ confidence: number }>().confidence).toBeGreaterThan(0.5);
    const unknown = await runCli('chat', '--model', model, '--message', 'xyzzy plugh', '--json');
    expect(unknown.json()).toMatchObject({ intent: 'None', confidence: 0, entities: [], answer: 'Sorry, no idea.' });
  });

  it('refuses --json without --message, an empty message and a missing model (exit 2)', async () => {
    expect((await runCli('chat', '--model', model, '--json')).code).toBe(2);
    expect((await runCli('chat', '--model', model, '--message', ' ')).code).toBe(2);
    const r = await runCli('chat', '--model', path.join(tmp, 'none'), '--message', 'hi');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(path.join(tmp, 'none'));
  });

  it('a model folder with a corrupt file fails naming it (exit 1)', async () => {
    const broken = path.join(tmp, 'broken');
    fs.cpSync(model, broken, { recursive: true });
    fs.writeFileSync(path.join(broken, 'chat.json'), '{');
    const r = await runCli('chat', '--model', broken, '--message', 'hi');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${path.join(broken, 'chat.json')}: not valid JSON`);
  });

  // Slow (~2-4 s): starts the built CLI (bin/dlkit.js) as a child process
  it('the REPL answers each line of piped stdin, fills a slot over two turns and stops at /quit', () => {
    const bin = path.join(__dirname, '..', '..', 'bin', 'dlkit.js');
    const input = [
      'hello',
      'I want to run an experiment',
      'the initialisation one',
      '',
      'what does resume do',
      '/quit',
      'hello',
    ].join('\n');
    const r = spawnSync(process.execPath, [bin, 'chat', '--model', model], { input, encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout.trim().split('\n')).toEqual(['Hi!', 'Which experiment?', 'Run `dlkit dls init`.', 'Add --resume.']);
  }, 20_000);
});
