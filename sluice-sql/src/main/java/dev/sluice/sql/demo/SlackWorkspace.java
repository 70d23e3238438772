package dev.sluice.sql.demo;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The fixed cast of the demo Slack workspace: its team id, channels and members. */
final class SlackWorkspace {
    static final String TEAM_ID = "T04KUMO9Q2";

    /** Channel name to Slack channel id. */
    static final Map<String, String> CHANNELS = channels(
            "general", "C04GEN7Q2L",
            "release", "C04REL9X3N",
            "eng-backend", "C04BKD5T8R",
            "sales", "C04SLS2V6J",
            "support", "C04SUP8M1K",
            "random", "C04RND3Z7H",
            "dev-jp", "C04JPD6W4Y");

    static final List<SlackUser> USERS = List.of(
            new SlackUser("U04PMAYAKB", "aya.kobayashi", "Aya Kobayashi (小林 彩)", "Product Manager", "Product",
                    "Asia/Tokyo", false, 0),
            new SlackUser("U04EMDANRY", "dan.reyes", "Dan Reyes", "Engineering Manager", "Engineering",
                    "America/Los_Angeles", false, 16),
            new SlackUser("U04BEPRIYN", "priya.nair", "Priya Nair", "Senior Backend Engineer", "Engineering",
                    "Europe/London", false, 8),
            new SlackUser("U04BEKENTS", "kenta.sato", "Kenta Sato (佐藤 健太)", "Backend Engineer", "Engineering",
                    "Asia/Tokyo", false, 0),
            new SlackUser("U04QAYUIMT", "yui.matsumoto", "Yui Matsumoto (松本 結衣)", "QA Engineer", "Engineering",
                    "Asia/Tokyo", false, 0),
            new SlackUser("U04FETOMWL", "tom.walsh", "Tom Walsh", "Frontend Engineer", "Engineering",
                    "America/New_York", false, 13),
            new SlackUser("U04SREMIKE", "mike.chen", "Mike Chen", "Site Reliability Engineer", "Engineering",
                    "America/Los_Angeles", false, 16),
            new SlackUser("U04AEMARIA", "maria.garcia", "Maria Garcia", "Account Executive", "Sales",
                    "America/Chicago", false, 14),
            new SlackUser("U04AEHIROT", "hiroshi.tanaka", "Hiroshi Tanaka (田中 宏)", "Account Executive, Japan",
                    "Sales", "Asia/Tokyo", false, 0),
            new SlackUser("U04SPLENAF", "lena.fischer", "Lena Fischer", "Support Lead", "Support",
                    "Europe/Berlin", false, 7),
            new SlackUser("U04SPOMARH", "omar.haddad", "Omar Haddad", "Support Engineer", "Support",
                    "Europe/Berlin", false, 7),
            new SlackUser("U04MKSOPHM", "sophie.martin", "Sophie Martin", "Marketing Manager", "Marketing",
                    "Europe/Paris", false, 7),
            new SlackUser("U04DSRINAI", "rina.ito", "Rina Ito (伊藤 里奈)", "Product Designer", "Design",
                    "Asia/Tokyo", false, 0),
            new SlackUser("U04CEOJAMO", "james.okafor", "James Okafor", "CEO", "Executive",
                    "America/New_York", false, 13),
            new SlackUser("U04BOTDEPL", "deploybot", "deploybot", "Deployment bot", "Bots", "UTC", true, 0));

    private SlackWorkspace() {
    }

    static SlackUser user(String userName) {
        for (SlackUser user : USERS) {
            if (user.userName().equals(userName)) {
                return user;
            }
        }
        throw new IllegalArgumentException("unknown Slack user in the demo script: " + userName);
    }

    static String channelId(String channelName) {
        String id = CHANNELS.get(channelName);
        if (id == null) {
            throw new IllegalArgumentException("unknown Slack channel in the demo script: " + channelName);
        }
        return id;
    }

    private static Map<String, String> channels(String... pairs) {
        Map<String, String> channels = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            channels.put(pairs[i], pairs[i + 1]);
        }
        return channels;
    }
}
