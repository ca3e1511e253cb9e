// A real Neo4j 5 server for tests: the embedded database of the org.neo4j:neo4j artifact,
// serving Bolt on 127.0.0.1 so that the real cypher-shell talks to it exactly as it talks
// to an installed server.
//
//   java -cp CLASSPATH tests/neo4j/EmbeddedNeo4j.java DATA_DIR PORT READY_FILE
//
// DATA_DIR   home of the database (created if missing; its logs go to DATA_DIR/logs/)
// PORT       Bolt port on 127.0.0.1; 0 lets the kernel pick a free one (no race with
//            other processes), and the port actually bound is written to READY_FILE
// READY_FILE written atomically as "PORT PID\n" once the default database is available
//            and the Bolt port has completed a Bolt handshake
//
// Runs until SIGTERM/SIGINT: a shutdown hook then shuts the database down cleanly.
// Exits 1 with a message on stderr if the server cannot start in 120 s.

import java.io.DataInputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.internal.helpers.HostnamePort;
import org.neo4j.io.ByteUnit;
import org.neo4j.kernel.internal.GraphDatabaseAPI;

public final class EmbeddedNeo4j {
    private static final String HOST = "127.0.0.1";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    public static void main(String[] args) {
        try {
            run(args);
        } catch (Throwable t) {
            // Neo4j's non-daemon threads would keep a JVM whose main threw alive: exit for real.
            t.printStackTrace();
            fail("start failed: " + t);
        }
    }

    private static void run(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: EmbeddedNeo4j DATA_DIR PORT READY_FILE");
            System.exit(2);
        }
        Path home = Path.of(args[0]).toAbsolutePath();
        int requestedPort = Integer.parseInt(args[1]);
        Path ready = Path.of(args[2]).toAbsolutePath();
        Files.createDirectories(home);
        Files.deleteIfExists(ready);

        DatabaseManagementService service = new DatabaseManagementServiceBuilder(home)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress(HOST, requestedPort))
                .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                .setConfig(BoltConnector.thread_pool_min_size, 1)
                .setConfig(BoltConnector.thread_pool_max_size, 8)
                .setConfig(GraphDatabaseSettings.auth_enabled, false)
                .setConfig(GraphDatabaseSettings.udc_enabled, false)
                // Small and fast: a test database holds a few thousand records at most.
                .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(64))
                .setConfig(GraphDatabaseSettings.preallocate_logical_logs, false)
                .setConfig(GraphDatabaseSettings.preallocate_store_files, false)
                .setConfig(GraphDatabaseSettings.logical_log_rotation_threshold, ByteUnit.mebiBytes(16))
                // Stop in well under a second instead of waiting out Netty's 5 s quiet period.
                .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
                .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_timeout, Duration.ofSeconds(5))
                .build();

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                service.shutdown();
            } catch (Throwable t) {
                System.err.println("EmbeddedNeo4j: shutdown failed: " + t);
            } finally {
                stopped.countDown();
            }
        }, "neo4j-shutdown"));

        int port = requestedPort;
        GraphDatabaseService db = service.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
        if (!db.isAvailable(START_TIMEOUT.toMillis())) {
            fail("database '" + db.databaseName() + "' not available after " + START_TIMEOUT);
        }
        if (port == 0) {
            HostnamePort bound = ((GraphDatabaseAPI) db).getDependencyResolver()
                    .resolveDependency(ConnectorPortRegister.class)
                    .getLocalAddress(ConnectorType.BOLT);
            if (bound == null) {
                fail("Bolt connector registered no address");
            }
            port = bound.getPort();
        }
        waitForBolt(port);

        Path tmp = ready.resolveSibling(ready.getFileName() + ".tmp");
        Files.writeString(tmp, port + " " + ProcessHandle.current().pid() + "\n");
        Files.move(tmp, ready, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        System.out.println("EmbeddedNeo4j: Bolt ready on bolt://" + HOST + ":" + port);
        System.out.flush();

        // Park the main thread; on SIGTERM the shutdown hook does the work.
        stopped.await();
    }

    private static void fail(String message) {
        System.err.println("EmbeddedNeo4j: " + message);
        System.exit(1); // runs the shutdown hook, which shuts the database down
    }

    /** Waits until the port completes a Bolt handshake (agrees on a Bolt 4.4 or 5.x version). */
    private static void waitForBolt(int port) throws InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        Exception last = null;
        while (System.nanoTime() < deadline) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(HOST, port), 1000);
                socket.setSoTimeout(5000);
                OutputStream out = socket.getOutputStream();
                out.write(new byte[] {
                    (byte) 0x60, (byte) 0x60, (byte) 0xB0, (byte) 0x17, // Bolt magic preamble
                    0, 8, 8, 5, // versions 5.8 down to 5.0
                    0, 0, 4, 4, // version 4.4
                    0, 0, 0, 0,
                    0, 0, 0, 0});
                out.flush();
                byte[] agreed = new byte[4];
                new DataInputStream(socket.getInputStream()).readFully(agreed);
                if (agreed[2] != 0 || agreed[3] != 0) {
                    return;
                }
                last = new IllegalStateException("server agreed on no Bolt version");
            } catch (Exception e) {
                last = e;
            }
            TimeUnit.MILLISECONDS.sleep(200);
        }
        throw new IllegalStateException("Bolt on " + HOST + ":" + port + " not answering: " + last);
    }
}
