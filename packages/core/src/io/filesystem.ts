/**
 * Save and load tfjs models in the tfjs "layers" format on the local file system
 * (`model.json` + `weights.bin`, the same layout tfjs-node's `file://` handler writes),
 * without tfjs-node. Saving is atomic: a killed process never leaves a half-written model.
 *
 * @example
 * await model.save(fileSystem('out/model'));
 * const again = await loadModel('out/model');
 */
import * as fs from 'fs';
import * as path from 'path';
import * as tf from '@tensorflow/tfjs';
import { replaceDirAtomic } from './atomic';

const MODEL_JSON = 'model.json';
const WEIGHTS_BIN = 'weights.bin';

/** A tfjs IOHandler reading and writing the directory `dir`. */
export function fileSystem(dir: string): tf.io.IOHandler {
  return {
    async save(artifacts: tf.io.ModelArtifacts): Promise<tf.io.SaveResult> {
      const weightData = artifacts.weightData
        ? tf.io.CompositeArrayBuffer.join(artifacts.weightData as ArrayBuffer | ArrayBuffer[])
        : new ArrayBuffer(0);
      const modelJson: tf.io.ModelJSON = {
        modelTopology: artifacts.modelTopology!,
        format: artifacts.format,
        generatedBy: artifacts.generatedBy,
        convertedBy: artifacts.convertedBy,
        weightsManifest: [{ paths: [`./${WEIGHTS_BIN}`], weights: artifacts.weightSpecs ?? [] }],
        ...(artifacts.trainingConfig ? { trainingConfig: artifacts.trainingConfig } : {}),
        ...(artifacts.userDefinedMetadata ? { userDefinedMetadata: artifacts.userDefinedMetadata } : {}),
      };
      await replaceDirAtomic(dir, (tmp) => {
        fs.writeFileSync(path.join(tmp, WEIGHTS_BIN), Buffer.from(weightData));
        fs.writeFileSync(path.join(tmp, MODEL_JSON), JSON.stringify(modelJson));
      });
      return {
        modelArtifactsInfo: {
          dateSaved: new Date(),
          modelTopologyType: 'JSON',
          weightDataBytes: weightData.byteLength,
        },
      };
    },

    async load(): Promise<tf.io.ModelArtifacts> {
      const jsonPath = path.join(dir, MODEL_JSON);
      if (!fs.existsSync(dir)) throw new Error(`model directory not found: ${dir}`);
      if (!fs.existsSync(jsonPath))
        throw new Error(`${jsonPath}: not found (expected a tfjs model directory with ${MODEL_JSON})`);
      let modelJson: tf.io.ModelJSON;
      try {
        modelJson = JSON.parse(fs.readFileSync(jsonPath, 'utf8'));
      } catch (err) {
        throw new Error(`${jsonPath}: not valid JSON (${(err as Error).message})`);
      }
      if (!modelJson.modelTopology || !Array.isArray(modelJson.weightsManifest)) {
        throw new Error(`${jsonPath}: expected a tfjs layers model with modelTopology and weightsManifest`);
      }
      const specs: tf.io.WeightsManifestEntry[] = [];
      const buffers: Buffer[] = [];
      for (const group of modelJson.weightsManifest) {
        specs.push(...group.weights);
        for (const p of group.paths) {
          const file = path.join(dir, p);
          if (!fs.existsSync(file)) throw new Error(`${file}: weights file listed in ${jsonPath} is missing`);
          buffers.push(fs.readFileSync(file));
        }
      }
      const all = Buffer.concat(buffers);
      const expected = specs.reduce((n, s) => n + s.shape.reduce((a, b) => a * b, 1) * bytesPer(s.dtype), 0);
      if (all.byteLength !== expected) {
        throw new Error(
          `${path.join(dir, WEIGHTS_BIN)}: ${all.byteLength} bytes, expected ${expected} from ${jsonPath} (truncated or mismatched weights)`,
        );
      }
      return {
        modelTopology: modelJson.modelTopology,
        format: modelJson.format,
        generatedBy: modelJson.generatedBy,
        convertedBy: modelJson.convertedBy,
        trainingConfig: modelJson.trainingConfig,
        userDefinedMetadata: modelJson.userDefinedMetadata,
        weightSpecs: specs,
        weightData: all.buffer.slice(all.byteOffset, all.byteOffset + all.byteLength),
      };
    },
  };
}

function bytesPer(dtype: string): number {
  return dtype === 'bool' || dtype === 'uint8' ? 1 : dtype === 'float16' ? 2 : 4;
}

/** Saves a layers model to `dir` atomically. */
export async function saveModel(model: tf.LayersModel, dir: string): Promise<void> {
  await model.save(fileSystem(dir));
}

/** Loads a layers model saved by `saveModel` (or tfjs-node's `file://` handler) from `dir`. */
export async function loadModel(dir: string): Promise<tf.LayersModel> {
  return tf.loadLayersModel(fileSystem(dir));
}
