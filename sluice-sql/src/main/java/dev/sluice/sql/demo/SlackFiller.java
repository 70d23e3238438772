package dev.sluice.sql.demo;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Everyday Slack chatter around the scripted story: stand-ups, deploys, tickets, deals and lunch,
 * drawn from templates. None of it names a date, so the scripted messages stay the only source of
 * deadlines.
 */
final class SlackFiller {
    static final LocalDate FROM = LocalDate.of(2026, 8, 3);
    static final LocalDate TO = LocalDate.of(2026, 10, 9);

    private record Channel(String name, int messages, String[] authors, String[] templates) {
    }

    private static final List<Channel> CHANNELS = List.of(
            new Channel("general", 30, new String[] {"james.okafor", "lena.fischer", "sophie.martin", "dan.reyes"},
                    new String[] {
                        "Reminder: the weekly all-hands starts in 30 minutes. Questions go in the doc.",
                        "Welcome {name}, who joins us as a contractor this week! :wave:",
                        "The expense tool will be down for maintenance tonight.",
                        "New blog post is live: how we ship the {feature} :memo:",
                        "Kudos to <@{person}> for untangling the {feature} issue :clap:",
                        "Please update your laptop before Friday; IT will follow up.",
                        "Customer NPS this month: {pct}. Thanks everyone!"}),
            new Channel("release", 30, new String[] {"dan.reyes", "aya.kobayashi", "yui.matsumoto", "tom.walsh",
                    "priya.nair"}, new String[] {
                        "Checklist item '{feature}' is done :white_check_mark:",
                        "Blocker for 1.0: {bug}. Owner <@{person}>.",
                        "Fixed and verified: {bug}",
                        "Can we get a second reviewer on the {feature} PR #{n}?",
                        "Release train status: {pct}% of 1.0 tickets closed.",
                        "Moving the {feature} work to 1.1, it does not fit in 1.0."}),
            new Channel("eng-backend", 90, new String[] {"priya.nair", "kenta.sato", "mike.chen", "dan.reyes",
                    "deploybot"}, new String[] {
                        "PR #{n} is up: {feature} in {service}. Reviews welcome.",
                        "Deployed {service}@{sha} to {env} :white_check_mark:",
                        "Flaky test in {service} again, looking into it.",
                        "p95 latency on {service} is back to {ms} ms after the fix.",
                        "Who owns the {service} dashboards? The alert thresholds look off.",
                        "<@deploybot> deploy {service} to {env}",
                        "Rolled back {service}@{sha} on {env}; investigating the error rate.",
                        "Schema migration for {service} ran in {ms} ms on {env}.",
                        "Reminder: stand-up notes go in the thread, not the channel."}),
            new Channel("sales", 45, new String[] {"maria.garcia", "hiroshi.tanaka", "james.okafor"}, new String[] {
                        "Closed-won: {company}, {seats} seats, ${k}k ARR :tada:",
                        "Demo with {company} went well; they want SSO and CSV export.",
                        "{company} is asking for a discount on the annual plan. Thoughts?",
                        "Pipeline review is in the usual room this week.",
                        "Lost {company} to a competitor on price. Notes in the CRM.",
                        "{company}様との商談は順調です。来週見積もりを送ります。"}),
            new Channel("support", 55, new String[] {"lena.fischer", "omar.haddad", "priya.nair"}, new String[] {
                        "Ticket #{n}: customer cannot {issue}. Escalating to backend.",
                        "Resolved #{n}: the customer could not {issue}; fixed after clearing their session.",
                        "CSAT this week: {pct}%.",
                        "Macro for refund requests updated, please use the new one.",
                        "Queue is at {seats} open tickets, most about shipping times.",
                        "Ticket #{n} ({company}) needs someone who reads Japanese."}),
            new Channel("random", 40, new String[] {"tom.walsh", "sophie.martin", "omar.haddad", "mike.chen",
                    "rina.ito", "maria.garcia"}, new String[] {
                        "Lunch at the {place}, anyone?",
                        "Coffee run :coffee: who wants something?",
                        "Photos from the team dinner are in the shared album :camera:",
                        "Happy birthday <@{person}>! :birthday:",
                        "Has anyone tried the new {place} near the office?",
                        "My cat walked across the keyboard during a demo again :cat:"}),
            new Channel("dev-jp", 70, new String[] {"kenta.sato", "yui.matsumoto", "rina.ito", "aya.kobayashi",
                    "hiroshi.tanaka"}, new String[] {
                        "おはようございます。今日は{jfeature}の実装を進めます。",
                        "{jfeature}のPR #{n} を出しました。レビューお願いします🙏",
                        "ステージング環境で{jbug}が再現しました。調査中です。",
                        "本日の進捗：{jfeature}は{pct}%完了です。",
                        "{jbug}の修正をマージしました。",
                        "午後は打ち合わせが続くので返信が遅れます。",
                        "お疲れさまです。明日は午前休をいただきます。"}));

