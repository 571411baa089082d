package io.tributary.storage;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import javax.net.SocketFactory;

/**
 * Plain sockets with {@code TCP_NODELAY} on, for the S3 client: OkHttp leaves Nagle's algorithm on, and a PUT body of
 * more than one segment then ends with a small tail the kernel holds until the server acknowledges what went before,
 * which the server delays (delayed ACK, up to 40 ms on Linux) because it is waiting for more. bench/storage measured
 * sequential 740 kB PUTs to the local S3 server at p50 49 ms with Nagle and 11 ms without, and a GOP's six PUTs at
 * p50 50 ms with it and 12–25 ms without; requests of one segment (playlists) are not affected. OkHttp writes through
 * okio's 8 KiB buffers, so without Nagle no packet is smaller than that but the last; CPU on both sides measured the
 * same.
 */
final class NoDelaySocketFactory extends SocketFactory {
    private final SocketFactory sockets = SocketFactory.getDefault();

    @Override
    public Socket createSocket() throws IOException {
        return noDelay(sockets.createSocket());
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return noDelay(sockets.createSocket(host, port));
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localAddress, int localPort) throws IOException {
        return noDelay(sockets.createSocket(host, port, localAddress, localPort));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return noDelay(sockets.createSocket(host, port));
    }

    @Override
    public Socket createSocket(InetAddress host, int port, InetAddress localAddress, int localPort) throws IOException {
        return noDelay(sockets.createSocket(host, port, localAddress, localPort));
    }

    private static Socket noDelay(Socket socket) throws SocketException {
        socket.setTcpNoDelay(true);
        return socket;
    }
}
