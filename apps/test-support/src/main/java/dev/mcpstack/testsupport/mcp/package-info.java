@NullMarked
package dev.mcpstack.testsupport.mcp;

import org.jspecify.annotations.NullMarked;
