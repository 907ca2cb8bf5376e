// The entry of dist/daemon.cjs, the warm daemon (docs/warm.md), started by the warm client
// (native/warm-client.c) with HOOKPACK_HOME set to the state directory it serves.
import { hookpackHome, hookpackSubdir } from '../home.ts';
import { serve } from './server.ts';

const home = hookpackHome();
const dir = hookpackSubdir('daemon');
// No private directory to listen in: no daemon (the clients run the bundles themselves).
if (home === undefined || dir === undefined) process.exit(1);
else serve(process.env.HOOKPACK_HOME ?? home, dir);
