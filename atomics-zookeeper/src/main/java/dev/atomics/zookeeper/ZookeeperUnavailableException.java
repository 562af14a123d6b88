package dev.atomics.zookeeper;

/**
 * The ensemble could not serve the operation, which did not take effect: no connection, no quorum, a session
 * lost before anything was written, or a refusal by the server (for example missing permissions).
 */
public class ZookeeperUnavailableException extends ZookeeperAtomicsException {

    private static final long serialVersionUID = 1L;

    public ZookeeperUnavailableException(String message, String path, Throwable cause) {
        super(message, path, false, cause);
    }
}
