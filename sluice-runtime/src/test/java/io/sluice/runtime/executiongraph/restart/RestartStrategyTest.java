package io.sluice.runtime.executiongraph.restart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.api.configuration.Configuration;
import io.sluice.runtime.configuration.IllegalConfigurationException;
import io.sluice.runtime.configuration.RestartStrategyOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RestartStrategyTest {
    private static List<Boolean> decisions(RestartStrategy strategy, int failures) {
        List<Boolean> decisions = new ArrayList<>();
        for (int i = 0; i < failures; i++) {
            strategy.notifyFailure(new IllegalStateException("failure " + i));
            decisions.add(strategy.canRestart());
        }
        return decisions;
    }

    @Test
    void whenFixedDelayAllowsTwoAttempts_thenTheFirstTwoFailuresRestartAndTheThirdDoesNot() {
        FixedDelayRestartStrategy strategy = new FixedDelayRestartStrategy(2, Duration.ofMillis(300));

        assertThat(decisions(strategy, 4)).containsExactly(true, true, false, false);
        assertThat(strategy.getBackoffTime()).isEqualTo(Duration.ofMillis(300));
    }

    @Test
    void whenFixedDelayAllowsNoAttempt_thenTheFirstFailureFailsTheJob() {
        assertThat(decisions(new FixedDelayRestartStrategy(0, Duration.ZERO), 1))
                .containsExactly(false);
    }

    @Test
    void whenNoRestart_thenNoFailureRestarts() {
        assertThat(decisions(new NoRestartStrategy(), 2)).containsExactly(false, false);
    }

    @Test
    void whenNothingIsConfigured_thenNoRestartAsFlinkWithoutCheckpoints() {
        assertThat(RestartStrategy.fromConfiguration(new Configuration())).isInstanceOf(NoRestartStrategy.class);
    }

    @Test
    void whenFixedDelayIsConfigured_thenItsAttemptsAndDelayAreUsed_andDefaultsAreOneAttemptAfterOneSecond() {
        Configuration conf = new Configuration();
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "FixedDelay");
        RestartStrategy defaults = RestartStrategy.fromConfiguration(conf);
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 3);
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofSeconds(2));
        RestartStrategy configured = RestartStrategy.fromConfiguration(conf);

        assertThat(defaults.getBackoffTime()).isEqualTo(Duration.ofSeconds(1));
        assertThat(decisions(defaults, 2)).containsExactly(true, false);
        assertThat(configured.getBackoffTime()).isEqualTo(Duration.ofSeconds(2));
        assertThat(decisions(configured, 4)).containsExactly(true, true, true, false);
    }

    @Test
    void whenTheTypeIsUnknown_thenTheErrorNamesTheKeyAndTheKnownTypes() {
        Configuration conf = new Configuration();
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "sometimes");

        assertThatThrownBy(() -> RestartStrategy.fromConfiguration(conf))
                .isExactlyInstanceOf(IllegalConfigurationException.class)
                .hasMessage("Unknown 'restart-strategy.type': 'sometimes'; expected 'none', 'fixed-delay',"
                        + " 'failure-rate' or 'exponential-delay'");
    }
}
