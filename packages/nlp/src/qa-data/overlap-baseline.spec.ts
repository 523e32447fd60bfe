import { overlapBaselineAnswer, sentenceRanges } from './overlap-baseline';

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
