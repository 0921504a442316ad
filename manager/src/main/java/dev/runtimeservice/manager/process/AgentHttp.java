package dev.runtimeservice.manager.process;

import java.net.Socket;
import java.net.http.HttpClient;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import org.jspecify.annotations.Nullable;

/**
 * The manager's HTTP client for calls to its agents (readiness, liveness, the console's relay, MCP's calls): one
 * client, made at its first use, instead of one per caller with a selector thread and a pool each (issue 23: the
 * manager's idle memory). A JDK client made the usual way reads the JDK's trust store (about 150 certificates) as it
 * is built, which took a tenth of the manager's boot; this one reads it at its first https call, which calls to
 * agents on this machine never make.
 */
public final class AgentHttp {

    /**
     * How long a connection may take to open: agents listen on this machine or in the cluster, so this is generous;
     * each request has its own, shorter or longer, time limit besides.
     */
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);

    private AgentHttp() {}

    /** The shared client (HTTP/1.1, no redirects followed). */
    public static HttpClient client() {
        return Shared.CLIENT;
    }

    /** A client of its own with another connect timeout; its trust store, too, is read at its first https call. */
    public static HttpClient withConnectTimeout(Duration connectTimeout) {
        return HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .version(HttpClient.Version.HTTP_1_1)
                .sslContext(tlsContext())
                .build();
    }

    private static final class Shared {
        static final HttpClient CLIENT = withConnectTimeout(CONNECT_TIMEOUT);
    }

    private static SSLContext tlsContext() {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {new JdkTrustOnDemand()}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("This JDK has no TLS", e);
        }
    }

    /**
     * The JDK's default trust, exactly, only read from its trust store when the first certificate is to be checked
     * (not "trust on first use": every certificate is checked against the JDK's trust store, the first one too).
     */
    private static final class JdkTrustOnDemand extends X509ExtendedTrustManager {

        private volatile @Nullable X509ExtendedTrustManager jdk;

        private X509ExtendedTrustManager jdk() throws CertificateException {
            X509ExtendedTrustManager made = jdk;
            if (made != null) {
                return made;
            }
            synchronized (this) {
                made = jdk;
                if (made == null) {
                    made = defaultTrust();
                    jdk = made;
                }
                return made;
            }
        }

        private static X509ExtendedTrustManager defaultTrust() throws CertificateException {
            try {
                TrustManagerFactory factory =
                        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                factory.init((KeyStore) null);
                for (TrustManager manager : factory.getTrustManagers()) {
                    if (manager instanceof X509ExtendedTrustManager x509) {
                        return x509;
                    }
                }
            } catch (GeneralSecurityException e) {
                throw new CertificateException("The JDK's trust store cannot be read", e);
            }
            throw new CertificateException("The JDK has no X.509 trust manager");
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            jdk().checkServerTrusted(chain, authType, engine);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            jdk().checkServerTrusted(chain, authType, socket);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            jdk().checkServerTrusted(chain, authType);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            jdk().checkClientTrusted(chain, authType, engine);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            jdk().checkClientTrusted(chain, authType, socket);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            jdk().checkClientTrusted(chain, authType);
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            try {
                return jdk().getAcceptedIssuers();
            } catch (CertificateException e) {
                return new X509Certificate[0];
            }
        }
    }
}
