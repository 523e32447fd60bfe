import * as fs from 'fs';
import * as path from 'path';
import { DETECT_DEFAULTS, drawDetections, openDetector } from '@dlkit/vision';
import type { CliCommand } from './types';
import { UsageError, positiveNumber } from '../util/errors';
import { resolveOutDir } from '../util/out-dir';
import { Output } from '../util/output';
import { round } from '../util/round';

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
      .description("detect objects with a dlkit detector (tfjs directory or .onnx) or a YOLOv8-style ONNX export ([1,3,H,W] -> [1,4+C,N]); boxes in the original image's pixels")
      .argument('<images...>', 'PNG/JPEG/WebP files')
      .requiredOption('--model <path>', 'detector directory (dlkit-out/train-detector/model), its .onnx export, or a YOLOv8-style .onnx')
      .option('--labels <file>', 'text file with one class name per line (default: the model\'s names)')
      .option('--score <x>', `minimum score (default ${DETECT_DEFAULTS.minScore})`, unitInterval('--score'))
      .option('--iou <x>', `class-wise NMS IoU threshold (default ${DETECT_DEFAULTS.iouThreshold})`, unitInterval('--iou'))
      .option('--out <dir>', 'where the annotated PNGs go (default ./dlkit-out/detect)')
      .option('--json', 'print one JSON object on stdout')
      .addHelpText('after', '\nExample: dlkit detect --model dlkit-out/train-detector/detector.onnx scene.png --json')
      .action((images: string[], flags: DetectFlags) =>
        run(async () => {
          const out = new Output(flags);
          for (const file of images) if (!fs.existsSync(file)) throw new UsageError(`${file}: no such file (expected a PNG, JPEG or WebP image)`);
          const labels = flags.labels ? readLabels(flags.labels) : undefined;
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
              for (const d of dets) detections.push({ file, label: d.label, score: round(d.score), box: d.box.map((v) => round(v)) });
              human.push(`${file}: ${dets.length} object${dets.length === 1 ? '' : 's'}${dets.map((d) => `\n  ${d.label} ${d.score.toFixed(2)} [${d.box.map((v) => v.toFixed(1)).join(', ')}]`).join('')}`);
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

function unitInterval(flag: string) {
  const parse = positiveNumber(flag);
  return (value: string): number => {
    const x = parse(value);
    if (x > 1) throw new UsageError(`${flag} must be in (0, 1], got ${value}`);
    return x;
  };
}

function readLabels(file: string): string[] {
  if (!fs.existsSync(file)) throw new UsageError(`--labels ${file}: no such file`);
  const labels = fs.readFileSync(file, 'utf8').split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  if (labels.length === 0) throw new UsageError(`--labels ${file}: empty (expected one label per line)`);
  return labels;
}

/** 4 decimals in the JSON: exact for the letterbox test's dyadic numbers, readable otherwise. */
