package dev.sluice.mcp.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.mcp.ErrorCodes;
import dev.sluice.mcp.Json;
import dev.sluice.mcp.McpError;
import dev.sluice.mcp.ProtocolVersion;
import dev.sluice.mcp.jsonrpc.JsonRpcMessage;
import dev.sluice.mcp.model.CallToolResult;
import dev.sluice.mcp.model.GetPromptResult;
import dev.sluice.mcp.model.ResourceContents;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Routes one request to its method and shapes the result for the caller's protocol revision. */
final class Dispatcher {
    private final McpServer server;
    private final Features features;

    Dispatcher(McpServer server) {
        this.server = server;
        this.features = server.features();
    }

    ObjectNode dispatch(JsonRpcMessage.Request request, Caller caller, RequestChannel channel) {
        ObjectNode params = request.params();
        String method = request.method();
        boolean modern = caller.modern();
        ObjectNode result = switch (method) {
            case "tools/list" -> listTools(params, caller);
            case "tools/call" -> callTool(request, caller, channel);
            case "prompts/list" -> listPrompts(params);
            case "prompts/get" -> getPrompt(request, caller, channel);
            case "resources/list" -> listResources(params);
            case "resources/templates/list" -> listTemplates(params);
            case "resources/read" -> readResource(request, caller, channel);
            case "completion/complete" -> complete(params);
            case "server/discover" -> modernOnly(method, modern, server::discoverResult);
            case "subscriptions/listen" -> modernOnly(method, modern, () -> listen(request, caller, channel));
            case "ping" -> legacyOnly(method, modern, Json::object);
            case "logging/setLevel" -> legacyOnly(method, modern, () -> setLevel(params, caller));
            case "resources/subscribe" -> legacyOnly(method, modern, () -> subscribe(params, caller, true));
            case "resources/unsubscribe" -> legacyOnly(method, modern, () -> subscribe(params, caller, false));
            case "initialize" -> throw modern ? McpError.methodNotFound(method)
                    : McpError.invalidRequest("the session is already initialized");
            default -> throw McpError.methodNotFound(method);
        };
        if (modern && !"input_required".equals(result.path("resultType").asText())) {
            result.put("resultType", "complete");
            addCacheHints(method, result);
        }
        return result;
    }

    private interface ResultSupplier {
        ObjectNode get();
    }

    private static ObjectNode modernOnly(String method, boolean modern, ResultSupplier body) {
        if (!modern) {
            throw McpError.methodNotFound(method);
        }
        return body.get();
    }

    private static ObjectNode legacyOnly(String method, boolean modern, ResultSupplier body) {
        if (modern) {
            throw McpError.methodNotFound(method + " (removed in " + ProtocolVersion.LATEST + ")");
        }
        return body.get();
    }

    private void addCacheHints(String method, ObjectNode result) {
        McpServer.CacheHints hints = server.cacheHints();
        switch (method) {
            case "tools/list", "prompts/list", "resources/list", "resources/templates/list", "server/discover" -> {
                result.put("ttlMs", hints.listTtlMs());
                result.put("cacheScope", hints.listScope());
            }
            case "resources/read" -> {
                result.put("ttlMs", hints.readTtlMs());
                result.put("cacheScope", hints.readScope());
            }
            default -> {
            }
        }
    }

    private ObjectNode listTools(ObjectNode params, Caller caller) {
        List<Features.ToolEntry> visible = features.tools().stream().filter(t -> server.visible(t.tool(), caller)).toList();
        Page<Features.ToolEntry> page = Page.of(visible, cursor(params), server.pageSize());
        boolean modernFields = ProtocolVersion.hasStructuredContent(caller.protocolVersion());
        ObjectNode result = Json.object();
        ArrayNode tools = result.putArray("tools");
        page.items().forEach(t -> tools.add(t.tool().toJson(modernFields)));
        if (page.nextCursor() != null) {
            result.put("nextCursor", page.nextCursor());
        }
        return result;
    }

    private ObjectNode callTool(JsonRpcMessage.Request request, Caller caller, RequestChannel channel) {
        ObjectNode params = request.params();
        String name = requiredString(params, "name", "tools/call");
        Features.ToolEntry found = features.tool(name);
        Features.ToolEntry entry = found != null && server.visible(found.tool(), caller) ? found : null;
        JsonNode args = params.get("arguments");
        if (args != null && !args.isNull() && !args.isObject()) {
            throw McpError.invalidParams("tools/call params.arguments must be an object");
        }
        ObjectNode arguments = args == null || args.isNull() ? Json.object() : (ObjectNode) args;
        boolean structured = ProtocolVersion.hasStructuredContent(caller.protocolVersion());
        Attributes attributes = new Attributes();
        ToolInterceptor.ToolCall call = new ToolInterceptor.ToolCall(name, found == null ? null : found.tool(), arguments, caller,
                request.id(), attributes);
        try {
            return server.interceptor().intercept(call, bound -> {
                if (entry == null) {
                    throw McpError.invalidParams("Unknown tool: " + name + " (tools/list shows the available tools)");
                }
                // the client's own arguments against the schema it was shown; arguments an interceptor
                // bound (e.g. from token claims) may be ones that schema hides
                String problem = ArgumentCheck.firstProblem(entry.tool().inputSchema(), arguments);
                if (problem != null) {
                    return CallToolResult.error("Invalid arguments for tool " + name + ": " + problem);
                }
                RequestContext context = new RequestContext(server, caller, request.id(), request.method(), params, name, channel,
                        attributes);
                return entry.handler().call(bound, context);
            }).toJson(structured);
        } catch (InputRequired inputRequired) {
            return inputRequired.toResult();
        }
    }

