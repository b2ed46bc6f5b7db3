// PEM armour ("-----BEGIN X-----" ... "-----END X-----"). Footers are indexed once so that a
// text full of headers costs one pass, not one search to the end per header.
import { scan } from './text-scan';

export interface PemBlock {
  type: string;
  start: number;
  /** Just past the header line's dashes. */
  bodyStart: number;
  /** Start of the footer, or undefined when the block is cut off. */
  footerStart?: number;
  /** Just past the footer, or the end of the text when cut off. */
  end: number;
}

const HEADER = /-----BEGIN ([A-Z0-9 ]{1,40})-----/g;
const FOOTER = /-----END ([A-Z0-9 ]{1,40})-----/g;

export function pemBlocks(text: string): PemBlock[] {
  if (!text.includes('-----BEGIN ')) return [];
  const footers = new Map<string, { at: number; end: number }[]>();
  for (const m of scan(FOOTER, text)) {
    const type = m[1] ?? '';
    const list = footers.get(type) ?? [];
    list.push({ at: m.index, end: m.index + m[0].length });
    footers.set(type, list);
  }
  const cursor = new Map<string, number>();
  const blocks: PemBlock[] = [];
  for (const m of scan(HEADER, text)) {
    const type = m[1] ?? '';
    const bodyStart = m.index + m[0].length;
    const list = footers.get(type) ?? [];
    let i = cursor.get(type) ?? 0;
    while (i < list.length && list[i]!.at < bodyStart) i++;
    cursor.set(type, i);
    const footer = list[i];
    blocks.push(footer ? { type, start: m.index, bodyStart, footerStart: footer.at, end: footer.end } : { type, start: m.index, bodyStart, end: text.length });
  }
  return blocks;
}
