/** Turns tar archives and server directories into chunks with search vectors, bulk-loaded in one transaction. */
@NullMarked
package dev.mcpstack.codebase.indexing;

import org.jspecify.annotations.NullMarked;
