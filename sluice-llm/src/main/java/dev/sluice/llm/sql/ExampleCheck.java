package dev.sluice.llm.sql;

import dev.sluice.sql.guard.GuardVerdict;
import dev.sluice.sql.guard.SqlGuard;
import dev.sluice.sql.policy.TablePolicy;
import dev.sluice.sql.source.SourceDefinition;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import static java.util.Objects.requireNonNull;

/**
 * Whether a question/SQL pair may become a verified example. An example goes into the prompt of
 * every similar question, so it is held to what a question and a query must pass when a user asks:
 * the file's length limits, no control or invisible characters, {@link InputScreening}, and for
 * every source it applies to (all of them for {@code *}) the read-only guard of that source's
 * dialect and its table policy, the same checks {@code execute_query} makes.
 */
public final class ExampleCheck {
    private ExampleCheck() {
    }

    /** Why {@code example} cannot be a verified example for the configured {@code sources}; empty when it can. */
    public static Optional<String> problem(VerifiedExample example, List<SourceDefinition> sources) {
        requireNonNull(sources, "sources is null");
        VerifiedExample e = VerifiedExamples.normalise(requireNonNull(example, "example is null"));
        Optional<String> text = VerifiedExamples.tooLong(e.question(), e.sql())
                .or(() -> invisible("source", e.source()))
                .or(() -> invisible("question", e.question()))
                .or(() -> invisible("sql", e.sql()))
                .or(() -> InputScreening.screen(e.question()).map(r -> "the question would be refused when asked (rule "
                        + r.rule() + "): " + r.message()));
        if (text.isPresent()) {
            return text;
        }
        List<SourceDefinition> targets = e.source().equals("*") ? sources
                : sources.stream().filter(d -> d.name().equalsIgnoreCase(e.source())).toList();
        if (targets.isEmpty()) {
            return Optional.of("source '" + e.source() + "' is not configured; configured sources: "
                    + sources.stream().map(SourceDefinition::name).collect(Collectors.joining(", ")) + " (or * for every source)");
        }
        for (SourceDefinition source : targets) {
            GuardVerdict verdict = SqlGuard.forDialect(source.dialect()).check(e.sql());
            if (!verdict.allowed()) {
                return Optional.of("the SQL guard refuses the SQL for source " + source.name() + " (" + source.dialect().wireName()
                        + "), rule " + verdict.rule() + ": " + verdict.message());
            }
            TablePolicy policy = new TablePolicy(source.settings());
            Optional<String> denied = policy.firstDenied(verdict.tablesRead());
            if (denied.isPresent()) {
                return Optional.of("table " + denied.get() + " is not available through source " + source.name() + " (policy)");
            }
        }
        return Optional.empty();
    }

    /** Control and invisible (format) characters; tabs and line breaks are text. */
    private static Optional<String> invisible(String field, String value) {
        for (int i = 0; i < value.length(); ) {
            int cp = value.codePointAt(i);
            int type = Character.getType(cp);
            if ((type == Character.CONTROL && cp != '\t' && cp != '\n' && cp != '\r') || type == Character.FORMAT) {
                return Optional.of("the " + field + " contains an invisible or control character (U+"
                        + String.format("%04X", cp) + " at position " + (i + 1) + "); retype it");
            }
            i += Character.charCount(cp);
        }
        return Optional.empty();
    }
}
