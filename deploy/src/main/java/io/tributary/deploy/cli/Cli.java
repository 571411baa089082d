package io.tributary.deploy.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The everyday commands of {@code ./tributary}, on top of the services' HTTP APIs: channels, keys, tokens, the
 * live directory, kicking a publisher, and the stack's status. They read the endpoints and the admin token from
 * the running stack's {@code stack.json} (see {@link CliEndpoints}), print tables for people and, with
 * {@code --json}, the services' own JSON for scripts. A failure is one line on stderr and a non-zero exit status
 * (1: the operation failed, 2: the command line is wrong).
 */
public final class Cli {

    private static final Map<String, CliCommand> COMMANDS = new LinkedHashMap<>();

    static {
        add(new CliCommand("channels", List.of(), List.of(), "list the channels", ChannelCommands::list));
        add(new CliCommand("channel create", List.of("NAME"), List.of(),
                "create a channel (a-z, 0-9, '-', '_'; 1-64)", ChannelCommands::create));
        add(new CliCommand("channel delete", List.of("NAME"), List.of(),
                "delete a channel and its keys (ends its live session)", ChannelCommands::delete));
        add(new CliCommand("keys", List.of("CHANNEL"), List.of(), "list a channel's stream keys (never the keys)",
                KeyCommands::list));
        add(new CliCommand("key create", List.of("CHANNEL"),
                List.of(KeyCommands.LABEL + " L", KeyCommands.EXPIRES_IN + " DURATION",
                        KeyCommands.ALLOW + " CIDR", KeyCommands.MAX_BITRATE + " KBPS"),
                "make a stream key and print it, once (--allow may be repeated)", KeyCommands::create));
        add(new CliCommand("key revoke", List.of("CHANNEL", "KEYID"), List.of(),
                "revoke a key (ends a live session running on it)", KeyCommands::revoke));
        add(new CliCommand("key rotate", List.of("CHANNEL", "KEYID"), List.of(KeyCommands.GRACE + " DURATION"),
                "replace a key by a new one with the same settings and print it, once", KeyCommands::rotate));
        add(new CliCommand("token", List.of("CHANNEL"), List.of(TokenCommand.TTL + " DURATION"),
                "mint a signed publish token (default lifetime 1h)", TokenCommand::mint));
        add(new CliCommand("live", List.of(), List.of(), "list the live sessions", LiveCommand::list));
        add(new CliCommand("kick", List.of("CHANNEL"), List.of(), "end the channel's live session at the ingest",
                KickCommand::kick));
        add(new CliCommand("status", List.of(), List.of(), "is the local stack running? (exit 0 when all is up)",
                StatusCommand::status));
    }

    private Cli() {
    }

    private static void add(CliCommand command) {
        COMMANDS.put(command.name(), command);
    }

    /** Whether {@code word} starts one of these commands ({@code channels}, {@code key}...). */
    public static boolean handles(String word) {
        return COMMANDS.keySet().stream().anyMatch(name -> name.equals(word) || name.startsWith(word + " "));
    }

    /**
     * Runs one command line ({@code args[0]} is the command) and returns its exit status.
     *
     * @param root the repository root: the default data directory is {@code .tributary} there
     */
    public static int run(List<String> args, Path root, Map<String, String> environment, PrintStream out,
            PrintStream err) {
        return run(args, root, environment, out, err, Clock.systemUTC());
    }

    static int run(List<String> args, Path root, Map<String, String> environment, PrintStream out, PrintStream err,
            Clock clock) {
        try {
            CliCommand command = find(args);
            List<String> rest = args.subList(command.name().split(" ").length, args.size());
            if (rest.contains("--help") || rest.contains("-h")) {
                out.println("Usage: ./tributary " + command.usage() + " [--json]\n  " + command.summary() + "\n\n"
                        + GLOBAL_OPTIONS);
                return 0;
            }
            CliArguments arguments = CliArguments.parse(command.name(), rest, command.optionNames());
            if (arguments.positionals().size() != command.parameters().size()) {
                throw CliException.usage("usage: ./tributary " + command.usage());
            }
            return command.action().run(new CliContext(arguments, root, environment, out, clock));
        } catch (CliException e) {
            err.println("tributary: " + e.getMessage());
            return e.exitStatus();
        }
    }

    private static CliCommand find(List<String> args) {
        if (args.isEmpty()) {
            throw CliException.usage("no command; see ./tributary help");
        }
        if (args.size() >= 2) {
            CliCommand two = COMMANDS.get(args.get(0) + " " + args.get(1));
            if (two != null) {
                return two;
            }
        }
        CliCommand one = COMMANDS.get(args.get(0));
        if (one != null) {
            return one;
        }
        List<String> subcommands = COMMANDS.keySet().stream().filter(name -> name.startsWith(args.get(0) + " "))
                .map(name -> name.substring(args.get(0).length() + 1)).toList();
        if (!subcommands.isEmpty()) {
            throw CliException.usage("'" + args.get(0) + "' needs one of: " + String.join(", ", subcommands)
                    + "; see ./tributary help");
        }
        throw CliException.usage("unknown command '" + args.get(0) + "'; see ./tributary help");
    }

    private static final String GLOBAL_OPTIONS = """
            Options of every command above:
              --json               print JSON (the service's own answer) instead of a table
              --data-dir DIR       the stack whose stack.json to read (default .tributary; TRIBUTARY_DATA_DIR)
              --auth-url URL       auth-service (default from stack.json; TRIBUTARY_AUTH_URL)
              --ingest-url URL     ingest-service, for kick (default from stack.json; TRIBUTARY_INGEST_URL)
              --token TOKEN        admin token (default from stack.json; TRIBUTARY_ADMIN_TOKEN)
            DURATION: 90s, 15m, 1h, 7d, 2w, 1h30m or ISO-8601 (PT1H)
            """;
}
