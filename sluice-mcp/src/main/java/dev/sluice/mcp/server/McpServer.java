package dev.sluice.mcp.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.mcp.Json;
import dev.sluice.mcp.McpError;
import dev.sluice.mcp.ProtocolVersion;
import dev.sluice.mcp.jsonrpc.JsonRpcMessage;
import dev.sluice.mcp.model.Prompt;
import dev.sluice.mcp.model.Resource;
import dev.sluice.mcp.model.ResourceTemplate;
import dev.sluice.mcp.model.Tool;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.function.BiPredicate;

import static java.util.Objects.requireNonNull;

/**
 * A transport-independent MCP server: its identity, features and policies. Transports hand it
 * decoded requests with a {@link Caller} and a {@link RequestChannel}; it answers with the result
 * object (already shaped for the caller's revision) or throws {@link McpError}.
 */
public final class McpServer implements ServerEvents {
    private final ObjectNode serverInfo;
    private final String instructions;
    private final Features features;
    private final Handlers.CompletionHandler completion;
    private final boolean logging;
    private final SubscriptionHub hub = new SubscriptionHub();
    private final RequestStateCodec stateCodec;
    private final Duration clientRequestTimeout;
    private final Duration keepAliveInterval;
    private final int pageSize;
    private final CacheHints cacheHints;
    private final BiPredicate<Tool, Caller> toolVisibility;
    private final RequestObserver observer;
    /** Null when no interceptor was installed: tools may then be served inline. */
    private final ToolInterceptor interceptor;
    private final Dispatcher dispatcher;

    /** Freshness hints for 2026-07-28 list and read results. */
    public record CacheHints(long listTtlMs, String listScope, long readTtlMs, String readScope) {
        public CacheHints {
            if (listTtlMs < 0 || readTtlMs < 0) {
                throw new IllegalArgumentException("ttlMs must be >= 0");
            }
            requireScope(listScope);
            requireScope(readScope);
        }

        private static void requireScope(String scope) {
            if (!"public".equals(scope) && !"private".equals(scope)) {
                throw new IllegalArgumentException("cacheScope must be public or private, got " + scope);
            }
        }
    }

    private McpServer(Builder b) {
        this.serverInfo = Json.object();
        serverInfo.put("name", b.name);
        serverInfo.put("version", b.version);
        if (b.title != null) {
            serverInfo.put("title", b.title);
        }
        this.instructions = b.instructions;
        this.features = b.features;
        this.completion = b.completion;
        this.logging = b.logging;
        byte[] key = b.stateKey;
        if (key == null) {
            key = new byte[32];
            new SecureRandom().nextBytes(key);
        }
        this.stateCodec = new RequestStateCodec(key, b.clock, b.requestStateTtl);
        this.clientRequestTimeout = b.clientRequestTimeout;
        this.keepAliveInterval = b.keepAliveInterval;
        this.pageSize = b.pageSize;
        this.cacheHints = b.cacheHints;
        this.toolVisibility = b.toolVisibility;
        this.interceptor = b.interceptor;
        this.observer = b.observer;
        this.dispatcher = new Dispatcher(this);
    }

    public static Builder builder(String name, String version) {
        return new Builder(name, version);
    }

    /** The outcome of a legacy {@code initialize}: what the session needs and the result to send. */
    public record Initialization(String protocolVersion, JsonNode clientInfo, ObjectNode clientCapabilities,
                                 ObjectNode result) {
    }

    /**
     * Answers a legacy {@code initialize}. {@code sessions} tells whether the transport keeps
     * sessions; without them the server cannot push notifications, so it does not offer them.
     */
    public Initialization initialize(ObjectNode params, boolean sessions) {
        JsonNode requested = params.get("protocolVersion");
        if (requested == null || !requested.isTextual()) {
            throw McpError.invalidParams("initialize needs params.protocolVersion (a string such as \"2025-11-25\")");
        }
        JsonNode capabilities = params.get("capabilities");
        if (capabilities != null && !capabilities.isObject()) {
            throw McpError.invalidParams("initialize params.capabilities must be an object");
        }
        JsonNode clientInfo = params.get("clientInfo");
        String version = ProtocolVersion.negotiateLegacy(requested.asText());
        ObjectNode result = Json.object();
        result.put("protocolVersion", version);
        result.set("capabilities", capabilities(false, sessions));
        result.set("serverInfo", serverInfo);
        if (instructions != null) {
            result.put("instructions", instructions);
        }
        return new Initialization(version, clientInfo != null && clientInfo.isObject() ? clientInfo : null,
                capabilities == null ? Json.object() : (ObjectNode) capabilities, result);
    }

