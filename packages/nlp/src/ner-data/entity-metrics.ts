/**
 * Entity-level precision, recall and F1 as seqeval computes them (its default, non-strict mode):
 * entities are read from the tags with seqeval's `get_entities` chunking rules (an I-X after O or
 * after another type starts a new entity; IOBES tags E-/S- are read too), an entity counts as
 * found only when type, start and end all match, and the scores are micro-averaged over every
 * entity of every sentence, with per-type scores beside them.
 * Reference: seqeval (github.com/chakki-works/seqeval), `metrics/sequence_labeling.py`.
 *
 * @example
 * extractEntities(['B-PER', 'I-PER', 'O', 'I-LOC']); // [{ type: 'PER', start: 0, end: 1 }, { type: 'LOC', start: 3, end: 3 }]
 * entityF1([['B-PER', 'I-PER', 'O']], [['B-PER', 'O', 'O']]).f1; // 0: the entity's end differs
 */

/** An entity over tokens: `start` and `end` are token indices, both inclusive (as seqeval's). */
export interface TokenEntity {
  type: string;
  start: number;
  end: number;
}

/** The tag's prefix letter and type, as seqeval splits them ('B-PER' → 'B', 'PER'; 'O' → 'O', '_'). */
function parts(tag: string): [string, string] {
  const prefix = tag[0] ?? 'O';
  const rest = tag.slice(1);
  const dash = rest.indexOf('-');
  return [prefix, (dash < 0 ? rest : rest.slice(dash + 1)) || '_'];
}

function endOfChunk(prevTag: string, tag: string, prevType: string, type: string): boolean {
  if (prevTag === 'E' || prevTag === 'S') return true;
  if ((prevTag === 'B' || prevTag === 'I') && (tag === 'B' || tag === 'S' || tag === 'O')) return true;
  return prevTag !== 'O' && prevTag !== '.' && prevType !== type;
}

function startOfChunk(prevTag: string, tag: string, prevType: string, type: string): boolean {
  if (tag === 'B' || tag === 'S') return true;
  if ((prevTag === 'E' || prevTag === 'S' || prevTag === 'O') && (tag === 'E' || tag === 'I')) return true;
  return tag !== 'O' && tag !== '.' && prevType !== type;
}

/** The entities of one tag sequence, in order (seqeval `get_entities`, non-strict). */
export function extractEntities(tags: readonly string[]): TokenEntity[] {
  const entities: TokenEntity[] = [];
  let prevTag = 'O';
  let prevType = '';
  let begin = 0;
  [...tags, 'O'].forEach((chunk, i) => {
    const [tag, type] = parts(chunk);
    if (endOfChunk(prevTag, tag, prevType, type)) entities.push({ type: prevType, start: begin, end: i - 1 });
    if (startOfChunk(prevTag, tag, prevType, type)) begin = i;
    prevTag = tag;
    prevType = type;
  });
  return entities;
}

export interface PrecisionRecallF1 {
  precision: number;
  recall: number;
  f1: number;
  /** Number of true entities (seqeval's "support"). */
  support: number;
  /** Number of predicted entities. */
  predicted: number;
  /** Predicted entities that match a true one exactly. */
  correct: number;
}

export interface EntityF1Result extends PrecisionRecallF1 {
  /** The same scores for each entity type found in the true or the predicted tags, sorted by type. */
  perType: Record<string, PrecisionRecallF1>;
}

export interface EntityF1Options {
  /** Score only these types (e.g. ['PER', 'LOC', 'ORG'] to compare with a tagger that has no MISC); entities of other types are dropped from both sides. */
  types?: readonly string[];
}

/** Precision, recall and F1 from counts; 0 where a denominator is 0 (seqeval's zero_division default). */
export function scoreCounts(correct: number, predicted: number, support: number): PrecisionRecallF1 {
  const precision = predicted === 0 ? 0 : correct / predicted;
  const recall = support === 0 ? 0 : correct / support;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, support, predicted, correct };
}

/**
 * Micro-averaged entity-level scores of predicted tag sequences against true ones (one sequence
 * per sentence, the same lengths), as seqeval's `precision_score`/`recall_score`/`f1_score` and
 * `classification_report`.
 */
export function entityF1(
  trueSeqs: ReadonlyArray<readonly string[]>,
  predSeqs: ReadonlyArray<readonly string[]>,
  options: EntityF1Options = {},
): EntityF1Result {
  if (trueSeqs.length !== predSeqs.length)
    throw new Error(`entityF1: ${trueSeqs.length} true sequences but ${predSeqs.length} predicted`);
  const keep = options.types ? new Set(options.types) : undefined;
  const counts = new Map<string, { correct: number; predicted: number; support: number }>();
  const count = (type: string) => {
    let c = counts.get(type);
    if (!c) counts.set(type, (c = { correct: 0, predicted: 0, support: 0 }));
    return c;
  };
  trueSeqs.forEach((trueTags, s) => {
    const predTags = predSeqs[s];
    if (trueTags.length !== predTags.length)
      throw new Error(`entityF1: sentence ${s} has ${trueTags.length} true tags but ${predTags.length} predicted`);
    const wanted = (e: TokenEntity) => !keep || keep.has(e.type);
    const truth = extractEntities(trueTags).filter(wanted);
    const keys = new Set(truth.map((e) => `${e.type} ${e.start} ${e.end}`));
    for (const e of truth) count(e.type).support++;
    for (const e of extractEntities(predTags).filter(wanted)) {
      const c = count(e.type);
      c.predicted++;
      if (keys.has(`${e.type} ${e.start} ${e.end}`)) c.correct++;
    }
  });
  const perType: Record<string, PrecisionRecallF1> = {};
  let correct = 0;
  let predicted = 0;
  let support = 0;
  for (const type of [...counts.keys()].sort()) {
    const c = counts.get(type)!;
    perType[type] = scoreCounts(c.correct, c.predicted, c.support);
    correct += c.correct;
    predicted += c.predicted;
    support += c.support;
  }
  return { ...scoreCounts(correct, predicted, support), perType };
}
