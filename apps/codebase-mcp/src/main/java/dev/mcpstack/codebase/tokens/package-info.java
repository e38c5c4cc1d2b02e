/** Code-aware tokens: identifiers kept whole and split into words, shared by indexing and search. */
@NullMarked
package dev.mcpstack.codebase.tokens;

import org.jspecify.annotations.NullMarked;
