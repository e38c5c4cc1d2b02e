package dev.mcpstack.codebase.indexing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpstack.common.problem.ApiProblem;
import io.r2dbc.spi.R2dbcNonTransientResourceException;
import java.io.IOException;
import java.net.ConnectException;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

/** Which failure decides the answer to an indexing request: the archive's (4xx) or the database's (left as is). */
class IndexFailureTest {

    private static final R2dbcNonTransientResourceException REFUSED = new R2dbcNonTransientResourceException(
            "Cannot connect to 127.0.0.1:5432", new ConnectException("Connection refused"));

    private static final R2dbcNonTransientResourceException COPY_FAILED =
            new R2dbcNonTransientResourceException("COPY from stdin failed: the archive reader failed");

    @Test
    void aDatabaseErrorCausedByAnIOExceptionIsTheDatabasesNotAnUnreadableArchive() {
        assertThat(RepositoryIndexer.toProblem(REFUSED, null)).isSameAs(REFUSED);
    }

    @Test
    void theReadersIOExceptionMakesTheArchiveUnreadable() {
        Throwable problem = RepositoryIndexer.toProblem(COPY_FAILED, new IOException("Unexpected EOF in tar header"));

        assertThat(problem).isInstanceOfSatisfying(ApiProblem.class, api -> {
            assertThat(api.status()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(api.slug()).isEqualTo("archive-unreadable");
            assertThat(api.getMessage()).contains("Unexpected EOF in tar header");
        });
    }

    @Test
    void aRejectedEntryKeepsItsOwnReason() {
        Throwable problem = RepositoryIndexer.toProblem(
                COPY_FAILED, ArchiveRejected.badRequest("duplicate-entry", "Entry 'a' appears more than once"));

        assertThat(problem)
                .isInstanceOfSatisfying(
                        ApiProblem.class, api -> assertThat(api.slug()).isEqualTo("duplicate-entry"));
    }

    @Test
    void theReadersFailureCountsWhenItCameBeforeTheDatabases() {
        IndexRun run = new IndexRun("corrupt");
        IOException corrupt = new IOException("Corrupted TAR archive");

        run.readerFailed(corrupt);
        run.databaseFailed();

        assertThat(run.readerFailureFirst()).isSameAs(corrupt);
    }

    @Test
    void theReadersFailureAfterTheDatabaseFailedIsIgnored() {
        IndexRun run = new IndexRun("cut-off");

        run.databaseFailed();
        run.readerFailed(new IOException("Stream closed"));

        assertThat(run.readerFailureFirst()).isNull();
        assertThat(RepositoryIndexer.toProblem(REFUSED, run.readerFailureFirst()))
                .isSameAs(REFUSED);
    }
}
