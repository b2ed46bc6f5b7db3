// Collects import warnings, capped so a file with a million images does not yield a
// million sentences.
import { IMPORT_LIMITS } from './limits';

export interface Warnings {
  add(warning: string): void;
  list(): string[];
}

export function createWarnings(max: number = IMPORT_LIMITS.maxWarnings): Warnings {
  const kept: string[] = [];
  let dropped = 0;
  return {
    add(warning) {
      if (kept.length < max) kept.push(warning);
      else dropped++;
    },
    list() {
      return dropped === 0 ? [...kept] : [...kept, `...and ${dropped} more warning${dropped === 1 ? '' : 's'}.`];
    },
  };
}

/** "3 images" / "1 image" */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
