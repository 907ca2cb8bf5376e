// A hook-sized program for the process tests: fires one breaker once, as a hook would, and prints
// what happened as JSON. Configured by BREAKER_CHILD (JSON, see ChildConfig); the action appends
// a line to `counter` each time it really runs, so the tests can count calls across processes.
import { appendFileSync } from 'node:fs';
import { breaker } from '../../../lib/breaker.ts';

export interface ChildConfig {
  name: string;
  action: 'fail' | 'succeed' | 'hang';
  /** ms the action waits before failing or succeeding. */
  delayMs?: number;
  counter: string;
  failureThreshold?: number;
  resetTimeoutMs?: number;
  timeoutMs?: number;
  /** Epoch ms to wait for before firing, so parallel processes fire together. */
  goAt?: number;
}

const config = JSON.parse(process.env.BREAKER_CHILD ?? '{}') as ChildConfig;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const lint = breaker(
  config.name,
  async (file: string) => {
    appendFileSync(config.counter, `${process.pid}\n`);
    if (config.action === 'hang') return new Promise<string>(() => {});
    await sleep(config.delayMs ?? 0);
    if (config.action === 'fail') throw new Error(`linter crashed on ${file}`);
    return `linted ${file}`;
  },
  {
    failureThreshold: config.failureThreshold ?? 3,
    resetTimeoutMs: config.resetTimeoutMs ?? 60_000,
    timeoutMs: config.timeoutMs ?? 5_000,
    fallback: (file, error) => `fallback for ${file} (${(error as { code?: string }).code ?? error.message})`,
  },
);

async function main(): Promise<void> {
  while (config.goAt !== undefined && Date.now() < config.goAt) await sleep(Math.min(5, config.goAt - Date.now()));
  const before = lint.state;
  const result = await lint.fire('a.ts');
  process.stdout.write(`${JSON.stringify({ before, result, after: lint.state })}\n`);
}

void main();
