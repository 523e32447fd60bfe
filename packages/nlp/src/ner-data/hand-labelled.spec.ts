import { isValidBio } from './bio';
import { extractEntities } from './entity-metrics';
import { loadHandLabelledNer } from './hand-labelled';
import { detokenize } from './ner-tokens';
import { TEST_TEMPLATES, TRAIN_TEMPLATES } from './ner-templates';

describe('the hand-labelled NER set', () => {
  const sentences = loadHandLabelledNer();
  test('≥ 100 distinct sentences, valid BIO, every type present', () => {
    expect(sentences.length).toBeGreaterThanOrEqual(100);
    expect(new Set(sentences.map((s) => s.tokens.join(' '))).size).toBe(sentences.length);
    expect(sentences.filter((s) => !isValidBio(s.tags))).toEqual([]);
    const types = new Set(sentences.flatMap((s) => extractEntities(s.tags).map((e) => e.type)));
    expect([...types].sort()).toEqual(['LOC', 'MISC', 'ORG', 'PER']);
  });
  test('no sentence is a fill of a generation template', () => {
    const frames = [...TRAIN_TEMPLATES, ...TEST_TEMPLATES].map(
      (t) =>
        new RegExp(
          `^${t
            .split(/\{\w+\}/)
            .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
            .join('.+')}$`,
        ),
    );
    const filled = sentences.map((s) => detokenize(s.tokens).text).filter((text) => frames.some((f) => f.test(text)));
    expect(filled).toEqual([]);
  });
});
