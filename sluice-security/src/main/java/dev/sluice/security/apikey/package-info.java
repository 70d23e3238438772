/**
 * API keys: generation ({@code slk_<id>_<secret>}, 256 random bits), storage as SHA-256 hashes only,
 * constant-time verification, and the JSON key file that {@code sluice keys} edits while a running
 * server watches it for revocations. Plaintext exists once, in the value {@link
 * dev.sluice.security.apikey.ApiKeyStore#create} returns; every {@code toString} here redacts.
 */
package dev.sluice.security.apikey;
