package dev.mcpstack.codebase.indexing;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * In how many chunks each lexeme occurs (document frequency), counted while chunks are encoded: one instance per
 * batch, merged into the repository's total as batches complete, written to {@code term_stats} with the chunks.
 * Search weighs rare terms more and bounds its work with these counts. Not thread-safe.
 */
final class TermCounts {

    private final Map<String, int[]> counts;

    TermCounts(int expectedTerms) {
        this.counts = new HashMap<>(expectedTerms * 4 / 3 + 1);
    }

    /** One chunk's distinct lexemes. */
    void addAll(Set<String> lexemes) {
        for (String lexeme : lexemes) {
            int[] count = counts.get(lexeme);
            if (count == null) {
                counts.put(lexeme, new int[] {1});
            } else {
                count[0]++;
            }
        }
    }

    void merge(TermCounts other) {
        for (Map.Entry<String, int[]> entry : other.counts.entrySet()) {
            int[] count = counts.putIfAbsent(entry.getKey(), entry.getValue());
            if (count != null) {
                count[0] += entry.getValue()[0];
            }
        }
    }

    int size() {
        return counts.size();
    }

    /** COPY rows {@code repository_id, term, chunk_count} for {@code term_stats}. */
    byte[] copyRows(String repositoryId) {
        CopyRows rows = new CopyRows(counts.size() * 56 + 16);
        for (Map.Entry<String, int[]> entry : counts.entrySet()) {
            rows.column(repositoryId)
                    .column(entry.getKey())
                    .column(entry.getValue()[0])
                    .endRow();
        }
        return rows.drain();
    }
}
