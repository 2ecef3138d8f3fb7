package io.sluice.api.execution;

import io.sluice.api.configuration.ConfigOption;
import io.sluice.api.configuration.ConfigOptions;
import java.time.Duration;

/** Options read by the environment when a program runs. */
public final class ExecutionOptions {
    private ExecutionOptions() {}

    public static final ConfigOption<String> TARGET = ConfigOptions.key("execution.target")
            .stringType()
            .defaultValue("local")
            .withDescription("Where execute() runs the job: 'local' (an embedded cluster in this JVM) or 'remote'.");

    public static final ConfigOption<Integer> DEFAULT_PARALLELISM = ConfigOptions.key("parallelism.default")
            .intType()
            .defaultValue(-1)
            .withDescription("Default parallelism of operators; -1 means the number of CPU cores for local execution.");

    public static final ConfigOption<Duration> BUFFER_TIMEOUT = ConfigOptions.key("execution.buffer-timeout")
            .durationType()
            .defaultValue(Duration.ofMillis(100))
            .withDescription(
                    "How long a partly filled network buffer may wait before it is sent; 0 sends every record at once.");
}
