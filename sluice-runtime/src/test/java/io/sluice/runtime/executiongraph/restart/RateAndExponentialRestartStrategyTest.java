package io.sluice.runtime.executiongraph.restart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.api.configuration.Configuration;
import io.sluice.runtime.configuration.IllegalConfigurationException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The failure-rate and exponential-delay strategies against an injected clock. */
class RateAndExponentialRestartStrategyTest {
    /** A clock the test moves. */
    private static final class ManualClock extends Clock {
        private long millis;

        void advance(Duration d) {
            millis += d.toMillis();
        }

        @Override
        public long millis() {
            return millis;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    private static final RuntimeException BOOM = new RuntimeException("boom");

    @Test
    void failureRateRestartsWhileTheWindowHoldsAtMostTheMaximum() {
        ManualClock clock = new ManualClock();
        FailureRateRestartStrategy strategy =
                new FailureRateRestartStrategy(2, Duration.ofMinutes(1), Duration.ofSeconds(3), clock);

        List<Boolean> decisions = new ArrayList<>();
        strategy.notifyFailure(BOOM); // t = 0
        decisions.add(strategy.canRestart());
        clock.advance(Duration.ofSeconds(30)); // t = 30 s: two in the window
        strategy.notifyFailure(BOOM);
        decisions.add(strategy.canRestart());
        clock.advance(Duration.ofSeconds(40)); // t = 70 s: the one at 0 s left the window
        strategy.notifyFailure(BOOM);
        decisions.add(strategy.canRestart());
        clock.advance(Duration.ofSeconds(15)); // t = 85 s: 30, 70 and 85 s are three in the window
        strategy.notifyFailure(BOOM);
        decisions.add(strategy.canRestart());

        assertThat(decisions).containsExactly(true, true, true, false);
        assertThat(strategy.getBackoffTime()).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void failureRateWindowEndsExactlyOneIntervalLater() {
        ManualClock clock = new ManualClock();
        FailureRateRestartStrategy strategy =
                new FailureRateRestartStrategy(1, Duration.ofSeconds(10), Duration.ZERO, clock);
        strategy.notifyFailure(BOOM);
        clock.advance(Duration.ofMillis(9_999));
        strategy.notifyFailure(BOOM);
        assertThat(strategy.canRestart()).isFalse();

        FailureRateRestartStrategy other =
                new FailureRateRestartStrategy(1, Duration.ofSeconds(10), Duration.ZERO, clock);
        other.notifyFailure(BOOM);
        clock.advance(Duration.ofSeconds(10));
        other.notifyFailure(BOOM);
        assertThat(other.canRestart()).isTrue();
    }

    @Test
    void exponentialDelayGrowsByTheMultiplierUpToTheMaximum() {
        ManualClock clock = new ManualClock();
        ExponentialDelayRestartStrategy strategy = new ExponentialDelayRestartStrategy(
                Duration.ofMillis(100),
                Duration.ofMillis(1000),
                2.0,
                Duration.ofHours(1),
                0.0,
                Integer.MAX_VALUE,
                clock,
                new SplittableRandom(1));

        List<Long> delays = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            strategy.notifyFailure(BOOM);
            assertThat(strategy.canRestart()).isTrue();
            delays.add(strategy.getBackoffTime().toMillis());
            clock.advance(Duration.ofSeconds(1));
        }
        assertThat(delays).containsExactly(100L, 200L, 400L, 800L, 1000L, 1000L);
    }

    @Test
    void exponentialDelayResetsAfterAQuietThresholdAndFailsAfterItsAttempts() {
        ManualClock clock = new ManualClock();
        ExponentialDelayRestartStrategy strategy = new ExponentialDelayRestartStrategy(
                Duration.ofMillis(100),
                Duration.ofMinutes(1),
                1.5,
                Duration.ofMinutes(10),
                0.0,
                3,
                clock,
                new SplittableRandom(1));

        strategy.notifyFailure(BOOM);
        clock.advance(Duration.ofMinutes(1));
        strategy.notifyFailure(BOOM);
        assertThat(strategy.getBackoffTime()).isEqualTo(Duration.ofMillis(150));
        clock.advance(Duration.ofMinutes(10)); // quiet for the threshold: back to the start
        strategy.notifyFailure(BOOM);
        assertThat(strategy.getBackoffTime()).isEqualTo(Duration.ofMillis(100));
        assertThat(strategy.canRestart()).isTrue();

        List<Boolean> decisions = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            clock.advance(Duration.ofSeconds(1));
            strategy.notifyFailure(BOOM);
            decisions.add(strategy.canRestart());
        }
        // Attempts since the reset: 2 and 3 restart, the 4th failure fails the job.
        assertThat(decisions).containsExactly(true, true, false);
    }

    @Test
    void exponentialDelayJitterStaysWithinTheFactor() {
        ManualClock clock = new ManualClock();
        ExponentialDelayRestartStrategy strategy = new ExponentialDelayRestartStrategy(
                Duration.ofMillis(1000),
                Duration.ofMillis(5000),
                2.0,
                Duration.ofHours(1),
                0.1,
                Integer.MAX_VALUE,
                clock,
                new SplittableRandom(42));
        strategy.notifyFailure(BOOM);
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (int i = 0; i < 2000; i++) {
            long d = strategy.getBackoffTime().toMillis();
            min = Math.min(min, d);
            max = Math.max(max, d);
        }
        assertThat(min).isBetween(900L, 920L);
        assertThat(max).isBetween(1080L, 1100L);
    }

    @Test
    void theConfigurationBuildsBothAndNamesABadKey() {
        Configuration conf = new Configuration();
        conf.setString("restart-strategy.type", "failure-rate");
        assertThat(RestartStrategy.fromConfiguration(conf)).isInstanceOf(FailureRateRestartStrategy.class);
        conf.setString("restart-strategy.type", "exponential-delay");
        assertThat(RestartStrategy.fromConfiguration(conf)).isInstanceOf(ExponentialDelayRestartStrategy.class);

        conf.setString("restart-strategy.exponential-delay.jitter-factor", "1.5");
        assertThatThrownBy(() -> RestartStrategy.fromConfiguration(conf))
                .isExactlyInstanceOf(IllegalConfigurationException.class)
                .hasMessage("'restart-strategy.exponential-delay.jitter-factor' must be between 0 and 1, was 1.5");
    }
}
