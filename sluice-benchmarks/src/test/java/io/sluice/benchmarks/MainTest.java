package io.sluice.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Bad command lines give exit status 2 (the usage line goes to stderr) and run no job. */
class MainTest {

    private static int run(String... args) throws Exception {
        return Main.run(args, System.nanoTime());
    }

    @Test
    void noArguments_isAUsageError() throws Exception {
        assertThat(run()).isEqualTo(2);
    }

    @Test
    void unknownJob_isAUsageError() throws Exception {
        assertThat(run("P9", "10")).isEqualTo(2);
    }

    @Test
    void p1WithoutRecords_isAUsageError() throws Exception {
        assertThat(run("P1")).isEqualTo(2);
    }

    @Test
    void nonNumericOrZeroRecordsOrParallelism_isAUsageError() throws Exception {
        assertThat(run("P1", "abc")).isEqualTo(2);
        assertThat(run("P2", "0")).isEqualTo(2);
        assertThat(run("P2", "10", "-1")).isEqualTo(2);
        assertThat(run("P4", "x")).isEqualTo(2);
        assertThat(run("P4", "1", "2")).isEqualTo(2);
        assertThat(run("P3")).isEqualTo(2);
        assertThat(run("P3", "1000", "5")).isEqualTo(2); // a checkpoint interval below 10 ms
        assertThat(run("P3", "1000", "often")).isEqualTo(2);
        assertThat(run("P3", "1000", "0", "0")).isEqualTo(2);
        assertThat(run("P3", "1000", "0", "2", "-5")).isEqualTo(2);
    }

    @Test
    void p1WithUnderscoresInTheCount_runs() throws Exception {
        assertThat(run("P1", "1_000", "1")).isZero();
        assertThat(Results.SUM.sum()).isEqualTo(750_500L);
    }
}
