// Usage: node v2-sampling-http.mjs URL TOOL ARGS_JSON
// v2 TypeScript SDK client (@modelcontextprotocol/client 2.4.0) pinned to 2026-07-28 that
// declares the `sampling` capability and registers a sampling/createMessage handler. On this
// revision the server asks for sampling with `input_required` results; the SDK's multi-round-trip
// driver fulfils them through the handler and retries the call, all inside callTool().
// Replies come from MCP_SAMPLING_REPLIES (JSON array of texts, in order, the last repeats).
// With MCP_ELICITATION_REPLIES (a JSON array of ElicitResult objects, in order, the last repeats) it
// also declares `elicitation` and fulfils elicitation/create input requests with them.
// Last stdout line: {"protocolVersion","era","tools":[names],"result","samplingRequests":[params...],
//                    "elicitationRequests":[params...]}
// Env: MCP_HEADERS, MCP_SAMPLING_REPLIES, MCP_ELICITATION_REPLIES, MCP_CLIENT_TIMEOUT_MS.
import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import { run, usage, parseJsonArg, extraHeaders, scriptedInputs } from './common.mjs';

const [url, tool, argsJson] = process.argv.slice(2);
if (!url || !tool || argsJson === undefined) usage('usage: v2-sampling-http.mjs URL TOOL ARGS_JSON');
const args = parseJsonArg(argsJson, 'ARGS_JSON');

await run(async () => {
  const inputs = scriptedInputs();
  const transport = new StreamableHTTPClientTransport(new URL(url), {
    requestInit: { headers: extraHeaders() },
  });
  const client = new Client(
    { name: 'sluice-test-v2-sampling', version: '2.0.0' },
    {
      capabilities: inputs.capabilities,
      versionNegotiation: { mode: { pin: '2026-07-28' } },
    },
  );
  inputs.install((method, handler) => client.setRequestHandler(method, handler));
  await client.connect(transport);
  const listed = await client.listTools();
  const result = await client.callTool({ name: tool, arguments: args });
  const obs = {
    protocolVersion: client.getNegotiatedProtocolVersion() ?? null,
    era: client.getProtocolEra() ?? null,
    tools: listed.tools.map((t) => t.name),
    result,
    samplingRequests: inputs.samplingRequests,
    elicitationRequests: inputs.elicitationRequests,
  };
  await client.close();
  return obs;
});
