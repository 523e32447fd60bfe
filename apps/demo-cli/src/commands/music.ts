import type { CliCommand } from './types';

// Placeholder wired into the command table; replaced by the issue-4 part that owns this file.
export const musicCommand: CliCommand = {
  name: 'music',
  register() {
    /* registered by its owner */
  },
};
