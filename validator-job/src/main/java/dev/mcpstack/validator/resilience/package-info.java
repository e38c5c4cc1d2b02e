/**
 * The resilience suite (SPEC §6, §9): faults injected through the {@code Platform} seam while writers and readers
 * keep calling the services, every acknowledged write recorded by the caller and read back after recovery.
 */
@NullMarked
package dev.mcpstack.validator.resilience;

import org.jspecify.annotations.NullMarked;
