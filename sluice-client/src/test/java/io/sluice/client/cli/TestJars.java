package io.sluice.client.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/** Packs compiled classes into job jars for the CLI tests. */
public final class TestJars {
    private TestJars() {}

    /**
     * Writes {@code jar} with the classes of {@code anyClass}'s package (and its subpackages) from
     * the directory or jar it was loaded from, with {@code mainClass} as Main-Class unless null.
     */
    public static Path create(Path jar, Class<?> anyClass, String mainClass) throws IOException {
        Path root;
        try {
            root = Path.of(
                    anyClass.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
        String packageDir = anyClass.getPackageName().replace('.', '/');
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        if (mainClass != null) {
            manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, mainClass);
        }
        try (OutputStream file = Files.newOutputStream(jar);
                JarOutputStream out = new JarOutputStream(file, manifest)) {
            if (Files.isDirectory(root)) {
                List<Path> classes;
                try (Stream<Path> files = Files.walk(root.resolve(packageDir))) {
                    classes = files.filter(Files::isRegularFile).sorted().toList();
                }
                for (Path c : classes) {
                    out.putNextEntry(new JarEntry(root.relativize(c).toString().replace('\\', '/')));
                    Files.copy(c, out);
                    out.closeEntry();
                }
            } else {
                try (JarFile in = new JarFile(root.toFile())) {
                    for (JarEntry e : in.stream()
                            .filter(e -> e.getName().startsWith(packageDir) && !e.isDirectory())
                            .toList()) {
                        out.putNextEntry(new JarEntry(e.getName()));
                        in.getInputStream(e).transferTo(out);
                        out.closeEntry();
                    }
                }
            }
        }
        return jar;
    }
}
