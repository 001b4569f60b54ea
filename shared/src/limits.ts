/** Limits shared by forms, validation schemas and the server's last line of defence. */
export const LIMITS = {
  email: { max: 254 },
  password: { min: 8, max: 200 },
  name: { min: 2, max: 80 },
  title: { min: 2, max: 120 },
  /** Mail-link tokens: 32 random bytes as base64url (43 characters, 256 bits). */
  authToken: { min: 22, max: 128 },
  decreeNumber: { min: 3, max: 100 },
  verificationNote: { max: 1000 },
  verificationReason: { min: 3, max: 500 },
  agencyName: { min: 2, max: 160 },
  suspendReason: { min: 3, max: 500 },
  threadTitle: { min: 3, max: 200 },
  postBody: { min: 1, max: 20_000 },
  tag: { min: 2, max: 32 },
  tagsPerThread: 5,
  clientId: { min: 8, max: 64 },
  roomSlug: { min: 2, max: 60 },
  roomName: { min: 2, max: 80 },
  roomDescription: { max: 500 },
  pageSize: { default: 30, max: 100 },
  /** JSON request bodies above this get 413. */
  jsonBodyBytes: 100 * 1024,
} as const;
