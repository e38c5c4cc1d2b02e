package dev.mcpstack.codebase.search;

import com.github.benmanes.caffeine.cache.AsyncCacheLoader;
import com.github.benmanes.caffeine.cache.AsyncLoadingCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.mcpstack.codebase.indexing.RepositoryIndexed;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The {@link TermDictionary} of each repository searched (and of all repositories), loaded on its first search and
 * again as soon as this replica finishes indexing the repository, when it is in use. Every {@link #REFRESH} a
 * dictionary in use is checked in the background against its repositories' version (one small statement) and
 * reloaded only when that changed: indexing by another replica, or a deleted repository. Searches go on with the
 * old one meanwhile. At most {@code term-dictionary-max-terms} terms are held, all dictionaries together.
 */
@Component
class TermDictionaries {

    static final Duration REFRESH = Duration.ofMinutes(2);
    static final UUID ALL_REPOSITORIES = new UUID(0, 0);
    private static final Logger log = LoggerFactory.getLogger(TermDictionaries.class);

    private final AsyncLoadingCache<UUID, TermDictionary> dictionaries;
    private final DatabaseClient database;
    private final int maxTerms;

    TermDictionaries(DatabaseClient database, SearchProperties properties) {
        this.database = database;
        this.maxTerms = properties.termDictionaryMaxTerms();
        this.dictionaries = Caffeine.newBuilder()
                .maximumWeight(maxTerms)
                .weigher((UUID repository, TermDictionary dictionary) -> dictionary.size())
                .refreshAfterWrite(REFRESH)
                .buildAsync(new Loader());
    }

    /** The dictionary of {@code repository} ({@link #ALL_REPOSITORIES} for all). */
    Mono<TermDictionary> of(UUID repository) {
        // the future is shared by every search waiting for the dictionary: one search's cancellation must not cancel it
        return Mono.fromFuture(dictionaries.get(repository), true);
    }

    @EventListener
    void indexed(RepositoryIndexed event) {
        for (UUID repository : List.of(event.repositoryId(), ALL_REPOSITORIES)) {
            boolean inUse = dictionaries.getIfPresent(repository) != null;
            dictionaries.synchronous().invalidate(repository);
            if (inUse) {
                dictionaries.get(repository);
            }
        }
    }

    private final class Loader implements AsyncCacheLoader<UUID, TermDictionary> {

        @Override
        public CompletableFuture<TermDictionary> asyncLoad(UUID repository, Executor executor) {
            return TermDictionarySql.version(database, repositoryId(repository))
                    .flatMap(version -> load(repository, version))
                    .toFuture();
        }

        @Override
        public CompletableFuture<TermDictionary> asyncReload(
                UUID repository, TermDictionary loaded, Executor executor) {
            return refreshed(repository, loaded).toFuture();
        }
    }

    /** {@code loaded} itself when its repositories' version is still the same, otherwise the dictionary loaded again. */
    Mono<TermDictionary> refreshed(UUID repository, TermDictionary loaded) {
        return TermDictionarySql.version(database, repositoryId(repository))
                .flatMap(version -> version.equals(loaded.version()) ? Mono.just(loaded) : load(repository, version));
    }

    private Mono<TermDictionary> load(UUID repository, String version) {
        long started = System.nanoTime();
        Object label = repository.equals(ALL_REPOSITORIES) ? "all repositories" : repository;
        return TermDictionarySql.load(database, repositoryId(repository), maxTerms, version)
                .doOnNext(dictionary -> log.atInfo()
                        .addKeyValue("event", "term_dictionary_loaded")
                        .addKeyValue("repository_id", label)
                        .addKeyValue("terms", dictionary.tooLarge() ? "over " + maxTerms : dictionary.size())
                        .addKeyValue("duration_ms", (System.nanoTime() - started) / 1_000_000)
                        .log(
                                dictionary.tooLarge()
                                        ? "Terms of {} are looked up in PostgreSQL: more than the dictionary's bound"
                                        : "Loaded the term dictionary of {}",
                                label));
    }

    private static @Nullable UUID repositoryId(UUID repository) {
        return repository.equals(ALL_REPOSITORIES) ? null : repository;
    }
}
