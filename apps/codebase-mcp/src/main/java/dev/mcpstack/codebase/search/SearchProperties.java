package dev.mcpstack.codebase.search;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Limits of search and lookup requests (defaults in codebase-mcp.yaml).
 *
 * @param maxQueryLength characters of a query; longer ones are refused
 * @param defaultLimit results when the request gives no limit
 * @param maxLimit largest limit a request may ask for
 * @param snippetLines lines of a result's snippet
 * @param maxLookupIds chunk ids one lookup may ask for
 * @param candidateBudget chunks one search fetches as candidates at most (besides those declaring a query term);
 *     what bounds the cost of a query whose words are common
 * @param rankedCandidates candidates (the best by coverage of the query) ranked in full, each read once
 * @param maxConcurrent searches run at once ({@link SearchSlots}); 0 = twice the available processors
 * @param maxWaiting searches waiting for a slot at most; one more is answered 503
 * @param maxWait how long a search waits for a slot before it is answered 503
 * @param termDictionaryMaxTerms terms of {@code term_stats} held in memory at most (about 60 bytes each,
 *     {@link TermDictionary}); a repository with more is looked up in PostgreSQL
 */
@ConfigurationProperties("codebase.search")
public record SearchProperties(
        int maxQueryLength,
        int defaultLimit,
        int maxLimit,
        int snippetLines,
        int maxLookupIds,
        int candidateBudget,
        int rankedCandidates,
        int maxConcurrent,
        int maxWaiting,
        Duration maxWait,
        int termDictionaryMaxTerms) {}
