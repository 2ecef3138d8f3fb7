package io.sluice.runtime.configuration;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.snakeyaml.error.MarkedYAMLException;
import io.sluice.api.configuration.Configuration;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Loads the configuration of a JobManager or TaskManager process: {@code sluice.yaml} from the
 * configuration directory, then the {@code -Dkey=value} dynamic properties of the command line,
 * which win over the file.
 *
 * <p>The file is YAML. Keys may be written flat ({@code rest.port: 8081}) or nested
 * ({@code rest: {port: 8081}}, or the same as an indented block); both mean the key
 * {@code rest.port}. Every key must be one of {@link ConfigOptionRegistry#ALL} and every value must
 * parse as its option's type and lie in its range; otherwise loading stops with an
 * {@link IllegalConfigurationException} naming the key, where it was set (file and line, or the
 * dynamic property) and what was expected. Checking everything at start means a typo stops the
 * process at once instead of being silently ignored.
 *
 * <p>The directory is {@code $SLUICE_CONF_DIR} when set, else {@code conf/} of the distribution
 * ({@code -Dsluice.home}, set by {@code bin/sluice}, or {@code $SLUICE_HOME}), else {@code conf/} in
 * the working directory.
 */
public final class GlobalConfiguration {
    public static final String CONFIG_FILE_NAME = "sluice.yaml";
    public static final String ENV_CONF_DIR = "SLUICE_CONF_DIR";
    public static final String ENV_HOME = "SLUICE_HOME";
    public static final String PROPERTY_HOME = "sluice.home";

    private GlobalConfiguration() {}

    /** Loads from the directory {@link #configurationDirectory} picks for this process. */
    public static Configuration loadConfiguration(Map<String, String> dynamicProperties) {
        return loadConfiguration(
                configurationDirectory(System.getenv(), System.getProperty(PROPERTY_HOME)), dynamicProperties);
    }

    /**
     * Loads {@code confDir/sluice.yaml}, overridden by {@code dynamicProperties}.
     *
     * @throws IllegalConfigurationException if the file is missing or unreadable, or any key or
     *     value in the file or the dynamic properties is invalid
     */
    public static Configuration loadConfiguration(Path confDir, Map<String, String> dynamicProperties) {
        Path file = confDir.resolve(CONFIG_FILE_NAME);
        Map<String, SetValue> values = readFile(file);
        dynamicProperties.forEach((key, value) -> values.put(key, SetValue.dynamic(key, value)));

        Configuration config = new Configuration();
        for (Map.Entry<String, SetValue> e : values.entrySet()) {
            validate(e.getKey(), e.getValue());
            config.setString(e.getKey(), e.getValue().value().trim());
        }
        checkHeartbeats(config, values);
        return config;
    }

    /**
     * The configuration directory: {@code SLUICE_CONF_DIR} from {@code env}, else {@code conf} under
     * {@code sluiceHome} (the {@code sluice.home} system property, may be null), else under
     * {@code SLUICE_HOME}, else {@code conf} in the working directory.
     */
    public static Path configurationDirectory(Map<String, String> env, String sluiceHome) {
        String confDir = env.get(ENV_CONF_DIR);
        if (confDir != null && !confDir.isBlank()) {
            return Path.of(confDir);
        }
        String home = sluiceHome != null && !sluiceHome.isBlank() ? sluiceHome : env.get(ENV_HOME);
        if (home != null && !home.isBlank()) {
            return Path.of(home, "conf");
        }
        return Path.of("conf");
    }

    /**
     * Collects {@code -Dkey=value} arguments, in order (a later one wins); other arguments are
     * ignored. A {@code -D} argument without {@code =} or with an empty key is an error.
     */
    public static Map<String, String> dynamicProperties(List<String> args) {
        Map<String, String> properties = new LinkedHashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("-D")) {
                continue;
            }
            int eq = arg.indexOf('=');
            if (eq <= 2) {
                throw new IllegalConfigurationException(
                        "Dynamic property '" + arg + "' must have the form -Dkey=value, for example -Drest.port=8081.");
            }
            properties.put(arg.substring(2, eq).trim(), arg.substring(eq + 1));
        }
        return properties;
    }

    /**
     * A value as written and where: origin is "in /x/sluice.yaml, line 3" or "in dynamic property
     * -Dk=v"; line is 0 for a dynamic property. A non-null problem (no value, a list) is reported
     * only once the key is known to exist, so a misspelt key is reported as unknown first.
     */
    private record SetValue(String value, String origin, int line, String problem) {
        static SetValue dynamic(String key, String value) {
            return new SetValue(value, "in dynamic property -D" + key + "=" + value, 0, null);
        }
    }

    private static void validate(String key, SetValue set) {
        ConfigOptionRegistry.RegisteredOption registered = ConfigOptionRegistry.find(key)
                .orElseThrow(() -> new IllegalConfigurationException("Unknown configuration key '" + key + "' "
                        + set.origin() + "."
                        + ConfigOptionRegistry.suggest(key)
                                .map(k -> " Did you mean '" + k + "'?")
                                .orElse("")
                        + " docs/configuration.md lists every option."));
        if (set.problem() != null) {
            throw new IllegalConfigurationException(
                    "Configuration key '" + key + "' " + set.origin() + " " + set.problem() + ".");
        }
        Object parsed;
        try {
            parsed = new Configuration().setString(key, set.value()).get(registered.option());
        } catch (IllegalArgumentException e) {
            throw invalid(key, set, registered, e);
        }
        if (!registered.check().test(parsed)) {
            throw invalid(key, set, registered, null);
        }
    }

    private static IllegalConfigurationException invalid(
            String key, SetValue set, ConfigOptionRegistry.RegisteredOption registered, Throwable cause) {
        return new IllegalConfigurationException(
                "Invalid value '" + set.value() + "' for configuration key '" + key + "' " + set.origin()
                        + ": expected " + registered.expected() + ".",
                cause);
    }

    /** A heartbeat timeout not above the interval would declare every peer lost between two beats. */
    private static void checkHeartbeats(Configuration config, Map<String, SetValue> values) {
        Duration interval = config.get(HeartbeatManagerOptions.HEARTBEAT_INTERVAL);
        Duration timeout = config.get(HeartbeatManagerOptions.HEARTBEAT_TIMEOUT);
        if (timeout.compareTo(interval) <= 0) {
            throw new IllegalConfigurationException("Configuration key '"
                    + HeartbeatManagerOptions.HEARTBEAT_TIMEOUT.key() + "' (" + timeout.toMillis() + " ms"
                    + originSuffix(values.get(HeartbeatManagerOptions.HEARTBEAT_TIMEOUT.key()))
                    + ") must be larger than '" + HeartbeatManagerOptions.HEARTBEAT_INTERVAL.key() + "' ("
                    + interval.toMillis() + " ms"
                    + originSuffix(values.get(HeartbeatManagerOptions.HEARTBEAT_INTERVAL.key())) + ").");
        }
    }

    private static String originSuffix(SetValue set) {
        return set == null ? ", the default" : ", set " + set.origin();
    }

    // ------------------------------------------------------------------ YAML

    private static Map<String, SetValue> readFile(Path file) {
        Map<String, SetValue> values = new LinkedHashMap<>();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                JsonParser parser = new YAMLFactory().createParser(reader)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                return values; // empty, or only comments
            }
            if (first != JsonToken.START_OBJECT) {
                throw new IllegalConfigurationException("Configuration file " + file
                        + " must be a map of configuration keys to values, found " + describe(first)
                        + " at line " + line(parser) + ".");
            }
            readMap(parser, file, "", values);
            if (parser.nextToken() != null) {
                throw new IllegalConfigurationException("Configuration file " + file
                        + " holds more than one YAML document; the second starts at line " + line(parser) + ".");
            }
        } catch (NoSuchFileException e) {
            throw new IllegalConfigurationException("Configuration file " + file + " does not exist. Create it"
                    + " (the distribution ships conf/" + CONFIG_FILE_NAME + ") or set " + ENV_CONF_DIR
                    + " to the directory that holds it.");
        } catch (JsonProcessingException e) {
            throw syntaxError(file, e);
        } catch (IOException e) {
            throw new IllegalConfigurationException("Cannot read configuration file " + file + ": " + e, e);
        }
        return values;
    }

    /** Reads the entries of a map whose START_OBJECT was just read, up to its END_OBJECT. */
    private static void readMap(JsonParser parser, Path file, String prefix, Map<String, SetValue> values)
            throws IOException {
        for (JsonToken t = parser.nextToken(); t != JsonToken.END_OBJECT; t = parser.nextToken()) {
            // Inside a map Jackson yields only FIELD_NAME here; anything else would be a parser bug.
            String key = prefix + parser.currentName();
            int keyLine = line(parser);
            String origin = "in " + file + ", line " + keyLine;
            JsonToken value = parser.nextToken();
            SetValue set;
            switch (value) {
                case START_OBJECT -> {
                    readMap(parser, file, key + ".", values);
                    continue;
                }
                case START_ARRAY -> {
                    parser.skipChildren();
                    set = new SetValue(null, origin, keyLine, "must have a single value, not a list");
                }
                case VALUE_NULL -> set = new SetValue(null, origin, keyLine, "has no value");
                default -> set = new SetValue(parser.getText(), origin, keyLine, null);
            }
            SetValue earlier = values.put(key, set);
            if (earlier != null) {
                throw new IllegalConfigurationException("Configuration key '" + key + "' is set twice in " + file
                        + ": line " + earlier.line() + " and line " + keyLine + ".");
            }
        }
    }

    private static int line(JsonParser parser) {
        return parser.currentTokenLocation().getLineNr();
    }

    private static String describe(JsonToken token) {
        return switch (token) {
            case START_ARRAY -> "a list";
            default -> "a single value";
        };
    }

    /**
     * Names the line of the problem itself (snakeyaml's problem mark), not the line of the construct
     * it happened in, which is what Jackson's location often points at.
     */
    private static IllegalConfigurationException syntaxError(Path file, JsonProcessingException e) {
        String where;
        String problem;
        if (e instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
            where = ", line " + (marked.getProblemMark().getLine() + 1);
            problem = marked.getProblem();
            if (marked.getContext() != null && marked.getContextMark() != null) {
                problem += " (" + marked.getContext() + " at line "
                        + (marked.getContextMark().getLine() + 1) + ")";
            }
        } else {
            JsonLocation location = e.getLocation();
            where = location == null || location.getLineNr() < 1 ? "" : ", line " + location.getLineNr();
            problem = e.getOriginalMessage() == null
                    ? e.getClass().getSimpleName()
                    : e.getOriginalMessage().strip().lines().findFirst().orElse("");
        }
        return new IllegalConfigurationException(
                "YAML syntax error in configuration file " + file + where + ": " + problem + ".", e);
    }
}
