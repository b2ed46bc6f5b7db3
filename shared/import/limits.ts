// Hard limits on imported files: a hostile or broken file must fail fast and clearly,
// never exhaust memory or the stack. Generous enough for years of real history.
export const IMPORT_LIMITS = {
  maxBytes: 200 * 1024 * 1024,
  /** Real exports nest about a dozen levels (ChatGPT metadata); JSON.parse recursion is the risk. */
  maxDepth: 64,
  maxConversations: 100_000,
  maxMessagesPerConversation: 50_000,
  maxMessagesTotal: 2_000_000,
  maxIdLength: 100,
  maxTitleLength: 1_000,
  /** Message content and reasoning, in UTF-16 code units. */
  maxTextLength: 2_000_000,
  maxSystemPromptLength: 100_000,
  maxShortTextLength: 1_000,
  /** Base64 of a 20 MB attachment, as the IPC contract allows. */
  maxAttachmentDataLength: 28 * 1024 * 1024,
  maxAttachmentsPerMessage: 100,
  maxWarnings: 50,
} as const;

/** Titles are cut to what the app lets a user type. */
export const IMPORTED_TITLE_LENGTH = 200;
