/**
 * SQuAD v1.1 JSON files: `{ version, data: [{ title, paragraphs: [{ context, qas: [{ id, question,
 * answers: [{ text, answer_start }] }] }] }] }`. The reader checks what a QA trainer relies on and
 * names the file and the question id in its errors: an empty context, an empty question, a question
 * without answers, an answer that is not the context's text at `answer_start`.
 *
 * @example
 * writeSquad('dlkit-out/qa/test.json', generateQaExamples({ split: 'test', count: 100 }));
 * readSquad('dlkit-out/qa/test.json').length; // 100
 */
import * as fs from 'fs';
import { QaExample } from './generate-qa';

interface SquadFile {
  version?: string;
  data: Array<{
    title?: string;
    paragraphs: Array<{
      context: string;
      qas: Array<{ id: string; question: string; answers: Array<{ text: string; answer_start: number }> }>;
    }>;
  }>;
}

/** Parses SQuAD v1.1 JSON text; `source` names the input in errors. */
export function parseSquad(content: string, source: string): QaExample[] {
  let json: SquadFile;
  try {
    json = JSON.parse(content) as SquadFile;
  } catch (e) {
    throw new Error(`${source}: not JSON (${(e as Error).message})`);
  }
  if (!json || !Array.isArray(json.data)) throw new Error(`${source}: expected SQuAD v1.1 JSON with a "data" array`);
  const out: QaExample[] = [];
  json.data.forEach((article, a) => {
    if (!Array.isArray(article?.paragraphs)) throw new Error(`${source}: data[${a}] has no "paragraphs" array`);
    const title = article.title ?? '';
    article.paragraphs.forEach((p, i) => {
      const where = `${source}: data[${a}].paragraphs[${i}]`;
      if (!Array.isArray(p?.qas)) throw new Error(`${where} has no "qas" array`);
      const context = p.context;
      for (const qa of p.qas) {
        const q = `${source}: question ${JSON.stringify(qa?.id)}`;
        if (typeof qa?.id !== 'string' && typeof qa?.id !== 'number') throw new Error(`${where}: a question has no id`);
        if (typeof context !== 'string' || context.trim() === '') throw new Error(`${q}: empty context`);
        if (typeof qa.question !== 'string' || qa.question.trim() === '') throw new Error(`${q}: empty question`);
        if (!Array.isArray(qa.answers) || qa.answers.length === 0)
          throw new Error(`${q}: no answers (SQuAD v1.1 questions are all answerable)`);
        const answers = qa.answers.map((ans, k) => {
          const text = ans?.text;
          const start = ans?.answer_start;
          if (typeof text !== 'string' || text === '' || !Number.isInteger(start))
            throw new Error(`${q}: answer ${k} needs a non-empty "text" and an integer "answer_start"`);
          if (context.slice(start, start + text.length) !== text)
            throw new Error(
              `${q}: answer ${k} ${JSON.stringify(text)} is not in the context at answer_start ${start}` +
                ` (found ${JSON.stringify(context.slice(start, start + text.length))})`,
            );
          return { text, start };
        });
        out.push({ id: String(qa.id), title, context, question: qa.question, answers });
      }
    });
  });
  if (out.length === 0) throw new Error(`${source}: no questions`);
  return out;
}

/** Reads a SQuAD v1.1 file (see parseSquad). */
export function readSquad(file: string): QaExample[] {
  let content: string;
  try {
    content = fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new Error(`cannot read the SQuAD file ${file}: ${(e as Error).message}`);
  }
  return parseSquad(content, file);
}

/** SQuAD v1.1 JSON of examples: consecutive examples with the same title and context share a paragraph. */
export function formatSquad(examples: readonly QaExample[], version = '1.1'): string {
  const data: SquadFile['data'] = [];
  for (const ex of examples) {
    let article = data[data.length - 1];
    if (!article || article.title !== ex.title) data.push((article = { title: ex.title, paragraphs: [] }));
    let paragraph = article.paragraphs[article.paragraphs.length - 1];
    if (!paragraph || paragraph.context !== ex.context)
      article.paragraphs.push((paragraph = { context: ex.context, qas: [] }));
    const answers = ex.answers.map((a) => ({ text: a.text, answer_start: a.start }));
    paragraph.qas.push({ id: ex.id, question: ex.question, answers });
  }
  return JSON.stringify({ version, data });
}

export function writeSquad(file: string, examples: readonly QaExample[]): void {
  fs.writeFileSync(file, formatSquad(examples));
}
