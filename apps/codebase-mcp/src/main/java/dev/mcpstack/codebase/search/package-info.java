/** Full-text code search over chunks (GIN index, weighted tsvector, snippets). */
@NullMarked
package dev.mcpstack.codebase.search;

import org.jspecify.annotations.NullMarked;
