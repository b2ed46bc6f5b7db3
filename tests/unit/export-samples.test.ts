// The exporters still write exactly the committed sample files. After an intended change
// to the output, regenerate them with:
//   UPDATE_EXPORT_SAMPLES=1 npx vitest run --project unit tests/unit/export-samples.test.ts
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { toEnclaveJson } from '../../shared/export/enclave-json';
import { toHtml } from '../../shared/export/html';
import { toMarkdown } from '../../shared/export/markdown';
import { SAMPLE_BUNDLES, SAMPLE_EXPORTED_AT } from '../fixtures/export/sample-bundles';

const samples: Record<string, () => string> = {
  'sample.md': () => toMarkdown(SAMPLE_BUNDLES, { branches: 'all' }),
  'sample.json': () => toEnclaveJson(SAMPLE_BUNDLES, { now: () => SAMPLE_EXPORTED_AT }),
  'sample.html': () => toHtml(SAMPLE_BUNDLES, { branches: 'all' }),
};

describe('export samples', () => {
  for (const [file, produce] of Object.entries(samples)) {
    it(`still produces tests/fixtures/export/${file} byte for byte`, () => {
      const path = fileURLToPath(new URL(`../fixtures/export/${file}`, import.meta.url));
      if (process.env.UPDATE_EXPORT_SAMPLES === '1') writeFileSync(path, produce());
      expect(produce()).toBe(readFileSync(path, 'utf8'));
    });
  }
});
