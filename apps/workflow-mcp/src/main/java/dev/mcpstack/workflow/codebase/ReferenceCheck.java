package dev.mcpstack.workflow.codebase;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Checks work-item references against codebase-mcp and never fails: when codebase-mcp cannot answer (down, slow,
 * breaker open, bulkhead full) the report says {@code code_search_unavailable} and the caller carries on with
 * the references unverified. The check is made even for no references, so a caller always learns whether code
 * search is available.
 */
@Component
public class ReferenceCheck {

    public static final String CODE_SEARCH_UNAVAILABLE = "code_search_unavailable";
    public static final String STALE_PREFIX = "stale_reference: chunk ";
    public static final String STALE_SUFFIX = " no longer exists in codebase-mcp";

    private static final Logger log = LoggerFactory.getLogger(ReferenceCheck.class);

    private final CodebaseClient codebase;

    ReferenceCheck(CodebaseClient codebase) {
        this.codebase = codebase;
    }

    public Mono<ReferenceReport> check(List<UUID> references) {
        return codebase.lookup(references)
                .map(lookup -> report(references, lookup))
                .onErrorResume(LookupRejected.class, rejected -> {
                    log.debug("codebase-mcp refused a chunk lookup: {}", rejected.getMessage());
                    return Mono.just(
                            references.isEmpty()
                                    ? new ReferenceReport(List.of(), List.of())
                                    : ReferenceReport.unavailable());
                })
                .onErrorResume(Exception.class, failure -> {
                    log.debug("codebase-mcp unavailable for a chunk lookup: {}", failure.toString());
                    return Mono.just(ReferenceReport.unavailable());
                })
                .defaultIfEmpty(ReferenceReport.unavailable());
    }

    private static ReferenceReport report(List<UUID> references, ChunkLookup lookup) {
        Set<UUID> found = new HashSet<>();
        if (lookup.found() != null) {
            lookup.found().forEach(chunk -> found.add(chunk.chunkId()));
        }
        List<UUID> stale = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (UUID reference : references) {
            if (!found.contains(reference)) {
                stale.add(reference);
                warnings.add(STALE_PREFIX + reference + STALE_SUFFIX);
            }
        }
        return new ReferenceReport(List.copyOf(stale), List.copyOf(warnings));
    }
}
