// A promise nobody awaits: its failure vanishes.
async function save(): Promise<void> {
  throw new Error('disk full');
}

export function onClick(): void {
  save();
}
