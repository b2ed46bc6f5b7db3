import { search } from '../search';
import { judge, formatTable } from '../lib/report';
const rows = await search.run({ quick: true, log: console.log });
console.log(formatTable(rows.map(judge)));
for (const r of rows) if (r.note) console.log(r.metric, '—', r.note);
