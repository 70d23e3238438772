package dev.sluice.server.cli;

import dev.sluice.security.AuthSettings;
import dev.sluice.security.apikey.ApiKeyInfo;
import dev.sluice.security.apikey.ApiKeyStore;
import dev.sluice.security.apikey.CreatedApiKey;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code sluice keys create|list|revoke}: API keys in the key file ({@code auth.key_file}), stored
 * hashed. A running server sees new and revoked keys within a second.
 */
@Command(name = "keys", mixinStandardHelpOptions = true, description = "Create, list and revoke API keys (stored hashed in auth.key_file).",
        subcommands = {KeysCommand.Create.class, KeysCommand.ListKeys.class, KeysCommand.Revoke.class})
final class KeysCommand implements Runnable {
    @Override
    public void run() {
        new picocli.CommandLine(this).usage(System.out);
    }

    /** The key file named by the configuration, or the default next to the working directory. */
    static ApiKeyStore store(ConfigOptions options) {
        Path file = AuthSettings.read(options.load().auth()).keyFile();
        return ApiKeyStore.open(file);
    }

    @Command(name = "create", mixinStandardHelpOptions = true, description = "Create a key and print it once.")
    static final class Create implements Callable<Integer> {
        @Mixin
        ConfigOptions config = new ConfigOptions();

        @Option(names = "--name", required = true, description = "Who or what the key is for (shown in the audit log as apikey:NAME)")
        String name;

        @Option(names = "--scopes", split = ",", defaultValue = "sql:read", description = "Comma-separated scopes (default: sql:read)")
        List<String> scopes;

        @Override
        public Integer call() {
            ApiKeyStore store = store(config);
            CreatedApiKey created = store.create(name, scopes);
            System.out.println(created.plaintext());
            System.err.println("Created key " + created.info().id() + " for " + name + " with scopes " + created.info().scopes()
                    + " in " + store.file() + ". It is shown only now; store it in your secret manager.");
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List keys (never their secrets).")
    static final class ListKeys implements Callable<Integer> {
        @Mixin
        ConfigOptions config = new ConfigOptions();

        @Override
        public Integer call() {
            List<ApiKeyInfo> keys = store(config).list();
            System.out.printf("%-24s %-24s %-30s %-22s %s%n", "ID", "NAME", "SCOPES", "CREATED", "REVOKED");
            for (ApiKeyInfo k : keys) {
                System.out.printf("%-24s %-24s %-30s %-22s %s%n", k.id(), k.name(), String.join(",", k.scopes()), k.createdAt(),
                        k.revokedAt() == null ? "-" : k.revokedAt());
            }
            return 0;
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revoke a key by name or id; servers refuse it within a second.")
    static final class Revoke implements Callable<Integer> {
        @Mixin
        ConfigOptions config = new ConfigOptions();

        @Parameters(paramLabel = "NAME_OR_ID")
        String nameOrId;

        @Override
        public Integer call() {
            ApiKeyInfo revoked = store(config).revoke(nameOrId);
            System.out.println("Revoked " + revoked.id() + " (" + revoked.name() + ") at " + revoked.revokedAt());
            return 0;
        }
    }
}
