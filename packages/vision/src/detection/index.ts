// Barrel of vision/detection (filled by its helper).
export {};
