import { generateQaExamples } from './generate-qa';
import { overlapBaselineAnswer, overlapBaselinePredictions, sentenceRanges } from './overlap-baseline';
import { squadEvaluate } from './squad-metrics';

describe('word-overlap QA baseline', () => {
  test('picks the sentence sharing most words with the question, answers with its longest run of new words', () => {
    const context = 'Lima is in Peru. The capital of Chile is Santiago.';
    expect(overlapBaselineAnswer(context, 'What is the capital of Chile?')).toEqual({ text: 'Santiago', start: 41 });
  });
  test("punctuation stays inside a run but not at its edges; a possessive 's matches the name", () => {
    const context = "Chile's neighbours are Peru, Bolivia and Argentina. Peru's capital is Lima.";
    expect(overlapBaselineAnswer(context, "What are Chile's neighbours?").text).toBe('Peru, Bolivia and Argentina');
  });
  test('ties go to the first sentence and the first run; no new word gives an empty answer', () => {
    expect(overlapBaselineAnswer('Ann saw Bob. Ann met Cy.', 'Ann?')).toEqual({ text: 'saw Bob', start: 4 });
    expect(overlapBaselineAnswer('Ann.', 'Ann?')).toEqual({ text: '', start: 0 });
    expect(overlapBaselineAnswer('', 'Ann?')).toEqual({ text: '', start: 0 });
  });
  test('sentenceRanges splits after . ! ? followed by space', () => {
    const text = 'One. Two! Three? 3.5 stays';
    expect(sentenceRanges(text).map(([s, e]) => text.slice(s, e))).toEqual(['One.', 'Two!', 'Three?', '3.5 stays']);
  });
});

describe('the README number', () => {
  // Slow (~1-3 s): generates 1,000 passages and questions from the country facts.
  test('on 1,000 generated test questions (seed 1): EM 17.7, F1 30.66', () => {
    const examples = generateQaExamples({ split: 'test', count: 1000, seed: 1 });
    const s = squadEvaluate(examples, overlapBaselinePredictions(examples));
    expect(s.exactMatch).toBeCloseTo(17.7, 6);
    expect(s.f1).toBeCloseTo(30.66, 2);
  }, 20_000);
});
