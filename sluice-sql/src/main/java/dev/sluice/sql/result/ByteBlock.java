package dev.sluice.sql.result;

/** A run of a result's bytes: {@code length} bytes of {@code array} from {@code offset}, starting at result byte {@code position}. */
record ByteBlock(long position, byte[] array, int offset, int length) {
}
