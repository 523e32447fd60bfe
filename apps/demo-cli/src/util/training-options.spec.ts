import { Command } from 'commander';
import { UsageError } from './errors';
import { addTrainingOptions, type TrainingFlags } from './training-options';

function command(): Command {
  return new Command('t').exitOverride().configureOutput({ writeErr: () => undefined, writeOut: () => undefined });
}

const names = (c: Command) => c.options.map((o) => o.long);

describe('addTrainingOptions', () => {
  it('adds only the flags asked for, after the options the command already has, --json last', () => {
    const c = addTrainingOptions(command().option('--own'), { epochs: 3, seed: 7 }, { out: 'task' });
    expect(names(c)).toEqual(['--own', '--epochs', '--seed', '--out', '--json']);
    const all = addTrainingOptions(
      command(),
      { epochs: 3, batchSize: 8, learningRate: 0.01, seed: 7 },
      { out: 'task', resume: true, workers: true },
    );
    expect(names(all)).toEqual([
      '--epochs',
      '--batch-size',
      '--learning-rate',
      '--seed',
      '--out',
      '--resume',
      '--workers',
      '--force-workers',
      '--json',
    ]);
  });

  it('shows the task defaults and phrases in --help', () => {
    const help = addTrainingOptions(
      command(),
      { epochs: 3, batchSize: 8, learningRate: 0.01, seed: 7 },
      {
        out: 'task',
        outNote: 'the model goes to <out>/model',
        seeds: 'the split and the shuffling',
        learningRate: 'peak Adam learning rate',
        batchSize: 'items per mini-batch',
      },
    )
      .helpInformation()
      .replace(/\s+/g, ' ');
    expect(help).toContain('--epochs <n> training epochs, an integer in [1, 10000] (default 3)');
    expect(help).toContain('--batch-size <n> items per mini-batch, an integer in [1, 65536] (default 8)');
    expect(help).toContain('--learning-rate <lr> peak Adam learning rate, a number in (0, 1] (default 0.01)');
    expect(help).toContain('--seed <n> seed for the split and the shuffling (default 7)');
    expect(help).toContain('--out <dir> output directory (default ./dlkit-out/task); the model goes to <out>/model');
  });

  it('a key present with an undefined value adds the flag without a default', () => {
    const help = addTrainingOptions(command(), { learningRate: undefined }, {}).helpInformation().replace(/\s+/g, ' ');
    expect(help).toContain('--learning-rate <lr> Adam learning rate, a number in (0, 1] ');
    expect(help).not.toContain('(default');
  });

  it('parses the flags into TrainingFlags and rejects values out of range with a UsageError', () => {
    const c = addTrainingOptions(
      command(),
      { epochs: 3, batchSize: 8, learningRate: 0.01, seed: 7 },
      { out: 'task', resume: true, workers: true },
    );
    c.parse(
      [
        '--epochs',
        '2',
        '--batch-size',
        '4',
        '--learning-rate',
        '1e-3',
        '--seed',
        '9',
        '--out',
        'o',
        '--resume',
        '--json',
      ],
      { from: 'user' },
    );
    expect(c.opts<TrainingFlags>()).toEqual({
      epochs: 2,
      batchSize: 4,
      learningRate: 0.001,
      seed: 9,
      out: 'o',
      resume: true,
      json: true,
    });
    expect(() => command().parse(['--epochs', '0'], { from: 'user' })).toThrow(); // unknown option without the helper
    const e = addTrainingOptions(command(), { epochs: 3 }, {});
    expect(() => e.parse(['--epochs', '0'], { from: 'user' })).toThrow(UsageError);
    expect(() => e.parse(['--epochs', '0'], { from: 'user' })).toThrow(
      "--epochs must be an integer in [1, 10000], got '0'",
    );
  });
});
