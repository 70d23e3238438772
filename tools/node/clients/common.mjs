// Shared helpers for the Sluice test client scripts (no external deps).
// Contract: every script prints exactly one JSON object on its LAST stdout line
// and exits 0 on success, 1 on any failure (the JSON then has an "error" key),
// 2 on bad usage. Diagnostics go to stderr.

export function usage(msg) {
  process.stderr.write(msg.endsWith('\n') ? msg : msg + '\n');
  process.exit(2);
}

export function parseJsonArg(text, what) {
  try {
    const v = JSON.parse(text);
    if (v === null || typeof v !== 'object' || Array.isArray(v)) throw new Error('not a JSON object');
    return v;
  } catch (e) {
    usage(`${what} must be a JSON object: ${e.message}`);
  }
}

/** Extra HTTP request headers from env MCP_HEADERS (JSON object), e.g. {"Authorization":"Bearer x"}. */
export function extraHeaders() {
  const raw = process.env.MCP_HEADERS;
  if (!raw) return {};
  return parseJsonArg(raw, 'MCP_HEADERS');
}

/** Replies for sampling/createMessage from env MCP_SAMPLING_REPLIES (JSON array of texts), in order; the last repeats. */
function samplingReplies() {
  const raw = process.env.MCP_SAMPLING_REPLIES;
  let replies = ['stub-model-answer'];
  if (raw) {
    try {
      replies = JSON.parse(raw);
    } catch (e) {
      usage(`MCP_SAMPLING_REPLIES must be a JSON array of strings: ${e.message}`);
    }
    if (!Array.isArray(replies) || replies.length === 0 || !replies.every((r) => typeof r === 'string')) {
      usage('MCP_SAMPLING_REPLIES must be a non-empty JSON array of strings');
    }
  }
  let next = 0;
  return () => replies[Math.min(next++, replies.length - 1)];
}

/**
 * Replies for elicitation/create from env MCP_ELICITATION_REPLIES (JSON array of ElicitResult
 * objects such as {"action":"accept","content":{"answer":"net"}}), in order; the last repeats.
 * Null when the variable is unset: the client then declares no elicitation capability.
 */
function elicitationReplies() {
  const raw = process.env.MCP_ELICITATION_REPLIES;
  if (!raw) return null;
  let replies;
  try {
    replies = JSON.parse(raw);
  } catch (e) {
    usage(`MCP_ELICITATION_REPLIES must be a JSON array of ElicitResult objects: ${e.message}`);
  }
  if (!Array.isArray(replies) || replies.length === 0 || !replies.every((r) => r && typeof r.action === 'string')) {
    usage('MCP_ELICITATION_REPLIES must be a non-empty JSON array of objects with an "action"');
  }
  let next = 0;
  return () => replies[Math.min(next++, replies.length - 1)];
}

export function emit(obj) {
  process.stdout.write(JSON.stringify(obj) + '\n');
}

function errorToJson(e) {
  if (!e || typeof e !== 'object') return { message: String(e) };
  const out = { name: e.name, message: e.message };
  if (e.code !== undefined) out.code = e.code;
  if (e.data !== undefined) out.data = e.data;
  if (e.cause !== undefined) out.cause = e.cause instanceof Error ? e.cause.message : e.cause;
  return out;
}

/**
 * Runs main() with an overall deadline (env MCP_CLIENT_TIMEOUT_MS, default 30000).
 * main() returns the observation object; it is printed as the last stdout line.
 */
export async function run(main) {
  const timeoutMs = Number(process.env.MCP_CLIENT_TIMEOUT_MS || 30000);
  const timer = setTimeout(() => {
    emit({ error: { name: 'Timeout', message: `client did not finish within ${timeoutMs} ms` } });
    process.exit(1);
  }, timeoutMs);
  timer.unref();
  try {
    const obs = await main();
    clearTimeout(timer);
    emit(obs);
    process.exit(0);
  } catch (e) {
    clearTimeout(timer);
    process.stderr.write(`client failure: ${e?.stack || e}\n`);
    emit({ error: errorToJson(e) });
    process.exit(1);
  }
}

// What both SDK versions' sampling clients answer when the server asks for input: sampled texts
// from MCP_SAMPLING_REPLIES and, when MCP_ELICITATION_REPLIES is set, elicitation results. Keeps the
// params of every request. `install(setHandler)` registers the handlers through the SDK's own
// registration, `setHandler(method, handler)` with method 'sampling/createMessage' or 'elicitation/create'.
export function scriptedInputs() {
  const samplingRequests = [];
  const elicitationRequests = [];
  const nextReply = samplingReplies();
  const nextElicitation = elicitationReplies();
  return {
    samplingRequests,
    elicitationRequests,
    capabilities: nextElicitation ? { sampling: {}, elicitation: {} } : { sampling: {} },
    install(setHandler) {
      if (nextElicitation) {
        setHandler('elicitation/create', async (request) => {
          elicitationRequests.push(request.params);
          return nextElicitation();
        });
      }
      setHandler('sampling/createMessage', async (request) => {
        samplingRequests.push(request.params);
        return {
          role: 'assistant',
          content: { type: 'text', text: nextReply() },
          model: 'test-model',
          stopReason: 'endTurn',
        };
      });
    },
  };
}
