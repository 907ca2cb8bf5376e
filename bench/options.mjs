// The bench's command line, on node's util.parseArgs: unknown flags are rejected with the list
// of valid ones, and every value is checked with the flag named in the message.
import { parseArgs } from 'node:util';
import { BenchError } from './errors.mjs';

// 30 rounds: a full run from a fresh clone took 78-82 s on 2 cores under a load average of 4-7,
// well inside the 3-minute target; fewer rounds make the medians jumpier on a shared machine.
export const DEFAULT_ROUNDS = 30;
const QUICK_ROUNDS = 5;

const FLAGS = {
  rounds: { type: 'string' },
  quick: { type: 'boolean', default: false },
  json: { type: 'boolean', default: false },
  check: { type: 'boolean', default: false },
  'no-timing': { type: 'boolean', default: false },
  only: { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
};

export const USAGE = `usage: node bench/run.mjs [--rounds N] [--quick] [--json] [--only a,b] [--check [--no-timing]]
  --rounds N    interleaved rounds per program (default ${DEFAULT_ROUNDS}, >= 3)
  --quick       ${QUICK_ROUNDS} rounds, 1 warm-up, short in-process runs: a smoke test, not a measurement
  --json        print one JSON document with everything on stdout instead of the table
  --only a,b    time only programs whose name contains one of these (baselines always run)
  --check       also hold bundles to bench/budgets.json (bytes) and the startup ratio budgets
  --no-timing   with --check: only the byte budgets, no process is timed
`;

/** Parsed and checked options; throws BenchError E_BENCH_USAGE naming the bad flag. */
export function parseOptions(argv) {
  let values;
  try {
    ({ values } = parseArgs({ args: argv, options: FLAGS, strict: true, allowPositionals: false }));
  } catch (error) {
    throw new BenchError(
      'E_BENCH_USAGE',
      `${error.message}. Valid flags: ${Object.keys(FLAGS)
        .map((f) => `--${f}`)
        .join(', ')}`,
      { cause: error },
    );
  }
  if (values['no-timing'] && !values.check) {
    throw new BenchError(
      'E_BENCH_USAGE',
      '`--no-timing` only makes sense with `--check` (it checks the byte budgets without timing anything); add --check',
    );
  }
  if (values.rounds !== undefined && values.quick) {
    throw new BenchError('E_BENCH_USAGE', '`--rounds` and `--quick` both set the number of rounds; pass one of them');
  }
  const rounds = values.rounds === undefined ? (values.quick ? QUICK_ROUNDS : DEFAULT_ROUNDS) : Number(values.rounds);
  if (!Number.isInteger(rounds) || rounds < 3) {
    throw new BenchError('E_BENCH_USAGE', `\`--rounds\` must be an integer >= 3, got ${JSON.stringify(values.rounds)}`);
  }
  return {
    rounds,
    quick: values.quick,
    warmup: values.quick ? 1 : 3,
    rssRuns: values.quick ? 1 : 3,
    json: values.json,
    check: values.check,
    timing: !values['no-timing'],
    only: values.only
      ? values.only
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean)
      : undefined,
    help: values.help,
  };
}
