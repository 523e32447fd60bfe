// Barrel of vision/classify (filled by its helper).
export {};
