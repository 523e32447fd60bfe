// Barrel of vision/voxels (filled by its helper).
export {};
