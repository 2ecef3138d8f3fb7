package io.sluice.runtime.execution.librarycache;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/** Builds jars in tests: compiles Java sources with the JDK's compiler and packs them with resources. */
final class TestJars {
    private TestJars() {}

    /**
     * Compiles {@code sources} (fully qualified class name → source) against the test class path and
     * writes the classes plus {@code resources} (path → text) into {@code jar}.
     */
    static Path build(Path workDir, Path jar, Map<String, String> sources, Map<String, String> resources)
            throws IOException {
        Path sourceDir = Files.createTempDirectory(workDir, "src");
        Path classDir = Files.createTempDirectory(workDir, "classes");
        List<String> args = new ArrayList<>(List.of(
                "-d", classDir.toString(), "-classpath", System.getProperty("java.class.path"), "--release", "17"));
        for (Map.Entry<String, String> source : sources.entrySet()) {
            Path file = sourceDir.resolve(source.getKey().replace('.', '/') + ".java");
            Files.createDirectories(file.getParent());
            Files.writeString(file, source.getValue());
            args.add(file.toString());
        }
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        int exit = compiler.run(null, null, null, args.toArray(new String[0]));
        if (exit != 0) {
            throw new IllegalStateException("Compiling the test jar's sources failed with exit code " + exit);
        }
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
                Stream<Path> classes = Files.walk(classDir)) {
            for (Path file : classes.filter(Files::isRegularFile).sorted().toList()) {
                String name = classDir.relativize(file).toString().replace('\\', '/');
                out.putNextEntry(new JarEntry(name));
                Files.copy(file, out);
                out.closeEntry();
            }
            for (Map.Entry<String, String> resource : resources.entrySet()) {
                out.putNextEntry(new JarEntry(resource.getKey()));
                OutputStream entry = out;
                entry.write(resource.getValue().getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return jar;
    }

    /** A class {@code demo.Greeter} with {@code toString()} returning {@code greeting}. */
    static String greeterSource(String greeting) {
        return "package demo;\n"
                + "public class Greeter {\n"
                + "    @Override public String toString() { return \"" + greeting + "\"; }\n"
                + "}\n";
    }
}
