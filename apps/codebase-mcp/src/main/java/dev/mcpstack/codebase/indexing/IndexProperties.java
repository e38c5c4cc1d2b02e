package dev.mcpstack.codebase.indexing;

import java.nio.file.Path;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Limits on what one indexing request may feed the service (archives are untrusted) and where server-side
 * directories may be read from. Defaults are in codebase-mcp.yaml.
 *
 * @param allowedRoots directories {@code POST /mcp/index {"path"}} may read below; empty refuses every path
 * @param maxArchiveSize compressed bytes of one uploaded archive (larger answers 413)
 * @param maxExpandedSize expanded bytes of all entries together
 * @param maxEntrySize bytes of one file
 * @param maxEntries entries (files, directories, anything) of one archive or directory
 * @param maxCompressionRatio expanded bytes per compressed byte of a gzip body (bomb guard)
 * @param minRatioCheckSize expanded bytes after which the ratio is enforced (small archives compress well)
 * @param maxPathLength characters of an entry name
 * @param chunkLines lines per chunk the chunker aims for
 * @param workerThreads threads parsing archives and building chunks
 */
@ConfigurationProperties("codebase.index")
public record IndexProperties(
        @Nullable List<Path> allowedRoots,
        DataSize maxArchiveSize,
        DataSize maxExpandedSize,
        DataSize maxEntrySize,
        int maxEntries,
        int maxCompressionRatio,
        DataSize minRatioCheckSize,
        int maxPathLength,
        int chunkLines,
        int workerThreads) {

    public IndexProperties {
        allowedRoots = allowedRoots == null ? List.of() : List.copyOf(allowedRoots);
    }

    public List<Path> roots() {
        return allowedRoots == null ? List.of() : allowedRoots;
    }
}
