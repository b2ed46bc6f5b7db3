// Public and internal types of the fake provider servers. No I/O here.

export type FakeFormat = 'openai-chat' | 'openai-responses' | 'anthropic' | 'gemini' | 'ollama';

/** Only meaningful for 'openai-chat': which OpenAI-compatible server to imitate (docs/provider-wire-formats.md §3.7, §4.5). */
export type FakeFlavor = 'openai' | 'groq' | 'deepseek' | 'mistral' | 'xai' | 'vllm' | 'ollama-v1' | 'lmstudio' | 'llamacpp' | 'together';

export type GeminiDelimiter = '\n\n' | '\r\r' | '\r\n\r\n';

export interface FakeBehaviour {
  /** Answer text pieces (default: a short sentence). */
  tokens?: string[];
  /** Answer pieces made from each request instead (demo mode answers the prompt). Wins over tokens. */
  answer?: (request: RecordedRequest, model: string) => string[];
  /** Thinking pieces, sent in the provider's own reasoning form before the answer. */
  reasoning?: string[];
  /** Delay between streamed pieces, ms (0 = full speed). Wins over tokensPerSecond. */
  tokenDelayMs?: number;
  tokensPerSecond?: number;
  /** Delay before the response headers of a generation request (listing endpoints answer at once). */
  firstByteDelayMs?: number;
  /**
   * Fault injection. "N tokens" counts every streamed piece, reasoning pieces first, then answer
   * pieces; 0 means before the first piece.
   */
  stallAfter?: number;
  cutAfter?: number;
  errorAfter?: number;
  malformedAfter?: number;
  /** Answer with this status and the provider's real error body for it. */
  status?: number;
  retryAfter?: { seconds?: number; ms?: number; geminiRetryDelay?: string };
  /** Inject `: keep-alive` SSE comments between frames. */
  keepAlive?: boolean;
  /** Add unknown fields to every frame / object. */
  unknownFields?: boolean;
  /**
   * `output` is answer tokens, `reasoning` thinking tokens. Each fake writes them the way its provider
   * counts: OpenAI, Anthropic and Ollama fold reasoning into the output count; Gemini keeps
   * thoughtsTokenCount apart from candidatesTokenCount.
   */
  usage?: { input: number; output: number; reasoning?: number };
  /** Reject requests whose key differs, with the provider's real auth error. */
  requiredKey?: string;
  /** Model ids served by the listing endpoint(s). */
  models?: string[];
  /** Answer says whether an image arrived ("I can see an image." / "I see no image."). */
  visionCheck?: boolean;
  /** Gemini only: SSE frame delimiter (default '\r\n\r\n', what Google sends). */
  delimiter?: GeminiDelimiter;
}

export interface RecordedRequest {
  method: string;
  /** Path without the query string. */
  path: string;
  query: Record<string, string>;
  /** Lower-cased header names. */
  headers: Record<string, string>;
  /** Parsed JSON body, or undefined when the body was empty or not JSON. */
  body: unknown;
  rawBody: string;
  receivedAt: number;
  /** True when any image part arrived, in any provider's image form. */
  hasImage: boolean;
}

export interface FakeServer {
  /** Base URL in this format's own convention (Ollama: the host, like a user types it). */
  baseUrl: string;
  /** Exactly what the AI SDK provider package wants as `baseURL` (differs from baseUrl only for Ollama: `/api`). */
  sdkBaseUrl: string;
  origin: string;
  requests: RecordedRequest[];
  /** Response streams the client closed before the fake finished them (Stop aborts the HTTP request). */
  closedEarly: number;
  setBehaviour(b: FakeBehaviour): void;
  close(): Promise<void>;
}

export interface StartOptions {
  flavor?: FakeFlavor;
  port?: number;
}
