package io.sluice.runtime.execution;

import java.security.Permission;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a program's {@code System.exit} from stopping the JobManager that runs its {@code main()}
 * (jar runs over REST, application mode). While a thread (or a thread it started) runs user code,
 * {@code System.exit} throws {@link UserSystemExitException} instead, so the run fails with a
 * message and the cluster keeps serving.
 *
 * <p>It needs a {@link SecurityManager}: Java 17 installs one at run time (printing its
 * deprecation warning once), Java 18 to 23 only when the JobManager runs with {@code
 * -Djava.security.manager=allow} (add it to {@code SLUICE_JM_OPTS}; Java 24 and later refuse to
 * start with it), Java 24 and later never. Without it {@link #install()} logs that programs must
 * not call {@code System.exit} and returns false. The installed manager allows everything else.
 */
public final class UserCodeExitGuard {
    private static final Logger LOG = LoggerFactory.getLogger(UserCodeExitGuard.class);
    private static final InheritableThreadLocal<String> USER_CODE = new InheritableThreadLocal<>();
    private static volatile boolean installed;

    private UserCodeExitGuard() {}

    /** A program's {@code System.exit}, refused because the JobManager runs it. */
    public static final class UserSystemExitException extends SecurityException {
        private static final long serialVersionUID = 1L;

        UserSystemExitException(String program, int status) {
            super(program + " called System.exit(" + status + "), which would have stopped the JobManager;"
                    + " a program run on a cluster must return from main() or throw");
        }
    }

    /** Installs the guard once per JVM; false when this Java cannot (see the class comment). */
    @SuppressWarnings("removal")
    public static synchronized boolean install() {
        if (installed) {
            return true;
        }
        try {
            System.setSecurityManager(new SecurityManager() {
                @Override
                public void checkPermission(Permission perm) {}

                @Override
                public void checkPermission(Permission perm, Object context) {}

                @Override
                public void checkExit(int status) {
                    String program = USER_CODE.get();
                    if (program != null) {
                        throw new UserSystemExitException(program, status);
                    }
                }
            });
            installed = true;
            return true;
        } catch (UnsupportedOperationException | SecurityException e) {
            LOG.warn(
                    "This Java ({}) cannot install a security manager, so a program that calls System.exit in"
                            + " main() stops this JobManager; programs must return or throw instead",
                    System.getProperty("java.version"));
            return false;
        }
    }

    /** Marks the current thread, and threads it starts, as running {@code program} until closed. */
    public static Scope enter(String program) {
        String previous = USER_CODE.get();
        USER_CODE.set(program);
        return () -> {
            if (previous == null) {
                USER_CODE.remove();
            } else {
                USER_CODE.set(previous);
            }
        };
    }

    /** The span of user code; closing it ends the mark on this thread. */
    @FunctionalInterface
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }
}
