package dev.mcpstack.codebase.indexing;

import dev.mcpstack.common.problem.ApiProblem;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.r2dbc.postgresql.api.PostgresqlConnection;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.Wrapped;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * Replaces a repository's files and chunks in one transaction: readers see the old chunks until the commit and the
 * new ones after it, never half. Chunks are streamed into PostgreSQL with COPY while the archive is still being
 * read, so neither the archive nor its chunks are ever held in memory as a whole.
 */
@Component
class RepositoryIndexer {

    private static final Logger log = LoggerFactory.getLogger(RepositoryIndexer.class);

    private static final String UPSERT_REPOSITORY = "INSERT INTO repositories (id, name) VALUES ($1, $2)"
            + " ON CONFLICT (name) DO UPDATE SET name = EXCLUDED.name RETURNING id";
    private static final String COPY_FILES =
            "COPY files (repository_id, path, language, line_count, size_bytes)" + " FROM STDIN";
    private static final String COPY_TERMS = "COPY term_stats (repository_id, term, chunk_count) FROM STDIN";
    private static final String UPDATE_COUNTS = "UPDATE repositories SET file_count = $2, chunk_count = $3,"
            + " files_skipped = $4, indexed_at = now() WHERE id = $1";

    /** Workers chunking and encoding at once: the machine's cores, PostgreSQL needs the rest. */
    private static final int ENCODERS = Math.max(1, Runtime.getRuntime().availableProcessors());

    private final ConnectionFactory connectionFactory;
    private final Scheduler scheduler;
    private final IndexProperties properties;
    private final Timer duration;
    private final ApplicationEventPublisher events;

    RepositoryIndexer(
            ConnectionFactory connectionFactory,
            IndexingScheduler scheduler,
            IndexProperties properties,
            MeterRegistry registry,
            ApplicationEventPublisher events) {
        this.connectionFactory = connectionFactory;
        this.events = events;
        this.scheduler = scheduler.scheduler();
        this.properties = properties;
        this.duration = Timer.builder("codebase_mcp.index.duration")
                .description("Time to index one repository (archive or directory)")
                .publishPercentileHistogram()
                .register(registry);
    }

    /** Indexes the files {@code source} opens (on a worker thread) as repository {@code name}. */
    Mono<IndexResult> index(String name, Callable<SourceEntries> source) {
        return Mono.defer(() -> {
            IndexRun run = new IndexRun(name);
            return Mono.usingWhen(
                            Mono.from(connectionFactory.create()),
                            connection -> replace(connection, run, source).doOnError(error -> run.databaseFailed()),
                            Connection::close,
                            (connection, error) -> rollbackAndClose(connection),
                            this::rollbackAndClose)
                    .onErrorMap(error -> toProblem(error, run.readerFailureFirst()))
                    .map(ignored -> completed(run));
        });
    }

    private Mono<Long> replace(Connection connection, IndexRun run, Callable<SourceEntries> source) {
        PostgresqlConnection postgres = unwrap(connection);
        return Mono.from(connection.beginTransaction())
                .then(Mono.from(connection
                                .createStatement(UPSERT_REPOSITORY)
                                .bind("$1", UUID.randomUUID())
                                .bind("$2", run.repositoryName)
                                .execute())
                        .flatMap(result -> Mono.from(result.map(row -> row.get(0, UUID.class)))))
                .doOnNext(id -> run.repositoryId = id)
                .flatMap(id -> execute(connection, "DELETE FROM chunks WHERE repository_id = $1", id)
                        .then(execute(connection, "DELETE FROM files WHERE repository_id = $1", id))
                        .then(execute(connection, "DELETE FROM term_stats WHERE repository_id = $1", id)))
                // one CopyData message per encoded batch, sent as soon as it is ready: copyIn(sql, Publisher)
                // would gather the whole stream into one message first, so PostgreSQL would start only once every
                // chunk had been encoded (and the service would hold all of them in memory meanwhile)
                .then(Mono.defer(() -> postgres.copyIn(ChunkEncoder.COPY_CHUNKS)
                        .fromMany(chunkRows(run, source).map(Mono::just))
                        .build()))
                .then(Mono.defer(() -> postgres.copyIn(COPY_FILES, fileRows(run))))
                .then(Mono.defer(() -> postgres.copyIn(COPY_TERMS, termRows(run))))
                .then(Mono.defer(() -> Mono.from(connection
                                .createStatement(UPDATE_COUNTS)
                                .bind("$1", run.repositoryId)
                                .bind("$2", run.files.size())
                                .bind("$3", run.chunksCreated)
                                .bind("$4", run.filesSkipped)
                                .execute())
                        .flatMap(result -> Mono.from(result.getRowsUpdated()))))
                .then(Mono.from(connection.commitTransaction()))
                .then(flushPendingIndexEntries(connection))
                .thenReturn(1L);
    }

