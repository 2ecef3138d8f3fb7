package io.sluice.test.junit5;

import io.sluice.api.environment.StreamExecutionEnvironment;
import io.sluice.runtime.minicluster.MiniCluster;
import io.sluice.runtime.minicluster.MiniClusterConfiguration;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one embedded {@link MiniCluster} for a test class and makes
 * {@link StreamExecutionEnvironment#getExecutionEnvironment()} return a {@link TestStreamEnvironment}
 * that submits to it, so the tests' jobs share the cluster instead of starting one each.
 *
 * <pre>{@code
 * class MyJobTest {
 *     @RegisterExtension
 *     static final MiniClusterExtension CLUSTER = new MiniClusterExtension(4); // 1 TaskManager, 4 slots
 *
 *     @Test
 *     void countsWords() throws Exception {
 *         var env = StreamExecutionEnvironment.getExecutionEnvironment(); // parallelism 4, on CLUSTER
 *         ...
 *         env.execute();
 *     }
 * }
 * }</pre>
 *
 * <p>Life cycle: registered on a {@code static} field, or with
 * {@code @ExtendWith(MiniClusterExtension.class)} (then one TaskManager with one slot), the cluster
 * starts before all tests of the class and stops after them. Registered on an instance field it
 * starts before and stops after each test. Nested test classes share their outer class's cluster.
 * Stopping cancels jobs still running and resets the context environment, so later tests get
 * ordinary local environments again.
 *
 * <p>Threading: JUnit's thread calls the callbacks. The context environment is JVM-wide, so test
 * classes using this extension must not run concurrently in one JVM (JUnit's default).
 *
 * <p>Test methods can take the running {@link MiniCluster} as a parameter.
 */
public final class MiniClusterExtension
        implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback, ParameterResolver {
    private static final Logger LOG = LoggerFactory.getLogger(MiniClusterExtension.class);

    private final MiniClusterResourceConfiguration configuration;

    /** Nesting depth of the class-level registrations (nested classes enter again); JUnit's thread. */
    private int classLevelDepth;
    /** True while a cluster started for a single test (instance-field registration) runs. */
    private boolean startedForTest;

    private MiniCluster miniCluster;

    /** One TaskManager with one slot. */
    public MiniClusterExtension() {
        this(new MiniClusterResourceConfiguration.Builder().build());
    }

    /** One TaskManager with {@code numberSlots} slots; jobs default to that parallelism. */
    public MiniClusterExtension(int numberSlots) {
        this(new MiniClusterResourceConfiguration.Builder()
                .setNumberSlotsPerTaskManager(numberSlots)
                .build());
    }

    /** {@code numberTaskManagers} TaskManagers with {@code numberSlotsPerTaskManager} slots each. */
    public MiniClusterExtension(int numberTaskManagers, int numberSlotsPerTaskManager) {
        this(new MiniClusterResourceConfiguration.Builder()
                .setNumberTaskManagers(numberTaskManagers)
                .setNumberSlotsPerTaskManager(numberSlotsPerTaskManager)
                .build());
    }

    public MiniClusterExtension(MiniClusterResourceConfiguration configuration) {
        this.configuration = configuration;
    }

    // ------------------------------------------------------------------ JUnit callbacks

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        if (classLevelDepth++ == 0) {
            start();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (--classLevelDepth == 0) {
            stop();
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        if (miniCluster == null) {
            startedForTest = true;
            start();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (startedForTest) {
            startedForTest = false;
            stop();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == MiniCluster.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return getMiniCluster();
    }

    // ------------------------------------------------------------------ for tests

    /**
     * The running cluster.
     *
     * @throws IllegalStateException outside the tests of the class that registered the extension
     */
    public MiniCluster getMiniCluster() {
        if (miniCluster == null) {
            throw new IllegalStateException("The MiniCluster runs only during the tests of the class that registers"
                    + " this extension (register it on a static field to share it across the class)");
        }
        return miniCluster;
    }

    /** A new environment for the shared cluster, the same {@code getExecutionEnvironment()} returns. */
    public TestStreamEnvironment createEnvironment() {
        return new TestStreamEnvironment(getMiniCluster(), configuration.getNumberSlots());
    }

    /** The number of slots of the cluster, the default parallelism of the tests' jobs. */
    public int getNumberSlots() {
        return configuration.getNumberSlots();
    }

    // ------------------------------------------------------------------ internals

    private void start() throws Exception {
        MiniCluster cluster = new MiniCluster(MiniClusterConfiguration.builder()
                .setNumTaskManagers(configuration.getNumberTaskManagers())
                .setNumSlotsPerTaskManager(configuration.getNumberSlotsPerTaskManager())
                .setConfiguration(configuration.getConfiguration())
                .build());
        cluster.start();
        miniCluster = cluster;
        StreamExecutionEnvironment.initializeContextEnvironment(this::createEnvironment);
        LOG.debug(
                "Shared MiniCluster started for tests: {} TaskManagers with {} slots each",
                configuration.getNumberTaskManagers(),
                configuration.getNumberSlotsPerTaskManager());
    }

    private void stop() {
        StreamExecutionEnvironment.resetContextEnvironment();
        MiniCluster cluster = miniCluster;
        miniCluster = null;
        if (cluster != null) {
            cluster.close();
        }
    }
}
