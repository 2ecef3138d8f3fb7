package io.sluice.runtime.execution.librarycache;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A class loader over a job's jars that looks in the jars before asking its parent, so a job can
 * bring its own version of a library the cluster also has.
 *
 * <p>Classes whose name starts with one of the parent-first patterns (the JDK, Sluice's API, logging)
 * are always delegated to the parent first, so the job and the runtime agree on those types: a
 * {@code io.sluice.api} class packed into a user jar is ignored in favour of the cluster's.
 *
 * <p>Resources follow the same rule, with the patterns read as paths ({@code io.sluice.api.} matches
 * {@code io/sluice/api/...}): child first, except under a parent-first pattern, where the parent is
 * asked first. {@link #getResources} lists the child's resources before the parent's.
 *
 * <p>Threading: registered as parallel capable; loading is guarded per class name as in the JDK.
 */
public final class ChildFirstClassLoader extends URLClassLoader {
    static {
        ClassLoader.registerAsParallelCapable();
    }

    private final String[] parentFirstClassPrefixes;
    private final String[] parentFirstResourcePrefixes;

    public ChildFirstClassLoader(URL[] urls, ClassLoader parent, List<String> parentFirstPatterns) {
        super(urls, Objects.requireNonNull(parent, "parent class loader"));
        this.parentFirstClassPrefixes = parentFirstPatterns.toArray(new String[0]);
        this.parentFirstResourcePrefixes =
                parentFirstPatterns.stream().map(p -> p.replace('.', '/')).toArray(String[]::new);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (startsWithAny(name, parentFirstClassPrefixes)) {
            return super.loadClass(name, resolve);
        }
        synchronized (getClassLoadingLock(name)) {
            Class<?> c = findLoadedClass(name);
            if (c == null) {
                try {
                    c = findClass(name);
                } catch (ClassNotFoundException notInJars) {
                    // Not the job's: the cluster's class path may have it.
                    c = getParent().loadClass(name);
                }
            }
            if (resolve) {
                resolveClass(c);
            }
            return c;
        }
    }

    @Override
    public URL getResource(String name) {
        if (startsWithAny(name, parentFirstResourcePrefixes)) {
            URL fromParent = getParent().getResource(name);
            return fromParent != null ? fromParent : findResource(name);
        }
        URL own = findResource(name);
        return own != null ? own : getParent().getResource(name);
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        List<URL> own = Collections.list(findResources(name));
        List<URL> fromParent = Collections.list(getParent().getResources(name));
        Set<URL> all = new LinkedHashSet<>();
        if (startsWithAny(name, parentFirstResourcePrefixes)) {
            all.addAll(fromParent);
            all.addAll(own);
        } else {
            all.addAll(own);
            all.addAll(fromParent);
        }
        return Collections.enumeration(new ArrayList<>(all));
    }

    private static boolean startsWithAny(String name, String[] prefixes) {
        for (String prefix : prefixes) {
            if (name.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
