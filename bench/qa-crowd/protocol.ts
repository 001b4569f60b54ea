/** Messages between the Q&A crowd bench (`qa-crowd.ts`) and its crowd process (plain JSON over Node IPC). */
export interface CrowdConfig {
  url: string;
  sessionId: string;
  joinCode: string;
  /** The host's cookie, for the truth (snapshot) and for running the poll. */
  hostCookie: string;
  questionIds: string[];
  participants: number;
  pacedRate: number;
  pacedSeconds: number;
  stormVotesEach: number;
  pollAnswers: number;
  pollSeconds: number;
}

export interface Latency {
  p50: number;
  p95: number;
  p99: number;
  /** Votes whose batch reached every client (the rest are counted in `missed`). */
  measured: number;
  missed: number;
}

export interface PhaseResult {
  votes: number;
  seconds: number;
  votesPerSecond: number;
  failed: number;
  /** From sending a vote to the moment the last of all clients had a count at or past it. */
  everyClientMs: Latency;
}

export interface CrowdResult {
  joinSeconds: number;
  paced: PhaseResult;
  storm: PhaseResult & { convergedMsAfterEnd: number };
  /** Every question's count equals what the crowd did (questions with a timed-out vote excepted). */
  countsExact: boolean;
  /** Questions with a vote whose ack timed out: their count cannot be checked. */
  uncheckedQuestions: number;
  clientsConverged: number;
  /** null when the run had no poll (the baseline). */
  poll: {
    answers: number;
    seconds: number;
    failed: number;
    ackMs: { p50: number; p95: number; p99: number };
    /** From the last answer sent until every client showed all of them. */
    everyClientMsAfterLast: number;
    countsExact: boolean;
  } | null;
}

export type ToCrowd = { type: "run"; config: CrowdConfig } | { type: "continue" } | { type: "disconnect" };

export type FromCrowd =
  | { type: "joined"; participants: number; seconds: number }
  | { type: "result"; result: CrowdResult }
  | { type: "progress"; message: string }
  | { type: "closed" }
  | { type: "error"; message: string };
