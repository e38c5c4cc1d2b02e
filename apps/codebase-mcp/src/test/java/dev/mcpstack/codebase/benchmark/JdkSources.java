package dev.mcpstack.codebase.benchmark;

import dev.mcpstack.testsupport.archive.TarArchiveBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.jspecify.annotations.Nullable;

/**
 * The first {@code n} {@code .java} files, in path order, of a JDK's {@code lib/src.zip}, read from the machine
 * (JDK sources are never committed). In path order the first 10 000 are nearly all of the {@code java.*} modules.
 */
public record JdkSources(Path zip, Map<String, byte[]> files, long bytes) {

    /** {@code -Dbenchmark.jdk-src}, else Temurin 25's src.zip, else any JDK's under /usr/lib/jvm; null when none. */
    public static @Nullable Path find() throws IOException {
        String configured = System.getProperty("benchmark.jdk-src");
        if (configured != null) {
            return Files.isRegularFile(Path.of(configured)) ? Path.of(configured) : null;
        }
        Path jvms = Path.of("/usr/lib/jvm");
        if (!Files.isDirectory(jvms)) {
            return null;
        }
        try (Stream<Path> homes = Files.list(jvms)) {
            return homes.map(home -> home.resolve("lib/src.zip"))
                    .filter(Files::isRegularFile)
                    .min(Comparator.comparing((Path zip) -> !zip.toString().contains("temurin-25"))
                            .thenComparing(Path::toString))
                    .orElse(null);
        }
    }

    public static JdkSources read(Path zip, int count) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        long bytes = 0;
        try (ZipFile archive = new ZipFile(zip.toFile())) {
            List<ZipEntry> entries = new ArrayList<>();
            archive.stream()
                    .filter(entry -> !entry.isDirectory() && entry.getName().endsWith(".java"))
                    .forEach(entries::add);
            entries.sort(Comparator.comparing(ZipEntry::getName));
            for (ZipEntry entry : entries.subList(0, Math.min(count, entries.size()))) {
                byte[] content = archive.getInputStream(entry).readAllBytes();
                files.put(entry.getName(), content);
                bytes += content.length;
            }
        }
        return new JdkSources(zip, files, bytes);
    }

    /** The first {@code count} files as an uncompressed tar. */
    public byte[] tar(int count) {
        TarArchiveBuilder tar = TarArchiveBuilder.create();
        files.entrySet().stream().limit(count).forEach(file -> tar.file(file.getKey(), file.getValue()));
        return tar.toTar();
    }

    void writeTo(Path directory) throws IOException {
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            Path target = directory.resolve(file.getKey());
            Files.createDirectories(target.getParent());
            Files.write(target, file.getValue());
        }
    }
}
