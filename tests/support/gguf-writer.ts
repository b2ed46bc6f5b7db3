// Writes GGUF v3 files (https://github.com/ggml-org/ggml/blob/master/docs/gguf.md): header,
// typed metadata, tensor infos, then tensor data aligned to `general.alignment` (32). Only
// what the tests need: scalar, string and array values, F32 tensors.
import { writeFileSync } from 'node:fs';

export type GgufValue =
  | { type: 'u32'; value: number }
  | { type: 'i32'; value: number }
  | { type: 'f32'; value: number }
  | { type: 'bool'; value: boolean }
  | { type: 'string'; value: string }
  | { type: 'u64'; value: number }
  | { type: 'string[]'; value: readonly string[] }
  | { type: 'f32[]'; value: readonly number[] }
  | { type: 'i32[]'; value: readonly number[] };

export interface GgufTensor {
  name: string;
  /** ne[0] first: the innermost (contiguous) dimension, as ggml counts them. */
  dims: readonly number[];
  data: Float32Array;
}

const ALIGNMENT = 32;
const ValueType = { U32: 4, I32: 5, F32: 6, BOOL: 7, STRING: 8, ARRAY: 9, U64: 10 } as const;
const GGML_TYPE_F32 = 0;

class ByteSink {
  private chunks: Buffer[] = [];
  length = 0;
  push(buf: Buffer): void {
    this.chunks.push(buf);
    this.length += buf.length;
  }
  u32(v: number): void {
    const b = Buffer.alloc(4);
    b.writeUInt32LE(v);
    this.push(b);
  }
  i32(v: number): void {
    const b = Buffer.alloc(4);
    b.writeInt32LE(v);
    this.push(b);
  }
  f32(v: number): void {
    const b = Buffer.alloc(4);
    b.writeFloatLE(v);
    this.push(b);
  }
  u64(v: number): void {
    const b = Buffer.alloc(8);
    b.writeBigUInt64LE(BigInt(v));
    this.push(b);
  }
  str(s: string): void {
    const bytes = Buffer.from(s, 'utf8');
    this.u64(bytes.length);
    this.push(bytes);
  }
  pad(): void {
    const rest = this.length % ALIGNMENT;
    if (rest !== 0) this.push(Buffer.alloc(ALIGNMENT - rest));
  }
  toBuffer(): Buffer {
    return Buffer.concat(this.chunks);
  }
}

function writeValue(out: ByteSink, v: GgufValue): void {
  switch (v.type) {
    case 'u32':
      out.u32(ValueType.U32);
      out.u32(v.value);
      return;
    case 'i32':
      out.u32(ValueType.I32);
      out.i32(v.value);
      return;
    case 'f32':
      out.u32(ValueType.F32);
      out.f32(v.value);
      return;
    case 'bool':
      out.u32(ValueType.BOOL);
      out.push(Buffer.from([v.value ? 1 : 0]));
      return;
    case 'string':
      out.u32(ValueType.STRING);
      out.str(v.value);
      return;
    case 'u64':
      out.u32(ValueType.U64);
      out.u64(v.value);
      return;
    case 'string[]':
      out.u32(ValueType.ARRAY);
      out.u32(ValueType.STRING);
      out.u64(v.value.length);
      for (const s of v.value) out.str(s);
      return;
    case 'f32[]':
      out.u32(ValueType.ARRAY);
      out.u32(ValueType.F32);
      out.u64(v.value.length);
      for (const n of v.value) out.f32(n);
      return;
    case 'i32[]':
      out.u32(ValueType.ARRAY);
      out.u32(ValueType.I32);
      out.u64(v.value.length);
      for (const n of v.value) out.i32(n);
      return;
  }
}

export function encodeGguf(metadata: Record<string, GgufValue>, tensors: readonly GgufTensor[]): Buffer {
  const out = new ByteSink();
  out.push(Buffer.from('GGUF', 'ascii'));
  out.u32(3);
  out.u64(tensors.length);
  out.u64(Object.keys(metadata).length);
  for (const [key, value] of Object.entries(metadata)) {
    out.str(key);
    writeValue(out, value);
  }
  let offset = 0;
  for (const t of tensors) {
    const count = t.dims.reduce((a, b) => a * b, 1);
    if (count !== t.data.length) throw new Error(`${t.name}: dims ${t.dims.join('x')} hold ${count} values, data has ${t.data.length}`);
    out.str(t.name);
    out.u32(t.dims.length);
    for (const d of t.dims) out.u64(d);
    out.u32(GGML_TYPE_F32);
    out.u64(offset);
    offset += Math.ceil(t.data.byteLength / ALIGNMENT) * ALIGNMENT;
  }
  out.pad();
  for (const t of tensors) {
    out.push(Buffer.from(t.data.buffer, t.data.byteOffset, t.data.byteLength));
    out.pad();
  }
  return out.toBuffer();
}

export function writeGguf(path: string, metadata: Record<string, GgufValue>, tensors: readonly GgufTensor[]): number {
  const buf = encodeGguf(metadata, tensors);
  writeFileSync(path, buf);
  return buf.length;
}
