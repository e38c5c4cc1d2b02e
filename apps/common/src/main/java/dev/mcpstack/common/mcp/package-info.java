@NullMarked
package dev.mcpstack.common.mcp;

import org.jspecify.annotations.NullMarked;
