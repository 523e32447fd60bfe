import * as path from 'path';
import { RUN_STYLE_DEFAULTS, runStyleTransfer } from '@dlkit/vision';
import { UsageError } from '../util/errors';
import { describeInt, intFlag, textFlag, type IntRange } from '../util/flags';
import { defaultOutDir } from '../util/out-dir';
import { prepareOutFile, requireFile } from '../util/paths';
import { Output } from '../util/output';
import { addTrainingOptions, type TrainingFlags } from '../util/training-options';
import type { CliCommand } from './types';

/** Adam steps on the pixels: at least one (0 would write the unoptimised start). */
const STEPS: IntRange = { min: 1, max: 100_000 };
/** Square working size in pixels: the random feature net needs 16; 1024 keeps memory bounded (~2 GB). */
const SIZE: IntRange = { min: 16, max: 1024 };
const IMAGE = 'a PNG, JPEG or WebP image';

/** `out` is the output PNG here (a one-file product), not a directory. */
interface StyleFlags extends TrainingFlags {
  content?: string;
  style?: string;
  steps?: number;
  size?: number;
  features?: string;
  contentLayer?: string;
  styleLayers?: string;
  imagenetNorm: boolean;
}

export const styleCommand: CliCommand = {
  name: 'style',
  register(program, run) {
    const command = program
      .command('style')
      .description(
        "neural style transfer (Gatys et al. 2016): repaint the content image with the style image's colours and texture",
      )
      .option('--content <file>', 'content image (PNG, JPEG, WebP, ...)', textFlag('--content'))
      .option('--style <file>', 'style image', textFlag('--style'))
      .option(
        '--steps <n>',
        `Adam steps on the pixels, ${describeInt(STEPS)} (default ${RUN_STYLE_DEFAULTS.steps})`,
        intFlag('--steps', STEPS),
      )
      .option(
        '--size <px>',
        `both images are resized to size x size, ${describeInt(SIZE)} (default ${RUN_STYLE_DEFAULTS.size})`,
        intFlag('--size', SIZE),
      )
      .option('--out <file>', 'output PNG (default ./dlkit-out/style/stylized.png)', textFlag('--out'))
      .option(
        '--features <onnx>',
        'feature network as an ONNX file (e.g. VGG19); default: the offline random multi-scale net',
        textFlag('--features'),
      )
      .option(
        '--content-layer <name>',
        'layer of the feature network for the content cost',
        textFlag('--content-layer'),
      )
      .option(
        '--style-layers <a,b,c>',
        'comma-separated layers for the style cost (equal weights)',
        textFlag('--style-layers'),
      )
      .option('--no-imagenet-norm', 'with --features: feed RGB in [0, 1] without ImageNet mean/std normalisation');
    // No default shown for the learning rate (the style-transfer loop's own applies).
    addTrainingOptions(
      command,
      { seed: RUN_STYLE_DEFAULTS.seed, learningRate: undefined },
      { seeds: 'the starting noise and the random feature net', learningRate: 'Adam step size on pixels' },
    ).action((flags: StyleFlags) =>
      run(async () => {
        const out = new Output(flags);
        if (!flags.content) throw new UsageError('--content <file> is required');
        if (!flags.style) throw new UsageError('--style <file> is required');
        if (flags.features && (!flags.contentLayer || !flags.styleLayers)) {
          throw new UsageError('--features needs --content-layer and --style-layers (layer names of that network)');
        }
        requireFile('--content', flags.content, IMAGE);
        requireFile('--style', flags.style, IMAGE);
        if (flags.features) requireFile('--features', flags.features, 'an .onnx feature network');
        // The output is checked before the optimisation runs: no work lost, no temporary file left.
        const output = prepareOutFile('--out', flags.out ?? path.join(defaultOutDir('style'), 'stylized.png'), [
          '.png',
        ]);
        const styleLayers = flags.styleLayers
          ?.split(',')
          .map((s) => s.trim())
          .filter((s) => s.length > 0);
        const r = await runStyleTransfer({
          content: flags.content,
          style: flags.style,
          output,
          size: flags.size,
          steps: flags.steps,
          seed: flags.seed,
          learningRate: flags.learningRate,
          features: flags.features,
          contentLayer: flags.contentLayer,
          styleLayers,
          imagenetNormalization: flags.imagenetNorm,
          onStep: (step, steps, c) => {
            if (step === 1 || step % 10 === 0 || step === steps) {
              out.log(
                `step ${step}/${steps} style ${c.style.toExponential(3)} content ${c.content.toExponential(3)} tv ${c.tv.toExponential(3)} total ${c.total.toExponential(3)}`,
              );
            }
          },
        });
        const json = {
          task: r.task,
          output: r.output,
          styleLoss: r.styleLoss,
          contentLoss: r.contentLoss,
          seconds: Math.round(r.seconds * 10) / 10,
          steps: r.steps,
          size: r.size,
          features: r.features,
          contentLayer: r.contentLayer,
          styleLayers: r.styleLayers,
          backend: r.backend,
        };
        out.result(
          json,
          [
            `style loss ${r.styleLoss[0].toExponential(3)} -> ${r.styleLoss[1].toExponential(3)} (${(r.styleLoss[0] / r.styleLoss[1]).toFixed(1)}x lower), content loss ${r.contentLoss[0].toExponential(3)} -> ${r.contentLoss[1].toExponential(3)}, ${r.seconds.toFixed(0)} s`,
            `output: ${r.output}`,
          ].join('\n'),
        );
      }),
    );
  },
};
