// Barrel of vision/voxels: synthetic 3D scenes, the Conv3D two-head network and its training task.
export * from './render-scenes';
export * from './scenes';
export * from './shapes';
export * from './train-voxels';
export * from './voxel-loss';
export * from './voxel-net';
