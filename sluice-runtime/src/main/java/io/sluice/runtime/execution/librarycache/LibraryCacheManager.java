package io.sluice.runtime.execution.librarycache;

import io.sluice.api.common.JobID;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One user-code class loader per job, shared by reference count.
 *
 * <p>Each task of a job calls {@link #register} with the job's jars and gets a {@link Lease}; the
 * first registration creates a {@link ChildFirstClassLoader}, later ones share it. When the last lease
 * of the job is released the loader is closed (its jar files are closed) and forgotten, so once the
 * job's objects are unreachable the loader and its classes can be collected. A later registration of
 * the same job id creates a fresh loader.
 *
 * <pre>
 *   register(job)     register(job)      release()      release()
 *   -----------> [1] -----------> [2] -----------> [1] -----------> closed, removed
 * </pre>
 *
 * <p>Threading: called from task threads and the TaskExecutor; all methods synchronize on this
 * manager (registration happens once per task deployment, never on the record path).
 */
public final class LibraryCacheManager {
    private static final Logger LOG = LoggerFactory.getLogger(LibraryCacheManager.class);

    /** Always loaded by the parent: the JDK, Sluice's API and the logging facade and backend. */
    public static final List<String> DEFAULT_PARENT_FIRST_PATTERNS =
            List.of("java.", "javax.", "jdk.", "sun.", "io.sluice.api.", "org.slf4j", "ch.qos.logback");

    private final ClassLoader parent;
    private final List<String> parentFirstPatterns;
    private final Map<JobID, Entry> entries = new HashMap<>();

    public LibraryCacheManager(ClassLoader parent) {
        this(parent, DEFAULT_PARENT_FIRST_PATTERNS);
    }

    public LibraryCacheManager(ClassLoader parent, List<String> parentFirstPatterns) {
        this.parent = parent;
        this.parentFirstPatterns = List.copyOf(parentFirstPatterns);
    }

    /**
     * Takes a reference to the job's class loader, creating it over {@code jars} if the job has none.
     *
     * @throws IllegalStateException when the job is already registered with different jars
     */
    public synchronized Lease register(JobID jobId, List<Path> jars) {
        List<Path> normalized =
                jars.stream().map(p -> p.toAbsolutePath().normalize()).toList();
        Entry entry = entries.get(jobId);
        if (entry == null) {
            entry = new Entry(
                    jobId, normalized, new ChildFirstClassLoader(toUrls(normalized), parent, parentFirstPatterns));
            entries.put(jobId, entry);
            LOG.debug("Created user-code class loader for job {} over {}", jobId, normalized);
        } else if (!entry.jars.equals(normalized)) {
            throw new IllegalStateException("Job " + jobId + " is already registered with jars " + entry.jars
                    + " but a task asked for " + normalized + "; all tasks of a job must use the same jars");
        }
        entry.references++;
        return new Lease(this, entry);
    }

    /** Number of jobs that currently hold a class loader. */
    public synchronized int getNumberOfRegisteredJobs() {
        return entries.size();
    }

    /** Number of leases currently held for the job (0 when it has no class loader). */
    public synchronized int getNumberOfReferences(JobID jobId) {
        Entry entry = entries.get(jobId);
        return entry == null ? 0 : entry.references;
    }

    /** Closes every class loader, whatever leases are still held (shutdown of the TaskManager). */
    public synchronized void shutdown() {
        for (Entry entry : entries.values()) {
            close(entry);
        }
        entries.clear();
    }

    private synchronized void release(Entry entry) {
        entry.references--;
        if (entry.references == 0) {
            // Only remove the entry if it is still the registered one (shutdown may have cleared it).
            entries.remove(entry.jobId, entry);
            close(entry);
        }
    }

    private static void close(Entry entry) {
        try {
            entry.classLoader.close();
            LOG.debug("Closed user-code class loader of job {}", entry.jobId);
        } catch (IOException e) {
            LOG.warn("Could not close all jars of the class loader of job {} ({})", entry.jobId, entry.jars, e);
        }
    }

    private static URL[] toUrls(List<Path> jars) {
        URL[] urls = new URL[jars.size()];
        for (int i = 0; i < urls.length; i++) {
            try {
                urls[i] = jars.get(i).toUri().toURL();
            } catch (MalformedURLException e) {
                throw new IllegalArgumentException("Not a usable jar path: " + jars.get(i), e);
            }
        }
        return urls;
    }

    private static final class Entry {
        final JobID jobId;
        final List<Path> jars;
        final ChildFirstClassLoader classLoader;
        int references;

        Entry(JobID jobId, List<Path> jars, ChildFirstClassLoader classLoader) {
            this.jobId = jobId;
            this.jars = jars;
            this.classLoader = classLoader;
        }
    }

    /**
     * One holder's reference to a job's class loader. {@link #release()} (or {@link #close()}) gives it
     * back; releasing twice has no further effect. Using the class loader after release is an error.
     */
    public static final class Lease implements AutoCloseable {
        private final LibraryCacheManager manager;
        private final Entry entry;
        private final AtomicBoolean released = new AtomicBoolean();

        private Lease(LibraryCacheManager manager, Entry entry) {
            this.manager = manager;
            this.entry = entry;
        }

        public JobID getJobId() {
            return entry.jobId;
        }

        public ClassLoader getClassLoader() {
            if (released.get()) {
                throw new IllegalStateException("The class loader lease of job " + entry.jobId + " was released");
            }
            return entry.classLoader;
        }

        public void release() {
            if (released.compareAndSet(false, true)) {
                manager.release(entry);
            }
        }

        @Override
        public void close() {
            release();
        }
    }
}
