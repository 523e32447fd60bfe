import * as fs from 'fs';
import * as path from 'path';
import { findLabelsFile, readImageForModel } from '@dlkit/vision';
import type { CliCommand } from './types';
import { openClassifier } from '../util/classifier';
import { UsageError } from '../util/errors';
import { Output } from '../util/output';

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
      .description('classify images with a trained model (tfjs directory or .onnx), preprocessed exactly as in training')
      .argument('<images...>', 'PNG/JPEG/WebP files')
      .requiredOption('--model <path>', 'tfjs model directory (e.g. dlkit-out/train-mnist/model) or .onnx file')
      .option('--labels <file>', 'text file with one class label per line (default: labels.txt beside the model, else the class index)')
      .option('--json', 'print one JSON object on stdout')
      .addHelpText('after', '\nExample: dlkit predict --model dlkit-out/train-mnist/mnist.onnx digit.png --json')
      .action((images: string[], flags: PredictFlags) =>
        run(async () => {
          const out = new Output(flags);
          const labelsFile = flags.labels ?? (flags.model ? findLabelsFile(flags.model) : undefined);
          const labels = labelsFile ? readLabels(labelsFile) : undefined;
          for (const file of images) if (!fs.existsSync(file)) throw new UsageError(`${file}: no such file (expected a PNG or JPEG image)`);
          const classifier = await openClassifier(flags.model!);
          try {
            const [h, w, c] = classifier.imageShape;
            const pixels = new Float32Array(images.length * h * w * c);
            for (let i = 0; i < images.length; i++) pixels.set(await readImageForModel(images[i], [h, w, c]), i * h * w * c);
            const probs = await classifier.predict(pixels, images.length);
            const predictions = probs.map((p, i) => {
              const best = p.reduce((b, v, k) => (v > p[b] ? k : b), 0);
              if (labels && labels.length !== p.length) throw new Error(`labels ${labelsFile}: has ${labels.length} labels, the model has ${p.length} classes`);
              return { file: images[i], label: labels ? labels[best] : String(best), score: Math.round(p[best] * 1e4) / 1e4 };
            });
            const width = Math.max(...predictions.map((p) => path.basename(p.file).length));
            out.result(
              { predictions },
              predictions.map((p) => `${path.basename(p.file).padEnd(width)}  ${p.label}  (${(p.score * 100).toFixed(1)}%)`).join('\n'),
            );
          } finally {
            await classifier.dispose();
          }
        }),
      );
  },
};

function readLabels(file: string): string[] {
  if (!fs.existsSync(file)) throw new UsageError(`--labels ${file}: no such file`);
  const labels = fs.readFileSync(file, 'utf8').split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  if (labels.length === 0) throw new UsageError(`--labels ${file}: empty (expected one label per line)`);
  return labels;
}
