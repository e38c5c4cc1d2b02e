-- Repositories, their files and the searchable chunks of those files.
-- search_vector is built by the service at insert time (identifiers kept whole and split; declarations weighted A,
-- file path tokens B, other identifiers D) so the 'simple' configuration and a GIN index are all search needs.
-- rank_vector holds only the A and B terms: every match is ranked, so ranking reads this small inline value while
-- the large search_vector and content live out of line (EXTERNAL, toast_tuple_target) and keep heap rows narrow.
CREATE TABLE repositories (
    id            UUID PRIMARY KEY,
    name          TEXT        NOT NULL UNIQUE,
    file_count    INTEGER     NOT NULL DEFAULT 0,
    chunk_count   INTEGER     NOT NULL DEFAULT 0,
    files_skipped INTEGER     NOT NULL DEFAULT 0,
    indexed_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE files (
    repository_id UUID    NOT NULL REFERENCES repositories (id) ON DELETE CASCADE,
    path          TEXT    NOT NULL,
    language      TEXT    NOT NULL,
    line_count    INTEGER NOT NULL,
    size_bytes    BIGINT  NOT NULL,
    PRIMARY KEY (repository_id, path)
);

CREATE TABLE chunks (
    id            UUID     PRIMARY KEY,
    repository_id UUID     NOT NULL REFERENCES repositories (id) ON DELETE CASCADE,
    file_path     TEXT     NOT NULL,
    language      TEXT     NOT NULL,
    start_line    INTEGER  NOT NULL,
    end_line      INTEGER  NOT NULL,
    content       TEXT     NOT NULL,
    rank_vector   TSVECTOR NOT NULL,
    search_vector TSVECTOR NOT NULL
) WITH (toast_tuple_target = 1024);

ALTER TABLE chunks ALTER COLUMN rank_vector SET STORAGE MAIN;
ALTER TABLE chunks ALTER COLUMN content SET STORAGE EXTERNAL;
ALTER TABLE chunks ALTER COLUMN search_vector SET STORAGE EXTERNAL;

CREATE INDEX chunks_search_vector_idx ON chunks USING GIN (search_vector);
CREATE INDEX chunks_repository_idx ON chunks (repository_id);
