// The kinds of sensitive data the detector knows, with the words the UI shows for each.

export const SENSITIVE_CATEGORIES = [
  { id: 'email', label: 'Email address' },
  { id: 'phone', label: 'Phone number' },
  { id: 'payment-card', label: 'Payment card number' },
  { id: 'iban', label: 'IBAN (bank account)' },
  { id: 'us-ssn', label: 'US Social Security number' },
  { id: 'ip-address', label: 'IP address' },
  { id: 'private-key', label: 'Private key' },
  { id: 'api-key', label: 'API key or secret token' },
  { id: 'custom', label: 'Custom pattern' },
] as const;

export type SensitiveCategory = (typeof SENSITIVE_CATEGORIES)[number]['id'];

export interface Finding {
  category: SensitiveCategory;
  /** UTF-16 offsets into the scanned text, end exclusive. */
  start: number;
  end: number;
  text: string;
  /** Human label: the category's label, or the user's own label for custom patterns. */
  label: string;
}

export interface CustomPattern {
  label: string;
  pattern: string;
  isRegex: boolean;
}

export interface DetectOptions {
  /** Category ids to skip. Unknown ids are ignored (settings may hold stale ones). */
  disabled?: readonly string[];
  custom?: readonly CustomPattern[];
}

const LABELS = new Map<string, string>(SENSITIVE_CATEGORIES.map((c) => [c.id, c.label]));

export function categoryLabel(category: SensitiveCategory): string {
  return LABELS.get(category) ?? category;
}

/** A match before overlaps are resolved; `rank` says how specific the detector is. */
export interface Candidate {
  category: SensitiveCategory;
  start: number;
  end: number;
  rank: number;
  label?: string;
}
