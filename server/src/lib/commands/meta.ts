import { metaCommands, type Command } from "@rembuk/shared";
import { handle, reply, type BoundCommand } from "./handle.js";
import { buildOpenApi, type OpenApiDocument } from "./openapi.js";
import { renderDocsPage } from "./docsPage.js";

export interface HealthReport {
  ok: boolean;
  db: string;
  redis: boolean;
  version: string;
}

/**
 * Health and the published contract. Mounted before the session middleware: a load balancer's probe
 * and a reader of the docs need no cookie. The document covers these and every feature command.
 */
export function metaHandlers(opts: {
  health: () => HealthReport;
  commands: () => readonly Command[];
  version: string;
}): BoundCommand[] {
  let doc: OpenApiDocument | null = null;
  const document = () =>
    (doc ??= buildOpenApi([...Object.values(metaCommands), ...opts.commands()], opts.version));
  return [
    handle(metaCommands.health, async () => {
      const report = opts.health();
      return report.ok ? report : reply(503, report);
    }),
    handle(metaCommands.openapi, async () => document() as unknown as Record<string, unknown>),
    handle(metaCommands.docs, async () => renderDocsPage(document())),
  ];
}
