package io.sluice.runtime.executiongraph.restart;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.api.configuration.Configuration;
import io.sluice.runtime.configuration.RestartStrategyOptions;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Which configuration a job's restart strategy comes from (Flink 2.x: job, then cluster, then default). */
class PerJobRestartStrategyTest {
    private static Configuration fixedDelay(int attempts, Duration delay) {
        Configuration c = new Configuration();
        c.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        c.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, attempts);
        c.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, delay);
        return c;
    }

    @Test
    void whenJobSetsAStrategy_thenItWinsOverTheClusters() {
        Configuration job = fixedDelay(3, Duration.ofMillis(20));
        Configuration cluster = new Configuration();
        cluster.set(RestartStrategyOptions.RESTART_STRATEGY, "none");

        RestartStrategy s = RestartStrategy.forJob(job, cluster, false);

        assertThat(s.toString()).isEqualTo("FixedDelayRestartStrategy(maxAttempts=3, delay=PT0.02S, failures=0)");
    }

    @Test
    void whenJobSetsOnlyTheType_thenTheClustersSettingsOfThatStrategyDoNotApply() {
        Configuration job = new Configuration();
        job.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        Configuration cluster = fixedDelay(7, Duration.ofSeconds(9));

        RestartStrategy s = RestartStrategy.forJob(job, cluster, false);

        assertThat(s.toString()).isEqualTo("FixedDelayRestartStrategy(maxAttempts=1, delay=PT1S, failures=0)");
    }

    @Test
    void whenJobSetsNothing_thenTheClustersStrategyApplies_evenWithCheckpointing() {
        RestartStrategy s = RestartStrategy.forJob(new Configuration(), fixedDelay(4, Duration.ofMillis(5)), true);

        assertThat(s.toString()).isEqualTo("FixedDelayRestartStrategy(maxAttempts=4, delay=PT0.005S, failures=0)");
    }

    @Test
    void whenNothingIsSetAndTheJobCheckpoints_thenExponentialDelayWithItsDefaults() {
        RestartStrategy s = RestartStrategy.forJob(new Configuration(), new Configuration(), true);

        s.notifyFailure(new IllegalStateException("first"));

        assertThat(s).isInstanceOf(ExponentialDelayRestartStrategy.class);
        assertThat(s.toString())
                .isEqualTo("ExponentialDelayRestartStrategy(backoff=1000 ms, attempts=1/" + Integer.MAX_VALUE + ")");
        assertThat(s.canRestart()).isTrue();
        // 1 s initial backoff with a jitter of 0.1
        assertThat(s.getBackoffTime()).isBetween(Duration.ofMillis(900), Duration.ofMillis(1100));
    }

    @Test
    void whenNothingIsSetAndTheJobDoesNotCheckpoint_thenNoRestart() {
        assertThat(RestartStrategy.forJob(new Configuration(), new Configuration(), false))
                .isInstanceOf(NoRestartStrategy.class);
    }
}
