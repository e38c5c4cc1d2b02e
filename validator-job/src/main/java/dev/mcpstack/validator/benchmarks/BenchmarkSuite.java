package dev.mcpstack.validator.benchmarks;

import dev.mcpstack.testsupport.repository.SyntheticRepository;
import dev.mcpstack.validator.config.ValidatorProperties;
import dev.mcpstack.validator.config.ValidatorProperties.Profile;
import dev.mcpstack.validator.http.Http;
import dev.mcpstack.validator.load.JitClock;
import dev.mcpstack.validator.load.LoadEngine;
import dev.mcpstack.validator.load.LoadRequest;
import dev.mcpstack.validator.load.SteadyState;
import dev.mcpstack.validator.model.EnvironmentInfo;
import dev.mcpstack.validator.model.Json;
import dev.mcpstack.validator.model.OperationType;
import dev.mcpstack.validator.model.PerformanceBenchmarkResult;
import dev.mcpstack.validator.model.ServerId;
import dev.mcpstack.validator.report.CheckResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * SPEC §6 benchmarks: index a generated repository, search with concurrent clients, project switches and entity
 * queries over a populated project. Latency is measured at the client, end to end, into HdrHistograms, after an
 * unrecorded warm-up of the same operation ({@link Warmup}) whose size each result records in its parameters.
 */
public final class BenchmarkSuite {

    private static final long SEED = 42;
    // another seed, so the warm-up repository's content is not the measured one's
    private static final long WARMUP_SEED = 7;

    private final StackClient stack;
    private final ValidatorProperties properties;
    private final Profile profile;
    private final Warmup warmup;
    private final EnvironmentInfo environment;
    private final String runId;
    private final Consumer<String> progress;
    private final SelfCheck selfCheck;
    private final JitClock jit;
    // the measured requests run in the load engine's count-bounded closed model, timed on its event loops: a
    // blocking client thread per request (JDK HttpClient, or waiting on the engine) added a scheduler wait per
    // request on the busy 2-core machine (the self-check: +195 % to +649 %, docs/performance/validation-quick.md)
    private final LoadEngine engine;
    private static final Duration LIMIT = Duration.ofMinutes(15);

    /** The longest a benchmark waits for the services to go quiet after its warm-up ({@link Settle}). */
    private static final Duration SETTLE_LIMIT = Duration.ofSeconds(10);

    /** The timed search warm-up's own sequence of queries ({@link SyntheticRepository#searchQuerySource}). */
    private static final long WARMUP_QUERY_STREAM = 1;

    /** More than the self-check's 3 s from 10 clients get through, so none of its queries repeats. */
    private static final int SELF_CHECK_QUERIES = 3_000;

    private final List<CheckResult> selfChecks = new ArrayList<>();

    public BenchmarkSuite(
            StackClient stack,
            ValidatorProperties properties,
            Profile profile,
            EnvironmentInfo environment,
            String runId,
            Consumer<String> progress) {
        this.stack = stack;
        this.properties = properties;
        this.profile = profile;
        this.warmup = Warmup.of(profile);
        this.environment = environment;
        this.runId = runId;
        this.progress = progress;
        this.selfCheck = new SelfCheck();
        this.jit = new JitClock(stack.http(), stack.platform());
        this.engine = new LoadEngine(stack.http().timeout());
    }

    /** Each operation's result; one that could not run at all is reported through {@code failures}. */
    public List<PerformanceBenchmarkResult> run(Map<String, String> failures) {
        List<PerformanceBenchmarkResult> results = new ArrayList<>();
        SyntheticRepository repository = SyntheticRepository.of(SEED, profile.files());
        try (engine) {
            // workflow-mcp first: indexing 10 000 files leaves PostgreSQL busy for a while afterwards (autovacuum and
            // ANALYZE of the new chunks), which measured one client's project switches at p95 19.7 ms, against
            // 7.2 ms for the same requests later in the same run
            attempt("project_switch", failures, () -> results.add(projectSwitch()));
            attempt("entity_query", failures, () -> results.add(entityQuery()));
            attempt("index", failures, () -> results.add(index(repository)));
            attempt("search", failures, () -> results.add(search(repository)));
            progress.accept("benchmark self-check: a sample of each operation in the load engine's closed model");
            attempt("self-check", failures, () -> selfChecks.addAll(selfCheck.run(engine, results)));
        }
        return results;
    }