    /** Serves one request. Blocks until done; run it on a virtual thread. */
    public ObjectNode handle(JsonRpcMessage.Request request, Caller caller, RequestChannel channel) {
        if (observer == null) {
            return dispatcher.dispatch(request, caller, channel);
        }
        long start = System.nanoTime();
        String outcome = "error";
        try {
            ObjectNode result = dispatcher.dispatch(request, caller, channel);
            outcome = "input_required".equals(result.path("resultType").asText()) ? "input_required" : "ok";
            return result;
        } finally {
            observer.served(request.method(), System.nanoTime() - start, outcome);
        }
    }

    /**
     * True when serving {@code request} cannot block: listing, discovery and session bookkeeping,
     * and calls of tools registered as inline. Transports may then serve it on their I/O thread,
     * which avoids a thread hand-off per request.
     */
    public boolean completesInline(JsonRpcMessage.Request request) {
        return switch (request.method()) {
            case "tools/list", "prompts/list", "resources/list", "resources/templates/list", "server/discover", "ping",
                 "logging/setLevel", "resources/subscribe", "resources/unsubscribe" -> true;
            case "tools/call" -> {
                if (interceptor != null) {
                    yield false;
                }
                Features.ToolEntry entry = features.tool(request.params().path("name").asText(""));
                yield entry == null || entry.inline();
            }
            default -> false;
        };
    }

    ObjectNode capabilities(boolean modern, boolean push) {
        ObjectNode caps = Json.object();
        if (!features.tools().isEmpty()) {
            caps.putObject("tools").put("listChanged", push);
        }
        if (features.hasResources()) {
            ObjectNode resources = caps.putObject("resources");
            resources.put("listChanged", push);
            resources.put("subscribe", push);
        }
        if (!features.prompts().isEmpty()) {
            caps.putObject("prompts").put("listChanged", push);
        }
        if (completion != null) {
            caps.putObject("completions");
        }
        if (logging && !modern) {
            caps.putObject("logging");
        }
        return caps;
    }

    ObjectNode discoverResult() {
        ObjectNode result = Json.object();
        ProtocolVersion.MODERN.forEach(result.putArray("supportedVersions")::add);
        result.set("capabilities", capabilities(true, true));
        if (instructions != null) {
            result.put("instructions", instructions);
        }
        result.putObject("_meta").set(ModernMeta.SERVER_INFO, serverInfo);
        return result;
    }

    public Features features() {
        return features;
    }

    public ObjectNode serverInfo() {
        return serverInfo.deepCopy();
    }

    public ServerEvents events() {
        return this;
    }

    public SubscriptionHub hub() {
        return hub;
    }

    RequestStateCodec stateCodec() {
        return stateCodec;
    }

    Duration clientRequestTimeout() {
        return clientRequestTimeout;
    }

    Duration keepAliveInterval() {
        return keepAliveInterval;
    }

    int pageSize() {
        return pageSize;
    }

    CacheHints cacheHints() {
        return cacheHints;
    }

    Handlers.CompletionHandler completion() {
        return completion;
    }

    ToolInterceptor interceptor() {
        return interceptor == null ? ToolInterceptor.none() : interceptor;
    }

    boolean visible(Tool tool, Caller caller) {
        return toolVisibility.test(tool, caller);
    }

    @Override
    public void toolsChanged() {
        hub.publish(new ServerEvent.ToolsChanged());
    }

    @Override
    public void promptsChanged() {
        hub.publish(new ServerEvent.PromptsChanged());
    }

    @Override
    public void resourcesChanged() {
        hub.publish(new ServerEvent.ResourcesChanged());
    }

    @Override
    public void resourceUpdated(String uri) {
        hub.publish(new ServerEvent.ResourceUpdated(uri));
    }

