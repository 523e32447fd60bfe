import * as fs from 'fs';
import * as path from 'path';
import { DETECT_DEFAULTS, drawDetections, openDetector } from '@dlkit/vision';
import type { CliCommand } from './types';
import { numberFlag, textFlag, type NumberRange } from '../util/flags';
import { readLabels, requireFile, requireFileOrDir } from '../util/paths';
import { resolveOutDir } from '../util/out-dir';
import { Output } from '../util/output';
import { round } from '../util/round';

/** Scores and IoU thresholds: (0, 1]. */
const UNIT: NumberRange = { min: 0, max: 1, minExclusive: true };

interface DetectFlags {
  model?: string;
  labels?: string;
  score?: number;
  iou?: number;
  out?: string;
  json?: boolean;
}

export const detectCommand: CliCommand = {
  name: 'detect',
  register(program, run) {
    program
      .command('detect')
      .description(
        "detect objects with a dlkit detector (tfjs directory or .onnx) or a YOLOv8-style ONNX export ([1,3,H,W] -> [1,4+C,N]); boxes in the original image's pixels",
      )
      .argument('<images...>', 'PNG/JPEG/WebP files')
      .requiredOption(
        '--model <path>',
        'detector directory (dlkit-out/train-detector/model), its .onnx export, or a YOLOv8-style .onnx',
        textFlag('--model'),
      )
      .option(
        '--labels <file>',
        "text file with one class name per line (default: the model's names)",
        textFlag('--labels'),
      )
      .option(
        '--score <x>',
        `minimum score in (0, 1] (default ${DETECT_DEFAULTS.minScore})`,
        numberFlag('--score', UNIT),
      )
      .option(
        '--iou <x>',
        `class-wise NMS IoU threshold in (0, 1] (default ${DETECT_DEFAULTS.iouThreshold})`,
        numberFlag('--iou', UNIT),
      )
      .option('--out <dir>', 'where the annotated PNGs go (default ./dlkit-out/detect)', textFlag('--out'))
      .option('--json', 'print one JSON object on stdout')
      .addHelpText('after', '\nExample: dlkit detect --model dlkit-out/train-detector/detector.onnx scene.png --json')
      .action((images: string[], flags: DetectFlags) =>
        run(async () => {
          const out = new Output(flags);
          requireFileOrDir('--model', flags.model!, 'a detector directory or an .onnx file');
          for (const file of images) requireFile(undefined, file, 'a PNG, JPEG or WebP image');
          const labels = flags.labels ? readLabels('--labels', flags.labels) : undefined;
          const outDir = resolveOutDir(flags.out, 'detect');
          const detector = await openDetector(flags.model!, { labels });
          try {
            fs.mkdirSync(outDir, { recursive: true });
            const detections: { file: string; label: string; score: number; box: number[] }[] = [];
            const annotated: string[] = [];
            const human: string[] = [];
            for (const [i, file] of images.entries()) {
              const dets = await detector.detect(file, { minScore: flags.score, iouThreshold: flags.iou });
              const png = path.join(outDir, `${String(i).padStart(3, '0')}-${path.parse(file).name}.png`);
              await drawDetections(file, dets, png, detector.labels);
              annotated.push(png);
              for (const d of dets)
                detections.push({ file, label: d.label, score: round(d.score), box: d.box.map((v) => round(v)) });
              human.push(
                `${file}: ${dets.length} object${dets.length === 1 ? '' : 's'}${dets.map((d) => `\n  ${d.label} ${d.score.toFixed(2)} [${d.box.map((v) => v.toFixed(1)).join(', ')}]`).join('')}`,
              );
            }
            human.push(`annotated: ${annotated.join(', ')}`);
            out.result({ detections, images: annotated }, human.join('\n'));
          } finally {
            await detector.dispose();
          }
        }),
      );
  },
};

/** 4 decimals in the JSON: exact for the letterbox test's dyadic numbers, readable otherwise. */
