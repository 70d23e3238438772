package dev.sluice.sql.result;

/** Where the next page starts: its row number and the byte position of that row in the stored result. */
record PageToken(long row, long position) {
    PageToken {
        if (row < 0 || position < 0) {
            throw new IllegalArgumentException("row and position must be 0 or more");
        }
    }
}
