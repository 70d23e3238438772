// Usage: node v1-stdio.mjs TOOL ARGS_JSON -- COMMAND [ARGS...]
// v1 TypeScript SDK Client over stdio (spawns COMMAND): initialize, tools/list,
// tools/call. Last stdout line: {"protocolVersion","serverInfo","capabilities","tools":[names],"result"}
// The server's stderr is passed through to our stderr.
// Env: MCP_CLIENT_TIMEOUT_MS (overall deadline, default 30000).
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { run, usage, parseJsonArg } from './common.mjs';

const argv = process.argv.slice(2);
const sep = argv.indexOf('--');
if (sep !== 2 || argv.length < 4) usage('usage: v1-stdio.mjs TOOL ARGS_JSON -- COMMAND [ARGS...]');
const [tool, argsJson] = argv;
const [command, ...commandArgs] = argv.slice(sep + 1);
const args = parseJsonArg(argsJson, 'ARGS_JSON');

await run(async () => {
  const transport = new StdioClientTransport({
    command,
    args: commandArgs,
    env: process.env, // pass the full environment through (the SDK default is a small safe subset)
    stderr: 'inherit',
  });
  // StdioClientTransport has no protocolVersion accessor; Client.connect() calls
  // transport.setProtocolVersion(v) when present, so capture it there.
  let protocolVersion = null;
  transport.setProtocolVersion = (v) => { protocolVersion = v; };
  const client = new Client({ name: 'sluice-test-v1-stdio', version: '1.0.0' });
  await client.connect(transport);
  const listed = await client.listTools();
  const result = await client.callTool({ name: tool, arguments: args });
  const obs = {
    protocolVersion,
    serverInfo: client.getServerVersion() ?? null,
    capabilities: client.getServerCapabilities() ?? null,
    tools: listed.tools.map((t) => t.name),
    result,
  };
  await client.close();
  return obs;
});
