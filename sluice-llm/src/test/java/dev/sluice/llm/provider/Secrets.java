package dev.sluice.llm.provider;

import static org.assertj.core.api.Assertions.assertThat;

final class Secrets {
    private Secrets() {
    }

    /** No message or toString anywhere in the cause chain mentions the secret. */
    static void assertAbsent(Throwable error, String secret) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            assertThat(String.valueOf(t.getMessage())).doesNotContain(secret);
            assertThat(t.toString()).doesNotContain(secret);
        }
    }
}
