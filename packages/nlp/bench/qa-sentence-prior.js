// The sentence-prior weight of QA decoding (sentencePrior), swept on a question-answering folder
// through answerInWindows (as `dlkit qa` answers). `--split train` (the default) asks about train
// countries renamed after cities and with borrowed facts (seed 99, never a training passage):
// the validation set the default weight was chosen on; `--split test` gives the held-out EM.
// Prints one JSON line per weight. Run after `npx tsc -b tsconfig.build.json`:
//   node packages/nlp/bench/qa-sentence-prior.js --model DIR [--split train|test] [--count N] [--weights 0,1,2,4] [--cls-in-softmax 1|0]
const n = require('@dlkit/nlp');
const { arg, round, runMain } = require('./finetune-common');

runMain(async () => {
  const model = arg('--model', 'dlkit-out/qa/hf');
  const split = arg('--split', 'train');
  const count = Number(arg('--count', 200));
  const questions =
    split === 'train'
      ? n.generateQaExamples({ split, count, seed: 99, mixFactsRate: 1, renameRate: 1 })
      : n.generateQaExamples({ split: 'test', count, seed: 1 });
  for (const weight of arg('--weights', '0,0.5,1,2,4,8,16').split(',').map(Number)) {
    let right = 0;
    for (const q of questions) {
      const a = await n.answerInWindows(model, q.question, q.context, {
        sentencePrior: weight,
        clsInSoftmax: arg('--cls-in-softmax', '1') === '1',
      });
      if (
        n.squadExactMatch(
          a.answer,
          q.answers.map((x) => x.text),
        )
      )
        right++;
    }
    console.log(JSON.stringify({ model, split, questions: count, weight, exactMatch: round((100 * right) / count) }));
  }
});
