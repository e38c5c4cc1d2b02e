package dev.mcpstack.validator.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** wrk's summary line is read as it prints it; the median of the pair ratios is what is reported. */
class WrkComparisonTest {

    @Test
    void readsTheRateFromWrksSummary() {
        String output = "Running 5s test @ http://127.0.0.1:1/health\n  2 threads and 10 connections\n"
                + "  20386 requests in 5.00s, 7.33MB read\nRequests/sec:   4076.31\nTransfer/sec:      1.47MB\n";

        assertThat(WrkComparison.parseRate(output)).isEqualTo(4076.31);
        assertThat(WrkComparison.parseRate("unable to connect")).isNull();
    }

    @Test
    void medianOfThePairRatios() {
        List<WrkComparison.Pair> pairs = List.of(
                new WrkComparison.Pair(70, 100), new WrkComparison.Pair(90, 100), new WrkComparison.Pair(60, 100));

        assertThat(WrkComparison.medianRatio(pairs)).isEqualTo(0.7);
        assertThat(WrkComparison.medianRatio(List.of())).isZero();
    }
}
