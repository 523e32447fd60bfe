import { initBackend } from '@dlkit/core';
import type { CliCommand } from './types';
import { Output } from '../util/output';
import { versions } from '../util/versions';

export const infoCommand: CliCommand = {
  name: 'info',
  register(program, run) {
    program
      .command('info')
      .description('show the tfjs backend, library versions and the extra kernels dlkit registers')
      .option('--json', 'print one JSON object')
      .action((opts: { json?: boolean }) =>
        run(async () => {
          const out = new Output(opts);
          const backend = await initBackend();
          const info = { ...backend, node: process.version, versions: versions() };
          out.result(
            info,
            [
              `backend:       ${info.backend} (simd ${info.simd ? 'on' : 'off'}, ${info.threads} thread${info.threads === 1 ? '' : 's'}, dlkit simd loops ${info.simdKernels ? 'on' : 'off'})`,
              `extra kernels: ${info.extraKernels.join(', ') || '(none)'}`,
              `node:          ${info.node}`,
              ...Object.entries(info.versions).map(([k, v]) => `${`${k}:`.padEnd(15)}${v}`),
            ].join('\n'),
          );
        }),
      );
  },
};
