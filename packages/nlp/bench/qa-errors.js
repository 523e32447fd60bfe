// QA error analysis of a question-answering folder (dlkit qa train's <out>/hf): answers the held-out
// generated questions through transformers.js's model over windows (answerInWindows, as `dlkit qa`
// does) and counts, per fact type, exact matches and the kind of miss: a boundary error (the answer
// inside the gold or the gold inside it), a distractor sentence's fact, another fact of the right
// country, or elsewhere. Run after `npx tsc -b tsconfig.build.json`:
//   node packages/nlp/bench/qa-errors.js --model DIR [--count N] [--show N]
const n = require('@dlkit/nlp');
const { arg, runMain } = require('./finetune-common');

runMain(async () => {
  const model = arg('--model', 'dlkit-out/qa/hf');
  const test = n.generateQaExamples({ split: 'test', count: Number(arg('--count', 300)), seed: 1 });
  const counts = {};
  const bump = (k) => (counts[k] = (counts[k] || 0) + 1);
  let shown = 0;
  for (const ex of test) {
    const { answer } = await n.answerInWindows(model, ex.question, ex.context);
    const gold = ex.answers[0].text;
    let kind = 'ok';
    if (!n.squadExactMatch(answer, [gold])) {
      const sentences = ex.context.split(/(?<=\.) /);
      const where = sentences.find((s) => s.includes(answer.trim()));
      if (answer.includes(gold) || gold.includes(answer)) kind = 'boundary';
      else if (where && ex.distractorCountries.some((c) => where.includes(c))) kind = 'distractor';
      else if (where && where.includes(ex.title)) kind = 'other-fact';
      else kind = 'elsewhere';
      if (shown++ < Number(arg('--show', 0)))
        console.error(`[${ex.factType} ${kind}] ${ex.question} gold: ${gold} | got: ${answer}`);
    }
    bump(`${ex.factType} ${kind}`);
    bump(`all ${kind}`);
  }
  console.log(JSON.stringify({ model, questions: test.length, counts }, null, 1));
});