    private static final Map<String, String[]> WORDS = Map.of(
            "feature", new String[] {"new checkout", "order tracking", "push notifications", "search index",
                "payment retries", "CSV export", "image CDN", "Sign in with Apple", "inventory sync", "rate limiter"},
            "service", new String[] {"orders-api", "catalog-svc", "payments-gw", "search-indexer", "notifications",
                "auth-svc"},
            "env", new String[] {"staging", "staging", "production", "dev"},
            "bug", new String[] {"cart total off by one cent", "crash on Android 12 when opening orders",
                "duplicate push notifications", "slow product search on mobile", "broken Japanese line breaks"},
            "company", new String[] {"Globex", "Initech", "Umbrella Retail", "Hooli", "Stark Supplies",
                "Wayne Goods", "Acme Outdoors", "Tokyo Mart", "Osaka Trading"},
            "place", new String[] {"ramen place", "taco truck", "Thai place", "pizza place", "sushi bar", "salad bar"},
            "issue", new String[] {"log in", "reset their password", "see their order history", "apply a coupon",
                "change the shipping address", "download an invoice"},
            "name", new String[] {"Jordan", "Sam", "Alex", "Noor", "Haruka", "Mateo"},
            "jfeature", new String[] {"チェックアウトAPI", "注文追跡", "プッシュ通知", "在庫同期", "検索インデックス"},
            "jbug", new String[] {"二重課金のバグ", "日本語の改行崩れ", "注文一覧のクラッシュ", "検索の遅延"});

    private SlackFiller() {
    }

    static List<SlackMessage> generate(long seed) {
        Sampler sampler = new Sampler(seed);
        List<LocalDate> workdays = new ArrayList<>();
        for (LocalDate day = FROM; !day.isAfter(TO); day = day.plusDays(1)) {
            if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
                workdays.add(day);
            }
        }
        List<SlackMessage> messages = new ArrayList<>();
        for (Channel channel : CHANNELS) {
            for (int i = 0; i < channel.messages(); i++) {
                String author = sampler.pick(channel.authors());
                String template = sampler.pick(channel.templates());
                if (author.equals("deploybot") != template.startsWith("Deployed ")) {
                    author = template.startsWith("Deployed ") ? "deploybot" : "priya.nair";
                }
                SlackUser user = SlackWorkspace.user(author);
                long second = user.workStartUtc() * 3600L + sampler.nextInt(9 * 3600);
                long micros = DemoCalendar.epochMicros(sampler.pick(workdays), second) + sampler.nextInt(1_000_000);
                messages.add(new SlackMessage(micros, channel.name(), author, fill(sampler, template, author)));
            }
        }
        return messages;
    }

    private static String fill(Sampler sampler, String template, String author) {
        StringBuilder text = new StringBuilder(template.length() + 32);
        int at = 0;
        while (at < template.length()) {
            int open = template.indexOf('{', at);
            if (open < 0) {
                text.append(template, at, template.length());
                break;
            }
            int close = template.indexOf('}', open);
            text.append(template, at, open);
            text.append(word(sampler, template.substring(open + 1, close), author));
            at = close + 1;
        }
        return text.toString();
    }

    private static String word(Sampler sampler, String slot, String author) {
        return switch (slot) {
            case "n" -> Integer.toString(sampler.between(1200, 4999));
            case "sha" -> sampler.hex(7);
            case "pct" -> Integer.toString(sampler.between(55, 98));
            case "ms" -> Integer.toString(sampler.between(40, 480));
            case "seats" -> Integer.toString(sampler.between(5, 250));
            case "k" -> Integer.toString(sampler.between(8, 120));
            case "person" -> {
                String person;
                do {
                    person = sampler.pick(SlackWorkspace.USERS).userName();
                } while (person.equals(author) || person.equals("deploybot"));
                yield person;
            }
            default -> {
                String[] words = WORDS.get(slot);
                if (words == null) {
                    throw new IllegalStateException("no words for {" + slot + "} in a Slack template");
                }
                yield sampler.pick(words);
            }
        };
    }
}
