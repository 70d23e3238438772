package dev.sluice.llm.sql;

import static java.util.Objects.requireNonNull;

/**
 * Puts a model's clarifying question to the user, on calls where that is possible (see
 * {@link ElicitingClarifier}). {@link TextToSql} asks at most once per generation.
 */
interface Clarifier {
    /**
     * The one way to say "the model may not ask": calls with nobody to ask (evaluation, benchmarks),
     * the switch off, or the one clarification of a call already used. The question goes back to the caller.
     */
    Clarifier NONE = new Clarifier() {
        @Override
        public boolean canAsk() {
            return false;
        }

        @Override
        public Reply ask(String question, ClarifyingQuestion clarifying) {
            return new Unavailable("nobody can be asked on this call");
        }
    };

    /** Whether the user can be asked on this call; when false the prompt does not offer clarifying questions. */
    boolean canAsk();

    /**
     * Asks the user {@code clarifying} about {@code question}. May throw what {@code RequestContext.ask}
     * lets through ({@code InputRequired} on 2026-07-28 requests, cancellation): callers let it pass.
     */
    Reply ask(String question, ClarifyingQuestion clarifying);

    /** What the user said. */
    sealed interface Reply permits Answered, Declined, Unavailable {
    }

    /** The user's answer, as given (the pipeline bounds and screens it). */
    record Answered(String text) implements Reply {
        public Answered {
            requireNonNull(text, "text is null");
        }
    }

    /** The user declined, or cancelled ({@code cancelled}) the question. */
    record Declined(boolean cancelled) implements Reply {
    }

    /** The question could not be put to the user ({@code why}); it goes back to the caller instead. */
    record Unavailable(String why) implements Reply {
        public Unavailable {
            requireNonNull(why, "why is null");
        }
    }
}
