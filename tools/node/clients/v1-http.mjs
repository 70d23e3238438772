// Usage: node v1-http.mjs URL TOOL ARGS_JSON
// v1 TypeScript SDK (@modelcontextprotocol/sdk) Client over Streamable HTTP:
// initialize, tools/list, tools/call TOOL ARGS. Last stdout line:
//   {"protocolVersion","serverInfo","capabilities","sessionId","tools":[names],"result":CallToolResult}
// Env: MCP_HEADERS (JSON object of extra request headers),
//      MCP_TERMINATE_SESSION=1 (send HTTP DELETE for the session before closing; the SDK does not by default),
//      MCP_CLIENT_TIMEOUT_MS (overall deadline, default 30000).
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { run, usage, parseJsonArg, extraHeaders } from './common.mjs';

const [url, tool, argsJson] = process.argv.slice(2);
if (!url || !tool || argsJson === undefined) usage('usage: v1-http.mjs URL TOOL ARGS_JSON');
const args = parseJsonArg(argsJson, 'ARGS_JSON');

await run(async () => {
  const transport = new StreamableHTTPClientTransport(new URL(url), {
    requestInit: { headers: extraHeaders() },
  });
  const client = new Client({ name: 'sluice-test-v1-http', version: '1.0.0' });
  await client.connect(transport);
  const sessionId = transport.sessionId ?? null;
  const listed = await client.listTools();
  const result = await client.callTool({ name: tool, arguments: args });
  const obs = {
    protocolVersion: transport.protocolVersion ?? null,
    serverInfo: client.getServerVersion() ?? null,
    capabilities: client.getServerCapabilities() ?? null,
    sessionId,
    tools: listed.tools.map((t) => t.name),
    result,
  };
  if (process.env.MCP_TERMINATE_SESSION === '1') {
    await transport.terminateSession();
    obs.terminatedSession = true;
  }
  await client.close();
  return obs;
});
