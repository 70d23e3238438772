// Usage: node v1-sampling-http.mjs URL TOOL ARGS_JSON
// v1 TypeScript SDK Client over Streamable HTTP that declares the `sampling`
// capability and answers sampling/createMessage requests in order with the texts
// of MCP_SAMPLING_REPLIES (a JSON array; the last one repeats; default
// ["stub-model-answer"]), as model "test-model", then calls TOOL.
// With MCP_ELICITATION_REPLIES (a JSON array of ElicitResult objects, in order, the last repeats) it
// also declares `elicitation` and answers elicitation/create requests with them.
// Last stdout line: {"protocolVersion","serverInfo","sessionId","tools":[names],"result","samplingRequests":[params...],
//                    "elicitationRequests":[params...]}
// Env: MCP_HEADERS, MCP_CLIENT_TIMEOUT_MS (see v1-http.mjs), MCP_SAMPLING_REPLIES, MCP_ELICITATION_REPLIES.
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { CreateMessageRequestSchema, ElicitRequestSchema } from '@modelcontextprotocol/sdk/types.js';
import { run, usage, parseJsonArg, extraHeaders, scriptedInputs } from './common.mjs';

const [url, tool, argsJson] = process.argv.slice(2);
if (!url || !tool || argsJson === undefined) usage('usage: v1-sampling-http.mjs URL TOOL ARGS_JSON');
const args = parseJsonArg(argsJson, 'ARGS_JSON');

await run(async () => {
  const inputs = scriptedInputs();
  const transport = new StreamableHTTPClientTransport(new URL(url), {
    requestInit: { headers: extraHeaders() },
  });
  const client = new Client(
    { name: 'sluice-test-v1-sampling', version: '1.0.0' },
    { capabilities: inputs.capabilities },
  );
  // the v1 SDK registers handlers by the request's schema
  const schemas = { 'sampling/createMessage': CreateMessageRequestSchema, 'elicitation/create': ElicitRequestSchema };
  inputs.install((method, handler) => client.setRequestHandler(schemas[method], handler));
  await client.connect(transport);
  const sessionId = transport.sessionId ?? null;
  const listed = await client.listTools();
  const result = await client.callTool({ name: tool, arguments: args });
  const obs = {
    protocolVersion: transport.protocolVersion ?? null,
    serverInfo: client.getServerVersion() ?? null,
    sessionId,
    tools: listed.tools.map((t) => t.name),
    result,
    samplingRequests: inputs.samplingRequests,
    elicitationRequests: inputs.elicitationRequests,
  };
  await client.close();
  return obs;
});
