@NullMarked
package dev.mcpstack.codebase.benchmark;

import org.jspecify.annotations.NullMarked;
