package io.tributary.deploy.cli;

import java.util.List;
import java.util.Set;

/**
 * One everyday command of {@code ./tributary}: the words that name it, its positional parameters, the options it
 * takes besides the global ones, a line of help, and what it does.
 *
 * @param name       one or two words: {@code live}, {@code key create}
 * @param parameters names of its positional values, for the usage line ({@code CHANNEL}, {@code KEYID})
 * @param options    its own options that take a value, with a usage hint each ({@code --label L})
 */
record CliCommand(String name, List<String> parameters, List<String> options, String summary, Action action) {

    CliCommand {
        parameters = List.copyOf(parameters);
        options = List.copyOf(options);
    }

    /** Runs the command; returns the exit status (0 when it did what was asked). */
    @FunctionalInterface
    interface Action {
        int run(CliContext context);
    }

    /** The option names ({@code --label}) of {@link #options()}. */
    Set<String> optionNames() {
        return Set.copyOf(options.stream().map(option -> option.split(" ", 2)[0]).toList());
    }

    String usage() {
        StringBuilder line = new StringBuilder(name);
        parameters.forEach(parameter -> line.append(' ').append(parameter));
        options.forEach(option -> line.append(" [").append(option).append(']'));
        return line.toString();
    }
}
