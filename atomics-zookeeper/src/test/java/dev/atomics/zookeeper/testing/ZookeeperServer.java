package dev.atomics.zookeeper.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.concurrent.TimeUnit;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.RetryOneTime;
import org.apache.curator.test.TestingServer;

/**
 * One in-process ZooKeeper server per test JVM (curator-test's {@link TestingServer}: {@code ZooKeeperServerMain}
 * on a free port, data in a fresh temporary directory), without fsync: these tests are about the client's
 * behaviour, the failover tests run real ensembles of separate processes.
 */
public final class ZookeeperServer {

    private static TestingServer shared;

    private ZookeeperServer() {}

    /** The shared server, started on first use and stopped when the JVM exits. */
    public static synchronized TestingServer shared() {
        if (shared == null) {
            System.setProperty("zookeeper.forceSync", "no");
            System.setProperty("zookeeper.admin.enableServer", "false");
            try {
                shared = new TestingServer(
                        -1, Files.createTempDirectory("atomics-zk-").toFile(), true);
            } catch (Exception e) {
                throw new IllegalStateException("could not start a ZooKeeper server", e);
            }
            TestingServer s = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    s.close();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }));
        }
        return shared;
    }

    /** A started Curator client of {@code connectString}, connected (or failing after 20 s). */
    public static CuratorFramework client(String connectString) {
        CuratorFramework c = CuratorFrameworkFactory.builder()
                .connectString(connectString)
                .sessionTimeoutMs(30_000)
                .connectionTimeoutMs(15_000)
                .retryPolicy(new RetryOneTime(100))
                .build();
        c.start();
        try {
            if (!c.blockUntilConnected(20, TimeUnit.SECONDS)) {
                c.close();
                throw new IllegalStateException("no connection to ZooKeeper at " + connectString);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return c;
    }
}
