/** A small corpus for the chat specs: three intents, one with a required slot. */
import type { ChatCorpus } from '../chat-corpus';

export const TINY_CORPUS: ChatCorpus = {
  name: 'tiny',
  locale: 'en',
  fallback: 'Sorry?',
  threshold: 0.5,
  intents: [
    {
      intent: 'greet',
      utterances: ['hello', 'hi there', 'hey', 'good morning', 'hello bot', 'hi friend'],
      answers: ['Hi!'],
    },
    {
      intent: 'resume',
      utterances: [
        'continue training',
        'resume the run',
        'my training stopped, continue it',
        'resume from the checkpoint',
        'continue an interrupted run',
        'resume training after a crash',
      ],
      answers: ['Use --resume.'],
    },
    {
      intent: 'experiment',
      utterances: [
        'run an experiment',
        'run the planar experiment',
        'start a course experiment',
        'I want to run an experiment',
        'run the optimization experiment',
        'show me an experiment',
      ],
      answers: ['Run dlkit dls {{experiment}}.'],
      slots: [{ entity: 'experiment', required: true, prompt: 'Which experiment?' }],
    },
  ],
  entities: [
    {
      name: 'experiment',
      values: [
        { value: 'planar', synonyms: ['flower'] },
        { value: 'optimization', synonyms: ['optimisation', 'adam optimizer'] },
      ],
    },
  ],
};
