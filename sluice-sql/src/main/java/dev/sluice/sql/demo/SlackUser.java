package dev.sluice.sql.demo;

import static java.util.Objects.requireNonNull;

/** One row of {@code main.slack_users}, plus the UTC hour its working day starts (for filler messages). */
record SlackUser(String userId, String userName, String realName, String title, String department,
        String timeZone, boolean bot, int workStartUtc) {
    SlackUser {
        requireNonNull(userId, "userId is null");
        requireNonNull(userName, "userName is null");
        requireNonNull(realName, "realName is null");
        requireNonNull(title, "title is null");
        requireNonNull(department, "department is null");
        requireNonNull(timeZone, "timeZone is null");
    }
}
