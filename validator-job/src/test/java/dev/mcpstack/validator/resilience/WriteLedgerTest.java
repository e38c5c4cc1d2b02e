package dev.mcpstack.validator.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpstack.validator.model.ServerId;
import dev.mcpstack.validator.resilience.WriteLedger.Presence;
import dev.mcpstack.validator.resilience.WriteLedger.Write;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WriteLedgerTest {

    private static final Duration NO_PAUSE = Duration.ZERO;

    @Test
    void aWriteThatCannotBeFoundIsLost() {
        WriteLedger ledger = new WriteLedger();
        Write kept = write(ServerId.WORKFLOW, "a");
        Write deleted = write(ServerId.CODEBASE, "b");
        ledger.acknowledge(kept);
        ledger.acknowledge(deleted);

        List<Write> lost =
                ledger.verifyPending(w -> w.equals(kept) ? Presence.FOUND : Presence.MISSING, 3, NO_PAUSE, 2);

        assertThat(lost).containsExactly(deleted);
        assertThat(ledger.lostWrites()).containsExactly(deleted);
        assertThat(ledger.unanswered()).isEmpty();
        assertThat(ledger.acknowledged(ServerId.CODEBASE)).isEqualTo(1);
        assertThat(ledger.lost(ServerId.CODEBASE)).isEqualTo(1);
        assertThat(ledger.lost(ServerId.WORKFLOW)).isZero();
    }

    @Test
    void verifiesEachWriteOnceAcrossVerifications() {
        WriteLedger ledger = new WriteLedger();
        List<Write> checked = new ArrayList<>();
        ledger.acknowledge(write(ServerId.WORKFLOW, "1"));
        ledger.verifyPending(w -> record(checked, w), 1, NO_PAUSE, 1);
        ledger.acknowledge(write(ServerId.WORKFLOW, "2"));
        ledger.verifyPending(w -> record(checked, w), 1, NO_PAUSE, 1);

        assertThat(checked).extracting(Write::id).containsExactly("1", "2");
        assertThat(ledger.all()).hasSize(2);
        assertThat(ledger.lostWrites()).isEmpty();
    }

    @Test
    void anUnansweredReadBackIsRetriedAndCountsAsLostWhenItNeverAnswers() {
        WriteLedger ledger = new WriteLedger();
        Write flaky = write(ServerId.WORKFLOW, "flaky");
        Write silent = write(ServerId.WORKFLOW, "silent");
        ledger.acknowledge(flaky);
        ledger.acknowledge(silent);
        Map<String, Integer> attempts = new HashMap<>();

        List<Write> lost = ledger.verifyPending(
                w -> {
                    int n = attempts.merge(w.id(), 1, Integer::sum);
                    return w.equals(flaky) && n == 3 ? Presence.FOUND : Presence.UNKNOWN;
                },
                4,
                NO_PAUSE,
                1);

        assertThat(lost).containsExactly(silent);
        assertThat(ledger.unanswered()).containsExactly(silent);
        assertThat(attempts).containsEntry("flaky", 3).containsEntry("silent", 4);
    }

    @Test
    void readsBackInParallelAndStillNamesEveryLostWrite() {
        WriteLedger ledger = new WriteLedger();
        for (int i = 0; i < 60; i++) {
            ledger.acknowledge(write(ServerId.WORKFLOW, String.valueOf(i)));
        }

        List<Write> lost = ledger.verifyPending(
                w -> Integer.parseInt(w.id()) % 7 == 0 ? Presence.MISSING : Presence.FOUND, 1, NO_PAUSE, 8);

        assertThat(lost).extracting(Write::id).containsExactly("0", "7", "14", "21", "28", "35", "42", "49", "56");
    }

    @Test
    void aReadBackThatThrowsCountsAsLost() {
        WriteLedger ledger = new WriteLedger();
        ledger.acknowledge(write(ServerId.CODEBASE, "x"));

        List<Write> lost = ledger.verifyPending(
                w -> {
                    throw new IllegalStateException("connection reset");
                },
                1,
                NO_PAUSE,
                2);

        assertThat(lost).extracting(Write::id).containsExactly("x");
    }

    @Test
    void readersGetAnAcknowledgedWriteOfTheirService() {
        WriteLedger ledger = new WriteLedger();
        assertThat(ledger.any(ServerId.WORKFLOW)).isNull();
        ledger.acknowledge(write(ServerId.CODEBASE, "c"));
        ledger.acknowledge(write(ServerId.WORKFLOW, "w1"));
        ledger.acknowledge(write(ServerId.WORKFLOW, "w2"));

        for (int i = 0; i < 20; i++) {
            assertThat(ledger.any(ServerId.WORKFLOW)).extracting(Write::id).isIn(Set.of("w1", "w2"));
        }
    }

    private static Presence record(List<Write> checked, Write write) {
        checked.add(write);
        return Presence.FOUND;
    }

    private static Write write(ServerId server, String id) {
        return new Write(server, "item", id, "scope");
    }
}
