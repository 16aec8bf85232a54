package com.healthcyber.underwriting.tools;

import io.quarkus.runtime.ApplicationLifecycleManager;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.util.Optional;
import picocli.CommandLine;

/**
 * The one entry point: without arguments the service, exactly as before; with a command, one of
 * the tools, run with the service's configuration and beans and then exited.
 *
 * <pre>java -jar target/quarkus-app/quarkus-run.jar                         the service
 * java -jar target/quarkus-app/quarkus-run.jar verify-rules [DIR]
 * java -jar target/quarkus-app/quarkus-run.jar impact [DIR] [--product=…] …
 * java -jar target/quarkus-app/quarkus-run.jar mint-token [--roles=…] …</pre>
 */
@QuarkusMain
public class UnderwritingMain implements QuarkusApplication {

    /** The profile added for a command (application.properties, {@code %tool.}). */
    static final String TOOL_PROFILE = "tool";

    private final CommandLine.IFactory commands;

    UnderwritingMain(CommandLine.IFactory commands) {
        this.commands = commands;
    }

    public static void main(String... args) {
        if (args.length > 0) {
            // Chosen before Quarkus reads its configuration: the profile decides which listeners start.
            String active = Optional.ofNullable(System.getProperty("quarkus.profile"))
                    .or(() -> Optional.ofNullable(System.getenv("QUARKUS_PROFILE")))
                    .orElse("prod");
            System.setProperty("quarkus.profile", active + "," + TOOL_PROFILE);
        }
        Quarkus.run(UnderwritingMain.class, args);
    }

    @Override
    public int run(String... args) {
        if (args.length == 0) {
            Quarkus.waitForExit();
            // A start that refused its rules exits through Quarkus.asyncExit(1): keep that status.
            return Math.max(0, ApplicationLifecycleManager.getExitCode());
        }
        return new CommandLine(Tools.class, commands).execute(args);
    }

    @CommandLine.Command(
            name = "underwriting",
            mixinStandardHelpOptions = true,
            description = "The underwriting decision service (no command), or one of its tools.",
            subcommands = {VerifyRules.class, ImpactCommand.class, MintToken.class})
    static final class Tools {}
}
