// Reference MCP server for Sluice benchmarks: official TypeScript SDK
// (@modelcontextprotocol/sdk 1.32.2), Streamable HTTP, one tool "echo".
//
// Usage: node server.mjs PORT MODE [RESPONSE]
//   MODE     = stateful  : sessions (sessionIdGenerator: randomUUID); initialize first,
//                          then send Mcp-Session-Id on every request.
//            = stateless : sessionIdGenerator undefined; a NEW McpServer + transport per
//                          POST (as the SDK's simpleStatelessStreamableHttp example does).
//   RESPONSE = sse (default, SDK default: POST answers are text/event-stream)
//            | json (enableJsonResponse: true, answers are application/json)
// Binds 127.0.0.1:PORT, path /mcp. Uses createMcpExpressApp() (express.json() +
// localhost Host-header validation), i.e. the SDK's recommended Express setup.
import { randomUUID } from 'node:crypto';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { createMcpExpressApp } from '@modelcontextprotocol/sdk/server/express.js';
import { isInitializeRequest } from '@modelcontextprotocol/sdk/types.js';
import * as z from 'zod/v4';

const PORT = Number(process.argv[2] ?? 3000);
const MODE = process.argv[3] ?? 'stateful';
const RESPONSE = process.argv[4] ?? 'sse';
if (!['stateful', 'stateless'].includes(MODE) || !['sse', 'json'].includes(RESPONSE)) {
  console.error('usage: node server.mjs PORT stateful|stateless [sse|json]');
  process.exit(2);
}
const enableJsonResponse = RESPONSE === 'json';

function buildServer() {
  const server = new McpServer({ name: 'ts-sdk-bench', version: '1.32.2' });
  server.registerTool(
    'echo',
    { description: 'Echoes the given text back', inputSchema: { text: z.string() } },
    async ({ text }) => ({ content: [{ type: 'text', text }] })
  );
  return server;
}

const jsonRpcError = (res, status, code, message) =>
  res.status(status).json({ jsonrpc: '2.0', error: { code, message }, id: null });

const app = createMcpExpressApp({ host: '127.0.0.1' });

if (MODE === 'stateless') {
  app.post('/mcp', async (req, res) => {
    const server = buildServer();
    try {
      const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse });
      res.on('close', () => {
        transport.close();
        server.close();
      });
      await server.connect(transport);
      await transport.handleRequest(req, res, req.body);
    } catch (err) {
      console.error('Error handling MCP request:', err);
      if (!res.headersSent) jsonRpcError(res, 500, -32603, 'Internal server error');
    }
  });
  const notAllowed = (req, res) => jsonRpcError(res, 405, -32000, 'Method not allowed.');
  app.get('/mcp', notAllowed);
  app.delete('/mcp', notAllowed);
} else {
  /** @type {Map<string, StreamableHTTPServerTransport>} */
  const transports = new Map();

  app.post('/mcp', async (req, res) => {
    try {
      const sid = req.headers['mcp-session-id'];
      const existing = sid ? transports.get(sid) : undefined;
      if (existing) {
        await existing.handleRequest(req, res, req.body);
        return;
      }
      if (sid) return jsonRpcError(res, 404, -32001, 'Session not found');
      if (!isInitializeRequest(req.body)) {
        return jsonRpcError(res, 400, -32000, 'Bad Request: No valid session ID provided');
      }
      const transport = new StreamableHTTPServerTransport({
        sessionIdGenerator: () => randomUUID(),
        enableJsonResponse,
        onsessioninitialized: (id) => transports.set(id, transport),
      });
      transport.onclose = () => {
        if (transport.sessionId) transports.delete(transport.sessionId);
      };
      const server = buildServer();
      await server.connect(transport);
      await transport.handleRequest(req, res, req.body);
    } catch (err) {
      console.error('Error handling MCP request:', err);
      if (!res.headersSent) jsonRpcError(res, 500, -32603, 'Internal server error');
    }
  });
  // GET (standalone SSE stream) and DELETE (session termination) are handled by the transport.
  const bySession = async (req, res) => {
    const sid = req.headers['mcp-session-id'];
    const t = sid ? transports.get(sid) : undefined;
    if (!t) return jsonRpcError(res, sid ? 404 : 400, -32000, sid ? 'Session not found' : 'Missing session ID');
    await t.handleRequest(req, res);
  };
  app.get('/mcp', bySession);
  app.delete('/mcp', bySession);
}

const httpServer = app.listen(PORT, '127.0.0.1', (err) => {
  if (err) {
    console.error('Failed to start server:', err);
    process.exit(1);
  }
  console.log(`ts-sdk ${MODE} (${RESPONSE}) MCP server listening on http://127.0.0.1:${PORT}/mcp`);
});
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => { httpServer.close(); process.exit(0); });
