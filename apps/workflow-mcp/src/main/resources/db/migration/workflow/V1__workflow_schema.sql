-- Projects are the tenants: every other row carries a project_id and every query filters on it.
CREATE TABLE projects (
    id          UUID PRIMARY KEY,
    name        TEXT NOT NULL,
    description TEXT,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),
    CONSTRAINT projects_name_unique UNIQUE (name)
);
CREATE INDEX projects_created ON projects (created_at, id);

-- The active project of each client (X-Client-Id); survives restarts, one row per client.
CREATE TABLE active_projects (
    client_id   TEXT PRIMARY KEY,
    project_id  UUID NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    switched_at TIMESTAMPTZ NOT NULL
);

-- name is COLLATE "C" so a prefix becomes a plain btree range (name >= p AND name < p || max) that a generic
-- prepared-statement plan can still use, which LIKE 'p%' with a bind parameter cannot.
CREATE TABLE entities (
    id          UUID PRIMARY KEY,
    project_id  UUID NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    entity_type TEXT NOT NULL,
    name        TEXT COLLATE "C" NOT NULL,
    data        JSONB NOT NULL,
    tags        TEXT[] NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),
    updated_at  TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX entities_page ON entities (project_id, created_at, id);
CREATE INDEX entities_type_name ON entities (project_id, entity_type, name);
CREATE INDEX entities_name ON entities (project_id, name);
CREATE INDEX entities_data ON entities USING GIN (data jsonb_path_ops);
CREATE INDEX entities_tags ON entities USING GIN (tags);

CREATE TABLE work_items (
    id                UUID PRIMARY KEY,
    project_id        UUID NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    title             TEXT NOT NULL,
    description       TEXT,
    status            TEXT NOT NULL CHECK (status IN ('open', 'in_progress', 'blocked', 'done')),
    entity_references UUID[] NOT NULL,
    created_at        TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),
    updated_at        TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX work_items_page ON work_items (project_id, created_at, id);
CREATE INDEX work_items_status_page ON work_items (project_id, status, created_at, id);
