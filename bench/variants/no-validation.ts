// Baseline: the runner with validation switched off (unsafe; for measurement only).
import { runHook } from '../../lib/runtime/main.ts';
import hook from './_hook.ts';

runHook(hook, { name: 'no-validation', validate: () => undefined });
