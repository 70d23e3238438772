#!/usr/bin/env node
// Tiny MCP Streamable HTTP load generator (stand-in until the real load tool exists).
//
// Usage: node mini-load.mjs URL [CONCURRENCY=8] [DURATION_S=10] [MODE=stateless|stateful]
//   C concurrent loops, each POSTing tools/call {"name":"echo","arguments":{"text":...}}
//   back-to-back over a keep-alive http.Agent for DURATION_S seconds.
//   MODE=stateful: each loop first sends initialize (+ notifications/initialized) and then
//   sends its Mcp-Session-Id on every call (one session per loop). Those setup requests
//   are NOT counted in calls=.
//   MODE=stateless: no initialize, every request stands alone (no session header).
// Output (one line each): calls=N  errors=E  duration_s=..  rps=..  p50_ms=..  p99_ms=..
// Exit code 1 if any call failed (non-200 or unexpected body).
import http from 'node:http';

const url = new URL(process.argv[2] ?? 'http://127.0.0.1:8080/mcp');
const C = Number(process.argv[3] ?? 8);
const D = Number(process.argv[4] ?? 10);
const MODE = process.argv[5] ?? 'stateless';
const PROTOCOL_VERSION = '2025-06-18';
const TEXT = 'hello sluice';

const agent = new http.Agent({ keepAlive: true, maxSockets: C, maxFreeSockets: C });

function post(body, sessionId, withProtoHeader) {
  const payload = Buffer.from(JSON.stringify(body));
  const headers = {
    'Content-Type': 'application/json',
    Accept: 'application/json, text/event-stream',
    'Content-Length': payload.length,
  };
  if (withProtoHeader) headers['MCP-Protocol-Version'] = PROTOCOL_VERSION;
  if (sessionId) headers['Mcp-Session-Id'] = sessionId;
  return new Promise((resolve, reject) => {
    const req = http.request(
      { agent, host: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers },
      (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') })
        );
        res.on('error', reject);
      }
    );
    req.on('error', reject);
    req.end(payload);
  });
}

// Accepts both application/json bodies and single-message text/event-stream bodies.
function parseJsonRpc(r) {
  const ct = String(r.headers['content-type'] ?? '');
  if (ct.startsWith('text/event-stream')) {
    const data = r.body.split('\n').filter((l) => l.startsWith('data:')).map((l) => l.slice(5).trim());
    return data.length ? JSON.parse(data[data.length - 1]) : null;
  }
  return r.body ? JSON.parse(r.body) : null;
}

let calls = 0;
let errors = 0;
let firstError = null;
const lat = [];

async function loop(id, deadline) {
  let sid;
  if (MODE === 'stateful') {
    const init = await post({
      jsonrpc: '2.0', id: 0, method: 'initialize',
      params: { protocolVersion: PROTOCOL_VERSION, capabilities: {}, clientInfo: { name: 'mini-load', version: '0' } },
    });
    sid = init.headers['mcp-session-id'];
    if (init.status !== 200 || !sid) throw new Error(`initialize failed: ${init.status} ${init.body.slice(0, 200)}`);
    const n = await post({ jsonrpc: '2.0', method: 'notifications/initialized' }, sid, true);
    if (n.status !== 202 && n.status !== 200) throw new Error(`initialized notification failed: ${n.status}`);
  }
  let reqId = 1;
  while (performance.now() < deadline) {
    const t0 = performance.now();
    try {
      const r = await post(
        { jsonrpc: '2.0', id: reqId++, method: 'tools/call', params: { name: 'echo', arguments: { text: TEXT } } },
        sid, MODE === 'stateful'
      );
      const msg = r.status === 200 ? parseJsonRpc(r) : null;
      if (msg?.result?.content?.[0]?.text?.includes(TEXT) && !msg.result.isError) {
        calls++;
        lat.push(performance.now() - t0);
      } else {
        errors++;
        firstError ??= `status=${r.status} body=${r.body.slice(0, 300)}`;
      }
    } catch (e) {
      errors++;
      firstError ??= String(e);
    }
  }
}

const start = performance.now();
const deadline = start + D * 1000;
await Promise.all(Array.from({ length: C }, (_, i) => loop(i, deadline)));
const elapsed = (performance.now() - start) / 1000;
lat.sort((a, b) => a - b);
const pct = (p) => (lat.length ? lat[Math.min(lat.length - 1, Math.floor(p * lat.length))].toFixed(2) : 'NaN');
if (firstError) console.error(`first error: ${firstError}`);
console.log(`calls=${calls}`);
console.log(`errors=${errors}`);
console.log(`duration_s=${elapsed.toFixed(2)} rps=${(calls / elapsed).toFixed(0)} p50_ms=${pct(0.5)} p99_ms=${pct(0.99)} concurrency=${C} mode=${MODE}`);
agent.destroy();
process.exit(errors ? 1 : 0);
