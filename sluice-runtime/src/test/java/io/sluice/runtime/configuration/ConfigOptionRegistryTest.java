package io.sluice.runtime.configuration;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.api.configuration.ConfigOption;
import io.sluice.api.configuration.Configuration;
import io.sluice.api.execution.ExecutionOptions;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ConfigOptionRegistryTest {
    /** Surefire runs in the module directory; the docs and the distribution are its siblings. */
    private static final Path REPO_ROOT = Path.of("..");

    private static final List<Class<?>> OPTION_CLASSES = List.of(
            ExecutionOptions.class,
            ClusterOptions.class,
            RestOptions.class,
            WebOptions.class,
            JobManagerOptions.class,
            BlobServerOptions.class,
            RpcOptions.class,
            HeartbeatManagerOptions.class,
            RestartStrategyOptions.class,
            io.sluice.api.execution.CheckpointingOptions.class,
            TaskManagerOptions.class);

    @Test
    void everyOptionDeclaredInAnOptionsClassIsRegistered() throws IllegalAccessException {
        List<String> declared = new ArrayList<>();
        for (Class<?> c : OPTION_CLASSES) {
            for (Field f : c.getFields()) {
                if (Modifier.isStatic(f.getModifiers()) && f.getType() == ConfigOption.class) {
                    declared.add(((ConfigOption<?>) f.get(null)).key());
                }
            }
        }
        assertThat(ConfigOptionRegistry.keys()).containsExactlyInAnyOrderElementsOf(declared);
        assertThat(declared)
                .contains(
                        "rest.address",
                        "rest.port",
                        "rest.bind-address",
                        "jobmanager.rpc.address",
                        "jobmanager.rpc.port",
                        "taskmanager.host",
                        "taskmanager.rpc.port",
                        "taskmanager.data.port",
                        "taskmanager.numberOfTaskSlots",
                        "parallelism.default",
                        "heartbeat.interval",
                        "heartbeat.timeout",
                        "restart-strategy.type",
                        "restart-strategy.fixed-delay.attempts",
                        "restart-strategy.fixed-delay.delay",
                        "slot.request.timeout",
                        "web.upload.dir",
                        "rest.server.max-content-length",
                        "blob.server.port");
    }

    @Test
    void everyRegisteredOptionIsDocumentedWithItsDefault() throws IOException {
        Map<String, String> documentedDefaults = Files.readAllLines(REPO_ROOT.resolve("docs/configuration.md")).stream()
                .filter(line -> line.startsWith("| `"))
                .map(line -> line.split("\\|"))
                .collect(Collectors.toMap(cells -> cells[1].trim(), cells -> cells[3].trim()));

        List<String> wrong = new ArrayList<>();
        for (ConfigOptionRegistry.RegisteredOption r : ConfigOptionRegistry.ALL) {
            String key = "`" + r.option().key() + "`";
            String expected = documentedDefault(r.option().defaultValue());
            if (!expected.equals(documentedDefaults.get(key))) {
                wrong.add(key + " documented default " + documentedDefaults.get(key) + ", should be " + expected);
            }
        }
        assertThat(wrong)
                .as("options missing from docs/configuration.md or with a wrong default")
                .isEmpty();
    }

    private static String documentedDefault(Object value) {
        if (value == null) {
            return "(none)";
        }
        if (value instanceof Duration d) {
            if (d.isZero()) {
                return "`0 ms`";
            }
            if (d.toMillis() % 60_000 == 0) {
                return "`" + d.toMinutes() + " min`";
            }
            if (d.toMillis() % 1000 == 0) {
                return "`" + d.toSeconds() + " s`";
            }
            return "`" + d.toMillis() + " ms`";
        }
        return "`" + value + "`";
    }

    @Test
    void theShippedSluiceYamlLoadsAndSetsEveryOptionToItsDefault_exceptParallelismOne() {
        Path confDir = REPO_ROOT.resolve("sluice-dist/src/main/dist/conf");

        Configuration config = GlobalConfiguration.loadConfiguration(confDir, Map.of());

        for (ConfigOptionRegistry.RegisteredOption r : ConfigOptionRegistry.ALL) {
            ConfigOption<?> option = r.option();
            Object expected = option == ExecutionOptions.DEFAULT_PARALLELISM ? (Object) 1 : option.defaultValue();
            assertThat((Object) config.get(option)).as(option.key()).isEqualTo(expected);
        }
        List<String> withDefault = ConfigOptionRegistry.ALL.stream()
                .map(ConfigOptionRegistry.RegisteredOption::option)
                .filter(o -> o.defaultValue() != null)
                .map(ConfigOption::key)
                .toList();
        assertThat(config.toMap().keySet()).containsExactlyInAnyOrderElementsOf(withDefault);
    }

    @Test
    void suggestionsAreCloseKeysOnly() {
        assertThat(ConfigOptionRegistry.suggest("rest.prot")).isEqualTo(Optional.of("rest.port"));
        assertThat(ConfigOptionRegistry.suggest("jobmanager.rpc.adress"))
                .isEqualTo(Optional.of("jobmanager.rpc.address"));
        assertThat(ConfigOptionRegistry.suggest("HEARTBEAT.TIMEOUT")).isEqualTo(Optional.of("heartbeat.timeout"));
        assertThat(ConfigOptionRegistry.suggest("state.backend")).isEqualTo(Optional.empty());
        assertThat(ConfigOptionRegistry.suggest("port")).isEqualTo(Optional.empty());
    }

    @Test
    void editDistanceCountsInsertionsDeletionsAndSubstitutions() {
        assertThat(ConfigOptionRegistry.editDistance("", "")).isEqualTo(0);
        assertThat(ConfigOptionRegistry.editDistance("abc", "")).isEqualTo(3);
        assertThat(ConfigOptionRegistry.editDistance("kitten", "sitting")).isEqualTo(3);
        assertThat(ConfigOptionRegistry.editDistance("rest.prot", "rest.port")).isEqualTo(2);
    }
}
