/**
 * The atomics API on ZooKeeper znodes through Apache Curator: {@link dev.atomics.zookeeper.ZookeeperAtomics}
 * makes atomics whose every write is agreed by a quorum and never applied twice.
 */
package dev.atomics.zookeeper;
