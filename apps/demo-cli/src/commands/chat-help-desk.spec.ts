/**
 * The shipped help desk's answers cite real commands: every `dlkit ...` in backticks, with each
 * {{slot}} replaced by every value of its entity, names a command of the CLI's table and only
 * options it accepts (the same check as the READMEs', testing/readme-commands.ts).
 */
import { fillAnswer, helpDeskCorpusPath, readChatCorpus, answerPlaceholders } from '@dlkit/nlp';
import { COMMANDS } from '.';
import { buildProgram } from '../main';
import { checkCommand } from '../testing/readme-commands';

function program() {
  const p = buildProgram();
  for (const c of COMMANDS) c.register(p, async () => undefined);
  return p;
}

describe('the help desk corpus', () => {
  const corpus = readChatCorpus(helpDeskCorpusPath());
  const p = program();

  /** Each answer with every combination of its slots' values (one slot per answer here). */
  const filled = corpus.intents.flatMap((intent) =>
    intent.answers.flatMap((answer) => {
      const [slot] = answerPlaceholders(answer);
      if (!slot) return [{ intent: intent.intent, answer }];
      const values = corpus.entities.find((e) => e.name === slot)!.values.map((v) => v.value);
      return values.map((value) => ({ intent: intent.intent, answer: fillAnswer(answer, { [slot]: value }) }));
    }),
  );
  const commands = filled.flatMap(({ intent, answer }) =>
    [...answer.matchAll(/`(dlkit(?:\s[^`]*)?)`/g)].map((m) => ({ intent, text: m[1] })),
  );

  it('every dlkit command quoted in an answer parses against the command table', () => {
    const problems = commands.flatMap((c) => checkCommand(p, c.text).map((e) => `${c.intent}: ${c.text}: ${e}`));
    expect(problems).toEqual([]);
  });

  it('the answers quote commands (the check is not vacuous), at least one per task intent', () => {
    expect(commands.length).toBeGreaterThan(50);
    const quiet = ['greet', 'goodbye', 'thanks', 'install', 'exit.codes'];
    const without = corpus.intents
      .filter((i) => !quiet.includes(i.intent))
      .filter((i) => !commands.some((c) => c.intent === i.intent))
      .map((i) => i.intent);
    expect(without).toEqual([]);
  });
});
