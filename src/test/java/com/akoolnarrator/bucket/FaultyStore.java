package com.akoolnarrator.bucket;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import com.akoolnarrator.TcpProxy;

/**
 * A loopback proxy in front of the S3 server that answers its first connections with a bad day of its own: throttling
 * (503 SlowDown), a server error (500) or a connection reset, one per connection, in the order given; every later
 * connection is passed through. What a store's bad weather looks like to the job.
 */
final class FaultyStore implements AutoCloseable {

    enum Fault {
        SLOW_DOWN("503 Slow Down", "SlowDown", "Please reduce your request rate."),
        INTERNAL_ERROR("500 Internal Server Error", "InternalError", "We encountered an internal error."),
        RESET(null, null, null);

        private final String status;
        private final String code;
        private final String message;

        Fault(String status, String code, String message) {
            this.status = status;
            this.code = code;
            this.message = message;
        }
    }

    private final URI upstream;
    private final Queue<Fault> faults;
    private final AtomicInteger served = new AtomicInteger();
    private final ServerSocket server;

    FaultyStore(URI upstream, List<Fault> faults) throws IOException {
        this.upstream = upstream;
        this.faults = new ConcurrentLinkedQueue<>(faults);
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "faulty-store");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getLocalPort());
    }

    /** How many faults were served. */
    int faultsServed() {
        return served.get();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Fault fault = faults.poll();
                if (fault == null) {
                    Socket to = new Socket(upstream.getHost(), upstream.getPort());
                    TcpProxy.pipe(client, to);
                    TcpProxy.pipe(to, client);
                }
                else {
                    served.incrementAndGet();
                    answer(client, fault);
                }
            }
            catch (IOException e) {
                // closed
            }
        }
    }

    /** Reads the request's head, then answers with the fault and closes the connection (or just closes it). */
    private static void answer(Socket client, Fault fault) throws IOException {
        try (client) {
            InputStream in = client.getInputStream();
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
                int b = in.read();
                if (b < 0) {
                    return;
                }
                head.write(b);
            }
            if (fault == Fault.RESET) {
                client.setSoLinger(true, 0); // a reset, not an orderly close
                return;
            }
            String body = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>" + fault.code + "</Code><Message>"
                    + fault.message + "</Message><RequestId>faulty</RequestId></Error>";
            OutputStream out = client.getOutputStream();
            out.write(("HTTP/1.1 " + fault.status + "\r\nContent-Type: application/xml\r\nContent-Length: "
                    + body.length() + "\r\nConnection: close\r\n\r\n" + body).getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
