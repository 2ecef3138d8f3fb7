package io.sluice.client.cli;

import io.sluice.api.configuration.Configuration;
import io.sluice.api.environment.StreamExecutionEnvironment;
import io.sluice.api.execution.ExecutionOptions;
import io.sluice.runtime.jobgraph.SavepointRestoreSettings;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A job jar and the class whose {@code public static void main(String[])} runs it.
 *
 * <p>{@link #open} checks everything that can be checked before the program runs (the jar is
 * readable, the main class exists and has a main method) and fails with a {@link CliException}
 * naming what is wrong. {@link #run} then loads the program through a {@link URLClassLoader} over the
 * jar (parent: the client's loader, which holds the engine), installs a context environment so the
 * program's {@code StreamExecutionEnvironment.getExecutionEnvironment()} runs jobs on an embedded
 * cluster with the requested parallelism, and calls {@code main} on the calling thread.
 */
final class JarProgram implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(JarProgram.class);

    private final Path jar;
    private final URLClassLoader loader;
    private final Method main;

    private JarProgram(Path jar, URLClassLoader loader, Method main) {
        this.jar = jar;
        this.loader = loader;
        this.main = main;
    }

    /**
     * Opens {@code jar} and finds its main class: {@code mainClass} if not null, else the jar
     * manifest's {@code Main-Class}.
     */
    static JarProgram open(Path jar, String mainClass, ClassLoader parent) throws CliException {
        if (!Files.isRegularFile(jar)) {
            throw new CliException("sluice run: the jar file '" + jar + "' does not exist or is not a file"
                    + " (resolved to " + jar.toAbsolutePath() + "); check the path");
        }
        if (!Files.isReadable(jar)) {
            throw new CliException("sluice run: the jar file '" + jar + "' is not readable; check its permissions");
        }
        String className = mainClass;
        String origin = "given with -c";
        if (className == null) {
            className = manifestMainClass(jar);
            origin = "named by the Main-Class of the jar's manifest";
        }
        URLClassLoader loader;
        try {
            loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, parent);
        } catch (IOException e) {
            throw new CliException("sluice run: cannot load classes from '" + jar + "': " + e.getMessage());
        }
        try {
            Method main = findMain(loader, jar, className, origin);
            return new JarProgram(jar, loader, main);
        } catch (CliException | RuntimeException | Error e) {
            closeQuietly(loader);
            throw e;
        }
    }

    private static String manifestMainClass(Path jar) throws CliException {
        Manifest manifest;
        try (JarFile file = new JarFile(jar.toFile())) {
            manifest = file.getManifest();
        } catch (IOException e) {
            throw new CliException(
                    "sluice run: '" + jar + "' is not a readable jar file (" + e.getMessage() + "); pass a job jar");
        }
        String name = manifest == null ? null : manifest.getMainAttributes().getValue(Attributes.Name.MAIN_CLASS);
        if (name == null || name.isBlank()) {
            throw new CliException("sluice run: the jar '" + jar
                    + "' has no Main-Class in its manifest; name the class to run with -c <class>");
        }
        return name.trim();
    }

    private static Method findMain(ClassLoader loader, Path jar, String className, String origin) throws CliException {
        Class<?> cls;
        try {
            cls = Class.forName(className, false, loader);
        } catch (ClassNotFoundException e) {
            throw new CliException("sluice run: class '" + className + "' (" + origin + ") was not found in '" + jar
                    + "'; check the class name");
        } catch (LinkageError e) {
            throw new CliException("sluice run: class '" + className + "' in '" + jar + "' cannot be loaded: " + e);
        }
        Method main;
        try {
            main = cls.getMethod("main", String[].class);
        } catch (NoSuchMethodException e) {
            main = null;
        }
        if (main == null || !Modifier.isStatic(main.getModifiers()) || main.getReturnType() != void.class) {
            throw new CliException("sluice run: class '" + className
                    + "' has no 'public static void main(String[])' method; name a class that has one");
        }
        return main;
    }

    /** The class loader over the jar: it rebuilds the job's accumulators and exceptions on the client. */
    ClassLoader classLoader() {
        return loader;
    }

    /** The main class's name. */
    String mainClassName() {
        return main.getDeclaringClass().getName();
    }

    /**
     * Runs {@code main(args)} on this thread with a context environment whose jobs run on an
     * embedded cluster; {@code parallelism} null means {@code parallelism.default} (number of cores).
     *
     * @throws Throwable what {@code main} threw, unwrapped
     */
    void run(String[] args, Integer parallelism) throws Throwable {
        run(args, parallelism, SavepointRestoreSettings.none());
    }

    /** As {@link #run(String[], Integer)}, every job of the program starting from {@code restore}. */
    void run(String[] args, Integer parallelism, SavepointRestoreSettings restore) throws Throwable {
        Configuration conf = new Configuration();
        if (parallelism != null) {
            conf.set(ExecutionOptions.DEFAULT_PARALLELISM, parallelism);
        }
        restore.toConfiguration(conf);
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        StreamExecutionEnvironment.initializeContextEnvironment(() -> {
            StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(conf);
            env.setUserCodeClassLoader(loader);
            return env;
        });
        thread.setContextClassLoader(loader);
        try {
            main.invoke(null, (Object) args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        } finally {
            thread.setContextClassLoader(previous);
            StreamExecutionEnvironment.resetContextEnvironment();
        }
    }

    @Override
    public void close() {
        closeQuietly(loader);
    }

    private static void closeQuietly(URLClassLoader loader) {
        try {
            loader.close();
        } catch (IOException e) {
            // The run's outcome is already decided; a jar handle that stays open is worth a warning only.
            LOG.warn("Could not close the class loader of the job jar: {}", e.toString());
        }
    }

    @Override
    public String toString() {
        return jar + " (" + mainClassName() + ")";
    }
}
