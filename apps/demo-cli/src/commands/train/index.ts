import type { CliCommand } from '../types';
import { registerTrainMnist } from './mnist';
import { registerTrainImages } from './images';
import { registerTrainDetector } from './detector';
import { registerTrainVoxels } from './voxels';

/** `dlkit train <task>`: one row per trainable system. */
const TRAIN_TASKS = [registerTrainMnist, registerTrainDetector, registerTrainImages, registerTrainVoxels];

export const trainCommand: CliCommand = {
  name: 'train',
  register(program, run) {
    const train = program.command('train').description('train a model (see the tasks below)');
    for (const register of TRAIN_TASKS) register(train, run);
  },
};
