package io.sluice.runtime.configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.api.configuration.Configuration;
import io.sluice.api.configuration.MemorySize;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GlobalConfigurationTest {
    @TempDir
    Path dir;

    private Path file() {
        return dir.resolve("sluice.yaml");
    }

    private Configuration load(String yaml) throws IOException {
        return load(yaml, Map.of());
    }

    private Configuration load(String yaml, Map<String, String> dynamicProperties) throws IOException {
        Files.writeString(file(), yaml);
        return GlobalConfiguration.loadConfiguration(dir, dynamicProperties);
    }

    private void assertFails(String yaml, String message) throws IOException {
        Files.writeString(file(), yaml);
        assertThatThrownBy(() -> GlobalConfiguration.loadConfiguration(dir, Map.of()))
                .isInstanceOf(IllegalConfigurationException.class)
                .hasMessage(message);
    }

    // ------------------------------------------------------------------ reading

    @Test
    void whenKeysAreFlat_thenEachIsReadAsWritten() throws IOException {
        Configuration config = load("rest.port: 9091\nrest.address: 10.0.0.7\nheartbeat.interval: 500 ms\n"
                + "taskmanager.memory.segment-size: 64 kb\n");

        assertThat(config.toMap())
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "rest.port", "9091",
                        "rest.address", "10.0.0.7",
                        "heartbeat.interval", "500 ms",
                        "taskmanager.memory.segment-size", "64 kb"));
        assertThat(config.get(RestOptions.PORT)).isEqualTo(9091);
        assertThat(config.get(RestOptions.ADDRESS)).isEqualTo("10.0.0.7");
        assertThat(config.get(HeartbeatManagerOptions.HEARTBEAT_INTERVAL)).isEqualTo(Duration.ofMillis(500));
        assertThat(config.get(TaskManagerOptions.MEMORY_SEGMENT_SIZE)).isEqualTo(new MemorySize(65536));
        assertThat(config.get(JobManagerOptions.PORT)).isEqualTo(6123);
    }

    @Test
    void whenKeysAreNested_thenTheyAreJoinedWithDots() throws IOException {
        Configuration config = load("rest:\n"
                + "  port: 9091\n"
                + "  address: host-a\n"
                + "taskmanager:\n"
                + "  numberOfTaskSlots: 4\n"
                + "  network:\n"
                + "    memory:\n"
                + "      buffers-per-channel: 3\n"
                + "jobmanager: {rpc: {address: host-b, port: 7000}}\n"
                + "heartbeat.timeout: 1 min\n");

        assertThat(config.toMap())
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "rest.port", "9091",
                        "rest.address", "host-a",
                        "taskmanager.numberOfTaskSlots", "4",
                        "taskmanager.network.memory.buffers-per-channel", "3",
                        "jobmanager.rpc.address", "host-b",
                        "jobmanager.rpc.port", "7000",
                        "heartbeat.timeout", "1 min"));
        assertThat(config.get(TaskManagerOptions.NUM_TASK_SLOTS)).isEqualTo(4);
        assertThat(config.get(HeartbeatManagerOptions.HEARTBEAT_TIMEOUT)).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void whenDynamicPropertiesAreGiven_thenTheyOverrideTheFile() throws IOException {
        Configuration config = load(
                "rest.port: 9091\ntaskmanager.numberOfTaskSlots: 2\n",
                Map.of("rest.port", "9092", "heartbeat.timeout", "60 s"));

        assertThat(config.toMap())
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "rest.port", "9092",
                        "taskmanager.numberOfTaskSlots", "2",
                        "heartbeat.timeout", "60 s"));
        assertThat(config.get(RestOptions.PORT)).isEqualTo(9092);
        assertThat(config.get(HeartbeatManagerOptions.HEARTBEAT_TIMEOUT)).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void whenTheFileIsEmptyOrOnlyComments_thenEveryOptionHasItsDefault() throws IOException {
        assertThat(load("").toMap()).isEmpty();
        Configuration config = load("# nothing set\n\n   # still nothing\n");
        assertThat(config.toMap()).isEmpty();
        assertThat(config.get(RestOptions.PORT)).isEqualTo(8081);
        assertThat(config.get(RestOptions.ADDRESS)).isEqualTo("127.0.0.1");
        assertThat(config.get(RestOptions.BIND_ADDRESS)).isNull();
    }

    @Test
    void whenValuesAreQuoted_thenTheQuotesAreNotPartOfTheValue() throws IOException {
        Configuration config = load("rest.address: \"10.0.0.8\"\nheartbeat.interval: '2 s'\n");
        assertThat(config.get(RestOptions.ADDRESS)).isEqualTo("10.0.0.8");
        assertThat(config.get(HeartbeatManagerOptions.HEARTBEAT_INTERVAL)).isEqualTo(Duration.ofSeconds(2));
    }

    // ------------------------------------------------------------------ where the file is

    @Test
    void confDirComesFromSluiceConfDirFirst_thenSluiceHome_thenTheWorkingDirectory() {
        Map<String, String> env = new HashMap<>();
        env.put("SLUICE_CONF_DIR", "/etc/sluice-a");
        env.put("SLUICE_HOME", "/opt/sluice-env");
        assertThat(GlobalConfiguration.configurationDirectory(env, "/opt/sluice-prop"))
                .isEqualTo(Path.of("/etc/sluice-a"));

        env.remove("SLUICE_CONF_DIR");
        assertThat(GlobalConfiguration.configurationDirectory(env, "/opt/sluice-prop"))
                .isEqualTo(Path.of("/opt/sluice-prop/conf"));
        assertThat(GlobalConfiguration.configurationDirectory(env, null)).isEqualTo(Path.of("/opt/sluice-env/conf"));

        assertThat(GlobalConfiguration.configurationDirectory(Map.of(), null)).isEqualTo(Path.of("conf"));
        assertThat(GlobalConfiguration.configurationDirectory(Map.of("SLUICE_CONF_DIR", " "), null))
                .isEqualTo(Path.of("conf"));
    }

    @Test
    void whenSluiceConfDirIsSet_thenTheFileThereIsLoaded() throws IOException {
        Files.writeString(file(), "rest.port: 9500\n");
        Path confDir = GlobalConfiguration.configurationDirectory(Map.of("SLUICE_CONF_DIR", dir.toString()), null);

        Configuration config = GlobalConfiguration.loadConfiguration(confDir, Map.of());

        assertThat(config.get(RestOptions.PORT)).isEqualTo(9500);
    }

    @Test
    void whenTheFileIsMissing_thenTheMessageNamesThePathAndSluiceConfDir() {
        Path missing = dir.resolve("nowhere");
        assertThatThrownBy(() -> GlobalConfiguration.loadConfiguration(missing, Map.of()))
                .isInstanceOf(IllegalConfigurationException.class)
                .hasMessage("Configuration file " + missing.resolve("sluice.yaml")
                        + " does not exist. Create it (the distribution ships conf/sluice.yaml)"
                        + " or set SLUICE_CONF_DIR to the directory that holds it.");
    }

    // ------------------------------------------------------------------ unknown keys

    @Test
    void whenAKeyIsUnknown_thenTheMessageNamesKeyFileLineAndTheClosestKey() throws IOException {
        assertFails(
                "rest.port: 8081\n\nrest.prot: 8082\n",
                "Unknown configuration key 'rest.prot' in " + file()
                        + ", line 3. Did you mean 'rest.port'? docs/configuration.md lists every option.");
    }

    @Test
    void whenANestedKeyIsUnknown_thenTheMessageNamesTheJoinedKeyAndItsLine() throws IOException {
        assertFails(
                "rest:\n  port: 8081\n  adress: a\n",
                "Unknown configuration key 'rest.adress' in " + file()
                        + ", line 3. Did you mean 'rest.address'? docs/configuration.md lists every option.");
    }

    @Test
    void whenAKeyDiffersOnlyInCase_thenTheSuggestionIsTheRightlyCasedKey() throws IOException {
        assertFails(
                "taskmanager.numberoftaskslots: 2\n",
                "Unknown configuration key 'taskmanager.numberoftaskslots' in " + file()
                        + ", line 1. Did you mean 'taskmanager.numberOfTaskSlots'?"
                        + " docs/configuration.md lists every option.");
    }

    @Test
    void whenAnUnknownKeyIsFarFromEveryKnownKey_thenThereIsNoSuggestion() throws IOException {
        assertFails(
                "# comment\nstate.backend: rocksdb\n",
                "Unknown configuration key 'state.backend' in " + file()
                        + ", line 2. docs/configuration.md lists every option.");
    }

    @Test
    void whenADynamicPropertyIsUnknown_thenTheMessageNamesTheProperty() throws IOException {
        Files.writeString(file(), "");
        assertThatThrownBy(() -> GlobalConfiguration.loadConfiguration(dir, Map.of("heartbeat.intervall", "5 s")))
                .isInstanceOf(IllegalConfigurationException.class)
                .hasMessage("Unknown configuration key 'heartbeat.intervall' in dynamic property"
                        + " -Dheartbeat.intervall=5 s. Did you mean 'heartbeat.interval'?"
                        + " docs/configuration.md lists every option.");
    }

    @Test
    void whenAnUnknownKeyHasNoValue_thenItIsReportedAsUnknown() throws IOException {
        assertFails(
                "rest.port: 1\nrestt:\n",
                "Unknown configuration key 'restt' in " + file()
                        + ", line 2. docs/configuration.md lists every option.");
    }

    // ------------------------------------------------------------------ dynamic properties

    @Test
    void dynamicPropertiesAreTakenFromDashDArgumentsOnly_laterOnesWinning() {
        assertThat(GlobalConfiguration.dynamicProperties(List.of(
                        "taskmanager", "-Drest.port=9000", "-Dheartbeat.interval=2 s", "-x", "-Drest.port=9001")))
                .containsExactly(Map.entry("rest.port", "9001"), Map.entry("heartbeat.interval", "2 s"));
        assertThat(GlobalConfiguration.dynamicProperties(List.of("-Drest.address=")))
                .containsExactly(Map.entry("rest.address", ""));
    }

    @Test
    void whenADashDArgumentHasNoEqualsSign_thenTheMessageShowsTheForm() {
        assertThatThrownBy(() -> GlobalConfiguration.dynamicProperties(List.of("-Drest.port")))
                .isInstanceOf(IllegalConfigurationException.class)
                .hasMessage("Dynamic property '-Drest.port' must have the form -Dkey=value, for example"
                        + " -Drest.port=8081.");
        assertThatThrownBy(() -> GlobalConfiguration.dynamicProperties(List.of("-D=1")))
                .isInstanceOf(IllegalConfigurationException.class)
                .hasMessage("Dynamic property '-D=1' must have the form -Dkey=value, for example -Drest.port=8081.");
    }

    @Test
    void whenADynamicPropertyOverridesAMalformedFileValue_thenTheOverrideIsUsed() throws IOException {
        Configuration config = load("rest.port: abc\n", Map.of("rest.port", "9093"));
        assertThat(config.get(RestOptions.PORT)).isEqualTo(9093);
    }

    // ------------------------------------------------------------------ malformed values

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            rest.port                       | abc       | a whole number from 0 to 65535 (0 picks a free port)
            rest.port                       | 70000     | a whole number from 0 to 65535 (0 picks a free port)
            rest.port                       | 8081.5    | a whole number from 0 to 65535 (0 picks a free port)
            taskmanager.rpc.port            | -1        | a whole number from 0 to 65535 (0 picks a free port)
            taskmanager.numberOfTaskSlots   | -2        | a whole number, at least 1
            taskmanager.numberOfTaskSlots   | 0         | a whole number, at least 1
            parallelism.default             | 0         | a whole number, -1 or at least 1
            heartbeat.interval              | 10 parsecs | a duration such as '100 ms', '10 s' or '2 min', greater than 0
            heartbeat.interval              | 0 ms      | a duration such as '100 ms', '10 s' or '2 min', greater than 0
            slot.request.timeout            | -5 s      | a duration such as '100 ms', '10 s' or '2 min', greater than 0
            taskmanager.memory.segment-size | 12 zb     | a memory size such as '32kb' or '64mb', from 1 byte to 2 GiB
            taskmanager.memory.segment-size | 4gb       | a memory size such as '32kb' or '64mb', from 1 byte to 2 GiB
            rest.server.max-content-length  | lots      | a memory size such as '32kb' or '64mb', from 1 byte to 2 GiB
            """)
    void whenAValueIsMalformed_thenTheMessageNamesKeyLineAndExpectedType(String key, String value, String expected)
            throws IOException {
        assertFails(
                "# first line\n" + key + ": " + value + "\n",
                "Invalid value '" + value + "' for configuration key '" + key + "' in " + file() + ", line 2: expected "
                        + expected + ".");
    }

    @Test
    void whenAStringIsEmpty_thenItIsRejected() throws IOException {
        assertFails(
                "rest.address: ''\n",
                "Invalid value '' for configuration key 'rest.address' in " + file()
                        + ", line 1: expected a string, not empty.");
    }

    @Test
    void whenADynamicPropertyIsMalformed_thenTheMessageNamesTheProperty() throws IOException {
        Files.writeString(file(), "");
        assertThatThrownBy(() -> GlobalConfiguration.loadConfiguration(dir, Map.of("jobmanager.rpc.port", "x")))
                .isInstanceOf(IllegalConfigurationException.class)
                .hasMessage("Invalid value 'x' for configuration key 'jobmanager.rpc.port' in dynamic property"
                        + " -Djobmanager.rpc.port=x: expected a whole number from 0 to 65535 (0 picks a free port).");
    }

    @Test
    void whenAKeyHasNoValue_thenTheMessageSaysSo() throws IOException {
        assertFails(
                "rest.address: a\nrest.port:\n",
                "Configuration key 'rest.port' in " + file() + ", line 2 has no value.");
    }

    @Test
    void whenAValueIsAList_thenTheMessageSaysSo() throws IOException {
        assertFails(
                "rest.port:\n  - 1\n  - 2\n",
                "Configuration key 'rest.port' in " + file() + ", line 1 must have a single value, not a list.");
    }

    @Test
    void whenAKeyIsSetTwice_flatAndNested_thenBothLinesAreNamed() throws IOException {
        assertFails(
                "rest.port: 1\nrest:\n  port: 2\n",
                "Configuration key 'rest.port' is set twice in " + file() + ": line 1 and line 3.");
    }

    @Test
    void whenTheHeartbeatTimeoutIsNotAboveTheInterval_thenBothKeysAreNamed() throws IOException {
        assertFails(
                "heartbeat.interval: 1 min\n",
                "Configuration key 'heartbeat.timeout' (50000 ms, the default) must be larger than"
                        + " 'heartbeat.interval' (60000 ms, set in " + file() + ", line 1).");
    }

    // ------------------------------------------------------------------ YAML errors

    @Test
    void whenTheYamlIsBadlyIndented_thenTheMessageNamesTheLine() throws IOException {
        assertFails(
                "rest.port: 8081\n  bad: indentation\n",
                "YAML syntax error in configuration file " + file() + ", line 2: mapping values are not allowed here.");
    }

    @Test
    void whenAQuoteIsNotClosed_thenTheMessageNamesWhereTheFileEndsAndWhereTheQuoteStarted() throws IOException {
        assertFails(
                "rest.address: \"unterminated\n",
                "YAML syntax error in configuration file " + file()
                        + ", line 2: found unexpected end of stream (while scanning a quoted scalar at line 1).");
    }

    @Test
    void whenTheFileIsAListInsteadOfAMap_thenTheMessageSaysSo() throws IOException {
        assertFails(
                "- rest.port: 1\n",
                "Configuration file " + file() + " must be a map of configuration keys to values, found a list"
                        + " at line 1.");
    }

    @Test
    void whenTheFileHoldsTwoDocuments_thenTheMessageNamesWhereTheSecondStarts() throws IOException {
        assertFails(
                "rest.port: 1\n---\nrest.port: 2\n",
                "Configuration file " + file() + " holds more than one YAML document; the second starts at line 3.");
    }
}
