/** Reading, looking up and deleting single chunks. */
@NullMarked
package dev.mcpstack.codebase.chunks;

import org.jspecify.annotations.NullMarked;
