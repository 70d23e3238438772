package dev.sluice.sql.tools;

import dev.sluice.sql.guard.GuardVerdict;
import dev.sluice.sql.result.ResultPage;

/** How a query ended: refused before it ran, failed in the engine, or done with its first page. */
public sealed interface QueryOutcome {
    record Refused(String rule, String message) implements QueryOutcome {
    }

    record Failed(String message, String sqlState) implements QueryOutcome {
    }

    record Done(ResultPage firstPage, GuardVerdict verdict, long elapsedMillis) implements QueryOutcome {
    }
}
