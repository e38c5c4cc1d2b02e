-- Entity queries always filter on project_id. The V1 GIN index on tags spans every project, so `tags && :tags`
-- plus `data @> :data` became a BitmapAnd over all projects' tag matches (~1 ms at 6 000 entities, growing with the
-- other tenants); (project_id, tags) finds only this project's matches (0.12 ms; docs/performance/workflow-mcp.md,
-- "Query plans"). btree_gin gives GIN the uuid equality; it is a trusted extension (PostgreSQL 13+), so the
-- schema owner may create it. entities_data stays: with data_contains alone the in-order scan of entities_page
-- is the cheaper plan, and a (project_id, data) GIN index made it ten times slower.
CREATE EXTENSION IF NOT EXISTS btree_gin;
CREATE INDEX entities_project_tags ON entities USING GIN (project_id, tags);
DROP INDEX entities_tags;
