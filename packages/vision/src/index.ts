// Filled by its own issue. Re-exports core so the package resolves and builds.
export const PACKAGE_NAME = '@dlkit/vision';
