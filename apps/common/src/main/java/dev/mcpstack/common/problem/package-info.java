@NullMarked
package dev.mcpstack.common.problem;

import org.jspecify.annotations.NullMarked;
