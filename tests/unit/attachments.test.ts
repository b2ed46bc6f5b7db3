import { describe, expect, it } from 'vitest';
import { ATTACHMENT_LIMITS, checkFiles, formatBytes, kindOf, visionVerdict } from '../../renderer/features/attachments/attachment-rules';

const MB = 1024 * 1024;
const file = (name: string, type: string, size = 100) => ({ name, type, size });

describe('what can be attached', () => {
  it.each([
    ['photo.png', 'image/png', 'image'],
    ['photo.JPG', 'image/jpeg', 'image'],
    ['notes.txt', 'text/plain', 'text'],
    ['data.json', 'application/json', 'text'],
    ['main.rs', '', 'text'],
    ['App.tsx', 'video/mp2t', 'text'],
    ['Dockerfile', '', 'text'],
  ])('treats %s (%s) as %s', (name, type, kind) => {
    expect(kindOf(file(name, type))).toBe(kind);
  });

  it.each([
    ['drawing.svg', 'image/svg+xml'],
    ['scan.tiff', 'image/tiff'],
    ['report.pdf', 'application/pdf'],
    ['archive.zip', 'application/zip'],
    ['binary', 'application/octet-stream'],
  ])('refuses %s (%s) with a reason', (name, type) => {
    const { accepted, rejected } = checkFiles(0, [file(name, type)]);
    expect(accepted).toEqual([]);
    expect(rejected[0]).toMatchObject({ reason: 'unsupported' });
    expect(rejected[0]!.message).toContain(name);
  });
});

describe('size limits', () => {
  it('accepts an image of exactly 10 MB and refuses one byte more, naming both sizes', () => {
    const { accepted, rejected } = checkFiles(0, [file('ok.png', 'image/png', 10 * MB), file('big.png', 'image/png', 10 * MB + 1)]);
    expect(accepted.map((a) => a.file.name)).toEqual(['ok.png']);
    expect(rejected).toHaveLength(1);
    expect(rejected[0]).toMatchObject({ name: 'big.png', reason: 'too-large' });
    expect(rejected[0]!.message).toBe('big.png is 10.0 MB; images can be at most 10.0 MB.');
  });

  it('holds text files to 1 MB', () => {
    const { accepted, rejected } = checkFiles(0, [file('a.md', 'text/markdown', MB), file('b.log', '', 2 * MB)]);
    expect(accepted.map((a) => a.kind)).toEqual(['text']);
    expect(rejected[0]!.message).toBe('b.log is 2.0 MB; text files can be at most 1.0 MB.');
  });

  it('refuses the eleventh file, counting the ones already attached', () => {
    const files = Array.from({ length: 4 }, (_, i) => file(`f${i}.txt`, 'text/plain'));
    const { accepted, rejected } = checkFiles(ATTACHMENT_LIMITS.maxFiles - 2, files);
    expect(accepted.map((a) => a.file.name)).toEqual(['f0.txt', 'f1.txt']);
    expect(rejected.map((r) => r.reason)).toEqual(['too-many', 'too-many']);
    expect(rejected[0]!.message).toContain('at most 10 files');
  });

  it('does not let a refused file use up a slot', () => {
    const { accepted } = checkFiles(9, [file('huge.png', 'image/png', 50 * MB), file('small.png', 'image/png')]);
    expect(accepted.map((a) => a.file.name)).toEqual(['small.png']);
  });
});

describe('images and the chosen model', () => {
  it('blocks images for a model the catalog says cannot see', () => {
    const v = visionVerdict('deepseek-chat', false, true);
    expect(v.kind).toBe('blocked');
    expect(v.kind !== 'ok' && v.message).toContain('deepseek-chat cannot read images');
  });

  it('allows images for an unknown model, with a hint', () => {
    expect(visionVerdict('llava:7b', undefined, true).kind).toBe('unknown');
  });

  it('says nothing when the model sees or no image is attached', () => {
    expect(visionVerdict('gpt-4o', true, true)).toEqual({ kind: 'ok' });
    expect(visionVerdict('deepseek-chat', false, false)).toEqual({ kind: 'ok' });
  });
});

describe('sizes people read', () => {
  it.each([
    [512, '512 B'],
    [1536, '1.5 KB'],
    [200 * 1024, '200 KB'],
    [3.25 * MB, '3.3 MB'],
  ])('%d bytes reads %s', (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text);
  });
});
