// Barrel of vision/transfer (filled by its helper).
export {};