    /**
     * Files are read in order on one worker; batches of them are chunked and encoded on up to {@link #ENCODERS}
     * workers at once (COPY does not care about row order), and the counters are summed as batches complete.
     */
    private Flux<ByteBuf> chunkRows(IndexRun run, Callable<SourceEntries> source) {
        int chunkLines = properties.chunkLines();
        return Flux.<List<SourceFile>, FileBatches>generate(
                        () -> {
                            try {
                                return new FileBatches(source.call(), run);
                            } catch (Exception e) {
                                run.readerFailed(e);
                                throw e;
                            }
                        },
                        (batches, sink) -> {
                            try {
                                List<SourceFile> batch = batches.next();
                                if (batch == null) {
                                    sink.complete();
                                } else {
                                    sink.next(batch);
                                }
                            } catch (IOException | RuntimeException e) {
                                // COPY reports a failed input only as text; keep the cause for the response
                                run.readerFailed(e);
                                sink.error(e);
                            }
                            return batches;
                        },
                        RepositoryIndexer::closeQuietly)
                .subscribeOn(scheduler)
                .flatMap(
                        batch -> Mono.fromCallable(() -> ChunkEncoder.encode(batch, run.repositoryId, chunkLines))
                                .subscribeOn(scheduler),
                        ENCODERS,
                        1)
                .map(encoded -> {
                    run.chunksCreated += encoded.chunks();
                    run.files.addAll(encoded.files());
                    run.terms.merge(encoded.terms());
                    return Unpooled.wrappedBuffer(encoded.rows());
                });
    }

    private static Flux<ByteBuf> fileRows(IndexRun run) {
        return Flux.defer(() -> {
            CopyRows rows = new CopyRows(run.files.size() * 96 + 16);
            String id = run.repositoryId.toString();
            for (IndexRun.FileRow file : run.files) {
                rows.column(id)
                        .text(file.path())
                        .text(file.language())
                        .column(file.lineCount())
                        .column(file.sizeBytes())
                        .endRow();
            }
            return rows.isEmpty() ? Flux.empty() : Flux.just(Unpooled.wrappedBuffer(rows.drain()));
        });
    }

    private static Flux<ByteBuf> termRows(IndexRun run) {
        return Flux.defer(() -> run.terms.size() == 0
                ? Flux.empty()
                : Flux.just(Unpooled.wrappedBuffer(run.terms.copyRows(run.repositoryId.toString()))));
    }

    private IndexResult completed(IndexRun run) {
        long millis = run.elapsedMillis();
        duration.record(Duration.ofMillis(millis));
        log.atInfo()
                .addKeyValue("event", "index_completed")
                .addKeyValue("repository_id", run.repositoryId)
                .addKeyValue("files_indexed", run.files.size())
                .addKeyValue("files_skipped", run.filesSkipped)
                .addKeyValue("chunks_created", run.chunksCreated)
                .addKeyValue("duration_ms", millis)
                .log("Indexed repository {}", run.repositoryName);
        events.publishEvent(new RepositoryIndexed(run.repositoryId));
        return new IndexResult(
                run.repositoryId, run.files.size(), run.chunksCreated, run.filesSkipped, millis, "completed");
    }

    /**
     * Bulk loads leave new GIN entries in the index's pending list, which every search then scans linearly; merging
     * them now (after the commit, so readers already see the new chunks) keeps searches fast from the first one.
     * The statistics of {@code term_stats} are refreshed too: without them, right after the first load the planner
     * reads the whole table for every looked-up term of a search over all repositories (seconds per search).
     */
    private static Mono<Void> flushPendingIndexEntries(Connection connection) {
        return Mono.from(connection
                        .createStatement("SELECT gin_clean_pending_list('chunks_search_vector_idx'::regclass)")
                        .execute())
                .flatMap(result -> Mono.from(result.getRowsUpdated()))
                .then(Mono.from(connection.createStatement("ANALYZE term_stats").execute())
                        .flatMap(result -> Mono.from(result.getRowsUpdated())))
                .onErrorResume(e -> Mono.empty())
                .then();
    }

    private static Mono<Long> execute(Connection connection, String sql, UUID id) {
        return Mono.from(connection.createStatement(sql).bind("$1", id).execute())
                .flatMap(result -> Mono.from(result.getRowsUpdated()));
    }

    private Mono<Void> rollbackAndClose(Connection connection) {
        return Mono.from(connection.rollbackTransaction())
                .onErrorResume(e -> Mono.empty())
                .then(Mono.from(connection.close()));
    }

    private static PostgresqlConnection unwrap(Connection connection) {
        Object current = connection;
        while (!(current instanceof PostgresqlConnection) && current instanceof Wrapped<?> wrapped) {
            current = wrapped.unwrap();
        }
        if (current instanceof PostgresqlConnection postgres) {
            return postgres;
        }
        throw new IllegalStateException("Indexing needs a PostgreSQL connection, got " + connection.getClass());
    }

    /**
     * The client's mistake (a rejected or unreadable archive) is a 4xx; anything else stays what it is, so a lost
     * database answers 503 through the shared problem mapping. Only the reader's own failure can make an archive
     * unreadable: the driver's errors carry IOExceptions too (a refused or reset connection), and those are the
     * database's.
     */
    static Throwable toProblem(Throwable error, @Nullable Throwable readerFailure) {
        for (Throwable failure : readerFailure == null ? List.of(error) : List.of(readerFailure, error)) {
            for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
                if (cause instanceof ArchiveRejected rejected) {
                    return rejected.problem();
                }
                if (cause instanceof ApiProblem problem) {
                    return problem;
                }
            }
        }
        for (Throwable cause = readerFailure; cause != null; cause = cause.getCause()) {
            if (cause instanceof IOException) {
                return ApiProblem.badRequest(
                        "archive-unreadable", "The archive could not be read: " + cause.getMessage());
            }
        }
        return error;
    }

    private static void closeQuietly(FileBatches producer) {
        try {
            producer.close();
        } catch (IOException e) {
            log.debug("Closing an archive stream failed", e);
        }
    }
}
