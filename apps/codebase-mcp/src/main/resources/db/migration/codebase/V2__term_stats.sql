-- Search ranks by coverage of the query's terms, rarer terms weighing more, and bounds its work by choosing
-- candidates from the rarest terms (docs/architecture/codebase-mcp.md). Both need each term's document frequency:
-- in how many chunks of a repository a lexeme of search_vector occurs, counted by the indexer while it encodes the
-- chunks and replaced with them. The key leads with repository_id so replacing a repository's terms and filtered
-- lookups are index range scans; lookups across all repositories use PostgreSQL 18's skip scan of the same index.
-- "C" collation: prefix lookups (a final partial word) become byte-wise range scans.
CREATE TABLE term_stats (
    repository_id UUID    NOT NULL REFERENCES repositories (id) ON DELETE CASCADE,
    term          TEXT    COLLATE "C" NOT NULL,
    chunk_count   INTEGER NOT NULL,
    PRIMARY KEY (repository_id, term)
);

-- Chunks indexed before this version have neither statistics nor declaration markers: search finds them only after
-- their repository is indexed again (docs/architecture/codebase-mcp.md, "Upgrading").
