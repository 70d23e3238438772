package dev.sluice.core.config;

import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Replaces {@code ${NAME}} and {@code ${NAME:-default}} in configuration text, line by line. */
public final class EnvSubstitution {
    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?}");

    private EnvSubstitution() {
    }

    public static String apply(String text, Function<String, String> env, String fileName) {
        String[] lines = text.split("\n", -1);
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int comment = commentStart(line);
            String active = comment < 0 ? line : line.substring(0, comment);
            Matcher m = REFERENCE.matcher(active);
            StringBuilder replaced = new StringBuilder();
            while (m.find()) {
                String value = env.apply(m.group(1));
                if (value == null) {
                    if (m.group(2) == null) {
                        throw new ConfigException(fileName + ":" + (i + 1) + ": environment variable " + m.group(1)
                                + " is not set (write ${" + m.group(1) + ":-default} to give a default)");
                    }
                    value = m.group(2);
                }
                m.appendReplacement(replaced, Matcher.quoteReplacement(value));
            }
            m.appendTail(replaced);
            out.append(replaced);
            if (comment >= 0) {
                out.append(line, comment, line.length());
            }
            if (i < lines.length - 1) {
                out.append('\n');
            }
        }
        return out.toString();
    }

    public static String apply(String text, Map<String, String> env, String fileName) {
        return apply(text, env::get, fileName);
    }

    /** Where a YAML comment starts (a # at line start or after whitespace, outside quotes), or -1. */
    private static int commentStart(String line) {
        boolean single = false;
        boolean dbl = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\'' && !dbl) {
                single = !single;
            } else if (c == '"' && !single) {
                dbl = !dbl;
            } else if (c == '#' && !single && !dbl && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) {
                return i;
            }
        }
        return -1;
    }
}
