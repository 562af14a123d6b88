package dev.atomics.spring.boot.autoconfigure;

import dev.atomics.spring.boot.autoconfigure.registry.ZookeeperKind;
import org.apache.curator.framework.CuratorFramework;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Atomics on znodes ({@code atomics.cluster.*} entries with {@code zookeeper}), when atomics-zookeeper is on the
 * classpath: a {@link ZookeeperKind} for {@link AtomicsAutoConfiguration}'s registry, through the application's
 * {@link CuratorFramework} bean if it has one (Spring Cloud Zookeeper), else {@code atomics.zookeeper.*}.
 */
@AutoConfiguration(afterName = "org.springframework.cloud.zookeeper.ZookeeperAutoConfiguration")
@ConditionalOnClass(name = {"dev.atomics.zookeeper.ZookeeperAtomics", "org.apache.curator.framework.CuratorFramework"})
@ConditionalOnProperty(prefix = "atomics", name = "enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(AtomicsProperties.class)
public final class AtomicsZookeeperAutoConfiguration {

    @Bean
    ZookeeperKind atomicsZookeeperSourceKind(ObjectProvider<CuratorFramework> curator, AtomicsProperties properties) {
        return new ZookeeperKind(curator.getIfUnique(), properties.getZookeeper());
    }
}
