package dev.atomics.zookeeper.testing;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy in front of a ZooKeeper server that reads the client protocol's frames (a 4-byte length, then for
 * every request after the connect request a header of xid and type). Armed, it drops the connection when the
 * server's reply to the next {@code setData} (type 5) or {@code multi} (type 14) arrives, before forwarding it:
 * the server applied the write, the client never hears it.
 */
public final class CuttingProxy implements AutoCloseable {

    private static final int SET_DATA = 5;
    private static final int MULTI = 14;

    private final ServerSocket listener;
    private final InetSocketAddress server;
    private final AtomicBoolean armed = new AtomicBoolean();
    private final AtomicInteger cuts = new AtomicInteger();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();

    public CuttingProxy(InetSocketAddress server) throws IOException {
        this.server = server;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread accept = new Thread(this::accept, "zk-proxy-accept");
        accept.setDaemon(true);
        accept.start();
    }

    /** {@code 127.0.0.1:port}, for a client's connect string. */
    public String connectString() {
        return "127.0.0.1:" + listener.getLocalPort();
    }

    /** Drops the connection at the reply of the next write. */
    public void arm() {
        armed.set(true);
    }

    /** How many connections were dropped at a write's reply. */
    public int cuts() {
        return cuts.get();
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket upstream = new Socket(server.getAddress(), server.getPort());
                sockets.add(client);
                sockets.add(upstream);
                AtomicInteger cutXid = new AtomicInteger(Integer.MIN_VALUE);
                pump(client, upstream, true, cutXid);
                pump(upstream, client, false, cutXid);
            } catch (IOException e) {
                return;
            }
        }
    }

    private void pump(Socket from, Socket to, boolean requests, AtomicInteger cutXid) {
        Thread t = new Thread(
                () -> {
                    try (DataInputStream in = new DataInputStream(from.getInputStream())) {
                        DataOutputStream out = new DataOutputStream(to.getOutputStream());
                        boolean first = true;
                        while (true) {
                            int length = in.readInt();
                            byte[] frame = new byte[length];
                            in.readFully(frame);
                            if (!first && length >= 8) {
                                ByteBuffer b = ByteBuffer.wrap(frame);
                                int xid = b.getInt(0);
                                if (requests) {
                                    int type = b.getInt(4);
                                    if ((type == SET_DATA || type == MULTI) && armed.compareAndSet(true, false)) {
                                        cutXid.set(xid);
                                    }
                                } else if (xid == cutXid.get()) {
                                    cuts.incrementAndGet();
                                    from.close();
                                    to.close();
                                    return;
                                }
                            }
                            first = false;
                            synchronized (out) {
                                out.writeInt(length);
                                out.write(frame);
                                out.flush();
                            }
                        }
                    } catch (IOException e) {
                        close(from);
                        close(to);
                    }
                },
                "zk-proxy-" + (requests ? "requests" : "replies"));
        t.setDaemon(true);
        t.start();
    }

    private static void close(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        sockets.forEach(CuttingProxy::close);
    }
}
