import { main } from '../main';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
  /** The last stdout line parsed as JSON (the --json contract). */
  json<T = Record<string, unknown>>(): T;
}

/** Runs `dlkit ...args` in-process through main(), capturing stdout and stderr. */
export async function runCli(...args: string[]): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const out = jest
    .spyOn(process.stdout, 'write')
    .mockImplementation((s: string | Uint8Array) => ((stdout += String(s)), true));
  const err = jest
    .spyOn(process.stderr, 'write')
    .mockImplementation((s: string | Uint8Array) => ((stderr += String(s)), true));
  try {
    const code = await main(['node', 'dlkit', ...args]);
    return {
      code,
      stdout,
      stderr,
      json: <T>() => {
        const lines = stdout.trim().split('\n');
        return JSON.parse(lines[lines.length - 1]) as T;
      },
    };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}
