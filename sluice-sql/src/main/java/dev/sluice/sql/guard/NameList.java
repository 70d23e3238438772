package dev.sluice.sql.guard;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A set of lowercase names where an entry ending in {@code *} matches every name with that prefix
 * ({@code "lo_*"} matches {@code lo_import} and {@code lo_export}).
 */
record NameList(Set<String> exact, List<String> prefixes) {

    NameList {
        exact = Set.copyOf(exact);
        prefixes = List.copyOf(prefixes);
    }

    static NameList of(String... names) {
        Set<String> exact = new HashSet<>();
        List<String> prefixes = new java.util.ArrayList<>();
        for (String name : names) {
            String n = name.toLowerCase(Locale.ROOT);
            if (n.endsWith("*")) {
                prefixes.add(n.substring(0, n.length() - 1));
            } else {
                exact.add(n);
            }
        }
        return new NameList(exact, prefixes);
    }

    NameList plus(NameList other) {
        Set<String> e = new HashSet<>(exact);
        e.addAll(other.exact);
        List<String> p = new java.util.ArrayList<>(prefixes);
        p.addAll(other.prefixes);
        return new NameList(e, p);
    }

    boolean matches(String lowercaseName) {
        if (exact.contains(lowercaseName)) {
            return true;
        }
        for (String p : prefixes) {
            if (lowercaseName.startsWith(p)) {
                return true;
            }
        }
        return false;
    }
}
