import {
  RUN_FORECAST_DEFAULTS,
  runForecast,
  type ForecastCenter,
  type ForecastCell,
  type ForecastStrategy,
} from '@dlkit/sequence';
import { UsageError } from '../util/errors';
import { choiceFlag, describeInt, intFlag, textFlag, type IntRange } from '../util/flags';
import { interruptMessage, onInterrupt } from '../util/interrupt';
import { requireFile } from '../util/paths';
import { resolveOutDir } from '../util/out-dir';
import { Output } from '../util/output';
import { round } from '../util/round';
import { addTrainingOptions, type TrainingFlags } from '../util/training-options';
import type { CliCommand } from './types';

interface ForecastFlags extends TrainingFlags {
  series?: string;
  column?: string;
  horizon?: number;
  window?: number;
  cell?: string;
  strategy?: string;
  center?: string;
  units?: number;
  testPoints?: number;
  season?: number;
}

const CELLS: ForecastCell[] = ['lstm', 'gru'];
const STRATEGIES: ForecastStrategy[] = ['direct', 'recursive'];
const CENTERS: ForecastCenter[] = ['window', 'train'];
const D = RUN_FORECAST_DEFAULTS;
const STEPS: IntRange = { min: 1, max: 10_000 };
const TEST_POINTS: IntRange = { min: 1, max: 1_000_000 };
const UNITS: IntRange = { min: 1, max: 4096 };

export const forecastCommand: CliCommand = {
  name: 'forecast',
  register(program, run) {
    const command = program
      .command('forecast')
      .description(
        'train an LSTM/GRU forecaster on a time series and compare it with the naive and seasonal naive baselines on the held-out end of the series',
      )
      .option(
        '--series <co2|file.csv>',
        `'co2' (monthly Mauna Loa CO2 1958-2020, from vega-datasets) or a CSV file with a header line (default ${D.series})`,
        textFlag('--series'),
      )
      .option(
        '--column <name>',
        'numeric column to forecast (required with a CSV file; co2 uses CO2)',
        textFlag('--column'),
      )
      .option(
        '--horizon <h>',
        `steps forecast from each origin, ${describeInt(STEPS)} (default ${D.horizon})`,
        intFlag('--horizon', STEPS),
      )
      .option(
        '--window <w>',
        `past differences the network sees, ${describeInt(STEPS)} (default ${D.window})`,
        intFlag('--window', STEPS),
      )
      .option(
        '--test-points <n>',
        `values held out at the end of the series, ${describeInt(TEST_POINTS)} (default ${D.testPoints}: the last 5 years of monthly data)`,
        intFlag('--test-points', TEST_POINTS),
      )
      .option(
        '--season <m>',
        `season length of the seasonal naive baseline, ${describeInt(STEPS)} (default ${D.season}, monthly data)`,
        intFlag('--season', STEPS),
      )
      .option('--cell <lstm|gru>', `recurrent cell (default ${D.cell})`, choiceFlag('--cell', CELLS))
      .option(
        '--strategy <direct|recursive>',
        `direct: one H-step output; recursive: a 1-step model rolled out H times (default ${D.strategy})`,
        choiceFlag('--strategy', STRATEGIES),
      )
      .option(
        '--center <window|train>',
        `centre the differences on each input window's mean (the recent drift) or on the training mean (default ${D.center})`,
        choiceFlag('--center', CENTERS),
      )
      .option('--units <n>', `recurrent units, ${describeInt(UNITS)} (default ${D.units})`, intFlag('--units', UNITS));
    addTrainingOptions(
      command,
      { epochs: D.epochs, batchSize: D.batchSize, learningRate: D.learningRate, seed: D.seed },
      { out: 'forecast', seeds: 'the weights and the shuffling' },
    )
      .addHelpText(
        'after',
        [
          '',
          'Evaluation: the last --test-points values are held out; from every origin t whose next H values',
          'all lie in that period (the first origin is the last training value), each method forecasts',
          'x[t+1..t+H] from the values up to t. MAE is over all origins and all H steps. The scaler and the',
          'network see the training part only. Writes <out>/model (tfjs + forecaster.json), <out>/forecast.png',
          'and <out>/forecast.json.',
          '',
          'Example: dlkit forecast --series sales.csv --column units --horizon 6 --test-points 24 --json',
        ].join('\n'),
      )
      .action((flags: ForecastFlags) =>
        run(async () => {
          const out = new Output(flags);
          const series = flags.series ?? D.series;
          if (series !== 'co2') {
            if (!flags.column)
              throw new UsageError(
                `--series ${series}: a CSV file needs --column NAME (the numeric column to forecast)`,
              );
            requireFile('--series', series, "'co2' or a CSV file");
          }
          const cell = flags.cell as ForecastCell | undefined;
          const strategy = flags.strategy as ForecastStrategy | undefined;
          const center = flags.center as ForecastCenter | undefined;
          const horizon = flags.horizon ?? D.horizon;
          const testPoints = flags.testPoints ?? D.testPoints;
          if (testPoints < horizon)
            throw new UsageError(
              `--test-points (${testPoints}) must be at least --horizon (${horizon}) so that some forecast lies in the test period`,
            );
          const outDir = resolveOutDir(flags.out, 'forecast');
          const release = onInterrupt(() => interruptMessage({ command: 'dlkit forecast', outDir, resumable: false }));
          const r = await runForecast({
            series,
            column: flags.column,
            outDir,
            horizon,
            window: flags.window,
            epochs: flags.epochs,
            seed: flags.seed,
            cell,
            strategy,
            center,
            units: flags.units,
            learningRate: flags.learningRate,
            batchSize: flags.batchSize,
            testPoints,
            season: flags.season,
            progress: out.showProgress,
            onEpochEnd: out.epochLogger(),
          }).finally(release);
          const json = {
            task: r.task,
            mae: round(r.mae),
            naiveMae: round(r.naiveMae),
            seasonalNaiveMae: round(r.seasonalNaiveMae),
            ratio: round(r.ratio),
            plot: r.plot,
            model: r.model,
            series: r.series,
            column: r.column,
            testPeriod: r.testPeriod,
            testOrigins: r.testOrigins,
            horizon: r.horizon,
            window: r.window,
            epochs: r.epochs,
            cell: r.cell,
            strategy: r.strategy,
            center: r.center,
            seed: r.seed,
            maeByStep: r.maeByStep.map((v) => round(v)),
            trainValues: r.trainValues,
            finalLoss: round(r.finalLoss, 5),
            seconds: round(r.seconds, 1),
            backend: r.backend,
          };
          out.result(
            json,
            [
              `${r.series} ${r.column}: ${r.horizon}-step forecasts from ${r.testOrigins} rolling origins over the held-out ${r.testPeriod[0]} .. ${r.testPeriod[1]}`,
              `MAE  ${r.cell.toUpperCase()} (${r.strategy}) ${r.mae.toFixed(3)}   seasonal naive ${r.seasonalNaiveMae.toFixed(3)}   naive ${r.naiveMae.toFixed(3)}   (model / seasonal naive = ${r.ratio.toFixed(3)})`,
              `${r.epochs} epochs, ${r.seconds.toFixed(0)} s (${r.backend})`,
              `plot:  ${r.plot}`,
              `model: ${r.model}`,
            ].join('\n'),
          );
        }),
      );
  },
};
