import * as path from 'path';
import { ClassifierSourceError, findLabelsFile, openClassifier, readImageForModel } from '@dlkit/vision';
import type { CliCommand } from './types';
import { UsageError } from '../util/errors';
import { textFlag } from '../util/flags';
import { Output } from '../util/output';
import { readLabels, requireFile, requireFileOrDir } from '../util/paths';
import { showPath } from '../util/quote';

interface PredictFlags {
  model?: string;
  labels?: string;
  json?: boolean;
}

export const predictCommand: CliCommand = {
  name: 'predict',
  register(program, run) {
    program
      .command('predict')
      .description(
        'classify images with a trained model (tfjs directory or .onnx), preprocessed exactly as in training',
      )
      .argument('<images...>', 'PNG/JPEG/WebP files')
      .requiredOption(
        '--model <path>',
        'tfjs model directory (e.g. dlkit-out/train-mnist/model) or .onnx file',
        textFlag('--model'),
      )
      .option(
        '--labels <file>',
        'text file with one class label per line (default: labels.txt beside the model, else the class index)',
        textFlag('--labels'),
      )
      .option('--json', 'print one JSON object on stdout')
      .addHelpText('after', '\nExample: dlkit predict --model dlkit-out/train-mnist/mnist.onnx digit.png --json')
      .action((images: string[], flags: PredictFlags) =>
        run(async () => {
          const out = new Output(flags);
          const model = requireFileOrDir('--model', flags.model!, 'a tfjs model directory or an .onnx file');
          const labelsFile = flags.labels ?? findLabelsFile(model);
          const labels = labelsFile ? readLabels('--labels', labelsFile) : undefined;
          for (const file of images) requireFile(undefined, file, 'a PNG, JPEG or WebP image');
          let classifier;
          try {
            classifier = await openClassifier(model);
          } catch (err) {
            if (err instanceof ClassifierSourceError) throw new UsageError(`--model ${err.message}`);
            throw err;
          }
          try {
            const [h, w, c] = classifier.imageShape;
            const pixels = new Float32Array(images.length * h * w * c);
            for (let i = 0; i < images.length; i++)
              pixels.set(await readImageForModel(images[i], [h, w, c]), i * h * w * c);
            const probs = await classifier.predict(pixels, images.length);
            const predictions = probs.map((p, i) => {
              const best = p.reduce((b, v, k) => (v > p[b] ? k : b), 0);
              if (labels && labels.length !== p.length)
                throw new Error(
                  `--labels ${showPath(labelsFile!)}: has ${labels.length} labels, the model has ${p.length} classes`,
                );
              return {
                file: images[i],
                label: labels ? labels[best] : String(best),
                score: Math.round(p[best] * 1e4) / 1e4,
              };
            });
            const width = Math.max(...predictions.map((p) => path.basename(p.file).length));
            out.result(
              { predictions },
              predictions
                .map((p) => `${path.basename(p.file).padEnd(width)}  ${p.label}  (${(p.score * 100).toFixed(1)}%)`)
                .join('\n'),
            );
          } finally {
            await classifier.dispose();
          }
        }),
      );
  },
};
