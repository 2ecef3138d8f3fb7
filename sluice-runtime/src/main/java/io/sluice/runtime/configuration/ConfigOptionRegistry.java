package io.sluice.runtime.configuration;

import io.sluice.api.configuration.ConfigOption;
import io.sluice.api.configuration.MemorySize;
import io.sluice.api.execution.CheckpointingOptions;
import io.sluice.api.execution.ExecutionOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Every option Sluice knows, with the range its values must lie in. {@link GlobalConfiguration}
 * rejects any key not listed here, and {@code docs/configuration.md} must document every one of them
 * (a test checks). A new option is declared in its {@code *Options} class and added to {@link #ALL}.
 */
public final class ConfigOptionRegistry {
    private ConfigOptionRegistry() {}

    /** One known option and the constraint on its parsed value beyond its type. */
    public record RegisteredOption(ConfigOption<?> option, String constraint, Predicate<Object> check) {
        /** What a valid value looks like, for error messages: "a whole number from 0 to 65535". */
        public String expected() {
            return option.typeDescription() + constraint;
        }
    }

    private static final String PORT_RANGE = " from 0 to 65535 (0 picks a free port)";

    /** All known options, in the order of docs/configuration.md. */
    public static final List<RegisteredOption> ALL = List.of(
            any(ExecutionOptions.TARGET),
            of(ExecutionOptions.DEFAULT_PARALLELISM, ", -1 or at least 1", v -> (int) v == -1 || (int) v >= 1),
            of(ExecutionOptions.BUFFER_TIMEOUT, ", 0 or more", v -> !((Duration) v).isNegative()),
            of(ClusterOptions.LOCAL_NUMBER_TASK_MANAGER, ", at least 1", v -> (int) v >= 1),
            of(ClusterOptions.SLOT_REQUEST_TIMEOUT, ", greater than 0", ConfigOptionRegistry::positiveDuration),
            any(ClusterOptions.LOCAL_REST_ENABLED),
            notBlank(RestOptions.ADDRESS),
            notBlank(RestOptions.BIND_ADDRESS),
            port(RestOptions.PORT),
            of(
                    RestOptions.SERVER_MAX_CONTENT_LENGTH,
                    ", from 1 byte to 2 GiB",
                    v -> ((MemorySize) v).bytes() >= 1 && ((MemorySize) v).bytes() <= Integer.MAX_VALUE),
            notBlank(WebOptions.UPLOAD_DIR),
            notBlank(JobManagerOptions.ADDRESS),
            port(JobManagerOptions.PORT),
            port(BlobServerOptions.PORT),
            of(RpcOptions.ASK_TIMEOUT, ", greater than 0", ConfigOptionRegistry::positiveDuration),
            of(RpcOptions.REGISTRATION_TIMEOUT, ", greater than 0", ConfigOptionRegistry::positiveDuration),
            of(HeartbeatManagerOptions.HEARTBEAT_INTERVAL, ", greater than 0", ConfigOptionRegistry::positiveDuration),
            of(HeartbeatManagerOptions.HEARTBEAT_TIMEOUT, ", greater than 0", ConfigOptionRegistry::positiveDuration),
            of(
                    RestartStrategyOptions.RESTART_STRATEGY,
                    ": none, off, disable, fixed-delay, fixeddelay, failure-rate, failurerate, exponential-delay or"
                            + " exponentialdelay",
                    v -> List.of(
                                    "none",
                                    "off",
                                    "disable",
                                    "fixed-delay",
                                    "fixeddelay",
                                    "failure-rate",
                                    "failurerate",
                                    "exponential-delay",
                                    "exponentialdelay")
                            .contains(((String) v).trim().toLowerCase(Locale.ROOT))),
            of(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, ", 0 or more", v -> (int) v >= 0),
            of(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, ", 0 or more", v -> !((Duration) v)
                    .isNegative()),
            of(
                    RestartStrategyOptions.RESTART_STRATEGY_FAILURE_RATE_MAX_FAILURES_PER_INTERVAL,
                    ", at least 1",
                    v -> (int) v >= 1),
            of(
                    RestartStrategyOptions.RESTART_STRATEGY_FAILURE_RATE_FAILURE_RATE_INTERVAL,
                    ", greater than 0",
                    ConfigOptionRegistry::positiveDuration),
            of(RestartStrategyOptions.RESTART_STRATEGY_FAILURE_RATE_DELAY, ", 0 or more", v -> !((Duration) v)
                    .isNegative()),
            of(
                    RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_INITIAL_BACKOFF,
                    ", 0 or more",
                    v -> !((Duration) v).isNegative()),
            of(RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_MAX_BACKOFF, ", 0 or more", v -> !((Duration)
                            v)
                    .isNegative()),
            of(
                    RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_BACKOFF_MULTIPLIER,
                    ", at least 1",
                    v -> (double) v >= 1),
            of(
                    RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_RESET_BACKOFF_THRESHOLD,
                    ", 0 or more",
                    v -> !((Duration) v).isNegative()),
            of(
                    RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_JITTER_FACTOR,
                    ", from 0 to 1",
                    v -> (double) v >= 0 && (double) v <= 1),
            of(RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_ATTEMPTS, ", at least 1", v -> (int) v >= 1),
            of(CheckpointingOptions.CHECKPOINTING_INTERVAL, ", at least 10 ms", v -> ((Duration) v).toMillis() >= 10),
            of(CheckpointingOptions.CHECKPOINTING_CONSISTENCY_MODE, ": EXACTLY_ONCE or AT_LEAST_ONCE", v -> List.of(
                            "EXACTLY_ONCE", "AT_LEAST_ONCE")
                    .contains(((String) v).trim().toUpperCase())),
            of(CheckpointingOptions.CHECKPOINTING_TIMEOUT, ", greater than 0", ConfigOptionRegistry::positiveDuration),
            of(CheckpointingOptions.MIN_PAUSE_BETWEEN_CHECKPOINTS, ", 0 or more", v -> !((Duration) v).isNegative()),
            of(CheckpointingOptions.MAX_CONCURRENT_CHECKPOINTS, ", at least 1", v -> (int) v >= 1),
            of(CheckpointingOptions.TOLERABLE_FAILURE_NUMBER, ", 0 or more", v -> (int) v >= 0),
            of(CheckpointingOptions.MAX_RETAINED_CHECKPOINTS, ", at least 1", v -> (int) v >= 1),
            of(
                    CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION,
                    ": RETAIN_ON_CANCELLATION, DELETE_ON_CANCELLATION or NO_EXTERNALIZED_CHECKPOINTS",
                    v -> List.of("RETAIN_ON_CANCELLATION", "DELETE_ON_CANCELLATION", "NO_EXTERNALIZED_CHECKPOINTS")
                            .contains(((String) v).trim().toUpperCase())),
            notBlank(CheckpointingOptions.CHECKPOINTS_DIRECTORY),
            of(
                    CheckpointingOptions.FS_SMALL_FILE_THRESHOLD,
                    ", at most 1mb",
                    v -> ((MemorySize) v).bytes() <= (1 << 20)),
            notBlank(TaskManagerOptions.HOST),
            notBlank(TaskManagerOptions.RESOURCE_ID),
            port(TaskManagerOptions.RPC_PORT),
            port(TaskManagerOptions.DATA_PORT),
            of(TaskManagerOptions.NUM_TASK_SLOTS, ", at least 1", v -> (int) v >= 1),
            of(
                    TaskManagerOptions.MEMORY_SEGMENT_SIZE,
                    ", from 1 byte to 2 GiB",
                    v -> ((MemorySize) v).bytes() >= 1 && ((MemorySize) v).bytes() <= Integer.MAX_VALUE),
            of(TaskManagerOptions.NETWORK_NUM_BUFFERS, ", at least 1", v -> (int) v >= 1),
            of(TaskManagerOptions.NETWORK_BUFFERS_PER_CHANNEL, ", at least 1", v -> (int) v >= 1),
            of(TaskManagerOptions.NETWORK_FLOATING_BUFFERS_PER_GATE, ", 0 or more", v -> (int) v >= 0));

    private static final Map<String, RegisteredOption> BY_KEY = index();

    /** The registered option with exactly this key. */
    public static Optional<RegisteredOption> find(String key) {
        return Optional.ofNullable(BY_KEY.get(key));
    }

    /**
     * The known key closest to a mistyped one, if one is close: the same key in other letter case, or
     * one at most a few edits away (a third of the key's length, at most 3).
     */
    public static Optional<String> suggest(String unknownKey) {
        String lower = unknownKey.toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String known : BY_KEY.keySet()) {
            if (known.toLowerCase(Locale.ROOT).equals(lower)) {
                return Optional.of(known);
            }
            int d = editDistance(lower, known.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                bestDistance = d;
                best = known;
            }
        }
        int allowed = Math.min(3, Math.max(1, unknownKey.length() / 3));
        return bestDistance <= allowed ? Optional.of(best) : Optional.empty();
    }

    private static Map<String, RegisteredOption> index() {
        Map<String, RegisteredOption> byKey = new LinkedHashMap<>();
        for (RegisteredOption r : ALL) {
            if (byKey.put(r.option().key(), r) != null) {
                throw new IllegalStateException(
                        "Option registered twice: " + r.option().key());
            }
        }
        return Collections.unmodifiableMap(byKey);
    }

    /** Levenshtein distance: insertions, deletions and substitutions. */
    static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    /** All keys, for listings. */
    public static List<String> keys() {
        return new ArrayList<>(BY_KEY.keySet());
    }

    private static boolean positiveDuration(Object v) {
        Duration d = (Duration) v;
        return !d.isNegative() && !d.isZero();
    }

    private static RegisteredOption of(ConfigOption<?> option, String constraint, Predicate<Object> check) {
        return new RegisteredOption(option, constraint, check);
    }

    private static RegisteredOption any(ConfigOption<?> option) {
        return new RegisteredOption(option, "", v -> true);
    }

    private static RegisteredOption notBlank(ConfigOption<String> option) {
        return new RegisteredOption(option, ", not empty", v -> !((String) v).isBlank());
    }

    private static RegisteredOption port(ConfigOption<Integer> option) {
        return new RegisteredOption(option, PORT_RANGE, v -> (int) v >= 0 && (int) v <= 65535);
    }
}
