// Entry point of the sensitive-data detector: runs every enabled detector over the text,
// resolves overlaps and returns findings in text order.
import { categoryLabel, type Candidate, type DetectOptions, type Finding, type SensitiveCategory } from './categories';
import { detectAssignedSecrets, detectPrefixedKeys, detectRandomTokens } from './detect-api-keys';
import { detectCustom } from './detect-custom';
import { detectEmails } from './detect-email';
import { detectIps } from './detect-ip';
import { detectCards, detectIbans, detectSsns } from './detect-numbers';
import { detectPhones } from './detect-phone';
import { detectPrivateKeys } from './detect-private-key';
import { resolveOverlaps } from './overlaps';

type Detector = (text: string) => Candidate[];

const DETECTORS: readonly (readonly [Exclude<SensitiveCategory, 'custom'>, Detector])[] = [
  ['private-key', detectPrivateKeys],
  ['api-key', detectPrefixedKeys],
  ['api-key', detectAssignedSecrets],
  ['api-key', detectRandomTokens],
  ['email', detectEmails],
  ['payment-card', detectCards],
  ['iban', detectIbans],
  ['us-ssn', detectSsns],
  ['ip-address', detectIps],
  ['phone', detectPhones],
];

export function detectSensitive(text: string, options: DetectOptions = {}): Finding[] {
  const disabled = new Set(options.disabled ?? []);
  const candidates: Candidate[] = [];
  for (const [category, detector] of DETECTORS) {
    if (!disabled.has(category)) candidates.push(...detector(text));
  }
  if (!disabled.has('custom') && options.custom?.length) candidates.push(...detectCustom(text, options.custom));
  return resolveOverlaps(candidates).map((c) => ({
    category: c.category,
    start: c.start,
    end: c.end,
    text: text.slice(c.start, c.end),
    label: c.label ?? categoryLabel(c.category),
  }));
}
