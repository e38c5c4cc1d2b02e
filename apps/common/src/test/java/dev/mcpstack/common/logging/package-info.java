@NullMarked
package dev.mcpstack.common.logging;

import org.jspecify.annotations.NullMarked;
