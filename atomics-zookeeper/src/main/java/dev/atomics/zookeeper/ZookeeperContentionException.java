package dev.atomics.zookeeper;

/**
 * Every attempt of a read-modify-write found the znode changed by another writer, up to the configured number
 * of attempts ({@link ZookeeperAtomics.Settings#maxAttempts()}): the operation did not take effect, and may be
 * retried.
 */
public final class ZookeeperContentionException extends ZookeeperUnavailableException {

    private static final long serialVersionUID = 1L;

    public ZookeeperContentionException(String message, String path) {
        super(message, path, null);
    }
}
