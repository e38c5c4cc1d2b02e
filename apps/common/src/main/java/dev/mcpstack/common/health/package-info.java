@NullMarked
package dev.mcpstack.common.health;

import org.jspecify.annotations.NullMarked;
