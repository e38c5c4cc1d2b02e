/** Listing and deleting indexed repositories. */
@NullMarked
package dev.mcpstack.codebase.repositories;

import org.jspecify.annotations.NullMarked;
