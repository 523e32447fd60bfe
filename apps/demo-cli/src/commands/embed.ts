/**
 * `dlkit embed train|similar|analogy|debias`: word vectors by skip-gram with negative sampling on
 * WordNet's glosses (or a text file), and the queries on them. Each query takes `--vectors FILE`
 * in the GloVe text or word2vec text/binary format (detected from the content).
 */
import * as path from 'path';
import {
  DEFINITIONAL_PAIRS,
  EQUALIZE_PAIRS,
  GENDER_PAIRS,
  GRAMMATICAL_PAIRS,
  NEUTRAL_OCCUPATIONS,
  SKIPGRAM_DEFAULTS,
  WordVectors,
  analogyAccuracy,
  analogyQuestions,
  biasDirection,
  capitalPairs,
  debias,
  evaluateEmbeddings,
  projection,
  readVectors,
  renderPairsPlot,
  textFileLines,
  tokenizeCorpus,
  trainSkipgram,
  wordnetCorpusLines,
  writeVectors,
} from '@dlkit/nlp';
import type { Command } from 'commander';
import { UsageError } from '../util/errors';
import { choiceFlag, describeInt, describeNumber, intFlag, numberFlag, textFlag, type IntRange } from '../util/flags';
import { defaultOutDir, resolveOutDir } from '../util/out-dir';
import { Output } from '../util/output';
import { prepareOutFile, requireFile } from '../util/paths';
import { round } from '../util/round';
import { addTrainingOptions, type TrainingFlags } from '../util/training-options';
import type { CliCommand, Run } from './types';

const COMMAND = 'embed';
const DIM: IntRange = { min: 1, max: 1000 };
const WINDOW: IntRange = { min: 1, max: 50 };
const MIN_COUNT: IntRange = { min: 1, max: 1_000_000 };
const THREADS: IntRange = { min: 1, max: 64 };
const K: IntRange = { min: 1, max: 1000 };
const LR = { min: 0, max: 1, minExclusive: true };
const VECTORS_FILE = 'vectors.vec';

/** round() for scores that are null when nothing could be measured. */
const roundOrNull = (x: number | null): number | null => (x === null ? null : round(x));

interface TrainFlags extends TrainingFlags {
  corpus?: string;
  dim?: number;
  window?: number;
  minCount?: number;
  lr?: number;
  threads?: number;
}

interface QueryFlags {
  vectors?: string;
  k?: number;
  method?: 'add' | 'mul';
  json?: boolean;
}

interface DebiasFlags {
  vectors?: string;
  out?: string;
  json?: boolean;
}

/** `--vectors FILE`, defaulting to what `embed train` writes; read errors name the file and line (exit 1). */
function loadVectors(file: string | undefined): WordVectors {
  const f = file ?? path.join(defaultOutDir(COMMAND), VECTORS_FILE);
  requireFile('--vectors', f, 'word vectors in the GloVe or word2vec text/binary format');
  return readVectors(f);
}

/** A query word must be in the vectors: a usage error (exit 2) naming it. */
function requireWord(vectors: WordVectors, word: string): string {
  const w = word.toLowerCase();
  if (!vectors.has(w)) throw new UsageError(`'${word}' is not among the ${vectors.size} words of the vectors`);
  return w;
}

function registerTrain(embed: Command, run: Run): void {
  const d = SKIPGRAM_DEFAULTS;
  const command = embed
    .command('train')
    .description(
      "train word vectors by skip-gram with negative sampling (word2vec) on WordNet 3.1's glosses and examples, or on a text file",
    )
    .option(
      '--corpus <wordnet|file>',
      'wordnet (default) or a UTF-8 text file, one sentence per line',
      textFlag('--corpus'),
    )
    .option('--dim <n>', `vector size, ${describeInt(DIM)} (default ${d.dim})`, intFlag('--dim', DIM))
    .option(
      '--window <n>',
      `largest context window, ${describeInt(WINDOW)} (default ${d.window})`,
      intFlag('--window', WINDOW),
    )
    .option(
      '--min-count <n>',
      `drop words seen fewer times, ${describeInt(MIN_COUNT)} (default ${d.minCount})`,
      intFlag('--min-count', MIN_COUNT),
    )
    .option(
      '--lr <x>',
      `starting learning rate, linearly decayed, ${describeNumber(LR)} (default ${d.lr}, as fastText; word2vec.c uses 0.025)`,
      numberFlag('--lr', LR),
    )
    .option(
      '--threads <n>',
      `worker threads, ${describeInt(THREADS)} (default ${d.threads})`,
      intFlag('--threads', THREADS),
    );
  addTrainingOptions(
    command,
    { epochs: d.epochs, seed: d.seed },
    {
      out: COMMAND,
      outNote: `the vectors go to <out>/${VECTORS_FILE} (word2vec text)`,
      seeds: 'the initial vectors and the sampling',
    },
  )
    .addHelpText(
      'after',
      '\nJSON: {"task":"embeddings","vocab":N,"trainWords":N,"analogy":{"capitals":x,"gender":x,"grammatical":x},"synonymAuc":x,"wordsPerSec":x,"baselines":{...},"vectors":"<file>","plot":"<png>"}\n' +
        'fastText figures come from packages/nlp/bench/embeddings-vs-fasttext.js.\n' +
        'Then: dlkit embed similar king, dlkit embed analogy man king woman',
    )
    .action((flags: TrainFlags) => run(() => train(flags)));
}