    /** Ends every open notification stream (server shutdown). */
    public void close() {
        hub.closeAll();
    }

    public static final class Builder {
        private final String name;
        private final String version;
        private String title;
        private String instructions;
        private final Features features = new Features();
        private Handlers.CompletionHandler completion;
        private boolean logging = true;
        private Clock clock = Clock.systemUTC();
        private byte[] stateKey;
        private Duration requestStateTtl = Duration.ofMinutes(15);
        private Duration clientRequestTimeout = Duration.ofMinutes(5);
        private Duration keepAliveInterval = Duration.ofSeconds(15);
        private int pageSize = 500;
        private CacheHints cacheHints = new CacheHints(60_000, "public", 0, "private");
        private BiPredicate<Tool, Caller> toolVisibility = (tool, caller) -> true;
        private ToolInterceptor interceptor;
        private RequestObserver observer;

        private Builder(String name, String version) {
            this.name = requireNonNull(name, "name is null");
            this.version = requireNonNull(version, "version is null");
        }

        public Builder title(String value) {
            this.title = value;
            return this;
        }

        public Builder instructions(String value) {
            this.instructions = value;
            return this;
        }

        public Builder tool(Tool tool, Handlers.ToolHandler handler) {
            features.putTool(requireNonNull(tool, "tool is null"), requireNonNull(handler, "handler is null"));
            return this;
        }

        /**
         * A tool whose handler is quick and never blocks (no I/O, no waiting, no input from the
         * client): transports may run it on their I/O thread. Its progress and log messages are
         * delivered together with the result.
         */
        public Builder inlineTool(Tool tool, Handlers.ToolHandler handler) {
            features.putTool(requireNonNull(tool, "tool is null"), requireNonNull(handler, "handler is null"), true);
            return this;
        }

        public Builder resource(Resource resource, Handlers.ResourceReader reader) {
            features.putResource(resource, reader);
            return this;
        }

        public Builder resourceTemplate(ResourceTemplate template, Handlers.ResourceReader reader) {
            features.putTemplate(template, reader);
            return this;
        }

        public Builder prompt(Prompt prompt, Handlers.PromptHandler handler) {
            features.putPrompt(prompt, handler);
            return this;
        }

        public Builder completion(Handlers.CompletionHandler handler) {
            this.completion = handler;
            return this;
        }

        public Builder logging(boolean enabled) {
            this.logging = enabled;
            return this;
        }

        public Builder clock(Clock value) {
            this.clock = requireNonNull(value, "clock is null");
            return this;
        }

        /** Key for sealing requestState; servers behind one load balancer must share it. */
        public Builder requestStateKey(byte[] key) {
            this.stateKey = key.clone();
            return this;
        }

        public Builder requestStateTtl(Duration ttl) {
            this.requestStateTtl = ttl;
            return this;
        }

        public Builder clientRequestTimeout(Duration timeout) {
            this.clientRequestTimeout = timeout;
            return this;
        }

        public Builder keepAliveInterval(Duration interval) {
            this.keepAliveInterval = interval;
            return this;
        }

        public Builder pageSize(int size) {
            if (size < 1 || size > 10_000) {
                throw new IllegalArgumentException("page size must be between 1 and 10000, got " + size);
            }
            this.pageSize = size;
            return this;
        }

        public Builder cacheHints(CacheHints hints) {
            this.cacheHints = requireNonNull(hints, "hints is null");
            return this;
        }

        /** Which tools a caller sees and may call (authorisation plugs in here). */
        /**
         * Wraps every tools/call (authorisation, audit). With an interceptor, no tool call is
         * served inline: the interceptor may block, e.g. to make an audit record durable.
         */
        public Builder interceptor(ToolInterceptor value) {
            this.interceptor = requireNonNull(value, "interceptor is null");
            return this;
        }

        /** Told the method, duration and outcome of every request served (metrics). */
        public Builder observer(RequestObserver value) {
            this.observer = requireNonNull(value, "observer is null");
            return this;
        }

        public Builder toolVisibility(BiPredicate<Tool, Caller> visibility) {
            this.toolVisibility = requireNonNull(visibility, "visibility is null");
            return this;
        }

        public McpServer build() {
            return new McpServer(this);
        }
    }
}
