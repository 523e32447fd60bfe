export const PACKAGE_NAME = '@dlkit/core';
