package dev.mcpstack.testsupport.repository;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyntheticRepositoryTest {

    private final SyntheticRepository repository = SyntheticRepository.of(42, 500);

    @Test
    void sameSeedGivesSameBytes() {
        ByteArrayOutputStream first = new ByteArrayOutputStream();
        ByteArrayOutputStream second = new ByteArrayOutputStream();
        repository.writeTarGz(first);
        SyntheticRepository.of(42, 500).writeTarGz(second);

        assertThat(first.toByteArray()).isEqualTo(second.toByteArray());
        assertThat(SyntheticRepository.of(43, 500).file(0)).isNotEqualTo(repository.file(0));
    }

    @Test
    void generatesRealisticMultiLanguageFiles() {
        List<SyntheticRepository.SourceFile> files = repository.files().toList();

        assertThat(files).hasSize(500);
        assertThat(files.stream().map(SyntheticRepository.SourceFile::language).collect(Collectors.toSet()))
                .containsAll(Set.of("java", "python", "typescript", "go", "sql", "markdown"));
        assertThat(files)
                .allSatisfy(file -> assertThat(file.content().lines().count()).isBetween(45L, 420L));
        assertThat(files.stream().map(SyntheticRepository.SourceFile::path).distinct())
                .hasSize(500);
    }

    @Test
    void queriesHitTheFiles() {
        String all = repository
                .files()
                .map(SyntheticRepository.SourceFile::content)
                .collect(Collectors.joining("\n"))
                .toLowerCase(Locale.ROOT);

        assertThat(repository.searchQueries(200)).hasSize(200).allSatisfy(query -> {
            for (String word : query.split(" ")) {
                assertThat(all).contains(word.toLowerCase(Locale.ROOT));
            }
        });
        assertThat(repository.searchQueries(50))
                .isEqualTo(SyntheticRepository.of(42, 500).searchQueries(50));
    }

    @Test
    void aQuerySourceContinuesTheListOrGivesAnotherSequence() {
        Supplier<String> same = repository.searchQuerySource(0);
        List<String> first = Stream.generate(same).limit(300).toList();
        List<String> other =
                Stream.generate(repository.searchQuerySource(1)).limit(300).toList();

        assertThat(first).isEqualTo(repository.searchQueries(300));
        assertThat(other).isNotEqualTo(first).hasSize(300);
        // another sequence over the same files: as many distinct queries, still drawn from the repository's names
        assertThat(Set.copyOf(other)).hasSizeGreaterThan(Set.copyOf(first).size() / 2);
        assertThat(Set.copyOf(first)).containsAnyElementsOf(Set.copyOf(other));
    }

    @Test
    void writesFilesToDirectory(@TempDir Path directory) throws IOException {
        SyntheticRepository small = SyntheticRepository.of(1, 20);
        small.writeTo(directory);

        SyntheticRepository.SourceFile first = small.file(0);
        assertThat(Files.readString(directory.resolve(first.path()))).isEqualTo(first.content());
        try (var paths = Files.walk(directory)) {
            assertThat(paths.filter(Files::isRegularFile).count()).isEqualTo(20);
        }
    }
}
