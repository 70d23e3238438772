package dev.sluice.llm.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RefreshingCatalogTest {

    static final class FakeClock extends Clock {
        Instant now = TestCatalogs.TAKEN;

        @Override public Instant instant() { return now; }
        @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(ZoneId zone) { return this; }
    }

    @Test
    void retriever_isBuiltOnce_thenRebuiltWhenOlderThanMaxAge() {
        FakeClock clock = new FakeClock();
        AtomicInteger reads = new AtomicInteger();
        RefreshingCatalog catalogs = new RefreshingCatalog(() -> {
            reads.incrementAndGet();
            return SchemaCatalog.of(TestCatalogs.lake().tables().subList(0, reads.get()), clock.instant());
        }, c -> SchemaRetriever.lexical(c, RetrieverSettings.DEFAULTS), clock, Duration.ofMinutes(10));

        SchemaRetriever first = catalogs.retriever();
        assertThat(catalogs.retriever()).isSameAs(first);
        clock.now = clock.now.plus(Duration.ofMinutes(10));
        assertThat(catalogs.retriever()).isSameAs(first);
        clock.now = clock.now.plusSeconds(1);
        SchemaRetriever second = catalogs.retriever();
        assertThat(second).isNotSameAs(first);
        assertThat(second.catalog().size()).isEqualTo(2);
        assertThat(reads).hasValue(2);
    }

    @Test
    void refresh_rereadsTheSourceNow() {
        FakeClock clock = new FakeClock();
        AtomicInteger reads = new AtomicInteger();
        RefreshingCatalog catalogs = new RefreshingCatalog(() -> {
            reads.incrementAndGet();
            return SchemaCatalog.of(List.of(), clock.instant());
        }, c -> SchemaRetriever.lexical(c, RetrieverSettings.DEFAULTS), clock, Duration.ofHours(1));
        catalogs.retriever();
        catalogs.refresh();
        assertThat(reads).hasValue(2);
    }
}
