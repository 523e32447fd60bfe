// Barrel of vision/multitask (filled by its helper).
export {};
