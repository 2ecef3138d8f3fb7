package io.sluice.api.configuration;

import java.time.Duration;
import java.util.Locale;

/** Builds {@link ConfigOption}s: {@code ConfigOptions.key("a.b").intType().defaultValue(1)}. */
public final class ConfigOptions {
    private ConfigOptions() {}

    public static Builder key(String key) {
        return new Builder(key);
    }

    public static final class Builder {
        private final String key;

        Builder(String key) {
            this.key = key;
        }

        public Typed<Integer> intType() {
            return new Typed<>(key, Integer.class);
        }

        public Typed<Long> longType() {
            return new Typed<>(key, Long.class);
        }

        public Typed<Boolean> booleanType() {
            return new Typed<>(key, Boolean.class);
        }

        public Typed<Double> doubleType() {
            return new Typed<>(key, Double.class);
        }

        public Typed<String> stringType() {
            return new Typed<>(key, String.class);
        }

        public Typed<Duration> durationType() {
            return new Typed<>(key, Duration.class);
        }

        public Typed<MemorySize> memoryType() {
            return new Typed<>(key, MemorySize.class);
        }
    }

    public static final class Typed<T> {
        private final String key;
        private final Class<T> type;

        Typed(String key, Class<T> type) {
            this.key = key;
            this.type = type;
        }

        public ConfigOption<T> defaultValue(T value) {
            return new ConfigOption<>(key, type, value, "");
        }

        public ConfigOption<T> noDefaultValue() {
            return new ConfigOption<>(key, type, null, "");
        }
    }

    /** Parses "100 ms", "10s", "2 min", "1h", "500" (milliseconds). */
    static Duration parseDuration(String text) {
        String s = text.trim().toLowerCase(Locale.ROOT).replace(" ", "");
        int i = 0;
        while (i < s.length() && Character.isDigit(s.charAt(i))) {
            i++;
        }
        if (i == 0) {
            throw new IllegalArgumentException("not a duration: " + text);
        }
        long n = Long.parseLong(s.substring(0, i));
        return switch (s.substring(i)) {
            case "", "ms", "milli", "millis", "milliseconds" -> Duration.ofMillis(n);
            case "s", "sec", "secs", "second", "seconds" -> Duration.ofSeconds(n);
            case "m", "min", "mins", "minute", "minutes" -> Duration.ofMinutes(n);
            case "h", "hour", "hours" -> Duration.ofHours(n);
            case "d", "day", "days" -> Duration.ofDays(n);
            default -> throw new IllegalArgumentException("unknown unit in duration: " + text);
        };
    }

    static String describeType(Class<?> type) {
        if (type == Integer.class || type == Long.class) {
            return "a whole number";
        } else if (type == Boolean.class) {
            return "true or false";
        } else if (type == Double.class) {
            return "a number";
        } else if (type == Duration.class) {
            return "a duration such as '100 ms', '10 s' or '2 min'";
        } else if (type == MemorySize.class) {
            return "a memory size such as '32kb' or '64mb'";
        }
        return "a string";
    }
}
