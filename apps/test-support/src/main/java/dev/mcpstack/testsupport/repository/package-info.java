/** A deterministic, realistic multi-language source repository for tests and benchmarks. */
@NullMarked
package dev.mcpstack.testsupport.repository;

import org.jspecify.annotations.NullMarked;
