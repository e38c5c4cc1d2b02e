/** What tests share: the embedded PostgreSQL handle, archive builders, log capture. */
@NullMarked
package dev.mcpstack.testsupport;

import org.jspecify.annotations.NullMarked;