    /** The self-check's verdicts (after {@link #run}): a benchmark figure the load engine disagrees with. */
    public List<CheckResult> selfChecks() {
        return List.copyOf(selfChecks);
    }

    private LoadRequest json(ServerId server, String path, Object body, Map<String, String> headers) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.put("Content-Type", "application/json");
        return LoadRequest.post(
                stack.platform().baseUrl(server).resolve(path), all, Json.MAPPER.writeValueAsBytes(body));
    }

    private void attempt(String name, Map<String, String> failures, Runnable benchmark) {
        try {
            benchmark.run();
        } catch (RuntimeException e) {
            progress.accept("benchmark " + name + " could not run: " + e.getMessage());
            failures.put(name, String.valueOf(e.getMessage()));
        }
    }

    PerformanceBenchmarkResult index(SyntheticRepository repository) {
        String name = "bench-" + repository.fileCount() + "-" + runId;
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("file_count", repository.fileCount());
        parameters.put("repository", name);
        String warmupId = indexWarmup(parameters);
        progress.accept("benchmark index: " + repository.fileCount() + " generated files");
        Latencies latencies = new Latencies();
        Http.Response response;
        long elapsed;
        try (StackClient.GeneratedArchive archive = generated(repository, parameters);
                Heartbeat heartbeat = new Heartbeat("indexing " + repository.fileCount() + " files", progress)) {
            long start = System.nanoTime();
            response = stack.index(name, archive, Duration.ofMinutes(10));
            elapsed = System.nanoTime() - start;
        } finally {
            // kept through the measured index (as in the module benchmark), then removed so that search, the
            // scenarios and the load runs see only the measured repository
            if (warmupId != null) {
                parameters.put("warmup_repository_deleted", deleteWarmup(warmupId));
            }
        }
        if (response.status() == 201) {
            latencies.record(elapsed);
            JsonNode body = response.json();
            parameters.put("files_indexed", body.path("files_indexed").asLong());
            parameters.put("chunks_created", body.path("chunks_created").asLong());
            parameters.put("server_duration_ms", body.path("duration_ms").asLong());
        } else {
            latencies.fail("http_" + response.status(), response.excerpt());
        }
        Double target = properties.targetMs(OperationType.INDEX);
        // the target is for 10 000 files; a larger profile scales it linearly
        Double scaled = target == null ? null : target * Math.max(1.0, repository.fileCount() / 10_000.0);
        PerformanceBenchmarkResult result =
                latencies.toResult(ServerId.CODEBASE, OperationType.INDEX, parameters, scaled, environment);
        progress.accept(String.format(java.util.Locale.ROOT, "  indexed in %.0f ms", result.latencyP95Ms()));
        return result;
    }

    /**
     * The repository written as tar.gz before the clock starts: generating and compressing 10 000 files is the
     * validator's work (about a second of CPU), which would otherwise compete with the indexing it measures.
     */
    private StackClient.GeneratedArchive generated(SyntheticRepository repository, Map<String, Object> parameters) {
        long start = System.nanoTime();
        StackClient.GeneratedArchive archive = StackClient.GeneratedArchive.write(repository::writeTarGz);
        parameters.put("archive_bytes", archive.bytes());
        parameters.put("archive_written_ms", (System.nanoTime() - start) / 1_000_000);
        return archive;
    }

    /** Indexes the warm-up repository under its own name; its id, or null when the warm-up index failed. */
    private @Nullable String indexWarmup(Map<String, Object> parameters) {
        SyntheticRepository repository = SyntheticRepository.of(WARMUP_SEED, warmup.files());
        String name = "bench-warmup-" + repository.fileCount() + "-" + runId;
        progress.accept("benchmark index: warm-up, " + repository.fileCount() + " generated files (not recorded)");
        parameters.put("warmup_requests", 1);
        Http.Response response;
        try (StackClient.GeneratedArchive archive = StackClient.GeneratedArchive.write(repository::writeTarGz);
                Heartbeat heartbeat =
                        new Heartbeat("warm-up indexing " + repository.fileCount() + " files", progress)) {
            response = stack.index(name, archive, Duration.ofMinutes(10));
        } catch (RuntimeException e) {
            progress.accept("  warm-up index failed, measuring without it: " + e.getMessage());
            parameters.put("warmup_files", 0);
            parameters.put("warmup_failed_requests", 1);
            return null;
        }
        if (response.status() != 201) {
            progress.accept("  warm-up index failed (HTTP " + response.status() + "), measuring without it: "
                    + response.excerpt());
            parameters.put("warmup_files", 0);
            parameters.put("warmup_failed_requests", 1);
            return null;
        }
        parameters.put("warmup_files", repository.fileCount());
        return response.json().path("repository_id").asString();
    }

    private boolean deleteWarmup(String repositoryId) {
        try {
            Http.Response response = stack.deleteRepository(repositoryId);
            if (response.status() == 204) {
                return true;
            }
            progress.accept("  warm-up repository not deleted (HTTP " + response.status()
                    + "); search results include it: " + response.excerpt());
        } catch (RuntimeException e) {
            progress.accept("  warm-up repository not deleted; search results include it: " + e.getMessage());
        }
        return false;
    }

    /**
     * The profile's warm-up: unrecorded rounds from the benchmark's concurrent clients until the request rate stops
     * rising and the JIT compilers are quiet ({@link SteadyState}), at most {@code warmup-time}.
     */
    private SteadyState.Warmed warmFor(Latencies warm, Supplier<LoadRequest> next) {
        if (warmup.time().isZero()) {
            return SteadyState.Warmed.NONE;
        }
        SteadyState.Warmed warmed = SteadyState.warm(
                () -> {
                    long before = warm.count() + warm.failures();
                    engine.runCount(warmup.clients(), Long.MAX_VALUE, next, SteadyState.ROUND, warm.outcome("warm-up"));
                    return warm.count() + warm.failures() - before;
                },
                jit::seconds,
                warmup.time());
        if (!warmed.steady()) {
            progress.accept(String.format(
                    Locale.ROOT,
                    "  not steady after %d s of warm-up (the JIT compiled for %.0f ms in its last second): measuring"
                            + " anyway",
                    warmup.time().toSeconds(),
                    1000 * warmed.lastRoundJitSeconds()));
        }
        return warmed;
    }

    /** Runs {@code measured} and returns the milliseconds the JIT compilers worked during it ({@link JitClock}). */
    private long jitMillisDuring(Runnable measured) {
        double before = jit.seconds();
        measured.run();
        return Math.round(1000 * (jit.seconds() - before));
    }

    private String warmupTimeText() {
        return !warmup.time().isZero()
                ? "until steady (at most " + warmup.time().toSeconds() + " s) from " + warmup.clients()
                        + " clients and "
                : "";
    }

    /**
     * The measured parameters plus how much unrecorded warm-up ran (and how much of it failed, if any), whether it
     * ended steady, and the compilers' time during the measured requests ({@code jitMillis}).
     */
    static Map<String, Object> withWarmup(
            Map<String, Object> parameters, Latencies warm, SteadyState.Warmed warmed, long jitMillis) {
        Map<String, Object> all = withWarmup(parameters, warm);
        if (warmed.rounds() > 0) {
            all.put("warmup_rounds", warmed.rounds());
            all.put("warmup_steady", warmed.steady());
            all.put("warmup_jit_ms_last_round", Math.round(1000 * warmed.lastRoundJitSeconds()));
        }
        all.put("jit_ms_during_measurement", jitMillis);
        return all;
    }

    /** The measured parameters plus how much unrecorded warm-up ran (and how much of it failed, if any). */
    static Map<String, Object> withWarmup(Map<String, Object> parameters, Latencies warm) {
        Map<String, Object> all = new LinkedHashMap<>(parameters);
        all.put("warmup_requests", warm.count() + warm.failures());
        if (warm.failures() > 0) {
            all.put("warmup_failed_requests", warm.failures());
        }
        return all;
    }

    PerformanceBenchmarkResult search(SyntheticRepository repository) {
        int clients = Math.max(1, profile.searchClients());
        int searches = Math.max(1, profile.searches());
        // one deterministic sequence: the measured queries are its first `searches` (as before the warm-up existed),
        // the warm-up takes the ones after them, so the measured queries are not answered from a just-warmed cache,
        // and the self-check the ones after those, so that it too times queries the service has not seen (it timed
        // the measured ones again, which codebase-mcp's term-statistics cache then answered faster)
        List<String> queries = repository.searchQueries(searches + warmup.searches() + SELF_CHECK_QUERIES);
        List<String> selfCheckQueries = queries.subList(searches + warmup.searches(), queries.size());
        progress.accept("benchmark search: warm-up, " + warmupTimeText() + warmup.searches() + " queries, " + clients
                + " concurrent clients (not recorded)");
        Latencies warm = new Latencies();
        List<String> warmQueries = queries.subList(searches, searches + warmup.searches());
        // the timed warm-up keeps asking new queries, as the measured ones are new: cycling through a few hundred
        // had the term-statistics cache answer every one of them after the first round
        SteadyState.Warmed warmed = warmQueries.isEmpty()
                ? SteadyState.Warmed.NONE
                : warmFor(warm, searchRequests(repository.searchQuerySource(WARMUP_QUERY_STREAM)));
        search(warmQueries, clients, warm);
        Duration settled = Settle.await(stack.platform(), SETTLE_LIMIT);
        progress.accept("benchmark search: " + searches + " queries, " + clients + " concurrent clients");
        Latencies latencies = new Latencies();
        long jitMillis = jitMillisDuring(() -> search(queries.subList(0, searches), clients, latencies));
        selfCheck.sample(ServerId.CODEBASE, OperationType.SEARCH, clients, searchRequests(selfCheckQueries));
        return latencies.toResult(
                ServerId.CODEBASE,
                OperationType.SEARCH,
                withWarmup(
                        Map.of(
                                "searches",
                                searches,
                                "concurrent_clients",
                                clients,
                                "limit",
                                10,
                                "settle_ms",
                                settled.toMillis()),
                        warm,
                        warmed,
                        jitMillis),
                properties.targetMs(OperationType.SEARCH),
                environment);
    }

    private void search(List<String> queries, int clients, Latencies latencies) {
        engine.runCount(clients, queries.size(), searchRequests(queries), LIMIT, latencies.outcome("POST /mcp/search"));
    }

    /** Searches for each of {@code queries} in turn, round and round. */
    private Supplier<LoadRequest> searchRequests(List<String> queries) {
        AtomicInteger next = new AtomicInteger();
        return searchRequests(() -> queries.get(next.getAndIncrement() % queries.size()));
    }

    private Supplier<LoadRequest> searchRequests(Supplier<String> queries) {
        return () -> json(ServerId.CODEBASE, "/mcp/search", Map.of("query", queries.get(), "limit", 10), Map.of());
    }

    PerformanceBenchmarkResult projectSwitch() {
        int switches = Math.max(20, profile.projectSwitches());
        progress.accept("benchmark project_switch: " + switches + " switches between 4 projects, after "
                + warmupTimeText() + warmup.projectSwitches() + " unrecorded");
        List<String> projects = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            projects.add(stack.createProject("bench-switch-" + runId + "-" + i)
                    .path("id")
                    .asString());
        }
        Map<String, String> client = Map.of("X-Client-Id", "validator-bench-" + runId);
        Latencies warm = new Latencies();
        SteadyState.Warmed warmed = warmFor(warm, activations(projects, client));
        switches(projects, warmup.projectSwitches(), client, warm);
        Duration settled = Settle.await(stack.platform(), SETTLE_LIMIT);
        Latencies latencies = new Latencies();
        long jitMillis = jitMillisDuring(() -> switches(projects, switches, client, latencies));
        selfCheck.sample(ServerId.WORKFLOW, OperationType.PROJECT_SWITCH, 1, activations(projects, client));
        return latencies.toResult(
                ServerId.WORKFLOW,
                OperationType.PROJECT_SWITCH,
                withWarmup(
                        Map.of("switches", switches, "projects", projects.size(), "settle_ms", settled.toMillis()),
                        warm,
                        warmed,
                        jitMillis),
                properties.targetMs(OperationType.PROJECT_SWITCH),
                environment);
    }

    private void switches(List<String> projects, int count, Map<String, String> client, Latencies latencies) {
        engine.runCount(
                1, count, activations(projects, client), LIMIT, latencies.outcome("POST /mcp/projects/{id}/activate"));
    }

    /** Activates each of {@code projects} in turn for {@code client}, round and round. */
    private Supplier<LoadRequest> activations(List<String> projects, Map<String, String> client) {
        AtomicInteger next = new AtomicInteger();
        return () -> json(
                ServerId.WORKFLOW,
                "/mcp/projects/" + projects.get(next.getAndIncrement() % projects.size()) + "/activate",
                Map.of(),
                client);
    }

    PerformanceBenchmarkResult entityQuery() {
        int entities = Math.max(1, profile.entities());
        progress.accept("benchmark entity_query: populating " + entities + " entities");
        String project =
                stack.createProject("bench-entities-" + runId).path("id").asString();
        AtomicInteger next = new AtomicInteger();
        try (Heartbeat heartbeat = new Heartbeat("populating " + entities + " entities", progress)) {
            populate(project, entities, next);
        }
        List<Map<String, Object>> shapes = List.of(
                Map.of("project_id", project, "entity_type", "service", "limit", 20),
                Map.of("project_id", project, "tags_any", List.of("tag-3", "tag-7"), "limit", 20),
                Map.of("project_id", project, "data_contains", Map.of("owner", "team-2"), "limit", 20),
                Map.of("project_id", project, "name_prefix", "entity-1", "limit", 20));
        int queries = Math.max(1, profile.entityQueries());
        progress.accept("benchmark entity_query: " + queries + " queries over " + entities + " entities, after "
                + warmupTimeText() + warmup.entityQueries() + " unrecorded");
        Latencies warm = new Latencies();
        SteadyState.Warmed warmed = warmFor(warm, entityQueryRequests(shapes));
        entityQueries(shapes, warmup.entityQueries(), warm);
        Duration settled = Settle.await(stack.platform(), SETTLE_LIMIT);
        Latencies latencies = new Latencies();
        long jitMillis = jitMillisDuring(() -> entityQueries(shapes, queries, latencies));
        selfCheck.sample(ServerId.WORKFLOW, OperationType.ENTITY_QUERY, 1, entityQueryRequests(shapes));
        return latencies.toResult(
                ServerId.WORKFLOW,
                OperationType.ENTITY_QUERY,
                withWarmup(
                        Map.of(
                                "entities",
                                entities,
                                "queries",
                                queries,
                                "shapes",
                                "entity_type,tags_any,data_contains,name_prefix",
                                "settle_ms",
                                settled.toMillis()),
                        warm,
                        warmed,
                        jitMillis),
                properties.targetMs(OperationType.ENTITY_QUERY),
                environment);
    }

    private void entityQueries(List<Map<String, Object>> shapes, int count, Latencies latencies) {
        engine.runCount(1, count, entityQueryRequests(shapes), LIMIT, latencies.outcome("POST /mcp/entities/query"));
    }

    /** Queries each of {@code shapes} in turn, round and round. */
    private Supplier<LoadRequest> entityQueryRequests(List<Map<String, Object>> shapes) {
        AtomicInteger next = new AtomicInteger();
        return () -> json(
                ServerId.WORKFLOW, "/mcp/entities/query", shapes.get(next.getAndIncrement() % shapes.size()), Map.of());
    }

    private void populate(String project, int entities, AtomicInteger next) {
        List<String> types = List.of("component", "service", "decision", "requirement");
        concurrently(4, () -> {
            for (int i = next.getAndIncrement(); i < entities; i = next.getAndIncrement()) {
                stack.createEntity(
                        project,
                        types.get(i % types.size()),
                        "entity-" + i,
                        Map.of("index", i, "owner", "team-" + (i % 7), "priority", i % 5),
                        List.of("tag-" + (i % 10), i % 2 == 0 ? "even" : "odd"));
            }
        });
    }

    static void concurrently(int threads, Runnable work) {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                futures.add(pool.submit(work));
            }
            for (Future<?> future : futures) {
                future.get(15, TimeUnit.MINUTES);
            }
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        } catch (Exception e) {
            throw new IllegalStateException("benchmark workers did not finish: " + e, e);
        } finally {
            pool.shutdownNow();
        }
    }
}
