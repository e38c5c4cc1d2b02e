/** Tar and tar.gz archives for tests, including hostile entries an indexer must refuse. */
@NullMarked
package dev.mcpstack.testsupport.archive;

import org.jspecify.annotations.NullMarked;
