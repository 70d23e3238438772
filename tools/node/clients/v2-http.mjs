// Usage: node v2-http.mjs URL TOOL ARGS_JSON
// v2 TypeScript SDK client (@modelcontextprotocol/client 2.4.0) over Streamable
// HTTP, pinned to protocol revision 2026-07-28 (stateless "modern" era):
//   versionNegotiation: { mode: { pin: '2026-07-28' } }
// connect() sends `server/discover` (no initialize, no session); the pinned
// revision must be offered by the server or connect fails (no legacy fallback).
// Then tools/list and tools/call TOOL ARGS.
// Last stdout line: {"protocolVersion","era","serverInfo","discover","tools":[names],"result"}
// Env: MCP_HEADERS (JSON object of extra request headers),
//      MCP_V2_NEGOTIATION = pin (default) | auto | legacy   (auto: discover with fallback to initialize),
//      MCP_V2_PIN (default 2026-07-28), MCP_CLIENT_TIMEOUT_MS (default 30000).
import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import { run, usage, parseJsonArg, extraHeaders } from './common.mjs';

const [url, tool, argsJson] = process.argv.slice(2);
if (!url || !tool || argsJson === undefined) usage('usage: v2-http.mjs URL TOOL ARGS_JSON');
const args = parseJsonArg(argsJson, 'ARGS_JSON');

const negotiation = process.env.MCP_V2_NEGOTIATION || 'pin';
const pin = process.env.MCP_V2_PIN || '2026-07-28';
const mode = negotiation === 'pin' ? { pin } : negotiation;
if (!['pin', 'auto', 'legacy'].includes(negotiation)) usage(`MCP_V2_NEGOTIATION must be pin|auto|legacy, got ${negotiation}`);

await run(async () => {
  const transport = new StreamableHTTPClientTransport(new URL(url), {
    requestInit: { headers: extraHeaders() },
  });
  const client = new Client(
    { name: 'sluice-test-v2-http', version: '2.0.0' },
    { versionNegotiation: { mode } },
  );
  await client.connect(transport);
  const listed = await client.listTools();
  const result = await client.callTool({ name: tool, arguments: args });
  const obs = {
    protocolVersion: client.getNegotiatedProtocolVersion() ?? null,
    era: client.getProtocolEra() ?? null,
    serverInfo: client.getServerVersion() ?? null,
    sessionId: transport.sessionId ?? null,
    discover: client.getDiscoverResult() ?? null,
    tools: listed.tools.map((t) => t.name),
    result,
  };
  await client.close();
  return obs;
});
