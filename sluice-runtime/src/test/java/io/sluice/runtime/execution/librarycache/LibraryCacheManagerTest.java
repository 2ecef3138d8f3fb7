package io.sluice.runtime.execution.librarycache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.api.common.JobID;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ClassLoadingMXBean;
import java.lang.management.ManagementFactory;
import java.lang.ref.WeakReference;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LibraryCacheManagerTest {
    private static final long GC_WAIT_MILLIS = 20_000;

    /** Shared by all tests: the jars are compiled once per class. */
    @TempDir
    static Path dir;

    /** A jar the "cluster" (the parent loader) has: demo.Greeter says "parent". */
    private static Path parentJar;
    /** The job's jar: demo.Greeter says "child", plus a fake io.sluice.api class and resources. */
    private static Path userJar;

    @BeforeAll
    static void buildJars() throws IOException {
        parentJar = TestJars.build(
                dir,
                dir.resolve("parent.jar"),
                Map.of("demo.Greeter", TestJars.greeterSource("parent")),
                Map.of("demo/greeting.txt", "parent", "io/sluice/api/note.txt", "parent note"));
        userJar = TestJars.build(
                dir,
                dir.resolve("user.jar"),
                Map.of(
                        "demo.Greeter",
                        TestJars.greeterSource("child"),
                        "demo.OnlyInJob",
                        "package demo; public class OnlyInJob {}",
                        "io.sluice.api.common.JobID",
                        "package io.sluice.api.common; public class JobID { public String fake() { return \"x\"; } }"),
                Map.of("demo/greeting.txt", "child", "io/sluice/api/note.txt", "child note"));
    }

    private URLClassLoader parentLoader() throws IOException {
        return new URLClassLoader(
                new URL[] {parentJar.toUri().toURL()}, getClass().getClassLoader());
    }

    private static String greet(ClassLoader loader) throws Exception {
        return loader.loadClass("demo.Greeter").getConstructor().newInstance().toString();
    }

    private static String read(URL url) throws IOException {
        try (InputStream in = url.openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void whenClassIsInJobJarAndParent_thenTheJobsVersionLoads() throws Exception {
        try (URLClassLoader parent = parentLoader()) {
            LibraryCacheManager manager = new LibraryCacheManager(parent);
            try (LibraryCacheManager.Lease lease = manager.register(JobID.generate(), List.of(userJar))) {
                ClassLoader loader = lease.getClassLoader();
                assertThat(greet(parent)).isEqualTo("parent");
                assertThat(greet(loader)).isEqualTo("child");
                assertThat(loader.loadClass("demo.Greeter").getClassLoader()).isSameAs(loader);
                assertThat(loader.loadClass("demo.OnlyInJob").getClassLoader()).isSameAs(loader);
                // Classes only the parent has still resolve through it.
                assertThat(loader.loadClass(LibraryCacheManagerTest.class.getName()))
                        .isSameAs(LibraryCacheManagerTest.class);
                assertThat(loader.loadClass("java.lang.String")).isSameAs(String.class);
            }
        }
    }

    @Test
    void whenJobJarShadowsAnApiClass_thenTheParentsClassIsUsed() throws Exception {
        LibraryCacheManager manager = new LibraryCacheManager(getClass().getClassLoader());
        try (LibraryCacheManager.Lease lease = manager.register(JobID.generate(), List.of(userJar))) {
            Class<?> jobId = lease.getClassLoader().loadClass("io.sluice.api.common.JobID");
            assertThat(jobId).isSameAs(JobID.class);
            assertThat(Class.forName("io.sluice.api.common.JobID", false, lease.getClassLoader()))
                    .isSameAs(JobID.class);
        }
    }

    @Test
    void whenPatternIsConfiguredParentFirst_thenTheParentsVersionLoads() throws Exception {
        try (URLClassLoader parent = parentLoader()) {
            LibraryCacheManager manager = new LibraryCacheManager(parent, List.of("java.", "demo."));
            try (LibraryCacheManager.Lease lease = manager.register(JobID.generate(), List.of(userJar))) {
                assertThat(greet(lease.getClassLoader())).isEqualTo("parent");
                // A parent-first class the parent lacks still comes from the job's jar.
                assertThat(lease.getClassLoader().loadClass("demo.OnlyInJob").getClassLoader())
                        .isSameAs(lease.getClassLoader());
            }
        }
    }

    @Test
    void resourcesAreChildFirstExceptUnderParentFirstPatterns() throws Exception {
        try (URLClassLoader parent = parentLoader()) {
            LibraryCacheManager manager = new LibraryCacheManager(parent);
            try (LibraryCacheManager.Lease lease = manager.register(JobID.generate(), List.of(userJar))) {
                ClassLoader loader = lease.getClassLoader();
                assertThat(read(loader.getResource("demo/greeting.txt"))).isEqualTo("child");
                assertThat(read(loader.getResource("io/sluice/api/note.txt"))).isEqualTo("parent note");
                List<String> all = new ArrayList<>();
                for (URL url : Collections.list(loader.getResources("demo/greeting.txt"))) {
                    all.add(read(url));
                }
                assertThat(all).containsExactly("child", "parent");
                List<String> api = new ArrayList<>();
                for (URL url : Collections.list(loader.getResources("io/sluice/api/note.txt"))) {
                    api.add(read(url));
                }
                assertThat(api).containsExactly("parent note", "child note");
                try (InputStream in = loader.getResourceAsStream("demo/greeting.txt")) {
                    assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                            .isEqualTo("child");
                }
            }
        }
    }

    @Test
    void tasksOfOneJobShareOneLoaderUntilTheLastRelease() throws Exception {
        LibraryCacheManager manager = new LibraryCacheManager(getClass().getClassLoader());
        JobID job = JobID.generate();
        LibraryCacheManager.Lease first = manager.register(job, List.of(userJar));
        LibraryCacheManager.Lease second = manager.register(job, List.of(userJar));
        ClassLoader loader = first.getClassLoader();
        assertThat(second.getClassLoader()).isSameAs(loader);
        assertThat(manager.getNumberOfReferences(job)).isEqualTo(2);

        first.release();
        first.release();
        assertThat(manager.getNumberOfReferences(job)).isEqualTo(1);
        assertThat(greet(second.getClassLoader())).isEqualTo("child");
        assertThatThrownBy(first::getClassLoader)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("The class loader lease of job " + job + " was released");

        second.release();
        assertThat(manager.getNumberOfReferences(job)).isZero();
        assertThat(manager.getNumberOfRegisteredJobs()).isZero();
        // Closed: the loader cannot load anything new from the jar.
        assertThatThrownBy(() -> loader.loadClass("demo.OnlyInJob"))
                .isInstanceOf(ClassNotFoundException.class)
                .hasMessage("demo.OnlyInJob");

        try (LibraryCacheManager.Lease again = manager.register(job, List.of(userJar))) {
            assertThat(again.getClassLoader()).isNotSameAs(loader);
            assertThat(greet(again.getClassLoader())).isEqualTo("child");
        }
    }

    @Test
    void whenJobIsRegisteredWithOtherJars_thenRegistrationFails() throws Exception {
        LibraryCacheManager manager = new LibraryCacheManager(getClass().getClassLoader());
        JobID job = JobID.generate();
        try (LibraryCacheManager.Lease lease = manager.register(job, List.of(userJar))) {
            assertThatThrownBy(() -> manager.register(job, List.of(parentJar)))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("Job " + job + " is already registered with jars ["
                            + userJar.toAbsolutePath() + "] but a task asked for [" + parentJar.toAbsolutePath()
                            + "]; all tasks of a job must use the same jars");
            assertThat(manager.getNumberOfReferences(job)).isEqualTo(1);
        }
    }

    @Test
    void shutdownClosesEveryLoaderAndLaterReleasesAreHarmless() throws Exception {
        LibraryCacheManager manager = new LibraryCacheManager(getClass().getClassLoader());
        LibraryCacheManager.Lease a = manager.register(JobID.generate(), List.of(userJar));
        LibraryCacheManager.Lease b = manager.register(JobID.generate(), List.of(userJar));
        ClassLoader loaderA = a.getClassLoader();
        assertThat(manager.getNumberOfRegisteredJobs()).isEqualTo(2);

        manager.shutdown();

        assertThat(manager.getNumberOfRegisteredJobs()).isZero();
        assertThatThrownBy(() -> loaderA.loadClass("demo.OnlyInJob")).isInstanceOf(ClassNotFoundException.class);
        a.release();
        b.close();
        assertThat(manager.getNumberOfRegisteredJobs()).isZero();
    }

    @Test
    void whenLastLeaseIsReleased_thenTheJarIsDeletableAndTheLoaderCollected() throws Exception {
        LibraryCacheManager manager = new LibraryCacheManager(getClass().getClassLoader());
        Path jar = Files.copy(userJar, dir.resolve("job.jar"));
        WeakReference<ClassLoader> loaderRef = loadAndRelease(manager, jar);

        Files.delete(jar);
        assertThat(jar).doesNotExist();
        assertThat(awaitCollected(List.of(loaderRef))).isZero();
    }

    @Test
    void whenTheSameJobRuns50Times_thenLiveClassLoadersStayBounded() throws Exception {
        ClassLoadingMXBean classLoading = ManagementFactory.getClassLoadingMXBean();
        long unloadedBefore = classLoading.getUnloadedClassCount();
        LibraryCacheManager manager = new LibraryCacheManager(getClass().getClassLoader());
        List<WeakReference<ClassLoader>> loaders = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            loaders.add(loadAndRelease(manager, userJar));
        }
        assertThat(manager.getNumberOfRegisteredJobs()).isZero();
        // Every loader is unreachable; allow a couple the collector has not got to yet.
        assertThat(awaitCollected(loaders)).isLessThanOrEqualTo(2);
        // Collected loaders take their classes with them: at least 48 x (demo.Greeter) were unloaded.
        assertThat(classLoading.getUnloadedClassCount() - unloadedBefore).isGreaterThanOrEqualTo(48);
    }

    /** Registers a job, uses its classes the way a task would, releases it; returns a weak handle. */
    private static WeakReference<ClassLoader> loadAndRelease(LibraryCacheManager manager, Path jar) throws Exception {
        LibraryCacheManager.Lease lease = manager.register(JobID.generate(), List.of(jar));
        ClassLoader loader = lease.getClassLoader();
        assertThat(greet(loader)).isEqualTo("child");
        assertThat(read(loader.getResource("demo/greeting.txt"))).isEqualTo("child");
        WeakReference<ClassLoader> ref = new WeakReference<>(loader);
        lease.release();
        return ref;
    }

    /** Runs the collector until no referent is left or the bounded wait ends; returns how many live. */
    private static int awaitCollected(List<WeakReference<ClassLoader>> refs) throws InterruptedException {
        long deadline = System.currentTimeMillis() + GC_WAIT_MILLIS;
        int live = countLive(refs);
        while (live > 0 && System.currentTimeMillis() < deadline) {
            System.gc();
            Thread.sleep(50);
            live = countLive(refs);
        }
        return live;
    }

    private static int countLive(List<WeakReference<ClassLoader>> refs) {
        int live = 0;
        for (WeakReference<ClassLoader> ref : refs) {
            if (ref.get() != null) {
                live++;
            }
        }
        return live;
    }
}
