import { HookError } from './runtime/errors.ts';

/**
 * A mistake in a hook's config file, said one way everywhere: E_CONFIG, the file (and where in
 * it), the problem, and what to do. A guard then fails closed with this line as its reason.
 */
export function configError(where: string, problem: string): HookError {
  return new HookError('E_CONFIG', `${where}: ${problem}; fix or remove it`);
}
