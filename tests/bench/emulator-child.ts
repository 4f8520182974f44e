import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { RunningEmulator } from '../../src/local/emulator';

/**
 * Starts tests/bench/emulator-process.ts in a process of its own (so its CPU is not the bench's)
 * and waits for its endpoints; `pid` lets a bench read that process's CPU time.
 */
export async function emulatorProcess(): Promise<RunningEmulator & { pid?: number }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(import.meta.dirname, 'emulator-process.ts')],
    { stdio: ['pipe', 'pipe', 'inherit'] },
  );
  const lines = createInterface({ input: child.stdout });
  const endpoints = await new Promise<Omit<RunningEmulator, 'stop'>>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the emulator process exited (${code})`)));
    lines.once('line', (line) => resolve(JSON.parse(line) as Omit<RunningEmulator, 'stop'>));
  });
  return {
    ...endpoints,
    ...(child.pid === undefined ? {} : { pid: child.pid }),
    async stop() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.stdin.end();
      await exited;
    },
  };
}
