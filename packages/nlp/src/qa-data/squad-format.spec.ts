import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { formatSquad, parseSquad, readSquad, writeSquad } from './squad-format';

const squad = (context: string, answers: unknown[], id = 'q-1') =>
  JSON.stringify({
    version: '1.1',
    data: [{ title: 'T', paragraphs: [{ context, qas: [{ id, question: 'Where?', answers }] }] }],
  });

describe('SQuAD v1.1 reader and writer', () => {
  test('reads the nested format into one row per question; writes it back', () => {
    const examples = [
      {
        id: 'a',
        title: 'Peru',
        context: 'Lima is the capital of Peru.',
        question: 'Capital?',
        answers: [{ text: 'Lima', start: 0 }],
      },
      {
        id: 'b',
        title: 'Peru',
        context: 'Lima is the capital of Peru.',
        question: 'Country?',
        answers: [{ text: 'Peru', start: 23 }],
      },
      {
        id: 'c',
        title: 'Chile',
        context: 'Santiago is in Chile.',
        question: 'City?',
        answers: [{ text: 'Santiago', start: 0 }],
      },
    ];
    const json = JSON.parse(formatSquad(examples));
    expect(json.data).toHaveLength(2);
    expect(json.data[0].paragraphs[0].qas).toHaveLength(2);
    expect(json.data[0].paragraphs[0].qas[1].answers).toEqual([{ text: 'Peru', answer_start: 23 }]);
    expect(parseSquad(formatSquad(examples), 'x.json')).toEqual(examples);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dlkit-squad-'));
    writeSquad(path.join(dir, 'a.json'), examples);
    expect(readSquad(path.join(dir, 'a.json'))).toEqual(examples);
    fs.rmSync(dir, { recursive: true });
  });
  test('bad input is an error naming the file and the question id', () => {
    expect(() => parseSquad(squad('  ', [{ text: 'x', answer_start: 0 }]), 'dev.json')).toThrow(
      /^dev\.json: question "q-1": empty context/,
    );
    expect(() =>
      parseSquad(squad('Lima is in Peru.', [{ text: 'Cusco', answer_start: 0 }], 'q-7'), 'dev.json'),
    ).toThrow(/^dev\.json: question "q-7": answer 0 "Cusco" is not in the context at answer_start 0 \(found "Lima "\)/);
    expect(() => parseSquad(squad('Lima is in Peru.', []), 'dev.json')).toThrow(/question "q-1": no answers/);
    expect(() => parseSquad(squad('Lima is in Peru.', [{ text: 'Lima' }]), 'dev.json')).toThrow(
      /answer 0 needs a non-empty "text" and an integer "answer_start"/,
    );
    expect(() => parseSquad('{"data": 3}', 'dev.json')).toThrow(
      /^dev\.json: expected SQuAD v1.1 JSON with a "data" array/,
    );
    expect(() => parseSquad('{oops', 'dev.json')).toThrow(/^dev\.json: not JSON/);
    expect(() => parseSquad('{"data": []}', 'dev.json')).toThrow(/^dev\.json: no questions/);
    expect(() => readSquad('/nonexistent/dev.json')).toThrow(/cannot read the SQuAD file \/nonexistent\/dev\.json/);
  });
});
