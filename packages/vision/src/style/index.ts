// Barrel of vision/style (filled by its helper).
export {};
