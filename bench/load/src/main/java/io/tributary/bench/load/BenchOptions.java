package io.tributary.bench.load;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The command line of a load run ({@code run.sh --help} prints {@link #USAGE}).
 *
 * @param stackJson  an already running stack's stack.json; null: start a stack of our own from {@code root}
 * @param stackEnv   extra settings for a stack of our own ({@code --stack-env KEY=VALUE}, repeatable)
 */
record BenchOptions(String mode, Path root, Path repo, Path stackJson, Path out, Path clip, int streams,
                    int rampSeconds, int warmupSeconds, int holdSeconds, double speed, boolean ladder,
                    String archiveMode, int rampStart, int rampStep, int rampMax, int stepSeconds, long seed,
                    int tickMillis, boolean profile, int straceSeconds, boolean keepData, Map<String, String> stackEnv,
                    boolean player) {

    static final String USAGE = """
            Usage: bench/load/run.sh [options]
              --mode fixed|ramp        fixed: N publishers ramp, hold, stop (default); ramp: add --ramp-step publishers
                                       every --step-seconds until the criterion fails (README.md)
              --streams N              fixed mode: publishers (default 4)
              --ramp-seconds S         fixed mode: publishers start spread over S seconds (default 10)
              --warmup-seconds S       after the ramp, before the measured hold; ramp mode: after the first step
                                       (default 30: the services' JIT compilers are done by then)
              --hold-seconds S         fixed mode: the measured window (default 60)
              --ramp-start N --ramp-step N --ramp-max N --step-seconds S   ramp mode (default 8, 8, 160, 60)
              --speed X                media seconds sent per wall second (default 1.0: real time)
              --ladder                 own stack: the ABR ladder on (default off: passthrough packaging only)
              --archive-mode M         own stack: archive-service encoder mode (default copy)
              --stack-env KEY=VALUE    own stack: another setting for every service (repeatable)
              --stack-json FILE        run against this running stack instead of starting one
              --root DIR               where the tributary script and the built services are (default: the repo)
              --repo DIR               the repository, for the commit in the report (default: ../.. of bench/load)
              --out DIR                report directory (default bench/load/target/runs/<time>-<mode>)
              --clip FILE              source FLV (made by the bundled ffmpeg if missing)
              --seed N                 start offsets in the clip (default 1)
              --tick-ms N              scheduler tick (default 10)
              --profile                JFR of ingest and transcode over the hold (every JVM records from its
                                       start: ~30 % more CPU, so the run's CPU figures are not the stack's)
              --player                 fixed mode: headless Chromium plays the first channel with hls.js and
                                       measures glass-to-glass during the hold (needs /usr/bin/chromium)
              --strace-seconds N       fixed mode: strace -c -f ingest, then transcode, N s each during the hold
                                       (slows them down: a run for syscall counts only)
              --keep-data              keep the own stack's data directory
            Or: bench/load/run.sh --summarize-jfr FILE   the same profile summary for any JFR recording
            """;

    static BenchOptions parse(List<String> args, Path repo) {
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, String> stackEnv = new LinkedHashMap<>();
        List<String> flags = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--ladder", "--profile", "--keep-data", "--player" -> flags.add(arg);
                case "--stack-env" -> {
                    String[] kv = value(args, ++i, arg).split("=", 2);
                    stackEnv.put(kv[0], kv.length > 1 ? kv[1] : "");
                }
                default -> {
                    if (!arg.startsWith("--")) {
                        throw new IllegalArgumentException("unexpected argument " + arg);
                    }
                    values.put(arg, value(args, ++i, arg));
                }
            }
        }
        String mode = values.getOrDefault("--mode", "fixed");
        if (!mode.equals("fixed") && !mode.equals("ramp")) {
            throw new IllegalArgumentException("--mode is fixed or ramp");
        }
        Path repoDir = Path.of(values.getOrDefault("--repo", repo.toString())).toAbsolutePath().normalize();
        Path bench = repoDir.resolve("bench/load/target");
        String stamp = LocalDateTime.now().withNano(0).toString().replace(":", "");
        return new BenchOptions(mode,
                Path.of(values.getOrDefault("--root", repoDir.toString())).toAbsolutePath().normalize(),
                repoDir,
                values.containsKey("--stack-json") ? Path.of(values.get("--stack-json")).toAbsolutePath() : null,
                Path.of(values.getOrDefault("--out", bench.resolve("runs/" + stamp + "-" + mode).toString())),
                Path.of(values.getOrDefault("--clip", bench.resolve("source-720p30-3M-60s.flv").toString())),
                intValue(values, "--streams", 4), intValue(values, "--ramp-seconds", 10),
                intValue(values, "--warmup-seconds", 30), intValue(values, "--hold-seconds", 60),
                Double.parseDouble(values.getOrDefault("--speed", "1.0")), flags.contains("--ladder"),
                values.getOrDefault("--archive-mode", "copy"), intValue(values, "--ramp-start", 8),
                intValue(values, "--ramp-step", 8), intValue(values, "--ramp-max", 160),
                intValue(values, "--step-seconds", 60), Long.parseLong(values.getOrDefault("--seed", "1")),
                intValue(values, "--tick-ms", 10), flags.contains("--profile"), intValue(values, "--strace-seconds", 0),
                flags.contains("--keep-data"),
                Map.copyOf(stackEnv), flags.contains("--player"));
    }

    /** What the report lists as the run's parameters. */
    Map<String, Object> describe() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("mode", mode);
        if (mode.equals("fixed")) {
            p.put("streams", streams);
            p.put("rampSeconds", rampSeconds);
            p.put("holdSeconds", holdSeconds);
        } else {
            p.put("rampStart", rampStart);
            p.put("rampStep", rampStep);
            p.put("rampMax", rampMax);
            p.put("stepSeconds", stepSeconds);
        }
        p.put("warmupSeconds", warmupSeconds);
        p.put("speed", speed);
        p.put("stack", stackJson == null ? "own (./tributary up --no-build)" : stackJson.toString());
        p.put("ladder", stackJson == null ? (ladder ? "on" : "off") : "as the running stack is set");
        p.put("archiveMode", stackJson == null ? archiveMode : "as the running stack is set");
        p.put("stackEnv", stackEnv);
        p.put("clip", clip.getFileName().toString());
        p.put("seed", seed);
        p.put("tickMillis", tickMillis);
        p.put("profile", profile);
        p.put("straceSeconds", straceSeconds);
        p.put("player", player);
        return p;
    }

    private static String value(List<String> args, int i, String flag) {
        if (i >= args.size()) {
            throw new IllegalArgumentException(flag + " needs a value");
        }
        return args.get(i);
    }

    private static int intValue(Map<String, String> values, String flag, int fallback) {
        return values.containsKey(flag) ? Integer.parseInt(values.get(flag)) : fallback;
    }
}
