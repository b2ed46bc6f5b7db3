// `npm run bench`: the benchmark (bench/run.ts), inside a private keyring where needed
// (private-keyring.mjs): the long-conversation and start-up sections open encrypted databases
// whose key lives in the keychain, as the app's do.
import { rerunInPrivateKeyring, run } from './private-keyring.mjs';

rerunInPrivateKeyring('scripts/bench.mjs');
process.exit(run(process.execPath, ['--import', 'tsx', 'bench/run.ts', ...process.argv.slice(2)]));
