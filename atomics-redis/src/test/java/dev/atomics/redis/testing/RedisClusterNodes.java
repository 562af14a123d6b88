package dev.atomics.redis.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.springframework.data.redis.connection.RedisClusterConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * A Redis Cluster of {@code n} masters for tests: {@code redis-server --cluster-enabled yes} on free ports of
 * 127.0.0.1, joined by {@code redis-cli --cluster create}, all slots covered. Closing kills every node and removes
 * their directories.
 */
public final class RedisClusterNodes implements AutoCloseable {

    private final List<RedisServer> nodes = new ArrayList<>();

    private RedisClusterNodes() {}

    public static RedisClusterNodes start(int masters) {
        RedisClusterNodes cluster = new RedisClusterNodes();
        try {
            for (int i = 0; i < masters; i++) {
                cluster.nodes.add(RedisServer.start(List.of(
                        "--cluster-enabled",
                        "yes",
                        "--cluster-config-file",
                        "nodes.conf",
                        "--cluster-node-timeout",
                        "2000")));
            }
            List<String> command = new ArrayList<>(List.of(cli(), "--cluster", "create"));
            for (RedisServer node : cluster.nodes) {
                command.add(node.host() + ":" + node.port());
            }
            command.addAll(List.of("--cluster-replicas", "0", "--cluster-yes"));
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("redis-cli --cluster create failed: " + output);
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            for (RedisServer node : cluster.nodes) {
                while (!node.call("CLUSTER", "INFO").contains("cluster_state:ok")) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("cluster not ok: " + node.call("CLUSTER", "INFO"));
                    }
                    Thread.sleep(50);
                }
            }
            return cluster;
        } catch (IOException e) {
            cluster.close();
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            cluster.close();
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    private static String cli() {
        String server = RedisServer.executable();
        String cli = server.substring(0, server.lastIndexOf('/') + 1) + "redis-cli";
        if (!new java.io.File(cli).canExecute()) {
            throw new IllegalStateException("redis-cli is not installed beside " + server + " (Debian's redis-tools)");
        }
        return cli;
    }

    public List<RedisServer> nodes() {
        return List.copyOf(nodes);
    }

    /** A started Spring Data Redis factory on this cluster; destroy it after use. */
    public LettuceConnectionFactory factory(Duration timeout) {
        List<String> seeds = nodes.stream().map(n -> n.host() + ":" + n.port()).toList();
        LettuceConnectionFactory factory = new LettuceConnectionFactory(
                new RedisClusterConfiguration(seeds),
                LettuceClientConfiguration.builder().commandTimeout(timeout).build());
        factory.afterPropertiesSet();
        factory.start();
        return factory;
    }

    /** The node that serves {@code key} (CLUSTER KEYSLOT, then the node whose slots hold it). */
    public RedisServer nodeOf(String key) {
        int slot = Integer.parseInt(nodes.get(0).call("CLUSTER", "KEYSLOT", key));
        for (RedisServer node : nodes) {
            for (String line : node.call("CLUSTER", "NODES").split("\n")) {
                if (line.contains("myself")) {
                    String[] parts = line.trim().split(" ");
                    for (int i = 8; i < parts.length; i++) {
                        String[] range = parts[i].split("-");
                        int lo = Integer.parseInt(range[0]);
                        int hi = range.length > 1 ? Integer.parseInt(range[1]) : lo;
                        if (slot >= lo && slot <= hi) {
                            return node;
                        }
                    }
                }
            }
        }
        throw new IllegalStateException("no node serves slot " + slot);
    }

    @Override
    public void close() {
        for (RedisServer node : nodes) {
            node.close();
        }
    }
}
