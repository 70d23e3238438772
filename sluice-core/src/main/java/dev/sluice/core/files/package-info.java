/**
 * Files that a running server reads and a command edits at the same time: {@link ReloadingFile}
 * re-reads one when its modification time, size or identity changes (checked at most once per
 * interval, keeping the last good version when a change cannot be read), and {@link AtomicFiles}
 * replaces one under a lock, so readers see either the old or the new content, never half of it.
 */
package dev.sluice.core.files;
