package dev.atomics.zookeeper;

/**
 * What a read of a znode promises. Writes are linearizable in either mode: every one is a conditional
 * {@code setData} agreed by a quorum through the leader.
 */
public enum ReadMode {
    /**
     * One {@code getData} from the server the session is connected to: sequentially consistent (this client sees
     * its own writes and every value in the order the ensemble agreed), but possibly behind the leader by the
     * writes that server has not applied yet. One round trip to one server.
     */
    SEQUENTIAL,
    /**
     * {@code getData}, then {@code multi(check(path, version))} committed through the leader, repeated until the
     * check passes: the value was current at a point between the call and its return. Costs a quorum write and
     * a transaction log entry per read ({@code sync()} then read is not linearizable across a leader change,
     * ZOOKEEPER-1675). Also applies to the value a failed compare-and-exchange reports.
     */
    LINEARIZABLE
}
