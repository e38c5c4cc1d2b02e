package dev.mcpstack.codebase.search;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.mcpstack.codebase.indexing.RepositoryIndexed;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * What the index holds for a query's units (table {@code term_stats}): each unit's chunk count, its inflections
 * that occur ({@link Inflections}), the terms a final partial word may complete to, and how many chunks declare
 * each term. A repository's whole {@code term_stats} (or all repositories', summed, for searches without a
 * repository filter) is held in memory ({@link TermDictionaries}): agents' queries bring new identifiers all the
 * time, and each would otherwise cost a round trip (a fifth of a search's CPU, docs/performance/codebase-mcp.md). A
 * repository with more terms than {@code term-dictionary-max-terms} is looked up in PostgreSQL instead
 * ({@link TermStatisticsSql}), each lookup kept in a bounded cache for {@link #TIME_TO_LIVE}, dropped when the
 * repository is indexed here.
 */
@Component
class TermStatistics {

    static final Duration TIME_TO_LIVE = Duration.ofMinutes(2);
    private static final UUID ALL_REPOSITORIES = TermDictionaries.ALL_REPOSITORIES;

    /** What one term of a unit is: the unit's own text, an inflection of it, or a completion of its prefix. */
    enum Source {
        EXACT,
        INFLECTION,
        PREFIX
    }

    record Term(String unit, Source source, String term, long chunks, long declaringChunks) {}

    /** The terms found, and how many chunks the searched repositories hold. */
    record Found(List<Term> terms, long totalChunks) {}

    /** One lookup: a unit's terms of one source, in one repository or all ({@link #ALL_REPOSITORIES}). */
    record Key(UUID repository, Source source, String unit) {}

    private final Cache<Key, List<Term>> lookups = Caffeine.newBuilder()
            .maximumSize(200_000)
            .expireAfterWrite(TIME_TO_LIVE)
            .build();
    private final Cache<UUID, Long> totals = Caffeine.newBuilder()
            .maximumSize(10_000)
            .expireAfterWrite(TIME_TO_LIVE)
            .build();
    private final TermDictionaries dictionaries;
    private final DatabaseClient database;

    TermStatistics(DatabaseClient database, TermDictionaries dictionaries) {
        this.database = database;
        this.dictionaries = dictionaries;
    }

    @EventListener
    void indexed(RepositoryIndexed event) {
        // a search over all repositories sums every repository's counts, so those entries go as well
        lookups.asMap()
                .keySet()
                .removeIf(key -> key.repository().equals(event.repositoryId())
                        || key.repository().equals(ALL_REPOSITORIES));
        totals.invalidate(event.repositoryId());
        totals.invalidate(ALL_REPOSITORIES);
    }

    Mono<Found> lookUp(SearchQuery query, @Nullable UUID repositoryId) {
        UUID repository = repositoryId == null ? ALL_REPOSITORIES : repositoryId;
        return lookUp(keys(query, repository), repository, repositoryId);
    }

    /** The chunk counts of those of {@code terms} the index holds. */
    Mono<Map<String, Long>> chunksOf(List<String> terms, @Nullable UUID repositoryId) {
        UUID repository = repositoryId == null ? ALL_REPOSITORIES : repositoryId;
        List<Key> keys = terms.stream()
                .map(term -> new Key(repository, Source.EXACT, term))
                .toList();
        return lookUp(keys, repository, repositoryId).map(found -> {
            Map<String, Long> chunks = new HashMap<>();
            found.terms().forEach(term -> chunks.put(term.term(), term.chunks()));
            return chunks;
        });
    }

    private Mono<Found> lookUp(List<Key> keys, UUID repository, @Nullable UUID repositoryId) {
        return dictionaries
                .of(repository)
                .flatMap(dictionary -> dictionary.tooLarge()
                        ? fromDatabase(keys, repository, repositoryId)
                        : Mono.just(found(keys, dictionary)));
    }

    private static Found found(List<Key> keys, TermDictionary dictionary) {
        Map<Key, List<Term>> byKey = new HashMap<>();
        keys.forEach(key -> byKey.put(key, dictionary.terms(key)));
        return found(keys, byKey, dictionary.totalChunks());
    }

    private Mono<Found> fromDatabase(List<Key> keys, UUID repository, @Nullable UUID repositoryId) {
        Map<Key, List<Term>> cached = lookups.getAllPresent(keys);
        Long total = totals.getIfPresent(repository);
        if (total != null && cached.size() == keys.size()) {
            return Mono.just(found(keys, cached, total));
        }
        List<Key> missing =
                keys.stream().filter(key -> !cached.containsKey(key)).toList();
        return TermStatisticsSql.lookUp(database, missing, repositoryId).map(rows -> {
            Map<Key, List<Term>> all = new HashMap<>(cached);
            missing.forEach(key -> all.put(key, new ArrayList<>()));
            for (Term row : rows.terms()) {
                List<Term> terms = all.get(new Key(repository, row.source(), row.unit()));
                if (terms != null
                        && terms.stream().noneMatch(term -> term.term().equals(row.term()))) {
                    terms.add(row);
                }
            }
            missing.forEach(key -> lookups.put(key, List.copyOf(all.get(key))));
            totals.put(repository, rows.totalChunks());
            return found(keys, all, rows.totalChunks());
        });
    }

    /** Per unit in query order: its exact form, inflections (words of 3+ letters), completions (a partial word). */
    static List<Key> keys(SearchQuery query, UUID repository) {
        List<Key> keys = new ArrayList<>();
        for (SearchQuery.Unit unit : query.units()) {
            keys.add(new Key(repository, Source.EXACT, unit.text()));
            if (unit.kind() != SearchQuery.Unit.Kind.PHRASE && unit.text().length() >= 3) {
                keys.add(new Key(repository, Source.INFLECTION, unit.text()));
            }
            if (unit.prefix()) {
                keys.add(new Key(repository, Source.PREFIX, unit.text()));
            }
        }
        query.guesses().forEach(guess -> keys.add(new Key(repository, Source.EXACT, guess)));
        return keys.stream().distinct().toList();
    }

    /** A term found for a unit in more than one way counts once, as the first way (exact, inflection, prefix). */
    private static Found found(List<Key> keys, Map<Key, List<Term>> byKey, long total) {
        List<Term> terms = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Key key : keys) {
            for (Term term : byKey.getOrDefault(key, List.of())) {
                if (seen.add(term.unit() + ' ' + term.term())) {
                    terms.add(term);
                }
            }
        }
        return new Found(terms, total);
    }
}
