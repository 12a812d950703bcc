package jp.hoshimi;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.core.env.Environment;

/**
 * The app in a child JVM on a test's own database: a second node, or a node to kill. Its class path is the
 * test's own; its output goes to {@code target/tmp/<log>}.
 */
public final class AppNode {

    private AppNode() {}

    /** Starts the app with the test context's database and these further {@code --name=value} arguments. */
    public static Process start(Environment testContext, String log, List<String> arguments) throws IOException {
        Path output = Files.createDirectories(Path.of("target", "tmp")).resolve(log);
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-XX:TieredStopAtLevel=1",
                "-Djava.io.tmpdir=target/tmp",
                "-Duser.home=target/home",
                "-cp",
                System.getProperty("java.class.path"),
                HoshimiApplication.class.getName(),
                "--spring.datasource.url=" + testContext.getProperty("spring.datasource.url"),
                "--spring.datasource.username=" + testContext.getProperty("spring.datasource.username"),
                "--spring.datasource.password="));
        command.addAll(arguments);
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
    }
}
