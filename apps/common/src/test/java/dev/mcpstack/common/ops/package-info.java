@NullMarked
package dev.mcpstack.common.ops;

import org.jspecify.annotations.NullMarked;
