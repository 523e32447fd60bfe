/**
 * The set-up `dlkit keywords|trigger|speech train` share: the output folder, eSpeak voices when
 * the clips are generated (none with the user's recordings), the Ctrl-C message naming what was
 * saved, and the training options from the shared flags with progress and per-clip logging.
 *
 * @example
 * const { options, release } = await speechTraining('keywords', flags, out, dataDir !== undefined);
 * await trainKeywords({ ...options, dataDir, perLabel: flags.perLabel }).finally(release);
 */
import { espeakVoices } from './espeak-voices';
import { interruptMessage, onInterrupt } from './interrupt';
import { resolveOutDir } from './out-dir';
import { Output } from './output';
import { trainingRunOptions, type TrainingFlags } from './training-options';

export async function speechTraining(
  task: 'keywords' | 'trigger' | 'speech',
  flags: TrainingFlags,
  out: Output,
  recordings: boolean,
) {
  const outDir = resolveOutDir(flags.out, task);
  const speech = await espeakVoices(!recordings);
  const release = onInterrupt(() => interruptMessage({ command: `dlkit ${task} train`, outDir, resumable: true }));
  const options = {
    outDir,
    ...speech,
    ...trainingRunOptions(flags, out),
    onData: out.clipLogger(),
  };
  return { options, release };
}
