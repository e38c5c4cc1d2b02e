package dev.mcpstack.codebase.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpstack.common.problem.ApiProblem;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;

/** One slot, one place in the queue, 300 ms of waiting: what a search beyond them gets. */
class SearchSlotsTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final SearchSlots slots = new SearchSlots(
            new SearchProperties(1000, 10, 100, 8, 1000, 800, 100, 1, 1, Duration.ofMillis(300), 1000), registry);

    @Test
    void aSearchBeyondTheSlotsWaitsUntilOneIsFree() {
        Sinks.One<String> first = Sinks.one();
        StepVerifier running = StepVerifier.create(slots.run(first::asMono))
                .expectNext("first")
                .expectComplete()
                .verifyLater();
        AtomicBoolean secondStarted = new AtomicBoolean();
        StepVerifier waiting = StepVerifier.create(slots.run(() -> {
                    secondStarted.set(true);
                    return Mono.just("second");
                }))
                .expectNext("second")
                .expectComplete()
                .verifyLater();

        assertThat(secondStarted).isFalse();
        assertThat(registry.get("codebase_mcp.search.waiting").gauge().value()).isEqualTo(1);
        first.tryEmitValue("first");

        running.verify(TIMEOUT);
        waiting.verify(TIMEOUT);
        assertThat(secondStarted).isTrue();
        assertThat(registry.get("codebase_mcp.search.running").gauge().value()).isZero();
    }

    @Test
    void aSearchFindingTheQueueFullIsAnswered503AtOnce() {
        Disposable running = slots.run(Mono::never).subscribe();
        Disposable waiting = slots.run(Mono::never).subscribe();

        StepVerifier.create(slots.run(() -> Mono.just("third")))
                .expectErrorSatisfies(SearchSlotsTest::assertBusy)
                .verify(TIMEOUT);
        running.dispose();
        waiting.dispose();
    }

    @Test
    void aSearchWaitingLongerThanMaxWaitIsAnswered503() {
        Disposable running = slots.run(Mono::never).subscribe();

        StepVerifier.create(slots.run(() -> Mono.just("second")))
                .expectErrorSatisfies(SearchSlotsTest::assertBusy)
                .verify(TIMEOUT);
        running.dispose();
    }

    @Test
    void aCancelledOrFailedSearchGivesItsSlotBack() {
        slots.run(Mono::never).subscribe().dispose();
        StepVerifier.create(slots.run(() -> Mono.error(new IllegalStateException("database said no"))))
                .expectErrorMessage("database said no")
                .verify(TIMEOUT);

        StepVerifier.create(slots.run(() -> Mono.just("next")))
                .expectNext("next")
                .expectComplete()
                .verify(TIMEOUT);
    }

    private static void assertBusy(Throwable error) {
        assertThat(error).isInstanceOf(ApiProblem.class);
        ApiProblem problem = (ApiProblem) error;
        assertThat(problem.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(problem.slug()).isEqualTo("search-busy");
        assertThat(problem.headers()).containsKey("Retry-After");
    }
}