    private ObjectNode listPrompts(ObjectNode params) {
        Page<Features.PromptEntry> page = Page.of(features.prompts(), cursor(params), server.pageSize());
        ObjectNode result = Json.object();
        ArrayNode prompts = result.putArray("prompts");
        page.items().forEach(p -> prompts.add(p.prompt().toJson()));
        if (page.nextCursor() != null) {
            result.put("nextCursor", page.nextCursor());
        }
        return result;
    }

    private ObjectNode getPrompt(JsonRpcMessage.Request request, Caller caller, RequestChannel channel) {
        ObjectNode params = request.params();
        String name = requiredString(params, "name", "prompts/get");
        Features.PromptEntry entry = features.prompt(name);
        if (entry == null) {
            throw McpError.invalidParams("Unknown prompt: " + name);
        }
        Map<String, String> arguments = stringMap(params.get("arguments"), "prompts/get params.arguments");
        for (var argument : entry.prompt().arguments()) {
            if (argument.required() && !arguments.containsKey(argument.name())) {
                throw McpError.invalidParams("prompt " + name + " needs argument '" + argument.name() + "'");
            }
        }
        RequestContext context = new RequestContext(server, caller, request.id(), request.method(), params, name, channel);
        try {
            GetPromptResult result = entry.handler().get(arguments, context);
            return result.toJson();
        } catch (InputRequired inputRequired) {
            return inputRequired.toResult();
        }
    }

    private ObjectNode listResources(ObjectNode params) {
        Page<Features.ResourceEntry> page = Page.of(features.resources(), cursor(params), server.pageSize());
        ObjectNode result = Json.object();
        ArrayNode resources = result.putArray("resources");
        page.items().forEach(r -> resources.add(r.resource().toJson()));
        if (page.nextCursor() != null) {
            result.put("nextCursor", page.nextCursor());
        }
        return result;
    }

    private ObjectNode listTemplates(ObjectNode params) {
        Page<Features.TemplateEntry> page = Page.of(features.templates(), cursor(params), server.pageSize());
        ObjectNode result = Json.object();
        ArrayNode templates = result.putArray("resourceTemplates");
        page.items().forEach(t -> templates.add(t.template().toJson()));
        if (page.nextCursor() != null) {
            result.put("nextCursor", page.nextCursor());
        }
        return result;
    }

    private ObjectNode readResource(JsonRpcMessage.Request request, Caller caller, RequestChannel channel) {
        ObjectNode params = request.params();
        String uri = requiredString(params, "uri", "resources/read");
        Handlers.ResourceReader reader = null;
        Map<String, String> variables = Map.of();
        Features.ResourceEntry entry = features.resource(uri);
        if (entry != null) {
            reader = entry.reader();
        } else {
            for (Features.TemplateEntry template : features.templates()) {
                Optional<Map<String, String>> match = template.template().match(uri);
                if (match.isPresent()) {
                    reader = template.reader();
                    variables = match.get();
                    break;
                }
            }
        }
        if (reader == null) {
            throw resourceNotFound(uri, caller.modern());
        }
        RequestContext context = new RequestContext(server, caller, request.id(), request.method(), params, uri, channel);
        List<ResourceContents> contents;
        try {
            contents = reader.read(uri, variables, context);
        } catch (InputRequired inputRequired) {
            return inputRequired.toResult();
        }
        if (contents == null || contents.isEmpty()) {
            throw resourceNotFound(uri, caller.modern());
        }
        ObjectNode result = Json.object();
        ArrayNode items = result.putArray("contents");
        contents.forEach(c -> items.add(c.toJson()));
        return result;
    }

    static McpError resourceNotFound(String uri, boolean modern) {
        ObjectNode data = Json.object();
        data.put("uri", uri);
        return new McpError(modern ? ErrorCodes.INVALID_PARAMS : ErrorCodes.LEGACY_RESOURCE_NOT_FOUND,
                "Resource not found: " + uri, data);
    }

