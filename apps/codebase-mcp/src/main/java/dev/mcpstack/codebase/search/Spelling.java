package dev.mcpstack.codebase.search;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Words of a query the index holds in no form (exact, inflection, completion) are probably misspelt: their
 * variants one adjacent transposition ({@code conucrrent} → concurrent) or one deleted letter ({@code buffferd} →
 * bufferd) away are looked up like any term, and the most frequent the index holds replaces the word in the query
 * text, which is then parsed again (so its phrases, {@code concurrenthashmap}, are corrected too). Only these two
 * kinds of typing error are covered: they need at most 2 × length lookups per unknown word, all in memory (or cached).
 */
@Component
class Spelling {

    private static final int MIN_LENGTH = 4;
    private static final int MAX_UNKNOWN = 3;

    private final TermStatistics statistics;

    Spelling(TermStatistics statistics) {
        this.statistics = statistics;
    }

    /** A query and what the index holds for it. */
    record Looked(SearchQuery query, TermStatistics.Found found) {}

    /** The query with its misspelt words corrected, looked up again; or as it is when none is, or none is found. */
    Mono<Looked> corrected(SearchQuery query, TermStatistics.Found found, @Nullable UUID repositoryId) {
        List<String> unknown = unknownWords(query, found);
        if (unknown.isEmpty()) {
            return Mono.just(new Looked(query, found));
        }
        List<String> variants =
                unknown.stream().flatMap(word -> variants(word).stream()).toList();
        return statistics.chunksOf(variants, repositoryId).flatMap(chunks -> {
            String text = corrected(query, unknown, chunks);
            SearchQuery fixed = text == null ? null : SearchQuery.parse(text);
            return fixed == null
                    ? Mono.just(new Looked(query, found))
                    : statistics.lookUp(fixed, repositoryId).map(again -> new Looked(fixed, again));
        });
    }

    /** The query's words (4 letters or more, at most 3) for which the index holds nothing. */
    static List<String> unknownWords(SearchQuery query, TermStatistics.Found found) {
        Set<String> known = new LinkedHashSet<>();
        found.terms().forEach(term -> known.add(term.unit()));
        return query.units().stream()
                .filter(unit -> unit.kind() == SearchQuery.Unit.Kind.WORD)
                .map(SearchQuery.Unit::text)
                .filter(word -> word.length() >= MIN_LENGTH && !known.contains(word))
                .limit(MAX_UNKNOWN)
                .toList();
    }

    static List<String> variants(String word) {
        Set<String> variants = new LinkedHashSet<>();
        char[] letters = word.toCharArray();
        for (int i = 0; i + 1 < letters.length; i++) {
            if (letters[i] != letters[i + 1]) {
                char[] swapped = letters.clone();
                swapped[i] = letters[i + 1];
                swapped[i + 1] = letters[i];
                variants.add(new String(swapped));
            }
        }
        for (int i = 0; i < letters.length; i++) {
            variants.add(word.substring(0, i) + word.substring(i + 1));
        }
        variants.remove(word);
        return new ArrayList<>(variants);
    }

    /** The query text with each unknown word replaced by its most frequent variant found; null if none was. */
    static @Nullable String corrected(SearchQuery query, List<String> unknown, Map<String, Long> chunksOfVariants) {
        String text = query.text();
        boolean changed = false;
        for (String word : unknown) {
            String best = null;
            long most = 0;
            for (String variant : variants(word)) {
                long chunks = chunksOfVariants.getOrDefault(variant, 0L);
                if (chunks > most) {
                    best = variant;
                    most = chunks;
                }
            }
            if (best != null) {
                text = Pattern.compile(Pattern.quote(word), Pattern.CASE_INSENSITIVE)
                        .matcher(text)
                        .replaceAll(Matcher.quoteReplacement(best));
                changed = true;
            }
        }
        return changed ? text : null;
    }
}
