package dev.sluice.sql.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.duckdb.DuckDBConnection;

/**
 * Generates {@code main.slack_users} and {@code main.slack_messages}: the scripted release story of
 * {@code demo/slack_script.tsv} (which holds the one announcement of the first release deadline)
 * mixed with {@link SlackFiller} chatter, in posting order.
 */
final class SlackGenerator {
    static final String SCRIPT = "/demo/slack_script.tsv";

    private static final Pattern USER_MENTION = Pattern.compile("<@([a-z.]+)>");
    private static final Pattern CHANNEL_LINK = Pattern.compile("<#([a-z-]+)>");

    private SlackGenerator() {
    }

    static List<SlackMessage> messages(long seed) {
        List<SlackMessage> messages = new ArrayList<>(script());
        messages.addAll(SlackFiller.generate(seed));
        messages.sort(Comparator.comparingLong(SlackMessage::postedAtMicros)
                .thenComparing(SlackMessage::channelName).thenComparing(SlackMessage::text));
        return messages;
    }

    static void append(DuckDBConnection duckdb, long seed) throws SQLException {
        try (var appender = duckdb.createAppender("main", "slack_users")) {
            for (SlackUser user : SlackWorkspace.USERS) {
                appender.beginRow()
                        .append(user.userId())
                        .append(user.userName())
                        .append(user.realName())
                        .append(user.title())
                        .append(user.department())
                        .append(user.timeZone())
                        .append(user.bot())
                        .endRow();
            }
        }
        Sampler sampler = new Sampler(seed ^ 0x5EED);
        try (var appender = duckdb.createAppender("main", "slack_messages")) {
            for (SlackMessage message : messages(seed)) {
                long micros = message.postedAtMicros();
                String text = render(message.text());
                appender.beginRow()
                        .append(new UUID(sampler.nextLong() & ~0xF000L | 0x4000L,
                                sampler.nextLong() & 0x3FFFFFFFFFFFFFFFL | 0x8000000000000000L).toString())
                        .append("%d.%06d".formatted(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L)))
                        .append(text.contains("<@" + SlackWorkspace.user("deploybot").userId() + ">")
                                && !message.userName().equals("deploybot") ? "app_mention" : "message")
                        .append(SlackWorkspace.channelId(message.channelName()))
                        .append(message.channelName())
                        .append(SlackWorkspace.user(message.userName()).userId())
                        .append(text)
                        .append(SlackWorkspace.TEAM_ID)
                        .append("Ev0" + sampler.alphanumeric(9))
                        .appendEpochMicros(micros)
                        .append(DemoCalendar.dayOf(micros).plusDays(1))
                        .endRow();
            }
        }
    }

    /** Replaces {@code <@handle>} with a Slack user mention and {@code <#name>} with a channel link. */
    static String render(String text) {
        Matcher users = USER_MENTION.matcher(text);
        String withUsers = users.replaceAll(match -> "<@" + SlackWorkspace.user(match.group(1)).userId() + ">");
        Matcher channels = CHANNEL_LINK.matcher(withUsers);
        return channels.replaceAll(match ->
                "<#" + SlackWorkspace.channelId(match.group(1)) + "|" + match.group(1) + ">");
    }

    private static List<SlackMessage> script() {
        List<SlackMessage> messages = new ArrayList<>();
        try (InputStream in = SlackGenerator.class.getResourceAsStream(SCRIPT)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + SCRIPT + " in the sluice-sql jar");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] fields = line.split("\t", -1);
                if (fields.length != 4) {
                    throw new IllegalStateException(
                            SCRIPT + " line " + number + ": expected 4 tab-separated fields, got " + fields.length);
                }
                long micros = LocalDateTime.parse(fields[0]).toEpochSecond(ZoneOffset.UTC) * 1_000_000L
                        + (number * 7919L) % 1_000_000L;
                messages.add(new SlackMessage(micros, fields[1], fields[2], fields[3]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + SCRIPT, e);
        }
        return messages;
    }
}
