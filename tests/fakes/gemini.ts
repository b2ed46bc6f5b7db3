// Fake Gemini Developer API: POST /v1beta/models/{model}:streamGenerateContent?alt=sse and
// :generateContent, GET /v1beta/models with page tokens (docs/provider-wire-formats.md §3.4, §4.3, §5).
import { jsonFrame, sseCodec, type Frame } from './frames';
import { jsonReply, nextId, sendReply } from './http';
import { GEMINI_STREAM_ERROR, geminiAuthReply, geminiErrorReply } from './errors/gemini';
import type { ErrorContext } from './errors/openai';
import { authorize, generate } from './generation';
import { scriptFor, type AnswerScript } from './script';
import type { Exchange, FormatHandler } from './server';
import type { StreamPlan } from './stream-driver';
import type { RecordedRequest } from './types';

export const DEFAULT_GEMINI_MODELS = ['gemini-2.5-flash', 'gemini-2.5-pro', 'gemini-2.0-flash', 'text-embedding-004'];
const THOUGHT_SIGNATURE = 'CiQB0e2Kb2Zha2UtdGhvdWdodC1zaWduYXR1cmU=';

function geminiKey(request: RecordedRequest): string | undefined {
  return request.headers['x-goog-api-key'] ?? request.query['key'];
}

interface Counts {
  thoughts: number;
  candidates: number;
}

/** usageMetadata rides on every chunk; early values are provisional, the last chunk's are final. */
function usageMetadata(script: AnswerScript, counts: Counts): object {
  const input = script.usage.input;
  const meta: Record<string, unknown> = { promptTokenCount: input };
  if (counts.candidates > 0) meta['candidatesTokenCount'] = counts.candidates;
  meta['totalTokenCount'] = input + counts.candidates + counts.thoughts;
  meta['promptTokensDetails'] = [{ modality: 'TEXT', tokenCount: input }];
  if (counts.thoughts > 0) meta['thoughtsTokenCount'] = counts.thoughts;
  return meta;
}

interface ChunkSpec {
  parts: object[];
  counts: Counts;
  final: boolean;
}

function chunkPayload(script: AnswerScript, responseId: string, spec: ChunkSpec): object {
  const candidate: Record<string, unknown> = { content: { parts: spec.parts, role: 'model' } };
  if (spec.final) candidate['finishReason'] = 'STOP';
  return { candidates: [candidate], usageMetadata: usageMetadata(script, spec.counts), modelVersion: script.model, responseId };
}

function chunks(script: AnswerScript, responseId: string): object[] {
  const { reasoning, answer } = script;
  const finalCounts = { thoughts: script.usage.reasoning, candidates: script.usage.output };
  const specs: ChunkSpec[] = [
    ...reasoning.map((text, i) => ({
      parts: [{ text, thought: true }],
      counts: { thoughts: Math.min(i + 1, finalCounts.thoughts), candidates: 0 },
      final: false,
    })),
    ...answer.map((text, i) => ({
      parts: [{ text, ...(i === 0 && reasoning.length > 0 ? { thoughtSignature: THOUGHT_SIGNATURE } : {}) }],
      counts: i === answer.length - 1 ? finalCounts : { thoughts: finalCounts.thoughts, candidates: Math.min(i + 1, finalCounts.candidates) },
      final: i === answer.length - 1,
    })),
  ];
  if (answer.length === 0) specs.push({ parts: [{ text: '' }], counts: finalCounts, final: true });
  return specs.map((spec) => chunkPayload(script, responseId, spec));
}

/** No terminator: the stream ends when the response ends (js-genai reads until close). */
function streamPlan(script: AnswerScript, responseId: string, unknownFields: boolean | undefined): StreamPlan {
  const frames = chunks(script, responseId).map((payload): Frame => jsonFrame(payload, unknownFields));
  return {
    headers: { 'content-type': 'text/event-stream', 'x-content-type-options': 'nosniff' },
    head: [],
    steps: frames.map((frame) => [frame]),
    tail: [],
    error: [jsonFrame(GEMINI_STREAM_ERROR, unknownFields)],
  };
}

function wholeResponse(script: AnswerScript, responseId: string): object {
  const parts = [...(script.reasoning.length > 0 ? [{ text: script.reasoning.join(''), thought: true }] : []), { text: script.answer.join('') }];
  return chunkPayload(script, responseId, { parts, counts: { thoughts: script.usage.reasoning, candidates: script.usage.output }, final: true });
}

function modelEntry(id: string): object {
  const embedding = id.includes('embedding');
  return {
    name: `models/${id}`,
    version: '001',
    displayName: id,
    description: `Fake ${id}`,
    inputTokenLimit: embedding ? 2048 : 1048576,
    outputTokenLimit: embedding ? 1 : 65536,
    supportedGenerationMethods: embedding ? ['embedContent'] : ['generateContent', 'countTokens', 'createCachedContent', 'batchGenerateContent'],
    ...(embedding ? {} : { temperature: 1, topP: 0.95, topK: 64, maxTemperature: 2, thinking: id.includes('2.5') }),
  };
}

function listModels(ids: string[], query: Record<string, string>): object {
  const pageSize = Math.max(1, Math.min(1000, Number(query['pageSize'] ?? '50') || 50));
  const start = query['pageToken'] === undefined ? 0 : Number(Buffer.from(query['pageToken'], 'base64url').toString('utf8')) || 0;
  const models = ids.slice(start, start + pageSize).map(modelEntry);
  const next = start + pageSize;
  return next < ids.length ? { models, nextPageToken: Buffer.from(String(next)).toString('base64url') } : { models };
}

async function generateContent(ex: Exchange, model: string, streaming: boolean): Promise<void> {
  const script = scriptFor(ex.behaviour, ex.request, model);
  const responseId = nextId('fakeResp');
  const errorCtx: ErrorContext = { model, retryAfter: ex.behaviour.retryAfter, requestId: responseId };
  await generate(ex, {
    streaming,
    codec: sseCodec(ex.behaviour.delimiter ?? '\r\n\r\n'),
    pieces: script.reasoning.length + script.answer.length,
    errorReply: (status) => geminiErrorReply(status, errorCtx, streaming),
    plan: () => streamPlan(script, responseId, ex.behaviour.unknownFields),
    whole: () => jsonReply(200, wholeResponse(script, responseId)),
  });
}

const GENERATE = /^\/v1beta\/models\/([^/:]+):(streamGenerateContent|generateContent)$/;

export const geminiHandler: FormatHandler = async (ex) => {
  const { method, path } = ex.request;
  const generateMatch = GENERATE.exec(path);
  const isList = path === '/v1beta/models';
  const streaming = generateMatch?.[2] === 'streamGenerateContent';
  if (generateMatch === null && !isList) {
    return sendReply(ex.res, jsonReply(404, { error: { code: 404, message: `Method not found: ${method} ${path}`, status: 'NOT_FOUND' } }));
  }
  if (!authorize(ex, geminiKey, () => geminiAuthReply(streaming))) return;
  if (generateMatch !== null && method === 'POST') return generateContent(ex, decodeURIComponent(generateMatch[1] ?? ''), streaming);
  sendReply(ex.res, jsonReply(200, listModels(ex.behaviour.models ?? DEFAULT_GEMINI_MODELS, ex.request.query)));
};
