@NullMarked
package dev.mcpstack.codebase.indexing;

import org.jspecify.annotations.NullMarked;
