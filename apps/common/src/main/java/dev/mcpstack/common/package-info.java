/** What both services share: the embedded database default, problem details and the operational contract. */
@NullMarked
package dev.mcpstack.common;

import org.jspecify.annotations.NullMarked;
