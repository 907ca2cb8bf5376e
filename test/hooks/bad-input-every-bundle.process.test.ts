// Every built bundle (each hook and each event bundle, shipped and the runner's test hooks) answers
// a valid payload, also when stdin never closes, and fails by its own policy on bad input: text
// that is not JSON, and a payload of an event it was not written for, named with its own event.
// The full range of bad input runs on representative bundles in bad-input-every-failure.process.test.ts.
import { describe, expect, it } from 'vitest';
import { spawnHook } from '../../lib/testing.ts';
import { bundles, env, expectFailure, goodPayload, plainRun } from './_bad-input.ts';

it('finds the shipped bundles and the test hooks', () => {
  expect(bundles.filter((b) => b.id.startsWith('dist/')).length).toBeGreaterThanOrEqual(8);
  expect(bundles.filter((b) => b.id.startsWith('test/.dist/')).length).toBeGreaterThanOrEqual(8);
});

describe.concurrent.each(bundles)('$id ($event, onError $onError)', (bundle) => {
  const good = goodPayload(bundle);
  const plain = plainRun(bundle);

  it('answers a valid payload without failing', async () => {
    expect((await plain()).exitCode).toBe(0);
  });

  it('still answers when the payload arrives but stdin never closes (upstream #78756)', async () => {
    const open = await spawnHook(bundle.path, good, { env, keepStdinOpen: true });
    const { exitCode, stdout } = await plain();
    expect([open.exitCode, open.stdout]).toEqual([exitCode, stdout]);
  });

  it('fails by policy on text that is not JSON', () =>
    expectFailure(bundle, 'rm -rf /', /E_PAYLOAD_JSON: stdin is not valid JSON/));

  it('fails by policy on an event it was not written for, naming both', () =>
    expectFailure(
      bundle,
      JSON.stringify({ ...good, hook_event_name: 'NoSuchEvent' }),
      new RegExp(`E_PAYLOAD_EVENT: this hook handles ${bundle.event} but received a NoSuchEvent payload`),
    ));
});
