package dev.mcpstack.codebase.search;

import dev.mcpstack.codebase.CodebaseMcpApplication;
import dev.mcpstack.codebase.CodebaseMcpTest;

/**
 * {@link NaturalLanguageSearchTest}'s queries, answered the way a repository too large for a {@link TermDictionary}
 * is: every term looked up in PostgreSQL ({@link TermStatisticsSql}), with the same results.
 */
@CodebaseMcpTest(
        properties = {
            CodebaseMcpApplication.CONFIG_NAME,
            "codebase.search.candidate-budget=4",
            "codebase.search.term-dictionary-max-terms=10",
            "spring.r2dbc.pool.max-acquire-time=10s"
        })
class NaturalLanguageSearchInPostgresTest extends NaturalLanguageSearchTest {}
