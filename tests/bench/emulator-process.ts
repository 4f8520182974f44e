// The in-memory emulator in a process of its own, so the benchmark measures the worker rather than
// the storage server sharing its event loop (in production, storage is another machine). Prints
// its endpoints as one JSON line, then runs until its parent closes stdin.
import { startEmulator } from '../../src/local/emulator';

const emulator = await startEmulator();
const { connectionString, tableUrl, queueUrl } = emulator;
process.stdout.write(`${JSON.stringify({ connectionString, tableUrl, queueUrl })}\n`);
process.stdin.resume();
process.stdin.on('end', () => {
  void emulator.stop().finally(() => process.exit(0));
});
