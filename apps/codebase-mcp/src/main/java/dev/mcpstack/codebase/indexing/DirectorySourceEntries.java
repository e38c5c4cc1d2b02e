package dev.mcpstack.codebase.indexing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Iterator;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The files below a server directory (already checked to lie under an allowed root). Links are never followed
 * and, like devices and other special files, are skipped and counted; VCS metadata directories are ignored.
 */
final class DirectorySourceEntries implements SourceEntries {

    private final Path root;
    private final Stream<Path> walk;
    private final Iterator<Path> paths;
    private final EntryGuard guard;
    private int skipped;

    DirectorySourceEntries(Path root, IndexProperties limits) throws IOException {
        this.root = root;
        this.guard = new EntryGuard(limits);
        this.walk = Files.walk(root);
        this.paths = walk.iterator();
    }

    @Override
    public @Nullable SourceFile next() throws IOException {
        while (paths.hasNext()) {
            Path file = paths.next();
            if (file.equals(root) || isVcsMetadata(file)) {
                continue;
            }
            guard.countEntry();
            BasicFileAttributes attributes =
                    Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (attributes.isDirectory()) {
                continue;
            }
            if (!attributes.isRegularFile()) {
                skipped++;
                continue;
            }
            String path = guard.normalizePath(root.relativize(file).toString());
            if (path == null) {
                continue;
            }
            guard.checkSize(path, attributes.size());
            byte[] bytes = Files.readAllBytes(file);
            String text = EntryGuard.decode(path, bytes);
            if (text == null) {
                skipped++;
                continue;
            }
            return new SourceFile(path, text, bytes.length);
        }
        return null;
    }

    private boolean isVcsMetadata(Path file) {
        for (Path segment : root.relativize(file)) {
            String name = segment.toString();
            if (name.equals(".git") || name.equals(".hg") || name.equals(".svn")) {
                return true;
            }
        }
        return false;
    }

    @Override
    public int skipped() {
        return skipped;
    }

    @Override
    public void close() {
        walk.close();
    }
}
