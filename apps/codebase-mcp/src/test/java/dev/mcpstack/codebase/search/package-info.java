@NullMarked
package dev.mcpstack.codebase.search;

import org.jspecify.annotations.NullMarked;
