@NullMarked
package dev.mcpstack.codebase.mcp;

import org.jspecify.annotations.NullMarked;
