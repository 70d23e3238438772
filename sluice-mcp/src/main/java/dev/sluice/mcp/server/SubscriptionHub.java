package dev.sluice.mcp.server;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Fans server events out to every open notification stream. */
public final class SubscriptionHub {
    private final Set<Subscriber> subscribers = ConcurrentHashMap.newKeySet();

    public void add(Subscriber subscriber) {
        subscribers.add(subscriber);
    }

    public void remove(Subscriber subscriber) {
        subscribers.remove(subscriber);
    }

    public void publish(ServerEvent event) {
        for (Subscriber s : subscribers) {
            s.offer(event);
        }
    }

    public int size() {
        return subscribers.size();
    }

    public void closeAll() {
        for (Subscriber s : subscribers) {
            s.close();
        }
        subscribers.clear();
    }
}