async function train(flags: TrainFlags): Promise<void> {
  const out = new Output(flags);
  const corpus = flags.corpus ?? 'wordnet';
  if (corpus !== 'wordnet') requireFile('--corpus', corpus, 'a UTF-8 text file, one sentence per line');
  const outDir = resolveOutDir(flags.out, COMMAND);
  const sentences = tokenizeCorpus(corpus === 'wordnet' ? wordnetCorpusLines() : textFileLines(corpus));
  if (sentences.length === 0) throw new Error(`--corpus ${corpus}: no words in the corpus`);
  out.log(`corpus: ${sentences.length} sentences`);
  let shown = -1;
  const r = await trainSkipgram(sentences, {
    dim: flags.dim,
    window: flags.window,
    minCount: flags.minCount,
    lr: flags.lr,
    threads: flags.threads,
    epochs: flags.epochs,
    seed: flags.seed,
    onProgress: (f) => {
      const pct = Math.floor(f * 10) * 10;
      if (pct > shown) out.log(`training: ${(shown = pct)}%`);
    },
  }).catch((e: Error) => {
    throw new Error(`--corpus ${corpus}: ${e.message}`);
  });
  const vectors = path.join(outDir, VECTORS_FILE);
  writeVectors(r.vectors, vectors, 'word2vec-text');
  const scores = evaluateEmbeddings(r.vectors);
  const plot = await renderPairsPlot(path.join(outDir, 'pca.png'), r.vectors, [
    { title: 'countries and capitals', pairs: capitalPairs() },
    { title: 'gender pairs', pairs: GENDER_PAIRS },
  ]);
  const json = {
    task: 'embeddings',
    vocab: r.vectors.size,
    trainWords: r.trainWords,
    analogy: {
      capitals: roundOrNull(scores.capitals),
      gender: roundOrNull(scores.gender),
      grammatical: roundOrNull(scores.grammatical),
    },
    synonymAuc: roundOrNull(scores.synonymAuc),
    wordsPerSec: Math.round(r.wordsPerSec),
    seconds: round(r.seconds, 1),
    baselines: { fasttext: { note: 'run packages/nlp/bench/embeddings-vs-fasttext.js' } },
    vectors,
    plot,
  };
  const pct = (x: number | null) => (x === null ? 'n/a' : `${(100 * x).toFixed(1)}%`);
  out.result(
    json,
    [
      `trained ${r.vectors.size} word vectors on ${r.trainWords} tokens (${Math.round(r.wordsPerSec)} words/s)`,
      `analogies: capitals ${pct(scores.capitals)}, gender ${pct(scores.gender)}, grammatical ${pct(scores.grammatical)}; synonym AUC ${scores.synonymAuc?.toFixed(3) ?? 'n/a'}`,
      `vectors: ${vectors}`,
      ...(plot ? [`plot: ${plot}`] : []),
    ].join('\n'),
  );
}

function queryOptions(command: Command, what: string): Command {
  return command
    .option(
      '--vectors <file>',
      `word vectors, GloVe or word2vec text/binary (default ./dlkit-out/${COMMAND}/${VECTORS_FILE})`,
      textFlag('--vectors'),
    )
    .option('--k <n>', `how many ${what}, ${describeInt(K)} (default 10)`, intFlag('--k', K))
    .option('--json', 'print one JSON object on stdout');
}

