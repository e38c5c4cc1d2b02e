CREATE TABLE repositories (
    id UUID PRIMARY KEY,
    name TEXT NOT NULL UNIQUE
);
