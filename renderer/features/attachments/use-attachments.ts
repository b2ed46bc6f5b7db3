// The composer's pending attachments: validated, read, listed as chips, with errors a person can act on.
import { useCallback, useState } from 'react';
import type { Attachment } from '../../../shared/types';
import { checkFiles } from './attachment-rules';
import { readAttachment } from './read-file';

export function useAttachments() {
  const [items, setItems] = useState<Attachment[]>([]);
  const [errors, setErrors] = useState<string[]>([]);
  const [reading, setReading] = useState(0);

  const add = useCallback(async (files: File[], existing: number) => {
    const { accepted, rejected } = checkFiles(existing, files);
    const problems = rejected.map((r) => r.message);
    setReading((n) => n + accepted.length);
    const read = await Promise.all(
      accepted.map(({ file, kind }) =>
        readAttachment(file, kind).catch((err: Error) => {
          problems.push(err.message);
          return undefined;
        }),
      ),
    );
    setReading((n) => n - accepted.length);
    setItems((prev) => [...prev, ...read.filter((a): a is Attachment => !!a)]);
    setErrors(problems);
  }, []);

  return {
    items,
    errors,
    reading: reading > 0,
    add: (files: File[]) => add(files, items.length),
    remove: (id: string) => setItems((prev) => prev.filter((a) => a.id !== id)),
    replace: (next: Attachment[]) => setItems(next),
    clear: () => {
      setItems([]);
      setErrors([]);
    },
    dismissErrors: () => setErrors([]),
  };
}

export type AttachmentsState = ReturnType<typeof useAttachments>;
