package dev.sluice.sql.demo;

import static java.util.Objects.requireNonNull;

/** A Slack message before ids are assigned: when, where, who and what. */
record SlackMessage(long postedAtMicros, String channelName, String userName, String text) {
    SlackMessage {
        requireNonNull(channelName, "channelName is null");
        requireNonNull(userName, "userName is null");
        requireNonNull(text, "text is null");
    }
}
