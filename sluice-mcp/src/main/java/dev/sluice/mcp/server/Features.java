package dev.sluice.mcp.server;

import dev.sluice.mcp.model.Prompt;
import dev.sluice.mcp.model.Resource;
import dev.sluice.mcp.model.ResourceTemplate;
import dev.sluice.mcp.model.Tool;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a server offers. Reads are lock-free over immutable snapshots; writers (the gateway
 * syncing upstream tools) replace a snapshot and announce the change. Listing order is the order
 * of registration, so repeated lists are identical.
 */
public final class Features {
    /** {@code inline}: the handler never blocks, so it may run on a transport's I/O thread. */
    public record ToolEntry(Tool tool, Handlers.ToolHandler handler, boolean inline) {
    }

    public record ResourceEntry(Resource resource, Handlers.ResourceReader reader) {
    }

    public record TemplateEntry(ResourceTemplate template, Handlers.ResourceReader reader) {
    }

    public record PromptEntry(Prompt prompt, Handlers.PromptHandler handler) {
    }

    private volatile Map<String, ToolEntry> tools = Map.of();
    private volatile List<ToolEntry> toolList = List.of();
    private volatile Map<String, ResourceEntry> resources = Map.of();
    private volatile List<ResourceEntry> resourceList = List.of();
    private volatile List<TemplateEntry> templates = List.of();
    private volatile Map<String, PromptEntry> prompts = Map.of();
    private volatile List<PromptEntry> promptList = List.of();

    public void putTool(Tool tool, Handlers.ToolHandler handler) {
        putTool(tool, handler, false);
    }

    public synchronized void putTool(Tool tool, Handlers.ToolHandler handler, boolean inline) {
        Map<String, ToolEntry> next = new LinkedHashMap<>(tools);
        next.put(tool.name(), new ToolEntry(tool, handler, inline));
        tools = Collections.unmodifiableMap(next);
        toolList = List.copyOf(next.values());
    }

    public synchronized boolean removeTool(String name) {
        if (!tools.containsKey(name)) {
            return false;
        }
        Map<String, ToolEntry> next = new LinkedHashMap<>(tools);
        next.remove(name);
        tools = Collections.unmodifiableMap(next);
        toolList = List.copyOf(next.values());
        return true;
    }

    public synchronized void putResource(Resource resource, Handlers.ResourceReader reader) {
        Map<String, ResourceEntry> next = new LinkedHashMap<>(resources);
        next.put(resource.uri(), new ResourceEntry(resource, reader));
        resources = Collections.unmodifiableMap(next);
        resourceList = List.copyOf(next.values());
    }

    public synchronized void putTemplate(ResourceTemplate template, Handlers.ResourceReader reader) {
        List<TemplateEntry> next = new ArrayList<>(templates);
        next.removeIf(t -> t.template().uriTemplate().equals(template.uriTemplate()));
        next.add(new TemplateEntry(template, reader));
        templates = List.copyOf(next);
    }

    public synchronized void putPrompt(Prompt prompt, Handlers.PromptHandler handler) {
        Map<String, PromptEntry> next = new LinkedHashMap<>(prompts);
        next.put(prompt.name(), new PromptEntry(prompt, handler));
        prompts = Collections.unmodifiableMap(next);
        promptList = List.copyOf(next.values());
    }

    public ToolEntry tool(String name) {
        return tools.get(name);
    }

    public List<ToolEntry> tools() {
        return toolList;
    }

    public ResourceEntry resource(String uri) {
        return resources.get(uri);
    }

    public List<ResourceEntry> resources() {
        return resourceList;
    }

    public List<TemplateEntry> templates() {
        return templates;
    }

    public PromptEntry prompt(String name) {
        return prompts.get(name);
    }

    public List<PromptEntry> prompts() {
        return promptList;
    }

    boolean hasResources() {
        return !resourceList.isEmpty() || !templates.isEmpty();
    }
}
