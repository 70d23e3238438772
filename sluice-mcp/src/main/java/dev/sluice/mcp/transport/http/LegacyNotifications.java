package dev.sluice.mcp.transport.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.mcp.jsonrpc.JsonRpcMessage;
import dev.sluice.mcp.server.Session;

/** Client notifications on a legacy session: cancellation is the one that changes anything. */
final class LegacyNotifications {
    private LegacyNotifications() {
    }

    static void apply(JsonRpcMessage.Notification notification, Session session) {
        switch (notification.method()) {
            case "notifications/initialized" -> session.markInitialized();
            case "notifications/cancelled" -> {
                JsonNode requestId = notification.params().get("requestId");
                if (requestId != null && (requestId.isTextual() || requestId.isIntegralNumber())) {
                    session.inFlight().cancel(requestId, notification.params().path("reason").asText(null));
                }
            }
            default -> {
                // roots/list_changed and unknown notifications need no action
            }
        }
    }
}
