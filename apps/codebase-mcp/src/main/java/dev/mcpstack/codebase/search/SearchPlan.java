package dev.mcpstack.codebase.search;

import dev.mcpstack.codebase.tokens.CodeTokens;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * How one query is run, decided from {@link TermStatistics}: each unit's weight (BM25's idf from the unit's chunk
 * count, so rare terms weigh more), which units generate candidates, and the bounds. Candidates come from the
 * rarest units first, each unit's chunks fetched through the GIN index, until the candidate budget is
 * reached; a unit commoner than the budget takes part only when no unit has declaring chunks (then the rarest,
 * capped at the budget); commoner units only add to the score of those candidates. Chunks declaring a unit exactly ({@code =term} markers) are always fetched too, up to
 * {@link #DECLARING_CAP} per unit, so an exact identifier is found however common its name. The cost of a query is
 * thereby bounded by the budget, not by how many chunks its words match.
 *
 * @param channels candidate sources: tsquery, weight added to a chunk it yields, the unit's bit in the chunk's mask
 *     (0 for declaring sources), row cap
 * @param units per unit: weight, bit, and tsqueries for its terms declared (A), as declared words (B), in the path (C)
 * @param exact whether every matching chunk is among the candidates (the candidates' count is then the total)
 * @param lowerBound when not exact, a number of matching chunks known from the statistics
 */
record SearchPlan(List<Channel> channels, List<UnitScore> units, boolean exact, long lowerBound) {

    static final int DECLARING_CAP = 300;
    static final int COMPLETIONS = 8;
    static final int GUESSES = 4;
    static final double DECLARED_BONUS = 1.5;

    record Channel(String tsquery, double weight, long bit, int cap) {}

    /** {@code matches} is null when the unit's channel found every chunk it matches (the mask then says it all). */
    record UnitScore(
            double weight,
            long bit,
            String declared,
            String declaredWord,
            String path,
            @Nullable String matches) {}

    /** {@code chunks}: the largest count of its terms; {@code summedChunks}: their sum (at least the union's). */
    private record Unit(
            String text, List<String> exact, List<String> all, long chunks, long summedChunks, long declaring) {}

    static SearchPlan of(SearchQuery query, TermStatistics.Found found, int candidateBudget) {
        List<Unit> units = units(query, found);
        boolean onlyFiller = units.stream().allMatch(unit -> isFiller(query, unit.text()));
        units.removeIf(unit -> !onlyFiller && isFiller(query, unit.text()));
        units.sort(Comparator.comparingLong(Unit::chunks));
        long total = Math.max(1, found.totalChunks());
        List<Channel> channels = new ArrayList<>();
        List<UnitScore> scores = new ArrayList<>();
        long budget = candidateBudget;
        boolean exact = true;
        long lowerBound = 0;
        boolean anyDeclaring = false;
        for (int i = 0; i < units.size(); i++) {
            anyDeclaring |= declaringChannel(units.get(i), i);
        }
        for (int i = 0; i < units.size(); i++) {
            Unit unit = units.get(i);
            double idf = Math.log(1 + (total - unit.chunks() + 0.5) / (unit.chunks() + 0.5));
            long bit = 1L << i;
            lowerBound = Math.max(lowerBound, unit.chunks());
            // a unit commoner than the whole budget is read through the GIN index only when nothing else finds
            // candidates: its chunks in table order say nothing, and reading its posting list is the cost to bound
            // a unit whose channel finds all its chunks (the sum of its terms' counts within the cap) is in a
            // candidate's mask or not in the candidate at all: testing the candidate's terms for it would only repeat
            // the mask, and without such tests the candidates' vectors need not be read
            boolean exhaustive = false;
            if (unit.chunks() <= budget || (i == 0 && !anyDeclaring)) {
                channels.add(new Channel(tsquery(unit.all(), "", ""), idf, bit, candidateBudget));
                exhaustive = unit.summedChunks() <= candidateBudget;
                exact &= unit.chunks() <= budget;
                budget -= unit.chunks();
            } else {
                exact = false;
            }
            // likewise the declaring chunks of a unit declared in more than the cap (read, get, value) are an
            // arbitrary few of many, unless the unit is the query's rarest
            if (declaringChannel(unit, i)) {
                channels.add(new Channel(
                        tsquery(unit.exact(), CodeTokens.DECLARED, ""), idf * DECLARED_BONUS, 0, DECLARING_CAP));
            }
            // a unit found only through inflections still counts declared or in a path, through those
            List<String> ranked = unit.exact().isEmpty() ? unit.all() : unit.exact();
            scores.add(new UnitScore(
                    idf,
                    bit,
                    tsquery(ranked, "", ":A"),
                    tsquery(ranked, "", ":B"),
                    tsquery(ranked, "", ":C"),
                    exhaustive ? null : tsquery(unit.all(), "", "")));
        }
        return new SearchPlan(channels, scores, exact, lowerBound);
    }

    /** Whether the unit's declaring chunks are fetched: it has some, and not more than the cap unless it is rarest. */
    private static boolean declaringChannel(Unit unit, int rank) {
        return unit.declaring() > 0 && (rank == 0 || unit.declaring() <= DECLARING_CAP);
    }

    /** Whether some unit must be tested on the candidates' terms, because its channel did not find all its chunks. */
    boolean testsBodies() {
        return units.stream().anyMatch(unit -> unit.matches() != null);
    }

    boolean isEmpty() {
        return channels.isEmpty();
    }

    /**
     * Groups the found terms by unit: its own text, and the completions of a partial word, score fully (declared,
     * path); inflections only as matches.
     */
    private static List<Unit> units(SearchQuery query, TermStatistics.Found found) {
        Map<String, List<TermStatistics.Term>> byUnit = new LinkedHashMap<>();
        for (TermStatistics.Term term : found.terms()) {
            byUnit.computeIfAbsent(term.unit(), k -> new ArrayList<>()).add(term);
        }
        List<Unit> units = new ArrayList<>();
        // guessed identifiers something declares join as phrases, the longest (most words) first: one only used
        // (keyhash, a variable somewhere) is noise with a high weight for being rare
        query.guesses().stream()
                .map(guess -> byUnit.getOrDefault(guess, List.of()))
                .filter(terms -> !terms.isEmpty())
                .map(terms -> terms.get(0))
                .filter(term -> term.source() == TermStatistics.Source.EXACT && term.declaringChunks() > 0)
                .sorted(Comparator.comparingInt(
                                (TermStatistics.Term term) -> -term.term().length())
                        .thenComparingLong(TermStatistics.Term::chunks))
                .limit(GUESSES)
                .forEach(term -> units.add(new Unit(
                        term.term(),
                        List.of(term.term()),
                        List.of(term.term()),
                        term.chunks(),
                        term.chunks(),
                        term.declaringChunks())));
        for (SearchQuery.Unit unit : query.units()) {
            List<TermStatistics.Term> terms = byUnit.getOrDefault(unit.text(), List.of());
            List<TermStatistics.Term> completions = terms.stream()
                    .filter(term -> term.source() == TermStatistics.Source.PREFIX)
                    .sorted(Comparator.comparingLong(TermStatistics.Term::chunks)
                            .reversed())
                    .limit(COMPLETIONS)
                    .toList();
            // a word the index holds is complete as typed: its completions (payments → paymentsync) only match
            boolean complete = terms.stream().anyMatch(term -> term.source() == TermStatistics.Source.EXACT);
            List<String> exact = new ArrayList<>();
            List<String> all = new ArrayList<>();
            long chunks = 0;
            long summedChunks = 0;
            long declaring = 0;
            for (TermStatistics.Term term : terms) {
                boolean completion = completions.contains(term);
                boolean scoring = term.source() == TermStatistics.Source.EXACT || (completion && !complete);
                if (scoring) {
                    exact.add(term.term());
                    declaring += term.declaringChunks();
                }
                if (scoring || completion || term.source() == TermStatistics.Source.INFLECTION) {
                    all.add(term.term());
                    chunks = Math.max(chunks, term.chunks());
                    summedChunks += term.chunks();
                }
            }
            if (!all.isEmpty()) {
                units.add(new Unit(unit.text(), exact, all, chunks, summedChunks, declaring));
            }
        }
        return units;
    }

    private static boolean isFiller(SearchQuery query, String text) {
        return query.units().stream()
                .anyMatch(unit -> unit.text().equals(text) && unit.kind() == SearchQuery.Unit.Kind.FILLER);
    }

    /** An OR of quoted terms, each with a prefix and a weight suffix; terms are letters and digits only. */
    private static String tsquery(List<String> terms, String prefix, String suffix) {
        StringBuilder query = new StringBuilder();
        for (String term : terms) {
            if (!query.isEmpty()) {
                query.append(" | ");
            }
            query.append('\'').append(prefix).append(term).append('\'').append(suffix);
        }
        return query.toString();
    }
}
