// `npm run bench [-- --quick] [-- --only 1,6]`: measures what users feel against baselines taken in
// the same run, prints a table and writes bench/results/<date>.json. See bench/README.md.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { providerOverhead } from './provider-overhead';
import { render } from './render';
import { longConversation } from './long-conversation';
import { search } from './search';
import { ipc } from './ipc';
import { startup } from './startup';
import { encryption } from './encryption';
import { builtinEngine } from './builtin-engine';
import { machineInfo } from './lib/machine';
import { formatTable, judge, type JudgedRow } from './lib/report';
import type { Section } from './lib/section';

const { values: args } = parseArgs({ options: { quick: { type: 'boolean', default: false }, only: { type: 'string' } } });
const SECTIONS: Section[] = [providerOverhead, render, longConversation, search, ipc, startup, builtinEngine, encryption];
const only = args.only?.split(',').map((s) => s.trim());
const chosen = only ? SECTIONS.filter((s) => only.some((o) => s.id.split('-').includes(o) || s.id === o)) : SECTIONS;

const log = (message: string) => console.error(message);
const machine = machineInfo();
log(`Enclave bench${args.quick ? ' (quick)' : ''} on ${machine.cpuModel}, ${machine.cores} cores, ${machine.memoryGb} GB, node ${machine.node}, ${machine.chromium}`);

const rows: JudgedRow[] = [];
const failures: Array<{ section: string; error: string }> = [];
const started = performance.now();
for (const section of chosen) {
  const t = performance.now();
  log(`[${section.id}] ${section.title}`);
  try {
    rows.push(...(await section.run({ quick: args.quick, log })).map(judge));
  } catch (error) {
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    failures.push({ section: section.id, error: message });
    log(`[${section.id}] FAILED: ${message}`);
  }
  log(`[${section.id}] ${((performance.now() - t) / 1000).toFixed(1)} s`);
}
const totalS = (performance.now() - started) / 1000;

console.log(`\n${formatTable(rows)}\n`);
for (const row of rows) if (row.note) console.log(`  ${row.section} ${row.metric}: ${row.note}`);
const withTarget = rows.filter((r) => r.met !== undefined);
console.log(`\n${withTarget.filter((r) => r.met).length}/${withTarget.length} targets met; ${failures.length} section(s) failed; ${totalS.toFixed(0)} s`);

const dir = resolve(import.meta.dirname, 'results');
mkdirSync(dir, { recursive: true });
// A partial or quick run never overwrites the day's full result.
const suffix = `${args.quick ? '-quick' : ''}${only ? `-only-${only.join('-')}` : ''}`;
const file = join(dir, `${new Date().toISOString().slice(0, 10)}${suffix}.json`);
writeFileSync(file, `${JSON.stringify({ date: new Date().toISOString(), quick: args.quick, machine, totalSeconds: Math.round(totalS), rows, failures }, null, 2)}\n`);
console.log(`written ${file}`);
if (failures.length > 0) process.exitCode = 1;