function registerQueries(embed: Command, run: Run): void {
  queryOptions(
    embed.command('similar').description('the nearest neighbours of a word by cosine similarity'),
    'neighbours',
  )
    .argument('<word>', 'the query word')
    .action((word: string, flags: QueryFlags) =>
      run(async () => {
        const vectors = loadVectors(flags.vectors);
        const w = requireWord(vectors, word);
        const neighbours = vectors
          .nearest(w, { k: flags.k ?? 10 })
          .map((s) => ({ word: s.word, similarity: round(s.score) }));
        new Output(flags).result(
          { word: w, neighbours },
          neighbours.map((n) => `${n.word}\t${n.similarity}`).join('\n'),
        );
      }),
    );
  queryOptions(
    embed.command('analogy').description('a : b :: c : ? (man king woman → queen), question words excluded'),
    'answers',
  )
    .argument('<a>')
    .argument('<b>')
    .argument('<c>')
    .option('--method <add|mul>', '3CosAdd (default) or 3CosMul', choiceFlag('--method', ['add', 'mul'] as const))
    .action((a: string, b: string, c: string, flags: QueryFlags) =>
      run(async () => {
        const vectors = loadVectors(flags.vectors);
        const [wa, wb, wc] = [a, b, c].map((w) => requireWord(vectors, w));
        const answers = vectors
          .analogy(wa, wb, wc, { method: flags.method ?? 'add', k: flags.k ?? 10 })
          .map((s) => ({ word: s.word, score: round(s.score) }));
        new Output(flags).result(
          { question: [wa, wb, wc], method: flags.method ?? 'add', answers },
          `${wa} : ${wb} :: ${wc} : ${answers[0]?.word ?? '?'}\n${answers.map((s) => `${s.word}\t${s.score}`).join('\n')}`,
        );
      }),
    );
}

function registerDebias(embed: Command, run: Run): void {
  embed
    .command('debias')
    .description(
      `remove the gender direction (Bolukbasi et al. 2016) from ${NEUTRAL_OCCUPATIONS.length} gender-neutral occupations and equalize ${EQUALIZE_PAIRS.length} gendered pairs`,
    )
    .option('--vectors <file>', 'word vectors, GloVe or word2vec text/binary', textFlag('--vectors'))
    .option(
      '--out <file>',
      'debiased vectors to write: word2vec binary for .bin, else word2vec text',
      textFlag('--out'),
    )
    .option('--json', 'print one JSON object on stdout')
    .action((flags: DebiasFlags) =>
      run(async () => {
        if (flags.out === undefined)
          throw new UsageError('--out <file> is required (where to write the debiased vectors)');
        const outFile = prepareOutFile('--out', flags.out);
        const vectors = loadVectors(flags.vectors).normalized();
        const g = biasDirection(vectors, DEFINITIONAL_PAIRS);
        const fair = debias(vectors, g, { neutral: NEUTRAL_OCCUPATIONS, equalize: EQUALIZE_PAIRS });
        const neutral = NEUTRAL_OCCUPATIONS.filter((w) => vectors.has(w));
        const meanAbs = (v: WordVectors) =>
          neutral.length ? neutral.reduce((s, w) => s + Math.abs(projection(v, w, g)), 0) / neutral.length : null;
        // analogy accuracy on the sets debiasing should not touch (grammar, capitals)
        const questions = [
          ...Object.values(GRAMMATICAL_PAIRS).flatMap(analogyQuestions),
          ...analogyQuestions(capitalPairs()),
        ];
        const accuracy = (v: WordVectors) => analogyAccuracy(v, questions, { maxQuestions: 500 }).accuracy;
        writeVectors(
          fair,
          outFile,
          path.extname(outFile).toLowerCase() === '.bin' ? 'word2vec-binary' : 'word2vec-text',
        );
        const json = {
          task: 'embed-debias',
          vectors: outFile,
          neutralWords: neutral.length,
          meanAbsProjection: { before: meanAbs(vectors), after: meanAbs(fair) },
          analogy: { before: roundOrNull(accuracy(vectors)), after: roundOrNull(accuracy(fair)) },
        };
        new Output(flags).result(
          json,
          `neutralized ${neutral.length} occupations: mean |projection| ${json.meanAbsProjection.before?.toExponential(2)} -> ${json.meanAbsProjection.after?.toExponential(2)}; analogy accuracy ${json.analogy.before} -> ${json.analogy.after}\nvectors: ${outFile}`,
        );
      }),
    );
}

export const embedCommand: CliCommand = {
  name: COMMAND,
  register(program, run) {
    const embed = program
      .command(COMMAND)
      .description('word embeddings: train skip-gram vectors, nearest neighbours, analogies, debiasing');
    registerTrain(embed, run);
    registerQueries(embed, run);
    registerDebias(embed, run);
  },
};
