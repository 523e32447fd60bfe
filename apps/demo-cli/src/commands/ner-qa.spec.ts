import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runCli } from '../testing/run-cli';

let tmp: string;
beforeEach(() => (tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dlkit-cli-ner-qa-'))));
afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('dlkit ner / qa (usage errors)', () => {
  it('name the missing text, question, empty context and model folder (exit 2)', async () => {
    const noText = await runCli('ner', '--model', tmp);
    expect([noText.code, noText.stderr]).toEqual([2, expect.stringContaining('give the text to tag')]);
    const noModel = await runCli('ner', '--model', path.join(tmp, 'none'), 'Ann went to Lima');
    expect([noModel.code, noModel.stderr]).toEqual([2, expect.stringContaining('none: no such directory')]);
    const noQuestion = await runCli('qa', '--model', tmp, '--context', 'Lima is a city.');
    expect([noQuestion.code, noQuestion.stderr]).toEqual([2, expect.stringContaining('--question is required')]);
    const emptyContext = await runCli('qa', '--model', tmp, '--context', ' ', '--question', 'Where?');
    expect(emptyContext.code).toBe(2);
    expect(emptyContext.stderr).toContain('--context');
  });

  it('train: a CoNLL file with a malformed line and a missing --from are named', async () => {
    const file = path.join(tmp, 'bad.conll');
    fs.writeFileSync(file, 'EU B-ORG\nbad\n');
    const bad = await runCli('ner', 'train', '--data', file, '--from', tmp, '--out', path.join(tmp, 'out'));
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('bad.conll:2:');
    const noFrom = await runCli('qa', 'train', '--from', path.join(tmp, 'none'), '--out', path.join(tmp, 'out'));
    expect([noFrom.code, noFrom.stderr]).toEqual([2, expect.stringContaining('none: no such directory')]);
    const allNames = await runCli('ner', 'train', '--data', file, '--all-names', '--out', path.join(tmp, 'out'));
    expect([allNames.code, allNames.stderr]).toEqual([2, expect.stringContaining('--all-names is for the generated')]);
    const lexicon = await runCli(
      'ner',
      'train',
      '--data',
      file,
      '--lexicon-orgs',
      '0.3',
      '--out',
      path.join(tmp, 'out'),
    );
    expect([lexicon.code, lexicon.stderr]).toEqual([2, expect.stringContaining('--lexicon-orgs is for the generated')]);
    const badRate = await runCli('ner', 'train', '--lexicon-orgs', '1.5', '--out', path.join(tmp, 'out'));
    expect([badRate.code, badRate.stderr]).toEqual([
      2,
      expect.stringContaining('--lexicon-orgs must be a number in [0, 1]'),
    ]);
    const badWeight = await runCli('ner', 'train', '--mlm-weight', '-1', '--out', path.join(tmp, 'out'));
    expect([badWeight.code, badWeight.stderr]).toEqual([
      2,
      expect.stringContaining('--mlm-weight must be a number in [0, 10]'),
    ]);
    const badSoup = await runCli('ner', 'train', '--soup', '0', '--out', path.join(tmp, 'out'));
    expect([badSoup.code, badSoup.stderr]).toEqual([
      2,
      expect.stringContaining('--soup must be an integer in [1, 16]'),
    ]);
    const badPooling = await runCli('ner', 'train', '--subword-labels', 'last', '--out', path.join(tmp, 'out'));
    expect([badPooling.code, badPooling.stderr]).toEqual([
      2,
      expect.stringContaining("--subword-labels must be one of first, all, got 'last'"),
    ]);
    const badDecay = await runCli('ner', 'train', '--lr-decay', 'linear', '--out', path.join(tmp, 'out'));
    expect([badDecay.code, badDecay.stderr]).toEqual([
      2,
      expect.stringContaining("--lr-decay must be one of cosine, none, got 'linear'"),
    ]);
  });
});
