import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { checkReadmeExamples, readmeExamples } from './readme-examples';

const README = [
  '# demo', //                                                       1
  '```ts', //                                                        2
  "import { initBackend } from '@dlkit/core';", //                   3
  'await initBackend();', //                                         4
  '```', //                                                          5
  'Some prose.', //                                                  6
  '```ts', //                                                        7
  "import { initBackendz } from '@dlkit/core';", //                  8  no such export
  '```', //                                                          9
  '<!-- example-context: declare const n: number; -->', //           10
  '```ts', //                                                        11
  'const ok: number = n + 1;', //                                    12
  'const wrong: string = n;', //                                     13 number is not a string
  'export {};', //                                                   14
  '```', //                                                          15
  '```sh', //                                                        16 not TypeScript: ignored
  'npm test', //                                                     17
  '```', //                                                          18
].join('\n');

describe('readmeExamples', () => {
  it('finds the ```ts blocks with their first line and context comment', () => {
    const examples = readmeExamples(README);
    expect(examples.map((e) => [e.line, e.context])).toEqual([
      [3, ''],
      [8, ''],
      [12, 'declare const n: number;'],
    ]);
    expect(examples[2].code.split('\n')[1]).toBe('const wrong: string = n;');
  });

  it('names the line of a block that is never closed', () => {
    expect(() => readmeExamples('x\n```ts\nconst a = 1;\n')).toThrow(/line 2: ```ts block is never closed/);
  });
});

describe('checkReadmeExamples', () => {
  // Slow (~10-60 s): one TypeScript program over the examples and the core sources they import.
  it('reports each error at its README line, and only the real ones', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'readme-check-'));
    const file = path.join(dir, 'README.md');
    fs.writeFileSync(file, README);
    const { examples, errors } = checkReadmeExamples(file);
    expect(examples).toBe(3);
    expect(errors).toHaveLength(2);
    expect(errors[0]).toMatch(/^README\.md:8:10: .*initBackendz/);
    expect(errors[1]).toMatch(/^README\.md:13:7: Type 'number' is not assignable to type 'string'/);
    // Nothing is written next to the README: the examples are virtual files.
    expect(fs.readdirSync(dir)).toEqual(['README.md']);
  }, 120_000);
});
