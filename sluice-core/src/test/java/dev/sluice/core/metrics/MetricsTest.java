package dev.sluice.core.metrics;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MetricsTest {
    @Test
    void scrape_writesCountersAndCumulativeHistogramsInPrometheusTextFormat() {
        Metrics metrics = new Metrics();
        Counter calls = metrics.counter("sluice_tool_calls_total", "Tool calls by tool and status.", "tool", "status");
        Histogram latency = metrics.histogram("sluice_tool_call_duration_seconds", "Tool call latency.", new double[]{0.001, 0.01}, "tool");
        calls.inc("execute_query", "ok");
        calls.inc("execute_query", "ok");
        calls.inc("list_tables", "error");
        latency.observe(0.0005, "execute_query");
        latency.observe(0.001, "execute_query");
        latency.observe(0.5, "execute_query");

        assertThat(metrics.scrape()).isEqualTo("""
                # HELP sluice_tool_calls_total Tool calls by tool and status.
                # TYPE sluice_tool_calls_total counter
                sluice_tool_calls_total{tool="execute_query",status="ok"} 2
                sluice_tool_calls_total{tool="list_tables",status="error"} 1
                # HELP sluice_tool_call_duration_seconds Tool call latency.
                # TYPE sluice_tool_call_duration_seconds histogram
                sluice_tool_call_duration_seconds_bucket{tool="execute_query",le="0.001"} 2
                sluice_tool_call_duration_seconds_bucket{tool="execute_query",le="0.01"} 2
                sluice_tool_call_duration_seconds_bucket{tool="execute_query",le="+Inf"} 3
                sluice_tool_call_duration_seconds_sum{tool="execute_query"} 0.5015
                sluice_tool_call_duration_seconds_count{tool="execute_query"} 3
                """);
        assertThat(calls.value("execute_query", "ok")).isEqualTo(2);
        assertThat(latency.count("execute_query")).isEqualTo(3);
    }

    @Test
    void labelValues_areEscaped() {
        Metrics metrics = new Metrics();
        metrics.counter("c_total", "c", "reason").inc("bad \"quote\"\nline\\");
        assertThat(metrics.scrape()).contains("c_total{reason=\"bad \\\"quote\\\"\\nline\\\\\"} 1");
    }

    @Test
    void mistakes_failFast() {
        Metrics metrics = new Metrics();
        metrics.counter("a_total", "a");
        assertThatThrownBy(() -> metrics.counter("a_total", "again")).hasMessage("metric registered twice: a_total");
        assertThatThrownBy(() -> metrics.counter("bad-name", "x")).hasMessage("not a Prometheus metric name: bad-name");
        assertThatThrownBy(() -> metrics.counter("b_total", "b", "tool").inc()).hasMessage("b_total takes 1 label values, got 0");
        assertThatThrownBy(() -> metrics.histogram("h", "h", new double[]{1, 1})).hasMessage("h: bucket bounds must increase");
    }
}
