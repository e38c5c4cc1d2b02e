@NullMarked
package dev.mcpstack.codebase;

import org.jspecify.annotations.NullMarked;
