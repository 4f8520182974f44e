import type { TestProject } from 'vitest/node';
import { startEmulator } from '../src/local/emulator';

declare module 'vitest' {
  export interface ProvidedContext {
    storageConnectionString: string;
  }
}

/** Azurite in-process, in memory, on free loopback ports: the real storage protocol for tests. */
export default async function setup(project: TestProject) {
  const emulator = await startEmulator();
  project.provide('storageConnectionString', emulator.connectionString);
  return () => emulator.stop();
}
