import type { CliCommand } from './types';

// Placeholder wired into the command table; replaced by the issue-4 part that owns this file.
export const forecastCommand: CliCommand = {
  name: 'forecast',
  register() {
    /* registered by its owner */
  },
};
