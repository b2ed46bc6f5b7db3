// Frame encoders: SSE (`event:` + `data:` lines) and NDJSON (one JSON object per line).

/** One event on the wire. `data` is the exact JSON text (or `[DONE]`). */
export interface Frame {
  event?: string;
  data: string;
}

export interface Codec {
  encode(frame: Frame): string;
  /** Comment frame the SSE formats may interleave; undefined for NDJSON. */
  keepAlive?: string;
}

/** SSE per the WHATWG rules the SDK decoders follow (docs/provider-wire-formats.md §3.0). */
export function sseCodec(delimiter = '\n\n'): Codec {
  const newline = delimiter.slice(0, delimiter.length / 2);
  return {
    encode: (frame) => `${frame.event === undefined ? '' : `event: ${frame.event}${newline}`}data: ${frame.data}${delimiter}`,
    keepAlive: `: keep-alive${delimiter}`,
  };
}

export const ndjsonCodec: Codec = { encode: (frame) => `${frame.data}\n` };

/** The field a client has never heard of, for `unknownFields`. */
const UNKNOWN_FIELDS = { enclave_future_field: { added_in: '2099-01-01', values: [1, 2, 3] } };

export function withUnknown<T extends object>(payload: T, unknownFields: boolean | undefined): T {
  return unknownFields === true ? { ...payload, ...UNKNOWN_FIELDS } : payload;
}

/** A JSON frame; `unknownFields` adds a future field to the top-level object. */
export function jsonFrame(payload: object, unknownFields: boolean | undefined, event?: string): Frame {
  const data = JSON.stringify(withUnknown(payload, unknownFields));
  return event === undefined ? { data } : { event, data };
}

/** The same frame with its JSON cut in half: what `malformedAfter` sends. */
export function malformed(frame: Frame): Frame {
  return { ...frame, data: frame.data.slice(0, Math.max(1, Math.floor(frame.data.length / 2))) };
}