    private ObjectNode complete(ObjectNode params) {
        Handlers.CompletionHandler handler = server.completion();
        if (handler == null) {
            throw McpError.methodNotFound("completion/complete (this server offers no completions)");
        }
        JsonNode ref = params.get("ref");
        if (ref == null || !ref.isObject() || !ref.path("type").isTextual()) {
            throw McpError.invalidParams("completion/complete needs params.ref {type: ref/prompt|ref/resource, ...}");
        }
        String type = ref.get("type").asText();
        if (type.equals("ref/prompt")) {
            String name = ref.path("name").asText(null);
            if (name == null || features.prompt(name) == null) {
                throw McpError.invalidParams("completion/complete: unknown prompt " + name);
            }
        } else if (!type.equals("ref/resource") || !ref.path("uri").isTextual()) {
            throw McpError.invalidParams("completion/complete params.ref.type must be ref/prompt (with name) or ref/resource (with uri)");
        }
        JsonNode argument = params.get("argument");
        if (argument == null || !argument.path("name").isTextual() || !argument.path("value").isTextual()) {
            throw McpError.invalidParams("completion/complete needs params.argument {name, value} with string values");
        }
        Map<String, String> context = stringMap(params.path("context").get("arguments"), "completion context.arguments");
        Handlers.Completion completion = handler.complete((ObjectNode) ref, argument.get("name").asText(),
                argument.get("value").asText(), context);
        ObjectNode result = Json.object();
        ObjectNode body = result.putObject("completion");
        ArrayNode values = body.putArray("values");
        completion.values().stream().limit(100).forEach(values::add);
        int total = completion.total() != null ? completion.total() : completion.values().size();
        body.put("total", total);
        body.put("hasMore", completion.hasMore() || completion.values().size() > 100);
        return result;
    }

    private ObjectNode setLevel(ObjectNode params, Caller caller) {
        LogLevel level = LogLevel.fromWire(params.path("level").asText(null));
        if (level == null) {
            throw McpError.invalidParams("logging/setLevel needs params.level, one of debug, info, notice, warning, error, critical, alert, emergency");
        }
        if (caller.session() != null) {
            caller.session().setLogLevel(level);
        }
        return Json.object();
    }

    private ObjectNode subscribe(ObjectNode params, Caller caller, boolean add) {
        String uri = requiredString(params, "uri", add ? "resources/subscribe" : "resources/unsubscribe");
        Session session = caller.session();
        if (session == null) {
            throw McpError.invalidRequest("resource subscriptions need a session; this server runs stateless");
        }
        if (add) {
            session.resourceSubscriptions().add(uri);
        } else {
            session.resourceSubscriptions().remove(uri);
        }
        return Json.object();
    }

    private ObjectNode listen(JsonRpcMessage.Request request, Caller caller, RequestChannel channel) {
        JsonNode filter = request.params().get("notifications");
        if (filter == null || !filter.isObject()) {
            throw McpError.invalidParams("subscriptions/listen needs params.notifications, e.g. {\"toolsListChanged\": true}");
        }
        ObjectNode honoured = Json.object();
        if (filter.path("toolsListChanged").asBoolean(false) && !features.tools().isEmpty()) {
            honoured.put("toolsListChanged", true);
        }
        if (filter.path("promptsListChanged").asBoolean(false) && !features.prompts().isEmpty()) {
            honoured.put("promptsListChanged", true);
        }
        if (filter.path("resourcesListChanged").asBoolean(false) && features.hasResources()) {
            honoured.put("resourcesListChanged", true);
        }
        JsonNode uris = filter.get("resourceSubscriptions");
        if (uris != null && uris.isArray() && features.hasResources()) {
            ArrayNode accepted = honoured.putArray("resourceSubscriptions");
            uris.forEach(u -> {
                if (u.isTextual()) {
                    accepted.add(u);
                }
            });
        }
        return new ListenStream(server, request.id(), honoured, channel).run();
    }

    private static String cursor(ObjectNode params) {
        JsonNode cursor = params.get("cursor");
        if (cursor == null || cursor.isNull()) {
            return null;
        }
        if (!cursor.isTextual()) {
            throw McpError.invalidParams("cursor must be a string");
        }
        return cursor.asText();
    }

    private static String requiredString(ObjectNode params, String field, String method) {
        JsonNode value = params.get(field);
        if (value == null || !value.isTextual() || value.asText().isEmpty()) {
            throw McpError.invalidParams(method + " needs params." + field + " (a non-empty string)");
        }
        return value.asText();
    }

    private static Map<String, String> stringMap(JsonNode node, String what) {
        if (node == null || node.isNull()) {
            return Map.of();
        }
        if (!node.isObject()) {
            throw McpError.invalidParams(what + " must be an object of strings");
        }
        Map<String, String> map = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().isTextual()) {
                throw McpError.invalidParams(what + "." + e.getKey() + " must be a string");
            }
            map.put(e.getKey(), e.getValue().asText());
        }
        return map;
    }
}
