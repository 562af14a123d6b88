package dev.atomics.redis;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.cluster.ClusterClientOptions;
import java.lang.reflect.Field;
import java.time.Duration;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.springframework.data.redis.connection.RedisClusterConfiguration;
import org.springframework.data.redis.connection.RedisConfiguration;
import org.springframework.data.redis.connection.RedisNode;
import org.springframework.data.redis.connection.RedisSentinelConfiguration;
import org.springframework.data.redis.connection.RedisSocketConfiguration;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.RedisStaticMasterReplicaConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * A private sibling of the application's {@link LettuceConnectionFactory}: the same server (standalone, unix
 * socket, static master/replica, Sentinel or Cluster configuration), credentials, TLS, client resources and options,
 * except that commands are never re-sent.
 *
 * <p>Lettuce's default is at-least-once: commands that were sent when a connection broke, and commands issued
 * while it is down, are queued and sent again once it reconnects. For an increment or a compare-and-exchange that
 * means running twice, or running minutes later, behind the caller's back. This factory's connection rejects
 * commands while disconnected and fails the ones in flight
 * ({@link ClientOptions.DisconnectedBehavior#REJECT_COMMANDS}), and still reconnects by itself in the
 * background, so that operations resume once the server is back. Reads go to the master even where the
 * application reads from replicas: a replica may lag, and every operation on a key must see the previous one.
 */
final class AtMostOnceConnectionFactory extends LettuceConnectionFactory {

    private final String server;

    private AtMostOnceConnectionFactory(
            RedisConfiguration configuration, LettuceClientConfiguration client, String server) {
        super(configuration, client);
        this.server = server;
        setShareNativeConnection(true);
        setValidateConnection(false); // a PING per use would double every round trip
        setEagerInitialization(false); // the server may be down at startup: connect on first use
    }

    /** A started sibling of {@code source} whose commands time out after {@code timeout}. */
    static AtMostOnceConnectionFactory of(LettuceConnectionFactory source, Duration timeout) {
        RedisConfiguration configuration;
        String server;
        RedisConfiguration own = configurationOf(source);
        if (own instanceof RedisStaticMasterReplicaConfiguration masterReplica) {
            // (no public getter tells it from the default standalone configuration: see configurationOf)
            configuration = masterReplica;
            server = "master/replica "
                    + masterReplica.getNodes().stream()
                            .map(n -> n.getHostName() + ":" + n.getPort())
                            .collect(Collectors.joining(","))
                    + database(masterReplica.getDatabase());
        } else if (source.isClusterAware()) {
            RedisClusterConfiguration cluster = source.getClusterConfiguration();
            configuration = cluster;
            server = "cluster " + nodes(cluster.getClusterNodes());
        } else if (source.isRedisSentinelAware()) {
            RedisSentinelConfiguration sentinel = source.getSentinelConfiguration();
            configuration = sentinel;
            server = "master "
                    + (sentinel.getMaster() == null ? "?" : sentinel.getMaster().getName()) + " via sentinels "
                    + nodes(sentinel.getSentinels()) + database(sentinel.getDatabase());
        } else if (source.getSocketConfiguration() != null) {
            RedisSocketConfiguration socket = source.getSocketConfiguration();
            configuration = socket;
            server = socket.getSocket() + database(socket.getDatabase());
        } else {
            RedisStandaloneConfiguration standalone = source.getStandaloneConfiguration();
            configuration = standalone;
            server = standalone.getHostName() + ":" + standalone.getPort() + database(standalone.getDatabase());
        }
        AtMostOnceConnectionFactory factory = new AtMostOnceConnectionFactory(
                configuration, client(source.getClientConfiguration(), timeout, source.isClusterAware()), server);
        factory.afterPropertiesSet();
        factory.start();
        return factory;
    }

    /**
     * The configuration {@code source} uses. The public getters cover standalone, socket, Sentinel and Cluster
     * configurations, but answer the default standalone one (localhost:6379) for a static master/replica
     * configuration (Boot's {@code spring.data.redis.masterreplica.nodes}): the factory's own field says which it
     * is. Without it (a future Spring Data Redis), the public getters decide.
     */
    private static RedisConfiguration configurationOf(LettuceConnectionFactory source) {
        try {
            Field field = LettuceConnectionFactory.class.getDeclaredField("configuration");
            field.setAccessible(true);
            return field.get(source) instanceof RedisConfiguration configuration ? configuration : null;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    private static String nodes(Iterable<RedisNode> nodes) {
        return StreamSupport.stream(nodes.spliterator(), false)
                .map(RedisNode::asString)
                .collect(Collectors.joining(","));
    }

    private static String database(int database) {
        return database == 0 ? "" : " (database " + database + ")";
    }

    private static LettuceClientConfiguration client(
            LettuceClientConfiguration source, Duration timeout, boolean cluster) {
        LettuceClientConfiguration.LettuceClientConfigurationBuilder builder = LettuceClientConfiguration.builder();
        if (source.isUseSsl()) {
            LettuceClientConfiguration.LettuceSslClientConfigurationBuilder ssl =
                    builder.useSsl().verifyPeer(source.getVerifyMode());
            if (source.isStartTls()) {
                ssl.startTls();
            }
            builder = ssl.and();
        }
        source.getClientResources().ifPresent(builder::clientResources); // share the application's event loops
        source.getClientName().ifPresent(builder::clientName);
        source.getRedisCredentialsProviderFactory().ifPresent(builder::redisCredentialsProviderFactory);
        // (no readFrom: replicas may lag behind the master)
        ClientOptions options = source.getClientOptions().orElse(null);
        if (cluster) {
            builder.clientOptions(
                    (options == null ? ClusterClientOptions.builder() : ClusterClientOptions.builder(options))
                            .autoReconnect(true)
                            .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                            .build());
        } else {
            builder.clientOptions((options == null ? ClientOptions.builder() : options.mutate())
                    .autoReconnect(true)
                    .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                    .build());
        }
        return builder.commandTimeout(timeout)
                .shutdownTimeout(source.getShutdownTimeout())
                .shutdownQuietPeriod(source.getShutdownQuietPeriod())
                .build();
    }

    /** Where the server is, for messages: e.g. {@code localhost:6379}. */
    String server() {
        return server;
    }

    /**
     * The shared native connection, connecting first if there is none yet.
     *
     * @throws org.springframework.data.redis.RedisConnectionFailureException if it cannot connect
     */
    @SuppressWarnings("unchecked")
    StatefulConnection<byte[], byte[]> connection() {
        StatefulConnection<byte[], byte[]> connection =
                isClusterAware() ? getSharedClusterConnection() : getSharedConnection();
        if (connection == null) {
            throw new IllegalStateException("no shared connection"); // sharing is on: cannot happen
        }
        return connection;
    }
}
