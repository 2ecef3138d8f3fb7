package io.sluice.runtime.taskexecutor;

import io.sluice.api.common.JobID;
import io.sluice.runtime.blob.BlobKey;
import io.sluice.runtime.deployment.ExecutionAttemptID;
import io.sluice.runtime.execution.librarycache.ChildFirstClassLoader;
import io.sluice.runtime.execution.librarycache.LibraryCacheManager;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The user-code class loaders of a {@link TaskExecutor}: a job without jars runs with the class
 * loader that created the TaskExecutor; a job with jars gets one {@link ChildFirstClassLoader} per
 * job from a {@link LibraryCacheManager}, over the jar files a {@link TaskExecutor.UserJarResolver}
 * finds (checksum-verified). Each task holds a lease on it, given back when the task reaches a
 * terminal state, so the loader is closed when the job's last task ends on this TaskExecutor.
 *
 * <p>Threading: owned by the TaskExecutor's main thread; only the resolver is set from any thread.
 */
final class UserCodeLeases {
    private final String taskManagerId;
    private final ClassLoader systemClassLoader;
    private final LibraryCacheManager libraryCache;
    private volatile TaskExecutor.UserJarResolver userJarResolver;

    /** Owned by the main thread: the class loader lease of each task of a job with jars. */
    private final Map<ExecutionAttemptID, LibraryCacheManager.Lease> leases = new HashMap<>();

    UserCodeLeases(String taskManagerId, ClassLoader systemClassLoader) {
        this.taskManagerId = taskManagerId;
        this.systemClassLoader = systemClassLoader;
        this.libraryCache = new LibraryCacheManager(systemClassLoader);
    }

    void setUserJarResolver(TaskExecutor.UserJarResolver resolver) {
        this.userJarResolver = resolver;
    }

    int getNumberOfRegisteredJobs() {
        return libraryCache.getNumberOfRegisteredJobs();
    }

    /** The class loader for a task; takes a lease for it if its job has jars. */
    ClassLoader acquire(ExecutionAttemptID attemptId, JobID jobId, List<String> userJarBlobKeys) {
        if (userJarBlobKeys.isEmpty()) {
            return systemClassLoader;
        }
        LibraryCacheManager.Lease lease = registerUserCode(jobId, userJarBlobKeys);
        leases.put(attemptId, lease);
        return lease.getClassLoader();
    }

    private LibraryCacheManager.Lease registerUserCode(JobID jobId, List<String> userJarBlobKeys) {
        TaskExecutor.UserJarResolver resolver = userJarResolver;
        if (resolver == null) {
            throw new IllegalStateException("Job " + jobId + " has jars " + userJarBlobKeys + " but TaskManager "
                    + taskManagerId + " has no blob store to fetch them from");
        }
        List<Path> jars = new ArrayList<>();
        for (String key : userJarBlobKeys) {
            try {
                jars.add(resolver.resolve(BlobKey.fromString(key)));
            } catch (IOException e) {
                throw new IllegalStateException(
                        "TaskManager " + taskManagerId + " cannot fetch jar " + key + " of job " + jobId + ": " + e, e);
            }
        }
        return libraryCache.register(jobId, jars);
    }

    /** Gives back the task's lease, if it holds one. */
    void release(ExecutionAttemptID attemptId) {
        LibraryCacheManager.Lease lease = leases.remove(attemptId);
        if (lease != null) {
            lease.release();
        }
    }

    /** At shutdown: forgets the leases and closes every class loader. */
    void shutdown() {
        leases.clear();
        libraryCache.shutdown();
    }
}
