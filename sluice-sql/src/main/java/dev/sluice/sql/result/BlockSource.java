package dev.sluice.sql.result;

import java.io.IOException;

/** A result's bytes from some position on, one block at a time. */
interface BlockSource extends AutoCloseable {
    /** The next block, or null at the end. The previous block's array may be reused. */
    ByteBlock next() throws IOException;

    @Override
    void close() throws IOException;
}
