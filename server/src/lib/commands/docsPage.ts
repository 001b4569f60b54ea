import type { OpenApiDocument } from "./openapi.js";

/**
 * `/api/docs`: the generated contract as one readable page, rendered on the server with no
 * scripts or outside assets (the CSP allows neither, and the page must work offline on a laptop).
 */
export function renderDocsPage(doc: OpenApiDocument): string {
  const byTag = new Map<string, string[]>();
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const o = op as Operation;
      const tag = o.tags?.[0] ?? "other";
      const list = byTag.get(tag) ?? [];
      list.push(renderOperation(method, path, o));
      byTag.set(tag, list);
    }
  }
  const sections = [...byTag.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([tag, ops]) => `<section id="${esc(tag)}"><h2>${esc(tag)}</h2>${ops.join("")}</section>`)
    .join("");
  const sockets = doc["x-socket-commands"]
    .map(
      (s) =>
        `<details><summary><code>${esc(String(s.event))}</code> — ${esc(String(s.summary))}</summary>` +
        `<h4>Payload</h4>${json(s.payload)}<h4>Ack data</h4>${json(s.ack)}</details>`,
    )
    .join("");
  const toc = [...byTag.keys()]
    .sort()
    .map((t) => `<a href="#${esc(t)}">${esc(t)}</a>`)
    .join(" · ");
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${esc(doc.info.title)} ${esc(doc.info.version)}</title><style>${STYLE}</style></head><body>
<h1>${esc(doc.info.title)} <small>${esc(doc.info.version)}</small></h1>
<p>${esc(doc.info.description)} Machine-readable: <a href="/api/openapi.json">/api/openapi.json</a>.</p>
<nav>${toc} · <a href="#socket">socket</a></nav>${sections}
<section id="socket"><h2>Socket commands</h2>${sockets}</section></body></html>`;
}

interface Operation {
  operationId: string;
  summary: string;
  tags?: string[];
  security?: unknown[];
  parameters?: Array<{ name: string; in: string; required: boolean; schema: unknown }>;
  requestBody?: { content: Record<string, { schema: unknown }> };
  responses: Record<string, { description: string; content?: Record<string, { schema: unknown }> }>;
  "x-rate-limit"?: string;
  "x-socket-event"?: string;
}

function renderOperation(method: string, path: string, op: Operation): string {
  const params = (op.parameters ?? [])
    .map((p) => `<li><code>${esc(p.name)}</code> (${esc(p.in)}${p.required ? ", required" : ""})</li>`)
    .join("");
  const body = op.requestBody ? `<h4>Body</h4>${json(Object.values(op.requestBody.content)[0]?.schema)}` : "";
  const responses = Object.entries(op.responses)
    .map(([status, r]) => {
      const schema = r.content ? Object.values(r.content)[0]?.schema : undefined;
      return `<h4>${esc(status)} ${esc(r.description)}</h4>${status.startsWith("2") && schema ? json(schema) : ""}`;
    })
    .join("");
  const notes = [
    op.security ? "signed in" : "anyone",
    op["x-rate-limit"] ? `budget: ${op["x-rate-limit"]}` : "",
    op["x-socket-event"] ? `also over the socket as ${op["x-socket-event"]}` : "",
  ]
    .filter(Boolean)
    .join(" · ");
  return `<details id="${esc(op.operationId)}"><summary><b class="m ${esc(method)}">${esc(method.toUpperCase())}</b> <code>${esc(path)}</code> — ${esc(op.summary)}</summary>
<p><small>${esc(op.operationId)} · ${esc(notes)}</small></p>${params ? `<ul>${params}</ul>` : ""}${body}${responses}</details>`;
}

function json(value: unknown): string {
  return `<pre>${esc(JSON.stringify(value, null, 2))}</pre>`;
}

function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const STYLE = `body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:1rem auto;padding:0 1rem;color:#1b1f24}
details{border:1px solid #d0d7de;border-radius:6px;margin:.4rem 0;padding:.4rem .6rem}summary{cursor:pointer}
pre{background:#f6f8fa;padding:.5rem;overflow:auto;font-size:12px}.m{display:inline-block;min-width:4.2rem}
.get{color:#0b6e4f}.post{color:#8a4b00}.patch,.put{color:#5a32a3}.delete{color:#b42318}nav{margin:1rem 0}`;
