package dev.atomics.zookeeper;

/**
 * The znode holds something that is not a value of the atomic (a length other than its width, no data), or it
 * cannot be written safely (children, which a version rotation cannot keep): it is never read as 0 and never
 * overwritten. An operator must look; retrying will not help.
 */
public class ZookeeperValueException extends ZookeeperAtomicsException {

    private static final long serialVersionUID = 1L;

    public ZookeeperValueException(String message, String path, Throwable cause) {
        super(message, path, false, cause);
    }
}
