@NullMarked
package dev.mcpstack.common.json;

import org.jspecify.annotations.NullMarked;
