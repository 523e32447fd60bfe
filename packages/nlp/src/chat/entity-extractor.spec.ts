import { EntityExtractor } from './entity-extractor';
import { stemWord } from './stem';
import { wordnetSenses } from './wordnet-senses';

describe('stemWord', () => {
  it('maps the forms of a word together and keeps short words and numbers', () => {
    expect(stemWord('exporting')).toBe(stemWord('exports'));
    expect(stemWord('images')).toBe(stemWord('image'));
    expect(stemWord('saving')).toBe(stemWord('save'));
    expect(stemWord('running')).toBe('run');
    expect(stemWord('tries')).toBe('try');
    expect(stemWord('class')).toBe('class');
    expect(stemWord('gpu')).toBe('gpu');
    expect(stemWord('3cosadd')).toBe('3cosadd');
  });
});

describe('EntityExtractor', () => {
  const x = new EntityExtractor([
    {
      name: 'experiment',
      values: [
        { value: 'gradcheck', synonyms: ['gradient check'] },
        { value: 'rnn-gradcheck', synonyms: ['rnn gradient check', 'BPTT'] },
      ],
    },
    { name: 'dataset', values: [{ value: 'mnist', synonyms: ['handwritten digits'] }] },
  ]);

  it('matches values and synonyms on word boundaries, case- and form-insensitively, with offsets into the message', () => {
    const m = 'Run the RNN gradient checks on Handwritten Digit data';
    expect(x.extract(m)).toEqual([
      { entity: 'experiment', value: 'rnn-gradcheck', text: 'RNN gradient checks', start: 8, end: 27 },
      { entity: 'dataset', value: 'mnist', text: 'Handwritten Digit', start: 31, end: 48 },
    ]);
    expect(x.extract('a gradient check and bptt, then rnn-gradcheck').map((e) => e.value)).toEqual([
      'gradcheck',
      'rnn-gradcheck',
      'rnn-gradcheck',
    ]);
  });

  it('finds nothing inside other words or in text without entities', () => {
    expect(x.extract('mnistique gradcheckers')).toEqual([]);
    expect(x.extract('')).toEqual([]);
    expect(x.extract('💥 ??')).toEqual([]);
  });
});

describe('wordnetSenses', () => {
  // Slow (~1-3 s): reads WordNet's four index files (~20 MB)
  it('gives synonyms a shared synset, also for inflected forms', () => {
    const senses = wordnetSenses();
    const shared = (a: string, b: string) => senses.synsets(a).some((id) => senses.synsets(b).includes(id));
    expect(shared('photos', 'photograph')).toBe(true);
    expect(shared('tune', 'melody')).toBe(true);
    expect(shared('tune', 'photo')).toBe(false);
    expect(senses.synsets('zzzqx')).toEqual([]);
    const table = senses.restrictedTo(new Set(senses.synsets('melody')));
    expect(Object.keys(table)).toEqual(expect.arrayContaining(['melody', 'tune']));
  }, 20_000);
});
