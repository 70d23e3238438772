package dev.sluice.sql.result;

/**
 * What a {@link ResultStore} holds now.
 *
 * @param results results held, finished or still being written
 * @param bytesInMemory RAM reserved for encoded rows (chunk capacity), counted against the budget
 * @param bytesOnDisk bytes written to spill files
 */
public record StoreStats(int results, long bytesInMemory, long bytesOnDisk) {
}
